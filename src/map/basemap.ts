/**
 * The embedded basemap: world-atlas TopoJSON (Natural Earth countries) → GeoJSON,
 * joined to the dataset's stances by ISO 3166-1 numeric code, and made safe for a
 * planar renderer (MapLibre) across the 180° meridian. Pure: no fetching here (see
 * basemapLoader.ts), so it is tested on the real world-atlas files.
 *
 * d3-geo (the SVG engine) draws world-atlas geometry as it comes: it is spherical and
 * clips at the antimeridian itself. MapLibre is planar: a ring that steps from +180 to
 * −180 is drawn as a stripe across the whole map, so MapLibre gets `fixAntimeridian`.
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

export type Resolution = "110m" | "50m";
export type StancePosition = "refuse" | "welcome";

export interface CountryProps {
  /** ISO 3166-1 numeric, three digits ("643"), or null for the few world-atlas units without one. */
  iso: string | null;
  name: string;
  stance: StancePosition | null;
  /** A route starts or ends here: drawn in --land-focus. */
  focus: boolean;
}

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProps>;
export type Countries = FeatureCollection<Polygon | MultiPolygon, CountryProps>;

export interface Basemap {
  resolution: Resolution;
  countries: Countries;
  /** Land borders between countries (shared arcs only: coasts are the land/water edge). */
  borders: MultiLineString;
}

/** World-atlas ids are strings ("643", "51" in some builds): pad to three digits; null when absent. */
export function normaliseIso(id: unknown): string | null {
  if (id === undefined || id === null || id === "") return null;
  const s = String(id);
  return /^\d{1,3}$/.test(s) ? s.padStart(3, "0") : null;
}

export interface StanceLike {
  iso: string | null;
  position: StancePosition;
}

/**
 * Converts world-atlas `countries-*.json` to country features with stances joined by
 * ISO numeric id. Antarctica is left out: Web Mercator cannot show it and its rings
 * run round the pole, which a planar renderer cannot fill without inventing edges.
 */
export function basemapFromTopology(
  topology: Topology,
  resolution: Resolution,
  stances: readonly StanceLike[] = [],
  focusIsos: readonly string[] = [],
): Basemap {
  const object = topology.objects["countries"] as GeometryCollection<{ name: string }> | undefined;
  if (!object) throw new Error("The basemap TopoJSON has no `countries` object (is it a world-atlas countries file?).");
  const byIso = new Map<string, StancePosition>();
  for (const s of stances) {
    const iso = normaliseIso(s.iso);
    if (iso) byIso.set(iso, s.position);
  }
  const focus = new Set(focusIsos.map(normaliseIso).filter((v): v is string => v !== null));
  const fc = feature(topology, object) as FeatureCollection<Polygon | MultiPolygon | null, { name: string }>;
  const countries: CountryFeature[] = [];
  for (const f of fc.features) {
    const iso = normaliseIso(f.id);
    if (!f.geometry || iso === ANTARCTICA) continue;
    countries.push({
      type: "Feature",
      id: iso ?? undefined,
      properties: {
        iso,
        name: f.properties?.name ?? "",
        stance: iso ? (byIso.get(iso) ?? null) : null,
        focus: iso ? focus.has(iso) : false,
      },
      geometry: f.geometry,
    });
  }
  const borders = mesh(topology, object, (a, b) => a !== b);
  return { resolution, countries: { type: "FeatureCollection", features: countries }, borders };
}

const ANTARCTICA = "010";

const converted = new WeakMap<Topology, Map<string, Basemap>>();

/**
 * basemapFromTopology, made once per topology, resolution, stances and focus: converting
 * the 50m world takes a phone tens of milliseconds, and every map and slide on a page
 * draws from the same few.
 */
export function cachedBasemap(
  topology: Topology,
  resolution: Resolution,
  stances: readonly StanceLike[],
  focusIsos: readonly string[],
): Basemap {
  const key = JSON.stringify([resolution, stances.map((s) => [s.iso, s.position]), focusIsos]);
  let byKey = converted.get(topology);
  if (!byKey) converted.set(topology, (byKey = new Map()));
  let basemap = byKey.get(key);
  if (!basemap) byKey.set(key, (basemap = basemapFromTopology(topology, resolution, stances, focusIsos)));
  return basemap;
}

/** Longest step in longitude between consecutive vertices (ignoring edges that run along a pole). */
export function maxLongitudeStep(geometry: Polygon | MultiPolygon | MultiLineString): number {
  const lines: Position[][] =
    geometry.type === "Polygon"
      ? geometry.coordinates
      : geometry.type === "MultiPolygon"
        ? geometry.coordinates.flat()
        : geometry.coordinates;
  let max = 0;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      if (isPolarEdge(a, b)) continue;
      max = Math.max(max, Math.abs(b[0]! - a[0]!));
    }
  }
  return max;
}

const isPolarEdge = (a: Position, b: Position) => Math.abs(a[1]!) > 89.9 && Math.abs(b[1]!) > 89.9;

/**
 * Makes one ring continuous in longitude: after a step of more than 180° (a ring that
 * leaves +180 and comes back at −180), later vertices are shifted by ∓360 so the step
 * becomes the short one. A ring that winds once round a pole (its end lands 360° from
 * its start) is closed along the pole's parallel so it stays a simple planar polygon.
 */
export function unwrapRing(ring: readonly Position[]): Position[] {
  if (ring.length === 0) return [];
  const out: Position[] = [[ring[0]![0]!, ring[0]![1]!]];
  let offset = 0;
  for (let i = 1; i < ring.length; i++) {
    const prev = ring[i - 1]!;
    const p = ring[i]!;
    if (!isPolarEdge(prev, p)) {
      const step = p[0]! - prev[0]!;
      if (step > 180) offset -= 360;
      else if (step < -180) offset += 360;
    }
    out.push([p[0]! + offset, p[1]!]);
  }
  if (offset !== 0) {
    // Polar ring: go down (or up) to the pole, across, and back to the start.
    const first = out[0]!;
    const last = out[out.length - 1]!;
    const pole = first[1]! < 0 ? -90 : 90;
    out.push([last[0]!, pole], [first[0]!, pole], [first[0]!, first[1]!]);
  }
  return out;
}

const ringCentre = (ring: readonly Position[]) => {
  let min = Infinity;
  let max = -Infinity;
  for (const p of ring) {
    min = Math.min(min, p[0]!);
    max = Math.max(max, p[0]!);
  }
  return (min + max) / 2;
};

const shiftRing = (ring: readonly Position[], dx: number): Position[] =>
  dx === 0 ? (ring as Position[]) : ring.map((p) => [p[0]! + dx, p[1]!]);

/** The multiple of 360 that brings `lon` nearest `anchor`. */
const wrapShift = (lon: number, anchor: number) => Math.round((anchor - lon) / 360) * 360;

/**
 * Fixes a (multi)polygon for planar rendering across the antimeridian: every ring is
 * unwrapped (`unwrapRing`); holes follow their exterior; and when any part crossed
 * 180°, the feature's other parts are shifted by ±360 next to it, so Russia's
 * Chukotka islands at −170° sit at +190°, beside the mainland, and the whole country
 * draws as one piece (MapLibre repeats it in the neighbouring world copies).
 * Geometry that does not cross is returned unchanged (same object).
 */
export function fixAntimeridian<G extends Polygon | MultiPolygon>(geometry: G): G {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const crosses = (ring: readonly Position[]) =>
    ring.some((p, i) => i > 0 && !isPolarEdge(ring[i - 1]!, p) && Math.abs(p[0]! - ring[i - 1]![0]!) > 180);
  if (!polygons.some((poly) => poly.some(crosses))) return geometry;

  let anchor = 0;
  let anchorSize = -1;
  const fixed: Position[][][] = [];
  for (const poly of polygons) {
    const exterior = unwrapRing(poly[0] ?? []);
    const centre = ringCentre(exterior);
    const holes = poly.slice(1).map((hole) => {
      const h = unwrapRing(hole);
      return shiftRing(h, wrapShift(ringCentre(h), centre));
    });
    if (crosses(poly[0] ?? []) && exterior.length > anchorSize) {
      anchor = centre;
      anchorSize = exterior.length;
    }
    fixed.push([exterior, ...holes]);
  }
  const moved = fixed.map((rings) => {
    const dx = wrapShift(ringCentre(rings[0] ?? []), anchor);
    return rings.map((r) => shiftRing(r, dx));
  });
  return (
    geometry.type === "Polygon" ? { ...geometry, coordinates: moved[0] } : { ...geometry, coordinates: moved }
  ) as G;
}

/** Splits border lines where they jump across the antimeridian (none do in world-atlas today). */
export function splitLinesAtAntimeridian(lines: MultiLineString): MultiLineString {
  const out: Position[][] = [];
  for (const line of lines.coordinates) {
    let part: Position[] = [];
    for (const p of line) {
      const prev = part[part.length - 1];
      if (prev && Math.abs(p[0]! - prev[0]!) > 180) {
        if (part.length > 1) out.push(part);
        part = [];
      }
      part.push(p);
    }
    if (part.length > 1) out.push(part);
  }
  return { type: "MultiLineString", coordinates: out };
}

const planar = new WeakMap<Basemap, Basemap>();

/**
 * The basemap as MapLibre should receive it: every country fixed for the antimeridian.
 * Made once per basemap, so a map started before the app and the app's own copy of the
 * basemap are the same object, and MapLibre is not sent it twice.
 */
export function planarBasemap(basemap: Basemap): Basemap {
  let out = planar.get(basemap);
  if (!out) planar.set(basemap, (out = toPlanar(basemap)));
  return out;
}

function toPlanar(basemap: Basemap): Basemap {
  return {
    ...basemap,
    countries: {
      type: "FeatureCollection",
      features: basemap.countries.features.map((f) => {
        const geometry = fixAntimeridian(f.geometry);
        return geometry === f.geometry ? f : { ...f, geometry };
      }),
    },
    borders: splitLinesAtAntimeridian(basemap.borders),
  };
}

/** Camera bounds → the detail the basemap needs: 50m once the view is narrower than 45° of longitude. */
export function resolutionForBounds(
  bounds: readonly [readonly [number, number], readonly [number, number]],
): Resolution {
  const [[w], [e]] = bounds;
  const span = e >= w ? e - w : e + 360 - w;
  return span < 45 ? "50m" : "110m";
}
