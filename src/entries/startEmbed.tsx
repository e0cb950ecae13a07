/**
 * Starts a one-graphic embed page (embed/<graphic>.html, whose generated entry imports
 * the graphic's definition statically and calls this): hydrates the prerendered graphic
 * with the dataset its HTML carries, then applies the URL's options.
 */
import { pageQueryClient } from "../data/queryClient.ts";
import { EmbedApp } from "../embed/EmbedApp.tsx";
import { parseEmbedParams } from "../embed/embedParams.ts";
import type { GraphicDefinition } from "../graphics/GraphicView.tsx";
import { mount } from "./mount.tsx";

export function startEmbed(def: GraphicDefinition): void {
  const params = parseEmbedParams(window.location.search, def.id);
  // The basemap (and MapLibre, if wanted at once) start downloading now, before React
  // hydrates; a chart embed never loads this module.
  if (def.id === "exit-routes")
    void import("../map/preloadMap.ts").then((m) =>
      m.preloadMap({ camera: params.state.camera, engine: params.engine }),
    );
  const { client, hydratable } = pageQueryClient();
  mount(<EmbedApp def={def} client={client} params={params} />, { fresh: !hydratable });
}
