// First: before any schema module is evaluated (Content Security Policy: no eval).
import "../data/zodJitless.ts";
import { startEmbed } from "../embed/startEmbed.tsx";
import WeekBreakdownView from "../graphics/WeekBreakdownView.tsx";
import "../styles.css";

// embed/week-breakdown.html: this graphic only, its code in this page's own module graph.
startEmbed({ graphic: "week-breakdown", view: WeekBreakdownView });
