// First: before any schema module is evaluated (Content Security Policy: no eval).
import "../data/zodJitless.ts";
import { startEmbed } from "../embed/startEmbed.tsx";
import BorderStopsView from "../graphics/BorderStopsView.tsx";
import "../styles.css";

// embed/border-stops.html: this graphic only, its code in this page's own module graph.
startEmbed({ graphic: "border-stops", view: BorderStopsView });
