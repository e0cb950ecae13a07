/**
 * embed/exit-routes.html imports this module second (after zodJitless), so that the
 * basemap and, with `engine=maplibre`, MapLibre's chunk start downloading before React
 * and the rest of the app are evaluated: some 150 ms earlier than when startEmbed runs.
 * startEmbed asks again (for the generic embed.html); preloadMap's loads are cached.
 */
import { preloadMap } from "../map/preloadMap.ts";
import { parseEmbedParams } from "./embedParams.ts";

const params = parseEmbedParams(window.location.search, "exit-routes");
preloadMap({ camera: params.state.camera, engine: params.engine });
