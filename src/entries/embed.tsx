// First: before any schema module is evaluated (Content Security Policy: no eval).
import "../data/zodJitless.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { EmbedApp } from "../embed/EmbedApp.tsx";
import { parseEmbedParams } from "../embed/embedParams.ts";
import { useAppStore } from "../state/store.ts";
import "../styles.css";

const params = parseEmbedParams(window.location.search);
useAppStore.getState().replaceUrlState(params.state);
document.documentElement.classList.add("is-embed");

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <EmbedApp params={params} />
  </StrictMode>,
);
