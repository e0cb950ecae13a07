import { describe, expect, it } from "vitest";
import { PAGES } from "../pages/pages.ts";
import { APP_META, deferApp, fillPage, inlineStylesheets, startsAfterPaint } from "./prerenderPlugin.ts";

const built = `<html><head><title><!--page-title--></title><!--page-head-->
<script src="/boot.js"></script>
<script type="module" crossorigin src="/assets/explorer.js"></script>
<link rel="modulepreload" crossorigin href="/assets/shared.js">
<link rel="stylesheet" crossorigin href="/assets/styles.css">
</head><body><div id="root"><!--page-body--></div><!--page-data--></body></html>`;

const rendered = { body: "<main></main>", head: { title: "T", description: "D" }, dataScript: "" };

describe("fillPage", () => {
  const page = fillPage(built, rendered, {
    js: ["/assets/Graphic.js", "/assets/shared.js"],
    css: ["/assets/Graphic.css", "/assets/styles.css"],
  });

  it("preloads each chunk once: not again one the entry already preloads", () => {
    expect(page.match(/href="\/assets\/shared\.js"/g)).toHaveLength(1);
    expect(page.match(/href="\/assets\/Graphic\.js"/g)).toHaveLength(1);
    expect(page.match(/href="\/assets\/styles\.css"/g)).toHaveLength(1);
  });

  it("links the lazy graphics' chunks after boot.js and the page's own stylesheets", () => {
    expect(page.indexOf("/assets/Graphic.js")).toBeGreaterThan(page.indexOf("/assets/styles.css"));
    expect(page.indexOf("/assets/Graphic.css")).toBeGreaterThan(page.indexOf("/boot.js"));
  });
});

describe("inlineStylesheets", () => {
  const page = fillPage(built, rendered, { js: [], css: ["/assets/Graphic.css"] });
  const css: Record<string, string> = {
    "/assets/styles.css": ":root{--bg:#fff}",
    "/assets/Graphic.css": ".map{background:url(data:image/png;base64,AA==)}",
  };
  const inlined = inlineStylesheets(page, (href) => css[href]!);

  it("writes every stylesheet into the head, in order, before its first script", () => {
    const styles = [...inlined.matchAll(/<style data-href="([^"]+)">([^<]*)<\/style>/g)];
    expect(styles.map((m) => [m[1], m[2]])).toEqual([
      ["/assets/styles.css", css["/assets/styles.css"]],
      ["/assets/Graphic.css", css["/assets/Graphic.css"]],
    ]);
    expect(inlined.indexOf("<style")).toBeLessThan(inlined.indexOf("<script"));
  });

  it("leaves each link disabled, so neither the browser nor Vite's loader fetches it", () => {
    expect(inlined.match(/<link rel="stylesheet"[^>]*>/g)).toEqual([
      '<link rel="stylesheet" crossorigin href="/assets/styles.css" disabled />',
      '<link rel="stylesheet" crossorigin href="/assets/Graphic.css" disabled />',
    ]);
  });

  it("refuses a stylesheet whose url()s would mean something else from the page", () => {
    expect(() => inlineStylesheets(page, () => ".a{background:url(img/a.png)}")).toThrow(/relative url/);
  });
});

describe("deferApp", () => {
  const page = fillPage(built, rendered, { js: ["/assets/Graphic.js", "/assets/shared.js"], css: [] }, [
    '<script type="module" async crossorigin src="/assets/map-start.js"></script>',
  ]);
  const deferred = deferApp(page);

  it("lists the entry, then every module to preload once, for boot.js, and leaves no tag that fetches them", () => {
    const meta = new RegExp(`<meta name="${APP_META}" content="([^"]+)" />`).exec(deferred)?.[1];
    expect(meta?.split(" ")).toEqual(["/assets/explorer.js", "/assets/shared.js", "/assets/Graphic.js"]);
    expect(deferred).not.toMatch(/modulepreload/);
    expect(deferred).not.toMatch(/src="\/assets\/explorer\.js"/);
    expect(deferred.indexOf(`name="${APP_META}"`)).toBeLessThan(deferred.indexOf("/boot.js"));
  });

  it("keeps what is not the app's: boot.js, the graphic's async start module, the stylesheets", () => {
    expect(deferred).toContain('<script src="/boot.js"></script>');
    expect(deferred).toContain('<script type="module" async crossorigin src="/assets/map-start.js"></script>');
    expect(deferred).toContain('<link rel="stylesheet" crossorigin href="/assets/styles.css">');
  });

  it("refuses a module tag written in a form it does not know, which would still be fetched before the paint", () => {
    expect(() =>
      deferApp(page.replace("</head>", '<link rel="modulepreload" href="/assets/x.js" crossorigin></head>')),
    ).toThrow(/left in the page/);
  });

  it("is for the pages that draw graphics: the embed chooser (a redirect) and the previewer start at once", () => {
    expect(PAGES.filter(startsAfterPaint).map((p) => p.kind)).toEqual(
      expect.arrayContaining(["explorer", "embed", "presentation"]),
    );
    expect(
      PAGES.filter((p) => !startsAfterPaint(p))
        .map((p) => p.kind)
        .sort(),
    ).toEqual(["embed-chooser", "previewer"]);
  });

  it("refuses a page with no entry, two of them, or no boot.js to start it", () => {
    expect(() => deferApp(page.replace(/<script type="module" crossorigin[^>]*><\/script>/, ""))).toThrow(/0 entry/);
    expect(() =>
      deferApp(page.replace("</body>", '<script type="module" crossorigin src="/b.js"></script></body>')),
    ).toThrow(/2 entry/);
    expect(() => deferApp(page.replace('<script src="/boot.js"></script>', ""))).toThrow(/boot\.js/);
  });
});
