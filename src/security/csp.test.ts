import { describe, expect, it } from "vitest";
import {
  CSP_DIRECTIVES,
  CSP_HEADER_POLICY,
  CSP_POLICY,
  CSP_REPORT_PATH,
  inlineScriptProblems,
  withPolicyMeta,
} from "./csp.ts";

describe("the Content Security Policy", () => {
  it("allows scripts from the page's own origin only: no eval, no inline script", () => {
    expect(CSP_DIRECTIVES["script-src"]).toEqual(["'self'"]);
    expect(CSP_POLICY).not.toMatch(/unsafe-eval|unsafe-hashes|strict-dynamic/);
    expect(CSP_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(CSP_DIRECTIVES["object-src"]).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES["base-uri"]).toEqual(["'self'"]);
  });

  it("never restricts framing (embeds are framed by any site) and keeps meta-only directives out of the meta policy", () => {
    expect(CSP_POLICY).not.toMatch(/frame-ancestors|report-uri|report-to|sandbox/);
    expect(CSP_HEADER_POLICY).not.toContain("frame-ancestors");
    expect(CSP_HEADER_POLICY).toBe(`${CSP_POLICY}; report-uri ${CSP_REPORT_PATH}`);
  });

  it("needs no blob: or data: worker (MapLibre's worker is a same-origin file)", () => {
    expect(CSP_DIRECTIVES["worker-src"]).toEqual(["'self'"]);
  });
});

describe("inlineScriptProblems", () => {
  it("accepts external module scripts and JSON data blocks", () => {
    expect(
      inlineScriptProblems(
        `<script type="module" crossorigin src="/assets/a.js"></script><script type="application/json">{"a":1}</script>`,
      ),
    ).toEqual([]);
  });

  it("finds inline scripts, inline handlers and javascript: URLs", () => {
    expect(inlineScriptProblems(`<script>alert(1)</script>`)).toHaveLength(1);
    expect(inlineScriptProblems(`<script type="module">import "x"</script>`)).toHaveLength(1);
    expect(inlineScriptProblems(`<body onload="go()">`)).toEqual(["inline event handler onload="]);
    expect(inlineScriptProblems(`<a href="javascript:void 0">x</a>`)).toEqual(["javascript: URL"]);
  });
});

describe("withPolicyMeta", () => {
  it("puts the policy right after the charset, before any script", () => {
    const html = withPolicyMeta(
      `<!doctype html><html><head>\n<meta charset="utf-8" />\n<script type="module" src="/a.js"></script></head></html>`,
    );
    const meta = html.indexOf(`<meta http-equiv="Content-Security-Policy" content="${CSP_POLICY}" />`);
    expect(meta).toBeGreaterThan(html.indexOf("charset"));
    expect(meta).toBeLessThan(html.indexOf("<script"));
  });

  it("falls back to the start of <head>, and refuses a page that already has a policy", () => {
    expect(withPolicyMeta(`<html><head><title>x</title></head></html>`)).toMatch(
      /<head>\n\s*<meta http-equiv="Content-Security-Policy"/,
    );
    expect(() =>
      withPolicyMeta(`<head><meta http-equiv="Content-Security-Policy" content="default-src *"></head>`),
    ).toThrow(/already/);
  });
});
