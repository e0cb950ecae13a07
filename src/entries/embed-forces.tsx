// First: before any schema module is evaluated (Content Security Policy: no eval).
import "../data/zodJitless.ts";
import { startEmbed } from "../embed/startEmbed.tsx";
import ForcesView from "../graphics/ForcesView.tsx";
import "../styles.css";

// embed/forces.html: this graphic only, its code in this page's own module graph.
startEmbed({ graphic: "forces", view: ForcesView });
