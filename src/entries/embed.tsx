// First: before any schema module is evaluated (Content Security Policy: no eval).
import "../data/zodJitless.ts";
import { QueryClient } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { EmbedApp, preloadGraphic } from "../embed/EmbedApp.tsx";
import { parseEmbedParams } from "../embed/embedParams.ts";
import { useAppStore } from "../state/store.ts";
import "../styles.css";

const params = parseEmbedParams(window.location.search);
useAppStore.getState().replaceUrlState(params.state);
document.documentElement.classList.add("is-embed");

// The graphic's code and data load together before the first render (see preloadGraphic).
// (A promise, not a top-level await, which would make Vite split the shared code into
// more, smaller chunks.)
const client = new QueryClient();
// The map's basemap (and MapLibre, if wanted at once) start downloading now too; a
// chart embed never loads this module.
if (params.graphic === "exit-routes") void import("../map/preloadMap.ts").then((m) => m.preloadMap({ camera: params.state.camera, engine: params.engine }));
void preloadGraphic(params.graphic, client).then((view) =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <EmbedApp params={params} client={client} view={view} />
    </StrictMode>,
  ),
);
