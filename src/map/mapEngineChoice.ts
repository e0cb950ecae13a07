/**
 * Which engine draws the exit-route map (see ExitRouteMap): a page-level choice, so a
 * page shell (the map embed's `engine` parameter, a slide) can make it for every map
 * below it without threading a prop through the graphic frame.
 */
import { createContext } from "react";
import type { MapEngineChoice } from "./mapEngine.ts";

export const MapEngineChoiceContext = createContext<MapEngineChoice>("auto");
