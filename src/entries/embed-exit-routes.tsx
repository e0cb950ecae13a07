// First: before any schema module is evaluated (Content Security Policy: no eval).
import "../data/zodJitless.ts";
// Second: the map's basemap (and MapLibre, if asked for) start downloading now.
import "../embed/preloadMapEmbed.ts";
import { startEmbed } from "../embed/startEmbed.tsx";
import ExitRoutesView from "../graphics/ExitRoutesView.tsx";
import "../styles.css";

// embed/exit-routes.html: this graphic only, its code in this page's own module graph.
startEmbed({ graphic: "exit-routes", view: ExitRoutesView });
