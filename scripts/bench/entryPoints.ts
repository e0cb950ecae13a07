/**
 * The app's entry points as the bench and the byte-budget test see them: the page to
 * open, what "drawn" means on it, which lazily imported modules it needs to draw, and
 * its byte budget. One table, so the bench's measured bytes and the test's budgets
 * always describe the same pages.
 *
 * Module keys are the Vite manifest's (source paths relative to the project root). A
 * key that is missing from the manifest fails the budget test: rename a module, and
 * this table must follow.
 */

export type EntryId =
  "explorer" | "embed-exit-routes" | "embed-border-stops" | "embed-forces" | "embed-week-breakdown" | "present";

export interface EntryBudget {
  /**
   * Gzip JavaScript, in KiB, the page downloads before its graphics first appear:
   * the entry chunk, its static imports and the `import()`s in `draw`.
   */
  drawKiB: number;
  /** Gzip JavaScript, in KiB, with the modules loaded after first paint (`after`: MapLibre and its worker). */
  totalKiB?: number;
  /** Why the budget is what it is (also in README.md, "Performance budgets"). */
  why: string;
}

export interface EntryPoint {
  id: EntryId;
  label: string;
  /** Path and query of the page, from the site root. */
  path: string;
  /** The HTML entry's key in the Vite manifest. */
  html: string;
  /** Modules the page loads with import() to draw its graphics (manifest keys). */
  draw: readonly string[];
  /**
   * Modules loaded with import() later, on demand: MapLibre, when the reader reaches
   * for the SVG map (or at once with the map embed's engine=maplibre).
   */
  after: readonly string[];
  /**
   * CSS selectors; the page is drawn when every one matches. A chart is drawn when its
   * SVG is in the page; the map when its engine has drawn (data-map-ready="true"):
   * the SVG map, or with engine=maplibre MapLibre's `idle`.
   */
  drawn: readonly string[];
  /** For pages with the map: the selectors for the first paint of every graphic (the SVG map). */
  firstDrawn?: readonly string[];
  budget: EntryBudget;
}

/** "week-breakdown" → "WeekBreakdownView": the name of a graphic's module in src/graphics/. */
export const viewName = (graphic: string): string =>
  `${graphic.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}View`;

const chart = (dataset: string) => `[data-panel="${dataset}"] .graphic__body svg`;
export const SVG_MAP_READY = '[data-panel="exit-routes"] [data-map-engine="svg"][data-map-ready="true"]';
export const GL_MAP_READY = '[data-panel="exit-routes"] [data-map-engine="maplibre"][data-map-ready="true"]';

const MAP_VIEW = "src/graphics/ExitRoutesView.tsx";
const MAPLIBRE = "src/map/MapLibreExitRouteMap.tsx";

const CHART_EMBED_WHY =
  "The issue's target is 85 KiB, which this stack cannot meet: React 19 + react-dom are 67.0 KiB, TanStack Query 9.5 KiB and d3-scale (with d3-format, -interpolate, -color) 8.9 KiB, 85.4 KiB before Zod (8 KiB), the graphic frame and the chart. The budget is the size measured (108.1 to 111.3 KiB) plus 1 to 4 KiB.";

export const ENTRY_POINTS: readonly EntryPoint[] = [
  {
    id: "explorer",
    label: "explorer",
    path: "/index.html",
    html: "index.html",
    // index.html loads a small boot script, which imports the app after the first paint.
    draw: ["src/entries/explorer.tsx", MAP_VIEW],
    after: [MAPLIBRE],
    drawn: [SVG_MAP_READY, chart("border-stops"), chart("week-breakdown"), chart("forces")],
    budget: {
      drawKiB: 144,
      totalKiB: 572,
      why: "Measured 142.5 KiB to draw the three charts and the SVG map, and 570.4 KiB with MapLibre (283 KiB) and its worker (145 KiB), which load when the reader reaches for the map; plus 1.5 KiB.",
    },
  },
  {
    id: "embed-exit-routes",
    label: "embed: exit-routes",
    path: "/embed/exit-routes.html",
    html: "embed/exit-routes.html",
    // The basemap's loader comes with preloadMap, imported as the page starts.
    draw: ["src/map/preloadMap.ts"],
    after: [MAPLIBRE],
    // MapLibre's idle, with engine=maplibre, is measured by the bench's map scaling.
    drawn: [SVG_MAP_READY],
    budget: {
      drawKiB: 119,
      totalKiB: 547,
      why: "Measured 117.9 KiB to draw the SVG map and 546.0 KiB with MapLibre and its worker, loaded on demand; plus 1 KiB. (The map labels' per-glyph text measure, shared with the charts, added 0.6 KiB.)",
    },
  },
  {
    id: "embed-border-stops",
    label: "embed: border-stops",
    path: "/embed/border-stops.html",
    html: "embed/border-stops.html",
    draw: [],
    after: [],
    drawn: [chart("border-stops")],
    budget: { drawKiB: 112, why: CHART_EMBED_WHY },
  },
  {
    id: "embed-forces",
    label: "embed: forces",
    path: "/embed/forces.html",
    html: "embed/forces.html",
    draw: [],
    after: [],
    drawn: [chart("forces")],
    budget: { drawKiB: 112, why: CHART_EMBED_WHY },
  },
  {
    id: "embed-week-breakdown",
    label: "embed: week-breakdown",
    path: "/embed/week-breakdown.html",
    html: "embed/week-breakdown.html",
    draw: [],
    after: [],
    drawn: [chart("week-breakdown")],
    budget: { drawKiB: 112, why: CHART_EMBED_WHY },
  },
  {
    id: "present",
    label: "presentation",
    path: "/present.html",
    html: "present.html",
    // The first step is a chart, which the presentation imports statically; the map
    // steps load the slide map (and the print handout's map) and MapLibre.
    draw: [],
    after: ["src/presentation/SlideMap.tsx", "src/presentation/PrintMap.tsx", MAPLIBRE],
    drawn: [".graphic__body svg"],
    budget: {
      drawKiB: 125,
      totalKiB: 576,
      why: "Measured 123.4 KiB to show the first step (a chart: the presentation imports the three chart graphics) and 574.3 KiB with the map steps' code and MapLibre; plus 1.5 KiB.",
    },
  },
];

/** The target for a chart embed, in KiB of gzip JavaScript (not met: see CHART_EMBED_WHY). */
export const CHART_EMBED_TARGET_KIB = 85;
