import { describe, expect, it } from "vitest";
import { CSP_POLICY } from "../security/csp.ts";
import { headersFile } from "./headersFile.ts";
import { CACHE_IMMUTABLE, CACHE_SHORT, OEMBED_CONTENT_TYPE } from "./responseHeaders.ts";

const FILES = [
  "_headers",
  "assets/client-abc.js",
  "assets/client-abc.js.br",
  "assets/client-abc.js.gz",
  "assets/countries-110m-def.json",
  "boot.js",
  "data/forces.csv",
  "data/forces.json",
  "data/forces.json.gz",
  "embed-parent.js",
  "embed/forces.html",
  "index.html",
  "index.html.gz",
  "present.html",
];

interface Rule {
  path: string;
  headers: [string, string][];
}

/** The rules, as Netlify and Cloudflare Pages read them. */
function parse(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (!line.startsWith(" ")) rules.push({ path: line, headers: [] });
    else {
      const m = /^\s+([A-Za-z-]+): (.+)$/.exec(line);
      if (!m) throw new Error(`not a header line: ${line}`);
      rules.at(-1)!.headers.push([m[1]!, m[2]!]);
    }
  }
  return rules;
}

const matches = (rule: string, url: string) => (rule.endsWith("*") ? url.startsWith(rule.slice(0, -1)) : rule === url);

/** Every header a host sends for `url`: from all the rules that match it. */
function headersFor(rules: Rule[], url: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rules.filter((r) => matches(r.path, url)))
    for (const [name, value] of r.headers) out.set(name, [...(out.get(name) ?? []), value]);
  return out;
}

describe("headersFile", () => {
  const rules = parse(headersFile("/exodus/", FILES));
  const urls = [
    "/exodus/",
    "/exodus/index.html",
    "/exodus/embed/forces.html",
    "/exodus/present.html",
    "/exodus/boot.js",
    "/exodus/embed-parent.js",
    "/exodus/assets/client-abc.js",
    "/exodus/assets/countries-110m-def.json",
    "/exodus/data/forces.json",
    "/exodus/data/forces.csv",
    "/exodus/oembed/forces.json",
  ];

  it("gives every file each header once: no two matching rules set the same header (hosts would join them)", () => {
    for (const url of urls) {
      const h = headersFor(rules, url);
      for (const [name, values] of h) expect(values, `${url}: ${name}`).toHaveLength(1);
      expect(h.get("Content-Security-Policy"), url).toEqual([CSP_POLICY]);
      expect(h.get("X-Content-Type-Options"), url).toEqual(["nosniff"]);
      expect(h.get("Cache-Control"), url).toHaveLength(1);
      expect(h.has("X-Frame-Options"), url).toBe(false);
    }
  });

  it("caches hashed assets for a year, the rest briefly", () => {
    expect(headersFor(rules, "/exodus/assets/client-abc.js").get("Cache-Control")).toEqual([CACHE_IMMUTABLE]);
    for (const url of urls.filter((u) => !u.includes("/assets/")))
      expect(headersFor(rules, url).get("Cache-Control"), url).toEqual([CACHE_SHORT]);
  });

  it("types CSV and oEmbed JSON and opens data and oEmbed to every origin", () => {
    expect(headersFor(rules, "/exodus/data/forces.csv").get("Content-Type")).toEqual(["text/csv; charset=utf-8"]);
    expect(headersFor(rules, "/exodus/data/forces.json").get("Content-Type")).toEqual(["application/json"]);
    expect(headersFor(rules, "/exodus/oembed/forces.json").get("Content-Type")).toEqual([OEMBED_CONTENT_TYPE]);
    for (const url of ["/exodus/data/forces.json", "/exodus/oembed/forces.json"])
      expect(headersFor(rules, url).get("Access-Control-Allow-Origin"), url).toEqual(["*"]);
    expect(headersFor(rules, "/exodus/index.html").has("Access-Control-Allow-Origin")).toBe(false);
  });

  it("lists neither the precompressed copies nor _headers itself", () => {
    const paths = rules.map((r) => r.path);
    expect(paths.filter((p) => /\.(gz|br)$/.test(p) || p.includes("_headers"))).toEqual([]);
  });

  it("writes paths for the build's base", () => {
    const atRoot = parse(headersFile("/", FILES));
    expect(atRoot.map((r) => r.path)).toContain("/assets/*");
    expect(atRoot.map((r) => r.path)).toContain("/");
    expect(atRoot.every((r) => !r.path.startsWith("/exodus"))).toBe(true);
  });
});
