/**
 * The first module of the map embed's page (the registry's `start`): starts MapLibre
 * before React is evaluated, if the URL asks for it (glEarly.ts). The page's head loads
 * it `async`, so it runs as soon as it arrives, while the page is still being parsed;
 * its entry imports it first too (the same module, run once).
 */
import { startEarlyGlMap } from "./glEarly.ts";

startEarlyGlMap(window.location.search);
