import { describe, expect, it } from "vitest";
import { LIGHT_TOKENS as tokens } from "../ui/tokens.ts";
import { artboardSvg, cardScale, ogCardSvg, ogPng, resolveTokens } from "./ogImage.ts";

const chart =
  '<svg data-export="" viewBox="0 0 1000 400" width="1000" height="400"><rect width="10" height="10" style="fill:var(--flow)"></rect><text style="fill:var(--fg)">98,000*</text></svg>';

describe("link-preview images", () => {
  it("read the light theme's tokens, and refuse a colour they do not define", () => {
    expect(tokens.get("--fg")).toBe("#1a1a1a");
    expect(resolveTokens(chart, tokens)).not.toContain("var(");
    expect(() => resolveTokens('<rect fill="var(--nope)"/>', tokens)).toThrow(/--nope/);
  });

  it("escape a value with quotes, so that it cannot break the attribute it lands in", () => {
    const font = tokens.get("--font")!;
    expect(font).toContain('"');
    const svg = resolveTokens('<text font-family="var(--font)">A</text>', tokens);
    // The attribute runs to the next quote; its entities decode to the value itself.
    const attribute = /font-family="([^"]*)">A</.exec(svg)?.[1];
    expect(attribute?.replaceAll("&quot;", '"').replaceAll("&amp;", "&")).toBe(font);
  });

  it("take an artboard of the graphic's own panel, and copy in the map's shared basemap", () => {
    const page =
      '<div data-panel="forces"><div data-artboard="320"><svg viewBox="0 0 320 9"></svg></div>' +
      `<div data-artboard="1000">${chart}</div></div>`;
    expect(artboardSvg(page, "forces", 1000)).toBe(chart);
    expect(artboardSvg(page, "forces", 640)).toBeNull();
    // Not another panel's, further down the page.
    expect(artboardSvg(`<div data-panel="exit-routes"></div>${page}`, "exit-routes", 1000)).toBeNull();
    const map =
      '<div data-panel="exit-routes"><svg class="exit-map__defs"><defs><g id="b1"><path d="M0,0l5,5"></path></g></defs></svg>' +
      '<div class="artboard artboard--1000"><svg viewBox="0 0 1000 560"><use href="#b1" transform="matrix(1 0 0 1 0 0)"></use></svg></div></div>';
    expect(artboardSvg(map, "exit-routes", 1000)).toBe(
      '<svg viewBox="0 0 1000 560"><g transform="matrix(1 0 0 1 0 0)"><path d="M0,0l5,5"></path></g></svg>',
    );
    expect(() => artboardSvg(map, "forces", 1000)).toThrow(/no forces panel/);
  });

  it("are a 1200 × 630 PNG: title, the graphic scaled into the room left, source line and site name", () => {
    const svg = ogCardSvg({
      title: "Routes out of Russia reported in 2022",
      graphic: resolveTokens(chart, tokens),
      source: "Source: “A”.",
    });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630"/);
    expect(svg).toContain(">Routes out of Russia reported in 2022</text>");
    expect(svg).toContain(">Source: “A”.</text>");
    expect(svg).toContain(">Leaving Russia in 2022</text>");
    // The graphic keeps its aspect: 1000 × 400 scaled to the 1104 px between the margins at most.
    const [, w, h] = /<svg x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="([\d.]+)" viewBox="0 0 1000 400"/.exec(svg)!;
    expect(Number(w) / Number(h)).toBeCloseTo(2.5, 2);
    expect(Number(w)).toBeLessThanOrEqual(1104);
    // A short chart is scaled up, a tall one down, to the room between title and footer.
    const caption = { title: "T", source: "S." };
    expect(cardScale(caption, '<svg viewBox="0 0 640 100">')).toBeCloseTo(1104 / 640, 3);
    expect(cardScale(caption, '<svg viewBox="0 0 640 1000">')).toBeLessThan(0.5);
    const png = ogPng(svg);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it("cut a title that runs past two lines with an ellipsis", () => {
    const svg = ogCardSvg({ title: "word ".repeat(60).trim(), graphic: chart, source: "S." });
    const lines = [...svg.matchAll(/font-size="40"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
  });
});
