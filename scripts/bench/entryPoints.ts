/**
 * The app's pages as the bench and the budget test see them: one row per page the
 * build writes (src/pages/pages.ts, itself from the graphic registry), with what
 * "drawn" means on it, which lazily imported modules it needs to become interactive,
 * and its byte budgets. One table, so the bench's measured bytes and the test's budgets
 * always describe the same pages; a page without a budget here fails the budget test.
 *
 * Module keys are the Vite manifest's (source paths relative to the project root). A
 * key that is missing from the manifest fails the budget test: rename a module, and
 * this table must follow.
 */
import { GRAPHIC_IDS, GRAPHICS, type GraphicId } from "../../src/graphics/registry.ts";
import { PAGES, type PageKind } from "../../src/pages/pages.ts";

export interface EntryBudget {
  /**
   * Gzip JavaScript, in KiB, the page downloads to become interactive (the app has
   * hydrated: a number opens its record): boot.js, the entry chunk, its static imports
   * and the `import()`s in `interactive`. None of it is needed to paint the graphics,
   * which are in the HTML.
   */
  interactiveKiB: number;
  /** Gzip JavaScript, in KiB, with the modules loaded later, on demand (`after`). */
  totalKiB?: number;
  /** Why the JS budgets are what they are (also in README.md, "Performance budgets"). */
  why: string;
  /** Gzip size of the built HTML page, in KiB (zlib's default level, as for the JS). */
  htmlKiB: number;
  /** What the HTML holds, and why its budget is what it is. */
  htmlWhy: string;
}

export interface EntryPoint {
  /** The page's id in src/pages/pages.ts (and its Vite input name). */
  id: string;
  kind: PageKind;
  label: string;
  /** Path and query of the page, from the site root. */
  path: string;
  /** The HTML file from the site root (dist/), which is also its key in the Vite manifest. */
  html: string;
  /** An embed page's one graphic. */
  graphic?: GraphicId;
  /** Scripts from public/ the page loads by URL (not in the Vite manifest). */
  publicScripts: readonly string[];
  /** Modules the page loads with import() before it hydrates (manifest keys). */
  interactive: readonly string[];
  /**
   * Modules loaded with import() later, on demand: MapLibre when the reader reaches for
   * the SVG map (or at once with the map embed's engine=maplibre); an embed's figure
   * record when a number is clicked.
   */
  after: readonly string[];
  /**
   * CSS selectors; the page is drawn when every one matches and has been painted (see
   * scripts/bench/browserRuns.ts). A chart is drawn when its SVG is in the page; the map
   * when its prerendered SVG is, or its engine has drawn (data-map-ready="true"): the SVG
   * map, or with engine=maplibre MapLibre's `idle`. Empty: a page without graphics (not timed).
   */
  drawn: readonly string[];
  /** For pages with the map: the selectors for the first paint of every graphic (the SVG map). */
  firstDrawn?: readonly string[];
  /** Measured by Lighthouse in the bench. */
  lighthouse: boolean;
  budget: EntryBudget;
}

/** The name of a graphic's module in src/graphics/ (and of its chunk): "BorderStopsGraphic". */
export const viewName = (graphic: GraphicId): string => GRAPHICS[graphic].module.replace(/\.tsx$/, "");

/** A graphic's module, as a Vite manifest key. */
export const graphicModule = (graphic: GraphicId): string => `src/graphics/${GRAPHICS[graphic].module}`;

/** A chart's SVG (any of its artboards) in its panel. */
export const chartDrawn = (graphic: GraphicId): string => `[data-panel="${graphic}"] .graphic__body svg`;
/** The SVG map: prerendered in the page (PrerenderedMap.tsx), or the app's own once drawn. */
export const SVG_MAP_READY =
  '[data-panel="exit-routes"] .exit-map__static svg, [data-panel="exit-routes"] [data-map-engine="svg"][data-map-ready="true"]';
export const GL_MAP_READY = '[data-panel="exit-routes"] [data-map-engine="maplibre"][data-map-ready="true"]';
/** A chart number: a mark that opens its figure's record (src/charts/chartUtils.ts, useChartMarks). */
export const CHART_NUMBER = '.graphic__body svg [data-figure][role="button"]';
/** The figure record dialog, open on one figure (src/provenance/ProvenancePanel.tsx). */
export const RECORD_OPEN = (figureId: string) => `dialog.provenance[open] .record[data-figure="${figureId}"]`;

/**
 * The presentation's first step drawn: the first slide's graphic (a chart's SVG, or the
 * map once drawn). The bench reads the first step's graphic from story.json.
 */
export const firstStepDrawn = (graphic: GraphicId): string =>
  graphic === "exit-routes"
    ? '.slide:first-of-type [data-map-engine][data-map-ready="true"]'
    : `.slide:first-of-type ${chartDrawn(graphic)}`;

const MAPLIBRE = "src/map/MapLibreExitRouteMap.tsx";
const RECORD = "src/provenance/ProvenancePanel.tsx";
const CHARTS = GRAPHIC_IDS.filter((g) => g !== "exit-routes");

const chartEmbedWhy = (measured: string) =>
  `Measured ${measured} KiB to become interactive (the export's map key, PNG at 1× and 2×: +1.5; a narrow map's insets in the export, 29 Nov 2026: +0.2); plus 0.7–1 KiB. The chart paints from the HTML without the app's script: only boot.js (0.8 KiB, minified in the build: the theme before the first paint) runs before it, and it starts the app after the first paint. The rest hydrates it: React 19 and react-dom (about 67 KiB), TanStack Query, Zod (zod/mini), d3-scale, the graphic frame and the chart. The figure record (1.6 KiB) loads when a number is clicked.`;

/**
 * Budgets by page id: each is the size measured plus a little, so a change that adds
 * bytes must say so by moving the budget (and its reason).
 */
const BUDGETS: Record<string, EntryBudget> = {
  explorer: {
    interactiveKiB: 159.5,
    totalKiB: 589,
    why: "Measured 158.5 KiB (29 Nov 2026, last: boot.js minified in the build, −0.4; every route's place named on a wide world map, the label layout's spots worked out once and a second line given up where it only repeats the key, +0.4; +1.0 later on 29 Nov 2026: the phone's map, its insets, their export and the label layout's second chance; +1.6 on 29 Nov 2026: about 0.6 the forces chart's room layout, which the graphic's chunk carries for the slides, the rest map labels set away from their routes and the early map's guard; the map embed's early MapLibre start, whose module graph moved chunk boundaries: +1.2; the Embed dialog's code forms and options: +1.2; adopting the prerendered map: +1.6; the export's map key, PNG at 1× and 2×, label leader lines: +1.2) to hydrate the three charts (their visible artboards) and the map (its prerendered picture kept until the app's SVG map has its basemap), and 587.7 KiB (584.4 before 29 Nov 2026) with MapLibre and its worker (its highlight drawn per line style), which load when the reader reaches for the map (587.7 KiB, last measured 29 Nov 2026); plus 0.6–1.3 KiB.",
    htmlKiB: 85,
    htmlWhy:
      "Measured 83.5 KiB (29 Nov 2026, last: the narrow view up to 800 px, article columns included: its main map and insets on the 640 artboard too, +1.6; 29 Nov 2026, the phone's map: the world view's narrow main map on the three narrow artboards, and its two insets drawn at each of them: +6.1; link-preview tags, the four graphics' JSON-LD and the corrections log: +5.8; the prerendered map: +28.8): its stylesheets inline (4.4 KiB, the map's included: nothing to download before the first paint but boot.js), the masthead, every graphic (each chart at six artboard widths, about 14.5 KiB in all; the map's basemap once, about 14.9 KiB, and its routes, dots and labels at six artboard widths, about 13 KiB) with its caveats and corrections, its table and text alternative, the sources, and the data block the app hydrates from (four datasets and the figure records). Plus 1.7 KiB.",
  },
  "embed-exit-routes": {
    interactiveKiB: 131.5,
    totalKiB: 563,
    why: "Measured 130.5 KiB (boot.js minified in the build: −0.4, the latest on 29 Nov 2026; every route's place named on a wide world map: +0.5; the phone's map, its insets, their export and the label layout's second chance: +0.9 later on 29 Nov 2026; starting MapLibre from the page's first module with engine=maplibre, and the chunk boundaries that moved: +1.6; adopting the prerendered map: +2.9; the export's map key, PNG at 1× and 2×, label leader lines: +1.3) to hydrate the map embed, keeping its prerendered map until the app's SVG map has its basemap, about 561.8 KiB with MapLibre and its worker and the figure record, loaded on demand; plus 0.6–0.7 KiB.",
    htmlKiB: 51.5,
    htmlWhy:
      "Measured 50.1 KiB (29 Nov 2026, last: the narrow view up to 800 px, article columns included: its main map and insets on the 640 artboard too, +1.7; 29 Nov 2026, the phone's map: the world view's narrow main map on the three narrow artboards, and its two insets drawn at each of them: +6.1; its caveats, corrections, link-preview tags, oEmbed link and JSON-LD: +1.4; the prerendered map: +29.2): its stylesheets inline (4.4 KiB, the map's included), the frame, the map (its basemap once, about 14.9 KiB, and its routes, dots and labels at six artboard widths, about 13 KiB), the route list, table and text alternative, and the data block (3.4 KiB). Plus 1.7 KiB.",
  },
  "embed-border-stops": {
    interactiveKiB: 118.5,
    why: chartEmbedWhy("117.5"),
    htmlKiB: 12,
    htmlWhy:
      "Measured 11.2 KiB (its caveat, correction, link-preview tags, oEmbed link and JSON-LD: +1.1; the link-preview image's tags, a second PNG button: +0.5): its stylesheets inline (2.7 KiB), the chart at six artboard widths (about 3.9 KiB), its table, text alternative and the data block (0.7 KiB). Plus 0.8 KiB.",
  },
  "embed-forces": {
    interactiveKiB: 118,
    why: chartEmbedWhy("116.9"),
    htmlKiB: 19,
    htmlWhy:
      "Measured 17.7 KiB (its caveats, corrections, link-preview tags, oEmbed link and JSON-LD: +1.3): its stylesheets inline (2.7 KiB), 32 marks at six artboard widths (about 8.4 KiB), the table, text alternative and the data block (1.5 KiB). Plus 1.1 KiB.",
  },
  "embed-week-breakdown": {
    interactiveKiB: 115.5,
    why: chartEmbedWhy("114.2"),
    htmlKiB: 9,
    htmlWhy:
      "Measured 8.2 KiB (its caveats, correction, link-preview tags, oEmbed link and JSON-LD: +1.0; the link-preview image's tags, a second PNG button: +0.6): its stylesheets inline (2.7 KiB), the chart at six artboard widths (about 1.4 KiB), its table, text alternative and the data block (0.5 KiB). Plus 0.8 KiB.",
  },
  embed: {
    interactiveKiB: 3,
    why: "Measured 1.9 KiB: boot.js and the script that sends a named graphic on to its page; plus 1.3 KiB.",
    htmlKiB: 5,
    htmlWhy:
      "Measured 4.3 KiB (with its link-preview tags): the list of graphics as links, and the app's stylesheet inline (2.6 KiB). Plus 0.6 KiB.",
  },
  embeds: {
    interactiveKiB: 3,
    why: "Measured 2.2 KiB: boot.js and embed-parent.js, the resize script a newsroom's page includes; plus 1 KiB.",
    htmlKiB: 5.5,
    htmlWhy:
      "Measured 5.0 KiB (link-preview image tags: +1.0): one iframe per graphic with its embed code, and the app's stylesheet inline (2.6 KiB). Plus 0.5 KiB.",
  },
  present: {
    interactiveKiB: 162,
    totalKiB: 591.5,
    why: "Measured 160.9 KiB (29 Nov 2026, last: boot.js minified in the build, −0.4; every route's place named on a wide world map, +0.5; +1.0 later on 29 Nov 2026: the phone's map, its insets, their export and the label layout's second chance; +1.7 on 29 Nov 2026: about 0.6 the forces chart's room layout for its slide, the rest map labels set away from their routes and the early map's guard; chunk boundaries moved by the map embed's early MapLibre start: +1.6; each map step's basemap as markup the slide adopts: +3.0; the handout's credit, the export's map key, label leader lines: +1.2) to hydrate the deck (its current slide; the code of every step's graphic, for the others once shown or idle) and 590.1 KiB with MapLibre, which the presenter's map steps load; plus 0.6–0.9 KiB.",
    htmlKiB: 83,
    htmlWhy:
      "Measured 81.2 KiB (29 Nov 2026: the forces step drawn in its room layout, one type size, instead of the page chart at six artboard widths: −10.2; before it 90.6 KiB: each slide's notes, caveats, corrections and sources, and its graphic's caveats and corrections, shown to the room: +9.7; each map step drawn on its basemap, projected at build time: +21.4): its stylesheets inline (5.1 KiB: the app's, the deck's, the map's), every step's slide (text, quote, and its graphic: a chart at six artboard widths, or the step's SVG map), readable without a script and printable, and the data block (story, figures and four datasets), with the caveats and corrections each step shows. Plus 1.9 KiB.",
  },
};

const LABEL: Record<PageKind, (graphic?: GraphicId) => string> = {
  explorer: () => "explorer",
  embed: (g) => `embed: ${g}`,
  "embed-chooser": () => "embed chooser (embed.html)",
  previewer: () => "embed previewer (embeds.html)",
  presentation: () => "presentation",
};

export const ENTRY_POINTS: readonly EntryPoint[] = PAGES.map((page): EntryPoint => {
  const budget = BUDGETS[page.id];
  if (!budget) throw new Error(`scripts/bench/entryPoints.ts has no budget for the page "${page.id}" (${page.file})`);
  const base = {
    id: page.id,
    kind: page.kind,
    label: LABEL[page.kind](page.graphic),
    path: `/${page.file}`,
    html: page.file,
    publicScripts: ["boot.js"],
    interactive: [] as string[],
    after: [] as string[],
    drawn: [] as string[],
    lighthouse: false,
    budget,
  };
  switch (page.kind) {
    case "explorer":
      return {
        ...base,
        path: "/",
        // The explorer awaits every graphic's module before it hydrates (src/graphics/loadGraphic.ts).
        interactive: GRAPHIC_IDS.map(graphicModule),
        after: [MAPLIBRE],
        drawn: [SVG_MAP_READY, ...CHARTS.map(chartDrawn)],
        lighthouse: true,
      };
    case "embed": {
      const g = page.graphic!;
      const map = g === "exit-routes";
      return {
        ...base,
        graphic: g,
        // The map embed starts the basemap (and MapLibre, if asked for) before it hydrates.
        interactive: map ? ["src/map/preloadMap.ts"] : [],
        after: map ? [MAPLIBRE, RECORD] : [RECORD],
        // MapLibre's idle, with engine=maplibre, is measured by the bench's map scaling.
        drawn: [map ? SVG_MAP_READY : chartDrawn(g)],
        lighthouse: true,
      };
    }
    case "presentation":
      return {
        ...base,
        interactive: GRAPHIC_IDS.map(graphicModule),
        after: [MAPLIBRE],
        drawn: [firstStepDrawn("border-stops")],
        lighthouse: true,
      };
    case "previewer":
      return { ...base, publicScripts: ["boot.js", "embed-parent.js"] };
    case "embed-chooser":
      return base;
  }
});

/** The one-graphic embed pages whose graphic is a chart (prerendered in full). */
export const CHART_EMBEDS = ENTRY_POINTS.filter((e) => e.kind === "embed" && e.graphic !== "exit-routes");
