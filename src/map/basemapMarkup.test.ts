import { geoMercator, geoPath } from "d3-geo";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { basemapFromTopology } from "./basemap.ts";
import { basemapMarkup, CompactPathData, compactPath } from "./basemapMarkup.ts";
import { exitRoutesFixture } from "./testData.ts";

const topology = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../node_modules/world-atlas/countries-110m.json"), "utf8"),
) as Topology;
const data = exitRoutesFixture();
const basemap = basemapFromTopology(topology, "110m", data.stances, ["643"]);
const world = (w: number, h: number) =>
  geoMercator()
    .fitExtent(
      [
        [10, 10],
        [w - 10, h - 10],
      ],
      { type: "Sphere" },
    )
    .clipExtent([
      [0, 0],
      [w, h],
    ]);

/** Absolute points of compact path data, to compare with d3's own output. */
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([Mlz])([^Mlz]*)/g)) {
    const nums = (args!.match(/-?\d+/g) ?? []).map(Number);
    for (let i = 0; i + 1 < nums.length; i += 2) {
      if (cmd === "M") [x, y] = [nums[i]!, nums[i + 1]!];
      else [x, y] = [x + nums[i]!, y + nums[i + 1]!];
      out.push([x, y]);
    }
  }
  return out;
}

describe("CompactPathData", () => {
  it("writes whole pixels, relative after each move, without repeats", () => {
    const p = new CompactPathData();
    p.moveTo(10.4, 20.6);
    p.lineTo(12, 21);
    p.lineTo(12.2, 20.9); // the same pixel: dropped
    p.lineTo(11, 25);
    p.lineTo(14, 22);
    p.closePath();
    p.moveTo(0, 0);
    p.lineTo(-3, -4);
    expect(p.toString()).toBe("M10,21l2,0-1,4 3-3zM0,0l-3-4");
    expect(points(p.toString())).toEqual([
      [10, 21],
      [12, 21],
      [11, 25],
      [14, 22],
      [0, 0],
      [-3, -4],
    ]);
  });

  it("traces the same rings as d3's own path output, to the pixel", () => {
    const projection = world(640, 400);
    const russia = basemap.countries.features.find((f) => f.properties.iso === "643")!;
    const ours = points(compactPath(projection, russia));
    const d3 = geoPath(projection).digits(0)(russia)!;
    const theirs = points(d3.replace(/L/g, "l").replace(/Z/g, "z")).length; // count only: d3's are absolute
    expect(ours.length).toBeGreaterThan(50);
    expect(ours.length).toBeLessThanOrEqual(theirs);
    for (const [x, y] of ours) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(640);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(400);
    }
  });
});

describe("basemapMarkup", () => {
  it("is one path per fill, the borders and the stance outlines, in theme colours, lines as thick at any scale", () => {
    const markup = basemapMarkup(basemap, world(1000, 620));
    const paths = [...markup.matchAll(/<path d="[^"]+" ([^>]*)><\/path>/g)].map((m) => m[1]);
    expect(paths).toEqual([
      'fill="var(--land)"',
      'fill="var(--land-focus)"',
      'fill="var(--refuse-fill)"',
      'fill="var(--welcome-fill)"',
      'fill="none" stroke="var(--border)" stroke-width="0.6" stroke-linejoin="round" vector-effect="non-scaling-stroke"',
      'fill="none" stroke="var(--refuse)" stroke-width="1" stroke-linejoin="round" vector-effect="non-scaling-stroke"',
      'fill="none" stroke="var(--welcome)" stroke-width="1" stroke-linejoin="round" vector-effect="non-scaling-stroke"',
    ]);
  });

  it("is small enough to travel in a page: the world at 1,000 px under 20 KB gzip", () => {
    const markup = basemapMarkup(basemap, world(1000, 620));
    expect(gzipSync(markup).length).toBeLessThan(20_000);
  });

  it("is the same string every time (the prerenderer and the browser make it alike)", () => {
    expect(basemapMarkup(basemap, world(400, 300))).toBe(basemapMarkup(basemap, world(400, 300)));
  });
});
