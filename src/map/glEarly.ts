/**
 * A map embed asked for MapLibre at once (`engine=maplibre`) starts it here, from the
 * page's first module (glEarlyStart.ts: a script of the page's head, and the first
 * import of its entry): MapLibre's chunk and the basemap download while the page is
 * parsed and the app's modules load, and the map is created, out of sight, as soon as
 * both are here. MapLibreExitRouteMap then adopts the running map
 * (takeEarlyGlMap) instead of starting its own. Without WebGL 2 nothing starts, and the
 * app keeps its SVG map as it would anyway.
 */
import type { GlExitMap } from "./glExitMap.ts";
import { loadTopology } from "./basemapLoader.ts";
import { detectWebGL2 } from "./webgl.ts";

let early: Promise<GlExitMap | null> | null = null;

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
 * the first paint back by as long, for a quarter of that sooner at `idle`.
 */
export function startEarlyGlMap(search: string, doc: Document = document): void {
  const query = new URLSearchParams(search);
  if (query.get("engine") !== "maplibre" || !detectWebGL2(doc)) return;
  // The default view (the URL names no camera) is drawn on the 110m basemap; another
  // view's basemap is asked for by glStart, once it has the view's bounds.
  if (!query.has("camera")) loadTopology("110m").catch(() => undefined);
  early = Promise.all([import("./glStart.ts"), parsed(doc).then(nextFrame)])
    .then(([m]) => {
      const frame = doc.querySelector<HTMLElement>(FRAME);
      return frame ? m.startGlMap(frame, search) : null;
    })
    .catch((err: unknown) => {
      console.warn("[map] MapLibre could not be started early; the app will start it.", err);
      return null;
    });
}

/** Resolves after the next frame has been drawn (a task queued from its animation frame callback). */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves once the parser has finished the document (`readyState` "interactive"; deferred scripts run after). */
function parsed(doc: Document): Promise<void> {
  if (doc.readyState !== "loading") return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener("readystatechange", () => resolve(), { once: true }));
}

/**
 * The map started early, once (a later caller gets null and starts its own): null
 * when none was started, or when it could not be.
 */
export function takeEarlyGlMap(): Promise<GlExitMap | null> | null {
  const taken = early;
  early = null;
  return taken;
}
