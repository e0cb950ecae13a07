// First: before any schema module is evaluated (Content Security Policy: no eval).
import "../data/zodJitless.ts";
import { startEmbed } from "../embed/startEmbed.tsx";
import "../styles.css";

// embed.html?graphic=…: the graphic's code is imported once the URL has named it.
startEmbed();
