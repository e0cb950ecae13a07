/**
 * The exit-route flow model: pure functions that turn the exit-routes dataset and the
 * map filters into what both renderers draw (MapLibre and the SVG fallback). It knows
 * no pixels beyond line widths: filtering, route order, arc geometry (with antimeridian
 * unwrapping), the width scale and its legend stops, and the unquantified flags.
 */
import type { FeatureCollection, LineString, Point, Position } from "geojson";
import { compareText, formatInteger, formatQuantity, marked } from "../format/formatFigure.ts";
import type { CaveatNote, ExitRoutesDataset, FigureRef, PlaceRecord, RouteRecord } from "../schema/datasets.ts";
import { Mode } from "../schema/primitives.ts";
import { cameraById, inBounds } from "./mapCamera.ts";

/** What a route draws as: a counted flow, a flow with no number, or sold-out flights. */
export type RouteStyle = "flow" | "unquantified" | "flights";

/** The words shown wherever a route has no number. */
export const NO_NUMBER = "no number reported";

/** Mode labels for filters, lists and text. */
export const MODE_LABELS: Record<Mode, string> = {
  road: "road",
  sea: "sea",
  air: "air",
  foot: "on foot",
  unstated: "not stated",
};

export interface MapFilters {
  /** "all" or a period id from `data.periods`. */
  period: string;
  /** Modes shown; every mode when empty (the store's convention). */
  modes: readonly Mode[];
}

export interface WidthScaleOptions {
  /** Width in CSS pixels of a line at the top of the scale. Default 14. */
  maxWidth?: number;
  /** Smallest width in CSS pixels, so a tiny count stays visible. Default 1.5. */
  minWidth?: number;
}

export interface WidthStop {
  value: number;
  width: number;
  label: string;
}

export interface WidthScale {
  /** The nice value drawn at `maxWidth` (≥ the largest count). */
  top: number;
  maxWidth: number;
  minWidth: number;
  unit: string;
  /** Line width in CSS pixels for a count. Linear: width is a length, so it is read linearly. */
  width: (value: number) => number;
  /** Two or three reference widths for the legend, largest first. */
  stops: WidthStop[];
}

export interface FlowLeg {
  routeId: string;
  index: number;
  mode: Mode;
  /** [lon, lat]; `to` is unwrapped so the leg takes the short way round (lon may leave ±180). */
  from: Position;
  to: Position;
  coordinates: Position[];
  /** Direction of travel at the destination, degrees clockwise from north on a north-up Mercator map. */
  endBearing: number;
  /** The last leg of its route: it carries the arrowhead. */
  final: boolean;
  /**
   * The sources do not say which way this leg ran (mode "unstated", ends farther apart
   * than LOCAL_HOP_KM): only its last STUB_KM are drawn, arriving from the side of the
   * leg that follows it (see stubCoordinates).
   */
  stub: boolean;
}

export interface FlowRoute {
  id: string;
  label: string;
  style: RouteStyle;
  /** The counted value, or null when unquantified (never given a made-up width). */
  value: number | null;
  figure: FigureRef | null;
  /** Line width in CSS pixels. */
  width: number;
  modes: Mode[];
  period: string;
  periodLabel: string;
  origin: PlaceRecord;
  destination: PlaceRecord;
  /** Places along the route, origin first. */
  stops: PlaceRecord[];
  legs: FlowLeg[];
  record: RouteRecord;
}

export interface FlowModel {
  /** Every route, in display order (largest count first, then unquantified, then flights). */
  routes: FlowRoute[];
  scale: WidthScale;
  places: ReadonlyMap<string, PlaceRecord>;
  /** Modes that occur in the data, in schema order: the mode filter's options. */
  modes: Mode[];
  /** Period ids in the data; a filter naming another period (an old URL) shows all. */
  periods: string[];
}

// ---------------------------------------------------------------- filtering

/** Modes that occur in the routes, in the schema's order. */
export function modesInData(routes: readonly RouteRecord[]): Mode[] {
  const present = new Set(routes.flatMap((r) => [...r.modes, ...r.legs.map((l) => l.mode)]));
  return Mode.options.filter((m) => present.has(m));
}

/** A route shows when its period matches and any of its modes is selected. */
export function routeMatchesFilters(route: Pick<RouteRecord, "period" | "modes">, filters: MapFilters): boolean {
  if (filters.period !== "all" && route.period !== filters.period) return false;
  if (filters.modes.length === 0) return true;
  return route.modes.some((m) => filters.modes.includes(m));
}

export function filterRoutes<R extends { record: RouteRecord } | RouteRecord>(
  routes: readonly R[],
  filters: MapFilters,
): R[] {
  return routes.filter((r) => routeMatchesFilters("record" in r ? r.record : r, filters));
}

/** The filters as the model can apply them: an unknown period or mode (e.g. from an old link) is ignored. */
export function effectiveFilters(model: Pick<FlowModel, "periods" | "modes">, filters: MapFilters): MapFilters {
  const modes = filters.modes.filter((m) => model.modes.includes(m));
  return {
    period: model.periods.includes(filters.period) ? filters.period : "all",
    modes: modes.length === model.modes.length ? [] : modes,
  };
}

// ---------------------------------------------------------------- geometry

const RAD = Math.PI / 180;
/** Web Mercator's latitude limit. */
export const MAX_MERCATOR_LAT = 85.0511287798;

/** Mercator y in degree-equivalent units (equal to longitude units), so x/y distances compare. */
export function mercatorY(lat: number): number {
  const phi = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat)) * RAD;
  return Math.log(Math.tan(Math.PI / 4 + phi / 2)) / RAD;
}

export function inverseMercatorY(y: number): number {
  return (2 * Math.atan(Math.exp(y * RAD)) - Math.PI / 2) / RAD;
}

/** `lon` shifted by a multiple of 360° to lie within 180° of `reference`: the short way round. */
export function unwrapLongitude(reference: number, lon: number): number {
  let d = lon - reference;
  d = ((((d + 180) % 360) + 360) % 360) - 180;
  // Exactly opposite: keep the eastward reading, deterministic.
  if (d === -180 && lon > reference) d = 180;
  return reference + d;
}

/** Unwraps a path point by point so no step is longer than 180° of longitude. */
export function unwrapPath(points: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of points) {
    const prev = out[out.length - 1];
    out.push(prev ? [unwrapLongitude(prev[0]!, p[0]!), p[1]!] : [p[0]!, p[1]!]);
  }
  return out;
}

export interface ArcOptions {
  /** Sideways offset of the control point as a share of the chord (0 = straight). Default 0.2. */
  bend?: number;
  /** Number of straight segments. Default 48. */
  segments?: number;
}

/**
 * A curved line from `from` to `to`: a quadratic Bézier in Mercator space (so it looks
 * the same on both engines' north-up Mercator maps), bulging to the right of the
 * direction of travel, whatever the direction (a consistent bending side lets two
 * opposite flows read apart). `to` is unwrapped first, so a leg whose Δlon exceeds
 * 180° goes the short way across the antimeridian; longitudes may leave ±180.
 */
export function arcCoordinates(
  from: Position,
  to: Position,
  options: ArcOptions = {},
): { coordinates: Position[]; endBearing: number } {
  const bend = options.bend ?? 0.2;
  const segments = Math.max(1, Math.round(options.segments ?? 48));
  const x0 = from[0]!;
  const y0 = mercatorY(from[1]!);
  const x2 = unwrapLongitude(x0, to[0]!);
  const y2 = mercatorY(to[1]!);
  const dx = x2 - x0;
  const dy = y2 - y0;
  // Right-hand normal of (dx, dy) with y pointing north: (dy, -dx).
  const x1 = (x0 + x2) / 2 + dy * bend;
  const y1 = (y0 + y2) / 2 - dx * bend;
  const coordinates: Position[] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const a = (1 - t) * (1 - t);
    const b = 2 * (1 - t) * t;
    const c = t * t;
    const x = a * x0 + b * x1 + c * x2;
    const y = a * y0 + b * y1 + c * y2;
    coordinates.push([round(x), round(inverseMercatorY(y))]);
  }
  // Tangent at t = 1 is 2(P2 − P1); a degenerate leg (same point) points north.
  const tx = x2 - x1;
  const ty = y2 - y1;
  const endBearing = tx === 0 && ty === 0 ? 0 : normaliseBearing(Math.atan2(tx, ty) / RAD);
  return { coordinates, endBearing };
}

const round = (v: number) => Math.round(v * 1e5) / 1e5;
const normaliseBearing = (deg: number) => Math.round((((deg % 360) + 360) % 360) * 100) / 100;

/** Direction of a line's last step on a north-up Mercator map, degrees clockwise from north. */
function lineBearing(coordinates: readonly Position[]): number {
  const a = coordinates[coordinates.length - 2]!;
  const b = coordinates[coordinates.length - 1]!;
  return normaliseBearing(Math.atan2(b[0]! - a[0]!, mercatorY(b[1]!) - mercatorY(a[1]!)) / RAD);
}

/** Great-circle distance in km (haversine), for checks and text. */
export function distanceKm(a: Position, b: Position): number {
  const dLat = (b[1]! - a[1]!) * RAD;
  const dLon = (b[0]! - a[0]!) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1]! * RAD) * Math.cos(b[1]! * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Line width in CSS px of a route with no number (dashed) or of sold-out flights (dotted). */
export const UNCOUNTED_WIDTH = 2;

/** Dash patterns in multiples of the line width, for both engines (SVG and MapLibre). */
export const DASH: Record<RouteStyle, readonly number[] | null> = {
  flow: null,
  unquantified: [3, 2],
  flights: [0, 2.5],
};

/** An unstated leg shorter than this is a crossing the article names, drawn straight; a longer one is a stub. */
export const LOCAL_HOP_KM = 300;
/** How much of a stub is drawn, in km before its destination. */
export const STUB_KM = 450;

/**
 * A leg whose path the sources do not give, drawn as its last STUB_KM only (or the
 * whole leg's length, where that is shorter): a straight
 * line (in Mercator space) ending at `to`, coming from the opposite side of `next` (the
 * leg after it: so Russia → Tijuana arrives from the south, the Mexican side, in line
 * with the crossing that follows), or, for a last leg, from its origin's direction.
 * Nothing suggests a path between the origin and the stub's open end.
 */
export function stubCoordinates(from: Position, to: Position, next?: Position): Position[] {
  const x2 = to[0]!;
  const y2 = mercatorY(to[1]!);
  const [dx, dy] = next
    ? [x2 - unwrapLongitude(x2, next[0]!), y2 - mercatorY(next[1]!)]
    : [unwrapLongitude(x2, from[0]!) - x2, mercatorY(from[1]!) - y2];
  const len = Math.hypot(dx, dy) || 1;
  // Mercator degrees per km at the destination's latitude.
  const k = Math.min(STUB_KM, distanceKm(from, to)) / (111.32 * Math.cos(to[1]! * RAD));
  const x0 = x2 + (dx / len) * k;
  const y0 = y2 + (dy / len) * k;
  const segments = 8;
  const coordinates: Position[] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    coordinates.push([round(x0 + (x2 - x0) * t), round(inverseMercatorY(y0 + (y2 - y0) * t))]);
  }
  return coordinates;
}

// ---------------------------------------------------------------- width scale

/** The smallest of 1, 2, 2.5, 5, 10 × 10^k that is ≥ v. */
export function niceCeiling(v: number): number {
  if (!(v > 0)) return 1;
  const k = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * k >= v * (1 - 1e-9)) return m * k;
  return 10 * k;
}

/**
 * Line width by count: linear from zero (a line's width is a length, read as one),
 * clamped to `minWidth` so a count of 2 stays visible. Computed from every route in
 * the data, not the filtered ones, so widths do not change when filters do.
 */
export function widthScale(values: readonly number[], unit = "people", options: WidthScaleOptions = {}): WidthScale {
  const maxWidth = options.maxWidth ?? 14;
  const minWidth = options.minWidth ?? 1.5;
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  const top = niceCeiling(Math.max(0, ...positive));
  const width = (value: number) => Math.max(minWidth, Math.round((Math.max(0, value) / top) * maxWidth * 100) / 100);
  const candidates = positive.length === 0 ? [] : [top, top / 2, top / 5];
  const stops = [...new Set(candidates)]
    .filter((v) => width(v) > minWidth)
    .map((value) => ({ value, width: width(value), label: formatInteger(value) }));
  return { top, maxWidth, minWidth, unit, width, stops };
}

// ---------------------------------------------------------------- routes

export function routeStyle(route: Pick<RouteRecord, "layer" | "figure">): RouteStyle {
  if (route.layer === "flights") return "flights";
  return route.figure && route.figure.value !== null ? "flow" : "unquantified";
}

const STYLE_ORDER: Record<RouteStyle, number> = { flow: 0, unquantified: 1, flights: 2 };

/** Display order: counted flows by value (largest first), then unquantified, then flights; ties by label. */
export function compareRoutes(
  a: Pick<FlowRoute, "style" | "value" | "label">,
  b: Pick<FlowRoute, "style" | "value" | "label">,
): number {
  return (
    STYLE_ORDER[a.style] - STYLE_ORDER[b.style] || (b.value ?? -1) - (a.value ?? -1) || compareText(a.label, b.label)
  );
}

export function orderRoutes<R extends Pick<FlowRoute, "style" | "value" | "label">>(routes: readonly R[]): R[] {
  return [...routes].sort(compareRoutes);
}

/** Narrow maps (under 600 px) draw thinner lines: 8 px at the top of the scale instead of 14. */
export const COMPACT_MAP_WIDTH = 600;
export function widthOptionsFor(mapWidth: number): WidthScaleOptions {
  return mapWidth > 0 && mapWidth < COMPACT_MAP_WIDTH
    ? { maxWidth: 8, minWidth: 1.5 }
    : { maxWidth: 14, minWidth: 1.5 };
}

const BEND: Record<RouteStyle, number> = { flow: 0.2, unquantified: 0.2, flights: 0.3 };

/** Builds the model for the whole dataset; filter it with `filterRoutes`. Throws on a route naming an unknown place. */
export function buildFlowModel(data: ExitRoutesDataset, options: WidthScaleOptions = {}): FlowModel {
  const places = new Map(data.places.map((p) => [p.id, p]));
  const place = (id: string, route: string): PlaceRecord => {
    const p = places.get(id);
    if (!p) throw new Error(`Route ${route} names place "${id}", which is not in the dataset's places.`);
    return p;
  };
  const counted = data.routes.filter((r) => routeStyle(r) === "flow");
  const unit = counted.map((r) => r.figure!).sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0]?.unit ?? "people";
  const scale = widthScale(
    counted.map((r) => r.figure!.value!),
    unit,
    options,
  );
  const periodLabels = new Map(data.periods.map((p) => [p.id, p.label]));

  const routes = data.routes.map((record): FlowRoute => {
    const style = routeStyle(record);
    const stops = record.path.map((id) => place(id, record.id));
    const value = style === "flow" ? record.figure!.value : null;
    // Unwrap along the legs so consecutive legs share their joints, even across 180°.
    let cursor: { place: string; at: Position } | null = null;
    const legs = record.legs.map((leg, index): FlowLeg => {
      const a = place(leg.from, record.id).coordinates;
      const b = place(leg.to, record.id).coordinates;
      const from: Position = cursor && cursor.place === leg.from ? cursor.at : [a[0], a[1]];
      const to: Position = [unwrapLongitude(from[0]!, b[0]), b[1]];
      cursor = { place: leg.to, at: to };
      const unstated = leg.mode === "unstated";
      const stub = unstated && distanceKm(from, to) > LOCAL_HOP_KM;
      const nextLeg = record.legs[index + 1];
      // A crossing the article names, with no path given, is straight: a curve would suggest a road.
      const arc = arcCoordinates(from, to, { bend: unstated ? 0 : BEND[style], segments: unstated ? 1 : undefined });
      const coordinates = stub
        ? stubCoordinates(from, to, nextLeg ? place(nextLeg.to, record.id).coordinates : undefined)
        : arc.coordinates;
      return {
        routeId: record.id,
        index,
        mode: leg.mode,
        from,
        to,
        coordinates,
        endBearing: stub ? lineBearing(coordinates) : arc.endBearing,
        final: index === record.legs.length - 1,
        stub,
      };
    });
    const width = style === "flow" ? scale.width(value!) : UNCOUNTED_WIDTH;
    return {
      id: record.id,
      label: record.label,
      style,
      value,
      figure: record.figure,
      width,
      modes: record.modes,
      period: record.period,
      periodLabel: periodLabels.get(record.period) ?? record.period,
      origin: stops[0]!,
      destination: stops[stops.length - 1]!,
      stops,
      legs,
      record,
    };
  });

  return {
    routes: orderRoutes(routes),
    scale,
    places,
    modes: modesInData(data.routes),
    periods: data.periods.map((p) => p.id),
  };
}

// ---------------------------------------------------------------- text

/** "98,000 people", "more than 194,000 people": the qualifier always stays with the number. */
/** A route's number as drawn, with its caveat's marker; `{ marker: false }` for prose that words the caveat itself. */
export function formatRouteFigure(f: FigureRef | null, { marker = true } = {}): string {
  if (!f || f.value === null) return NO_NUMBER;
  return marker ? marked(formatQuantity(f), f) : formatQuantity(f);
}

/**
 * The map's caveats that apply to what a view draws: those on its routes' figures, and
 * the notes of the points we placed on them (a placement's note names no figure; its
 * place carries the marker).
 */
export function caveatsDrawn(
  caveats: readonly CaveatNote[],
  routes: readonly FlowRoute[],
  shown: (coordinates: Position) => boolean = () => true,
): CaveatNote[] {
  // A route's number is drawn at its destination (placeLabels' labelCandidates).
  const figures = new Set(
    routes.flatMap((r) => (r.figure && shown(r.legs.at(-1)?.to ?? r.destination.coordinates) ? [r.figure.id] : [])),
  );
  const placed = new Set(
    routes.flatMap((r) => r.stops.flatMap((p) => (p.marker && shown(p.coordinates) ? [p.marker] : []))),
  );
  return caveats.filter((c) => c.figures.some((id) => figures.has(id)) || placed.has(c.marker));
}

/** How far past its camera's bounds a slide's map may show a place, as a share of their span (inBounds). */
const SLIDE_VIEW_MARGIN = 0.2;

/**
 * The caveats a map drawn with a view shows (a presentation step's map: its state's
 * `period`, `mode` and `camera`): those of the routes it draws, and, with a camera, of
 * the numbers and placed points inside its bounds and a margin (a slide's map is
 * cut to about them: a note whose marker is off the slide points to nothing).
 */
export function caveatsInView(data: ExitRoutesDataset, view: MapFilters & { camera?: string }): CaveatNote[] {
  const model = buildFlowModel(data);
  const routes = filterRoutes(model.routes, effectiveFilters(model, view));
  const bounds = view.camera === undefined ? null : cameraById(data.cameras, view.camera).bounds;
  return caveatsDrawn(data.meta.caveats, routes, bounds ? (p) => inBounds(bounds, p, SLIDE_VIEW_MARGIN) : undefined);
}

/** The one-line figure for a route in lists and tooltips. */
export function routeFigureText(route: Pick<FlowRoute, "style" | "figure">): string {
  if (route.style === "flights")
    return route.figure?.value != null
      ? `flights sold out; ${formatRouteFigure(route.figure)}`
      : `flights sold out; ${NO_NUMBER}`;
  return formatRouteFigure(route.figure);
}

// ---------------------------------------------------------------- GeoJSON for MapLibre

export interface RouteLineProps {
  route: string;
  style: RouteStyle;
  width: number;
  leg: number;
}

export interface ArrowProps {
  route: string;
  style: RouteStyle;
  bearing: number;
  /** Icon scale relative to the base arrow image (ARROW_BASE_HALF_WIDTH). */
  size: number;
}

/** Half-width of the arrow image MapLibre scales down from (CSS pixels); see `arrowFeatures`. */
export const ARROW_BASE_HALF_WIDTH = 16;
/** Arrowhead length ÷ half-width. */
export const ARROW_ASPECT = 1.8;

/**
 * Arrowhead half-width and length in CSS pixels for a line width (shared by both
 * engines). The arrow's base sits on the destination and its tip points on, so the
 * line ends cleanly under the base at every zoom.
 */
export function arrowSize(lineWidth: number): { length: number; halfWidth: number } {
  const halfWidth = Math.max(4.5, lineWidth * 1.1);
  return { length: halfWidth * ARROW_ASPECT, halfWidth };
}

/** The drawn legs of the routes as one feature collection (LineStrings), with ids for feature-state. */
export function routeLineFeatures(routes: readonly FlowRoute[]): FeatureCollection<LineString, RouteLineProps> {
  return {
    type: "FeatureCollection",
    features: routes.flatMap((r) =>
      r.legs.map((leg) => ({
        type: "Feature" as const,
        properties: { route: r.id, style: r.style, width: r.width, leg: leg.index },
        geometry: { type: "LineString" as const, coordinates: leg.coordinates },
      })),
    ),
  };
}

/** One arrowhead per route, at its destination. */
export function arrowFeatures(routes: readonly FlowRoute[]): FeatureCollection<Point, ArrowProps> {
  return {
    type: "FeatureCollection",
    features: routes.flatMap((r) => {
      const leg = r.legs[r.legs.length - 1];
      if (!leg) return [];
      return [
        {
          type: "Feature" as const,
          properties: {
            route: r.id,
            style: r.style,
            bearing: leg.endBearing,
            size: Math.round((arrowSize(r.width).halfWidth / ARROW_BASE_HALF_WIDTH) * 1000) / 1000,
          },
          geometry: { type: "Point" as const, coordinates: leg.coordinates[leg.coordinates.length - 1]! },
        },
      ];
    }),
  };
}

/** The countries the routes pass through, by ISO code (the basemap draws them as the map's focus). */
export function countriesOnRoutes(model: FlowModel): string[] {
  const isos = new Set<string>();
  for (const r of model.routes) for (const p of r.stops) if (p.kind === "country" && p.iso) isos.add(p.iso);
  return [...isos].sort();
}
