/**
 * The explorer's first script. index.html paints its masthead from HTML and CSS alone;
 * the app's code (src/entries/explorer.tsx, some 140 KiB gzip) is requested only once
 * the browser reports that first contentful paint, so that on a slow connection the
 * stylesheet and the headline do not share the line with it. The price is one round
 * trip before the graphics start loading.
 *
 * The stylesheet is imported here, not only by the app, so that Vite links it from the
 * HTML's head instead of letting the app inject it later.
 */
import { parseTheme } from "../state/themeChoice.ts";
import "../styles.css";

// The masthead paints before the app runs: give it the theme the URL asks for (the
// app's useTheme keeps it from then on; any other value is left to the system's).
const theme = parseTheme(new URLSearchParams(window.location.search).get("theme"));
if (theme !== "system") document.documentElement.dataset.theme = theme;

let started = false;
function start() {
  if (started) return;
  started = true;
  void import("./explorer.tsx");
}

if (document.visibilityState === "hidden") {
  // A background tab paints nothing until it is shown: no reason to wait.
  start();
} else if (PerformanceObserver.supportedEntryTypes.includes("paint")) {
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName("first-contentful-paint").length === 0) return;
    observer.disconnect();
    start();
  }).observe({ type: "paint", buffered: true });
  // Should the paint never be reported, start anyway.
  setTimeout(start, 3000);
} else {
  // No paint timing: after the next frame (its callback runs before the paint, the timeout after).
  requestAnimationFrame(() => setTimeout(start, 0));
}
