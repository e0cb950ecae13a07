// First: before any schema module is evaluated (Content Security Policy: no eval).
import "../data/zodJitless.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ExplorerApp } from "../explorer/ExplorerApp.tsx";
import { preloadMap } from "../map/preloadMap.ts";
import { parseUrlState } from "../state/urlState.ts";
import "../styles.css";

preloadMap({ camera: parseUrlState(window.location.search).camera, engine: "auto" });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ExplorerApp controls={document.getElementById("masthead-controls")} />
  </StrictMode>,
);
