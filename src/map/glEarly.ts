/**
 * A map embed asked for MapLibre at once (`engine=maplibre`) starts it here, from the
 * page's first module (glEarlyStart.ts: a script of the page's head, and the first
 * import of its entry): MapLibre's chunk and the basemap download while the page is
 * parsed and the app's modules load, and the map is created, out of sight, as soon as
 * both are here. MapLibreExitRouteMap then adopts the running map (earlyGlMap,
 * claimEarlyGlMap) instead of starting its own; if the app gives MapLibre up (its code
 * failed to load, or took too long), it discards the map (discardEarlyGlMap). Without
 * WebGL 2 nothing starts, and the app keeps its SVG map as it would anyway.
 */
import type { GlExitMap } from "./glExitMap.ts";
import { loadTopology } from "./basemapLoader.ts";
import { detectWebGL2 } from "./webgl.ts";

let early: Promise<GlExitMap | null> | null = null;

/** The default camera's id (DEFAULT_URL_STATE.camera, which this module cannot import: urlState loads a schema). */
export const WORLD_CAMERA = "world";

/** The prerendered map's frame, where the app will draw the map. */
const FRAME = ".exit-map";

/**
 * Starts the map if the page's URL asks for MapLibre at once. This module imports
 * nothing that would evaluate React or the schemas before it runs: the URL is read
 * properly (parseEmbedParams) by glStart.ts.
 *
 * It may run while the page is still being parsed (the page loads it with `async`):
 * MapLibre's code and the basemap start downloading at once, and the map is made when
 * both are here and the page has painted its own map (its frame and data block are
 * parsed by then). Made as soon as the document was parsed, before the page's
 * deferred scripts, the map (half a second of main thread with software WebGL) held
 * the first paint back by as long, for about 250 ms sooner at `idle`.
 */
export function startEarlyGlMap(search: string, doc: Document = document): void {
  const query = new URLSearchParams(search);
  if (query.get("engine") !== "maplibre" || !detectWebGL2(doc)) return;
  // The world view (the default: no camera, or "world") is drawn on the 110m basemap, as
  // preloadMap has it; another view's basemap is asked for by glStart, once it has the
  // view's bounds.
  const camera = query.get("camera");
  if (camera === null || camera === WORLD_CAMERA) loadTopology("110m").catch(() => undefined);
  // If the page's own script cannot load (boot.js then leaves the page as its HTML drew
  // it), no app will ever adopt the map: it goes, rather than run hidden in the page.
  doc.defaultView?.addEventListener("error", discardOnScriptFailure, true);
  early = Promise.all([import("./glStart.ts"), parsed(doc).then(nextFrame)])
    .then(([m]) => {
      const frame = doc.querySelector<HTMLElement>(FRAME);
      // Without `js` on <html>, boot.js has seen the page's own script fail (perhaps
      // before this module was here to hear it): the page stays as its HTML drew it.
      const appComing = doc.documentElement.classList.contains("js");
      return frame && appComing ? m.startGlMap(frame, search) : null;
    })
    .catch((err: unknown) => {
      console.warn("[map] MapLibre could not be started early; the app will start it.", err);
      return null;
    });
}

function discardOnScriptFailure(e: Event): void {
  const target = e.target as Element | null;
  if (target?.tagName === "SCRIPT" && (target as HTMLScriptElement).type === "module") discardEarlyGlMap();
}

/** Resolves after the next frame has been drawn (a task queued from its animation frame callback). */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves once the parser has finished the document (`readyState` "interactive"; deferred scripts run after). */
function parsed(doc: Document): Promise<void> {
  if (doc.readyState !== "loading") return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener("readystatechange", () => resolve(), { once: true }));
}

/** The map started early, if any, while it is unclaimed (null when none was started). */
export function earlyGlMap(): Promise<GlExitMap | null> | null {
  return early;
}

/**
 * Claims the early map `promise` once it has settled (true if it was still unclaimed):
 * a component that mounts twice (React's StrictMode) looks at it from both mounts and
 * claims it from the one still mounted.
 */
export function claimEarlyGlMap(promise: Promise<GlExitMap | null>): boolean {
  if (early !== promise) return false;
  early = null;
  return true;
}

/** The app gave MapLibre up: an early map, if any, is removed with its worker and container. */
export function discardEarlyGlMap(): void {
  const taken = early;
  early = null;
  void taken?.then((m) => m?.remove());
}
