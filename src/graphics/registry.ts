/**
 * The graphics, one entry each: the one list the explorer, the embed pages, the
 * presentation, the previewer and the prerenderer read (as OWID Grapher's chart type
 * map does). Adding a graphic: its text in data/graphics.yaml and its dataset in the
 * pipeline, a `<Name>Graphic.tsx` module here exporting its GraphicDefinition, and one
 * line below.
 *
 * Pure data, free of React and of Vite-only syntax: the pipeline (Node) and the schema
 * modules import it too. The graphic modules are found from `module` by loadGraphic.ts.
 */

/** The graphics' ids, in the explorer's order. Each is also the name of its dataset. */
export const GRAPHIC_IDS = ["exit-routes", "border-stops", "week-breakdown", "forces"] as const;
export type GraphicId = (typeof GRAPHIC_IDS)[number];

export interface GraphicEntry {
  id: GraphicId;
  /** The module in src/graphics/ whose default export is the GraphicDefinition. */
  module: `${string}Graphic.tsx`;
  /** The key of its text in data/graphics.yaml. */
  ledgerKey: string;
  /** In the explorer: a row of its own ("wide") or beside the next half-width graphic. */
  layout: "wide" | "half";
  /**
   * A module (under src/) its embed page runs first, before React or the schemas are
   * evaluated: the map's starts MapLibre at once when the URL asks for it
   * (map/glEarlyStart.ts). It must import neither.
   */
  start?: `${string}.ts`;
  /** How tall its embed is at a 600 px column, in px: the iframe's height before the embed reports its own. */
  embedHeight: number;
}

export const GRAPHICS: Readonly<Record<GraphicId, GraphicEntry>> = {
  "exit-routes": {
    id: "exit-routes",
    module: "ExitRoutesGraphic.tsx",
    ledgerKey: "exitRoutes",
    layout: "wide",
    start: "map/glEarlyStart.ts",
    embedHeight: 720,
  },
  "border-stops": {
    id: "border-stops",
    module: "BorderStopsGraphic.tsx",
    ledgerKey: "borderStops",
    layout: "half",
    embedHeight: 560,
  },
  "week-breakdown": {
    id: "week-breakdown",
    module: "WeekBreakdownGraphic.tsx",
    ledgerKey: "weekBreakdown",
    layout: "half",
    embedHeight: 420,
  },
  forces: { id: "forces", module: "ForcesGraphic.tsx", ledgerKey: "forces", layout: "wide", embedHeight: 1100 },
};

export const isGraphicId = (value: unknown): value is GraphicId =>
  typeof value === "string" && (GRAPHIC_IDS as readonly string[]).includes(value);
