/**
 * Starts an embed page: reads its parameters, fetches the graphic's dataset, and
 * renders EmbedApp once the graphic's code is at hand. Shared by the generic page
 * (embed.html?graphic=…, which imports the graphic's code when the URL names it) and
 * the one-graphic pages (embed/<graphic>.html, which import it statically, so that the
 * browser downloads it, and the dataset their HTML preloads, with the rest).
 */
import { QueryClient } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { GraphicId } from "../schema/ledger.ts";
import { useAppStore } from "../state/store.ts";
import { EmbedApp, preloadGraphic, type EmbedView } from "./EmbedApp.tsx";
import { parseEmbedParams } from "./embedParams.ts";

export function startEmbed(page: { graphic: GraphicId; view: EmbedView } | null = null): void {
  const params = parseEmbedParams(window.location.search, page?.graphic);
  useAppStore.getState().replaceUrlState(params.state);
  document.documentElement.classList.add("is-embed");

  const client = new QueryClient();
  // The map's basemap (and MapLibre, if wanted at once) start downloading now too; a
  // chart embed never loads this module.
  if (params.graphic === "exit-routes")
    void import("../map/preloadMap.ts").then((m) =>
      m.preloadMap({ camera: params.state.camera, engine: params.engine }),
    );
  // The graphic's code and data load together before the first render (see preloadGraphic).
  const view = page ? Promise.resolve(page.view) : null;
  void preloadGraphic(params.graphic, client, view).then((loaded) =>
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <EmbedApp params={params} client={client} view={loaded} />
      </StrictMode>,
    ),
  );
}
