/** What ExitRouteMap hands to a rendering engine (SVG or MapLibre): state in, events out. */
import type { ExitRoutesDataset } from "../schema/datasets.ts";
import type { Basemap } from "./basemap.ts";
import type { FlowModel, FlowRoute } from "./flowModel.ts";
import type { Bounds } from "./mapCamera.ts";
import type { LabelCandidate } from "./placeLabels.ts";

/**
 * Which engine draws the map: "auto" (SVG, and MapLibre once the reader reaches for
 * it), "maplibre" (at once) or "svg" (never MapLibre). Here, free of React, as the
 * page's first module reads it from the URL (glEarly.ts).
 */
export type MapEngineChoice = "auto" | "maplibre" | "svg";

export const MAP_ENGINE_CHOICES: readonly MapEngineChoice[] = ["auto", "maplibre", "svg"];

export interface ScreenPoint {
  x: number;
  y: number;
}

export interface MapEngineProps {
  data: ExitRoutesDataset;
  model: FlowModel;
  /** Routes passing the filters, in display order. */
  visible: readonly FlowRoute[];
  labels: readonly LabelCandidate[];
  /** The d3/world-atlas basemap as it comes (null while loading or if it failed). */
  basemap: Basemap | null;
  /** The camera preset's bounds, east unwrapped past west. */
  bounds: Bounds;
  cameraId: string;
  reducedMotion: boolean;
  selected: string | null;
  hovered: string | null;
  /** Accessible name of the map graphic. */
  label: string;
  /** Id of the element holding the text alternative (describeExitRoutes). */
  descriptionId: string;
  /** Pointer over a route (point relative to the map container), or null when it leaves. */
  onHover: (route: string | null, point: ScreenPoint | null) => void;
  /** A click on a route, or on empty map (null). */
  onSelect: (route: string | null) => void;
  /** The engine has drawn the current state (MapLibre: `idle`; SVG: committed with its basemap). */
  onReady: (ready: boolean) => void;
}
