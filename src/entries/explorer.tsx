// First: before any schema module is evaluated (Content Security Policy: no eval).
import "../data/zodJitless.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ExplorerApp } from "../explorer/ExplorerApp.tsx";
import "../styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ExplorerApp controls={document.getElementById("masthead-controls")} />
  </StrictMode>,
);
