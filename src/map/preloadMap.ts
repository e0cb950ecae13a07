/**
 * Starts what the exit-route map will ask for, before it mounts: a page shell calls
 * this as it starts, so the basemap (and, for a map wanted zoomable at once, the React
 * side of the MapLibre engine: MapLibre itself the page's first module has started,
 * glEarly.ts) download alongside the app's code and data instead of after them. Both
 * loads are cached by their modules, so the map's own requests find them under way.
 */
import { DEFAULT_URL_STATE } from "../state/urlState.ts";
import { loadTopology } from "./basemapLoader.ts";
import type { MapEngineChoice } from "./mapEngine.ts";

export function preloadMap({ camera, engine }: { camera: string; engine: MapEngineChoice }): void {
  // The default camera is the world view, drawn on the 110m basemap; other views may
  // need 50m, which the map asks for once it knows their bounds.
  if (camera === DEFAULT_URL_STATE.camera) loadTopology("110m").catch(() => undefined);
  if (engine === "maplibre") import("./MapLibreExitRouteMap.tsx").catch(() => undefined);
}
