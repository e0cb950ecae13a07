import { describe, expect, it } from "vitest";
import { fillPage } from "./prerenderPlugin.ts";

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
