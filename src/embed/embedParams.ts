/**
 * What an embed URL may say: which graphic, the theme, chart or table, a Pym child
 * id, and (for the map) the period, modes, camera, selected route and engine. Everything is
 * checked against an allow-list; anything else is ignored and defaults apply.
 */
import { MAP_ENGINE_CHOICES, type MapEngineChoice } from "../map/mapEngine.ts";
import type { GraphicId } from "../schema/ledger.ts";
import { DEFAULT_URL_STATE, GRAPHIC_IDS, parseUrlState, serialiseUrlState, type UrlState } from "../state/urlState.ts";
import { isChildId } from "./resizeProtocol.ts";

export interface EmbedParams {
  graphic: GraphicId;
  childId: string;
  /** Store state to start from: theme, table view and (map only) filters, camera, route. */
  state: UrlState;
  /**
   * The map's engine (ExitRouteMap): "auto" (default; MapLibre once the reader reaches
   * for the map), "maplibre" (zoomable straight away) or "svg" (never loads MapLibre).
   */
  engine: MapEngineChoice;
  /**
   * The map embed's controls: "compact" (default: the map, its key and the source line,
   * for an article column) or "full" (`controls=full`: also the period, mode and view
   * controls and the route list). Charts have no such controls: always "compact".
   */
  controls: EmbedControls;
}

export const EMBED_CONTROLS = ["compact", "full"] as const;
export type EmbedControls = (typeof EMBED_CONTROLS)[number];

export const DEFAULT_GRAPHIC: GraphicId = "exit-routes";

/**
 * The embed parameters that show `graphic` as `view` shows it: its theme and table view,
 * and for the map its period, modes, camera and route; defaults are left out. The
 * inverse of parseEmbedParams for what an embed keeps.
 */
export function embedViewParams(graphic: GraphicId, view: UrlState): Record<string, string> {
  const kept: UrlState = {
    ...DEFAULT_URL_STATE,
    theme: view.theme,
    ...(graphic === "exit-routes"
      ? { period: view.period, modes: view.modes, camera: view.camera, route: view.route }
      : {}),
  };
  const params = Object.fromEntries(new URLSearchParams(serialiseUrlState(kept)));
  if (view.tables.includes(graphic)) params.view = "table";
  return params;
}

/** `fixed`: the graphic of a one-graphic page (embed/<graphic>.html), which ignores `graphic=`. */
export function parseEmbedParams(search: string, fixed?: GraphicId): EmbedParams {
  const q = new URLSearchParams(search);
  const raw = q.get("graphic");
  const graphic =
    fixed ?? ((GRAPHIC_IDS as readonly string[]).includes(raw ?? "") ? (raw as GraphicId) : DEFAULT_GRAPHIC);
  const childId = q.get("childId");
  const parsed = parseUrlState(search);
  const state: UrlState = {
    ...DEFAULT_URL_STATE,
    theme: parsed.theme,
    tables: q.get("view") === "table" ? [graphic] : [],
    ...(graphic === "exit-routes"
      ? { period: parsed.period, modes: parsed.modes, camera: parsed.camera, route: parsed.route }
      : {}),
  };
  const engine = MAP_ENGINE_CHOICES.find((e) => e === q.get("engine")) ?? "auto";
  const controls = EMBED_CONTROLS.find((c) => c === q.get("controls")) ?? "compact";
  return {
    graphic,
    childId: isChildId(childId) ? childId : `exodus-${graphic}`,
    state,
    engine: graphic === "exit-routes" ? engine : "auto",
    controls: graphic === "exit-routes" ? controls : "compact",
  };
}
