// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { builtDataset } from "../../test/unit/builtDataset.ts";
import { pageHead } from "./pageHead.ts";
import { pageById } from "./pages.ts";
import { oembedJson, publicUrlFrom, publishingTags, siteUrl } from "./publishing.ts";

const SITE = { base: "/exodus/", publicUrl: "https://graphics.example.org/exodus/" };
const LOCAL = { base: "/exodus/", publicUrl: null };

describe("publicUrlFrom", () => {
  it("takes an absolute http(s) URL, ending it in a slash, and refuses anything else", () => {
    expect(publicUrlFrom(undefined)).toBeNull();
    expect(publicUrlFrom("")).toBeNull();
    expect(publicUrlFrom("https://graphics.example.org/exodus")).toBe("https://graphics.example.org/exodus/");
    expect(() => publicUrlFrom("/exodus/")).toThrow();
    expect(() => publicUrlFrom("ftp://example.org/")).toThrow(/http/);
  });

  it("makes URLs absolute with a public URL, root-relative under the base without one", () => {
    expect(siteUrl("embed/forces.html", SITE)).toBe("https://graphics.example.org/exodus/embed/forces.html");
    expect(siteUrl("embed/forces.html", LOCAL)).toBe("/exodus/embed/forces.html");
  });
});

const forces = builtDataset("forces");

describe.skipIf(!forces)("a graphic page's link preview, oEmbed and JSON-LD", () => {
  const page = pageById("embed-forces")!;
  const data = { forces: forces! };
  const tags = publishingTags(page, pageHead(page, data), data, SITE);
  const doc = new DOMParser().parseFromString(`<head>${tags.join("")}</head>`, "text/html");
  const content = (selector: string) => doc.querySelector(selector)?.getAttribute("content");

  it("has its own canonical URL, title and description as Open Graph and Twitter tags", () => {
    const url = "https://graphics.example.org/exodus/embed/forces.html";
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(url);
    expect(content('meta[property="og:url"]')).toBe(url);
    expect(content('meta[property="og:title"]')).toContain(forces!.meta.title);
    expect(content('meta[property="og:description"]')).toBe(forces!.meta.subtitle);
    expect(content('meta[name="twitter:title"]')).toContain(forces!.meta.title);
  });

  it("links its oEmbed JSON, which is a rich response with a responsive iframe of the graphic", () => {
    const link = doc.querySelector('link[rel="alternate"][type="application/json+oembed"]')!;
    expect(link.getAttribute("href")).toBe("https://graphics.example.org/exodus/oembed/forces.json");
    const o = oembedJson("forces", forces!.meta, SITE);
    expect(o).toMatchObject({ type: "rich", version: "1.0", title: forces!.meta.title });
    expect(o.width).toBeGreaterThan(0);
    expect(o.height).toBeGreaterThan(0);
    const iframe = new DOMParser().parseFromString(o.html, "text/html").querySelector("iframe")!;
    expect(iframe.getAttribute("src")).toBe("https://graphics.example.org/exodus/embed/forces.html");
    expect(iframe.getAttribute("title")).toBe(forces!.meta.title);
  });

  it("cites each article it is based on, and its corrections, in JSON-LD", () => {
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld["@type"]).toBe("Dataset");
    expect(ld.isBasedOn.map((a: { headline: string }) => a.headline)).toEqual(
      forces!.meta.sources.map((s) => s.headline),
    );
    expect(ld.correction).toHaveLength(forces!.meta.corrections.length);
    expect(ld.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ld.distribution.map((d: { contentUrl: string }) => d.contentUrl)).toContain(
      "https://graphics.example.org/exodus/data/forces.csv",
    );
  });

  it("without a public URL, its links are under the base path", () => {
    const local = publishingTags(page, pageHead(page, data), data, LOCAL).join("");
    expect(local).toContain('href="/exodus/embed/forces.html"');
    expect(local).toContain('href="/exodus/oembed/forces.json"');
  });
});
