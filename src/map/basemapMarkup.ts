/**
 * The basemap as SVG markup, small enough to travel in every prerendered page: the
 * countries grouped by fill (one <path> per fill, not one per country), the land
 * borders and the outlines of countries that took a stance, projected with the map's
 * own projection and written as compact path data (whole pixels, relative moves, no
 * repeated points). The world at 1,000 px comes to about 16 KB gzip, where d3-geo's
 * own output (absolute coordinates, one decimal) is about 48 KB.
 *
 * Pure: the prerenderer and the browser make the same string from the same inputs.
 */
import { geoPath, type GeoPermissibleObjects, type GeoProjection } from "d3-geo";
import type { Basemap, CountryFeature } from "./basemap.ts";

/**
 * A CanvasPath-like sink for d3-geo's geoPath: records rings as SVG path data in whole
 * pixels, each move absolute and the points after it relative, skipping a point that
 * lands on the previous one. d3 does the clipping and the antimeridian; this only writes.
 */
export class CompactPathData {
  private out = "";
  private x = 0;
  private y = 0;
  private inRun = false;

  moveTo(x: number, y: number): void {
    this.x = Math.round(x);
    this.y = Math.round(y);
    this.out += `M${this.x},${this.y}`;
    this.inRun = false;
  }

  lineTo(x: number, y: number): void {
    const nx = Math.round(x);
    const ny = Math.round(y);
    const dx = nx - this.x;
    const dy = ny - this.y;
    if (dx === 0 && dy === 0) return;
    // "l" once, then bare pairs; a minus sign separates numbers by itself.
    const pair = `${dx}${dy < 0 ? "" : ","}${dy}`;
    this.out += this.inRun ? (dx < 0 ? pair : ` ${pair}`) : `l${pair}`;
    this.inRun = true;
    this.x = nx;
    this.y = ny;
  }

  closePath(): void {
    this.out += "z";
    this.inRun = false;
  }

  // d3 draws points as arcs; the basemap has none.
  arc(): void {}

  toString(): string {
    return this.out;
  }
}

/** Compact path data of a GeoJSON object under `projection` (its clip extent applies). */
export function compactPath(projection: GeoProjection, object: GeoPermissibleObjects): string {
  const sink = new CompactPathData();
  geoPath(projection, sink as unknown as CanvasRenderingContext2D)(object);
  return sink.toString();
}

type Fill = "land" | "land-focus" | "refuse-fill" | "welcome-fill";

const fillOf = (f: CountryFeature): Fill =>
  f.properties.stance === "refuse"
    ? "refuse-fill"
    : f.properties.stance === "welcome"
      ? "welcome-fill"
      : f.properties.focus
        ? "land-focus"
        : "land";

/** The inner markup of the basemap's <g>: fills, then borders, then stance outlines. */
export function basemapMarkup(basemap: Basemap, projection: GeoProjection): string {
  const byFill = new Map<Fill, CountryFeature[]>();
  for (const f of basemap.countries.features) {
    const fill = fillOf(f);
    byFill.set(fill, [...(byFill.get(fill) ?? []), f]);
  }
  const parts: string[] = [];
  for (const fill of ["land", "land-focus", "refuse-fill", "welcome-fill"] as const) {
    const features = byFill.get(fill);
    if (!features) continue;
    const d = compactPath(projection, { type: "FeatureCollection", features });
    if (d) parts.push(`<path d="${d}" fill="var(--${fill})"></path>`);
  }
  const borders = compactPath(projection, basemap.borders);
  if (borders)
    parts.push(
      `<path d="${borders}" fill="none" stroke="var(--border)" stroke-width="0.6" stroke-linejoin="round" vector-effect="non-scaling-stroke"></path>`,
    );
  for (const stance of ["refuse", "welcome"] as const) {
    const features = basemap.countries.features.filter((f) => f.properties.stance === stance);
    const d = features.length ? compactPath(projection, { type: "FeatureCollection", features }) : "";
    if (d)
      parts.push(
        `<path d="${d}" fill="none" stroke="var(--${stance})" stroke-width="1" stroke-linejoin="round" vector-effect="non-scaling-stroke"></path>`,
      );
  }
  return parts.join("");
}
