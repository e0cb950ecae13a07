// First: before any schema module is evaluated (Content Security Policy: no eval).
import "../data/zodJitless.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { PresentationApp } from "../presentation/PresentationApp.tsx";
import { useAppStore } from "../state/store.ts";
import { parseUrlState } from "../state/urlState.ts";
import "../styles.css";

// The presentation reads only the step, the presenter flag and the theme from its URL
// (it does not mirror the store there: each step sets the view).
const params = new URLSearchParams(window.location.search);
useAppStore.getState().setTheme(parseUrlState(window.location.search).theme);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <PresentationApp presenter={params.get("presenter") === "1"} />
  </StrictMode>,
);
