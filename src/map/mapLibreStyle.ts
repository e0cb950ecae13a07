/**
 * The MapLibre style: built once, entirely from local data. No `glyphs`, no `sprite`,
 * no tile or style URLs: the basemap is a GeoJSON source and the arrowheads are images
 * made in the page (`addImage`). The place names are not in the style: they are SVG
 * text over the canvas (MapLabels), placed as on the SVG map. As a symbol layer they
 * cost about 300 ms before the first `idle` (MapLibre rasterises the reader's fonts on
 * the main thread when a style has no `glyphs`), and MapLibre's collision let a label
 * cover another place's dot or run off the map's edge.
 *
 * Later changes go through `paintFor` (theme, selection) and `routeFilter` (filters):
 * the map and its layers are never recreated.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from "maplibre-gl";
import type { FeatureCollection } from "geojson";
import { DASH, UNCOUNTED_WIDTH } from "./flowModel.ts";
import type { Palette } from "./palette.ts";

/** The width of the routes whose highlight is dashed or dotted (they all have it). */
const HALO_BASE_WIDTH = UNCOUNTED_WIDTH;

/** A route's dash pattern for its halo, `extra` px wider: the same lengths on screen. */
export const haloDash = (dash: readonly number[], extra: number): number[] =>
  dash.map((v) => Math.round(((v * HALO_BASE_WIDTH) / (HALO_BASE_WIDTH + extra)) * 1000) / 1000);

export const SOURCES = {
  countries: "countries",
  borders: "borders",
  routes: "routes",
  arrows: "arrows",
  places: "places",
} as const;

export const LAYERS = {
  water: "water",
  land: "countries-fill",
  borders: "country-borders",
  stanceOutline: "stance-outline",
  halo: "route-halo",
  haloUnquantified: "route-halo-unquantified",
  haloFlights: "route-halo-flights",
  flows: "routes-flow",
  unquantified: "routes-unquantified",
  flights: "routes-flights",
  arrows: "route-arrows",
  hit: "routes-hit",
  dots: "place-dots",
} as const;

/** Layers the pointer interacts with (queried for hover and click). */
export const INTERACTIVE_LAYERS = [LAYERS.hit];

export const ARROW_IMAGES = {
  flow: "arrow-flow",
  unquantified: "arrow-unquantified",
  flights: "arrow-flights",
} as const;

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

export interface StyleData {
  countries?: FeatureCollection | null;
  borders?: GeoJSON.MultiLineString | null;
  routes: FeatureCollection;
  arrows: FeatureCollection;
  places: FeatureCollection;
}

type PaintTable = Record<string, Record<string, unknown>>;

/** Dim every route but the selected one. */
const dimmed = (selected: string | null, on: number, off: number): ExpressionSpecification | number =>
  selected === null ? on : ["case", ["==", ["get", "route"], selected], on, off];

/** Paint properties that depend on the theme or the selection: applied at creation and on change. */
export function paintFor(p: Palette, selected: string | null): PaintTable {
  const halo = {
    "line-color": ["case", ["boolean", ["feature-state", "selected"], false], p["--focus"], p["--fg"]],
    "line-opacity": [
      "case",
      ["boolean", ["feature-state", "selected"], false],
      0.9,
      ["boolean", ["feature-state", "hover"], false],
      0.35,
      0,
    ],
  } satisfies PaintTable[string];
  return {
    [LAYERS.water]: { "background-color": p["--water"] },
    [LAYERS.land]: {
      "fill-color": [
        "match",
        ["get", "stance"],
        "refuse",
        p["--refuse-fill"],
        "welcome",
        p["--welcome-fill"],
        ["case", ["boolean", ["get", "focus"], false], p["--land-focus"], p["--land"]],
      ],
      "fill-outline-color": [
        "match",
        ["get", "stance"],
        "refuse",
        p["--refuse-fill"],
        "welcome",
        p["--welcome-fill"],
        ["case", ["boolean", ["get", "focus"], false], p["--land-focus"], p["--land"]],
      ],
    },
    [LAYERS.borders]: { "line-color": p["--border"] },
    [LAYERS.stanceOutline]: { "line-color": ["match", ["get", "stance"], "refuse", p["--refuse"], p["--welcome"]] },
    [LAYERS.halo]: halo,
    [LAYERS.haloUnquantified]: halo,
    [LAYERS.haloFlights]: halo,
    [LAYERS.flows]: { "line-color": p["--flow"], "line-opacity": dimmed(selected, 0.9, 0.3) },
    [LAYERS.unquantified]: { "line-color": p["--unquantified"], "line-opacity": dimmed(selected, 1, 0.35) },
    [LAYERS.flights]: { "line-color": p["--flights"], "line-opacity": dimmed(selected, 1, 0.35) },
    [LAYERS.arrows]: { "icon-opacity": dimmed(selected, 1, 0.35) },
    [LAYERS.dots]: { "circle-color": p["--fg"], "circle-stroke-color": p["--water"] },
  };
}

/** Shows only the listed routes (the period and mode filters). */
export function routeFilter(base: ExpressionSpecification | null, visible: readonly string[]): ExpressionSpecification {
  const inVisible: ExpressionSpecification = ["in", ["get", "route"], ["literal", [...visible]]];
  return base ? ["all", base, inVisible] : inVisible;
}

export const BASE_FILTERS: Record<string, ExpressionSpecification | null> = {
  [LAYERS.halo]: ["==", ["get", "style"], "flow"],
  [LAYERS.haloUnquantified]: ["==", ["get", "style"], "unquantified"],
  [LAYERS.haloFlights]: ["==", ["get", "style"], "flights"],
  [LAYERS.flows]: ["==", ["get", "style"], "flow"],
  [LAYERS.unquantified]: ["==", ["get", "style"], "unquantified"],
  [LAYERS.flights]: ["==", ["get", "style"], "flights"],
  [LAYERS.hit]: null,
  [LAYERS.arrows]: null,
};

/** The style the map is created with. */
export function buildStyle(
  data: StyleData,
  palette: Palette,
  selected: string | null,
  visible: readonly string[],
): StyleSpecification {
  const paint = paintFor(palette, selected);
  const p = (id: string) => paint[id] ?? {};
  const filter = (id: string) => routeFilter(BASE_FILTERS[id] ?? null, visible);
  /** The halo of a dashed or dotted route: `extra` px wider than it, its pattern in step with the route's. */
  const dashedHalo = (id: string, dash: readonly number[], extra: number, cap: "butt" | "round") => ({
    id,
    type: "line",
    source: SOURCES.routes,
    filter: filter(id),
    layout: { "line-cap": cap, "line-join": "round" },
    paint: { ...p(id), "line-width": HALO_BASE_WIDTH + extra, "line-dasharray": haloDash(dash, extra) },
  });
  const layers = [
    { id: LAYERS.water, type: "background", paint: p(LAYERS.water) },
    { id: LAYERS.land, type: "fill", source: SOURCES.countries, paint: p(LAYERS.land) },
    { id: LAYERS.borders, type: "line", source: SOURCES.borders, paint: { ...p(LAYERS.borders), "line-width": 0.6 } },
    {
      id: LAYERS.stanceOutline,
      type: "line",
      source: SOURCES.countries,
      filter: ["match", ["get", "stance"], ["refuse", "welcome"], true, false],
      paint: { ...p(LAYERS.stanceOutline), "line-width": 1 },
    },
    {
      id: LAYERS.dots,
      type: "circle",
      source: SOURCES.places,
      paint: { ...p(LAYERS.dots), "circle-radius": ["get", "radius"], "circle-stroke-width": 1 },
    },
    // The highlight keeps the route's own encoding, as the SVG map's does: a halo 6 px
    // wider than a line, dashed or dotted in step with it (a dash array counts in line
    // widths, and these routes are HALO_BASE_WIDTH wide, so the halo's pattern is the
    // route's scaled by route width / halo width).
    {
      id: LAYERS.halo,
      type: "line",
      source: SOURCES.routes,
      filter: filter(LAYERS.halo),
      layout: { "line-cap": "round", "line-join": "round" },
      paint: { ...p(LAYERS.halo), "line-width": ["+", ["get", "width"], 6] },
    },
    dashedHalo(LAYERS.haloUnquantified, DASH.unquantified!, 6, "butt"),
    dashedHalo(LAYERS.haloFlights, DASH.flights!, 2, "round"),
    {
      id: LAYERS.flows,
      type: "line",
      source: SOURCES.routes,
      filter: filter(LAYERS.flows),
      layout: { "line-cap": "butt", "line-join": "round", "line-sort-key": ["-", 0, ["get", "width"]] },
      paint: { ...p(LAYERS.flows), "line-width": ["get", "width"] },
    },
    {
      id: LAYERS.unquantified,
      type: "line",
      source: SOURCES.routes,
      filter: filter(LAYERS.unquantified),
      layout: { "line-cap": "butt", "line-join": "round" },
      paint: { ...p(LAYERS.unquantified), "line-width": ["get", "width"], "line-dasharray": [...DASH.unquantified!] },
    },
    {
      id: LAYERS.flights,
      type: "line",
      source: SOURCES.routes,
      filter: filter(LAYERS.flights),
      layout: { "line-cap": "round", "line-join": "round" },
      paint: { ...p(LAYERS.flights), "line-width": ["get", "width"], "line-dasharray": [...DASH.flights!] },
    },
    {
      id: LAYERS.arrows,
      type: "symbol",
      source: SOURCES.arrows,
      filter: filter(LAYERS.arrows),
      layout: {
        "icon-image": [
          "match",
          ["get", "style"],
          "flights",
          ARROW_IMAGES.flights,
          "unquantified",
          ARROW_IMAGES.unquantified,
          ARROW_IMAGES.flow,
        ],
        "icon-size": ["get", "size"],
        "icon-rotate": ["get", "bearing"],
        "icon-rotation-alignment": "map",
        "icon-anchor": "bottom",
        "icon-allow-overlap": true,
        "icon-ignore-placement": true,
      },
      paint: p(LAYERS.arrows),
    },
    {
      id: LAYERS.hit,
      type: "line",
      source: SOURCES.routes,
      filter: filter(LAYERS.hit),
      layout: { "line-cap": "round" },
      paint: { "line-color": "#000000", "line-opacity": 0, "line-width": ["max", 14, ["+", ["get", "width"], 8]] },
    },
  ] as unknown as LayerSpecification[];
  return {
    version: 8,
    name: "exit-routes (offline)",
    sources: {
      [SOURCES.countries]: { type: "geojson", data: (data.countries ?? EMPTY) as never },
      [SOURCES.borders]: { type: "geojson", data: (data.borders ?? EMPTY) as never },
      [SOURCES.routes]: { type: "geojson", data: data.routes as never, promoteId: "route" },
      [SOURCES.arrows]: { type: "geojson", data: data.arrows as never, promoteId: "route" },
      [SOURCES.places]: { type: "geojson", data: data.places as never },
    },
    layers,
  };
}
