/**
 * The exit-route map on MapLibre, without React: created once, then sent only what
 * changed. Filters → `setFilter` and the dots' source's `setData`; basemap detail →
 * `setData`; theme and selection → `setPaintProperty` and `updateImage`; hover and
 * selection → feature-state; camera → `fitBounds`. Nothing is fetched from another
 * origin: the style has no glyphs, sprite or tiles, and the worker is a same-origin
 * file emitted by Vite.
 *
 * A page that wants MapLibre at once starts it from its first module, before React
 * (glEarly.ts); the React component (MapLibreExitRouteMap) then adopts the running map,
 * or creates one itself. Either way it talks to the map through this class.
 */
import "maplibre-gl/dist/maplibre-gl.css";
import {
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type GeoJSONSource,
  type LngLatBoundsLike,
  type MapLayerMouseEvent,
} from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url";
import type { FeatureCollection } from "geojson";
import { planarBasemap, type Basemap } from "./basemap.ts";
import {
  ARROW_ASPECT,
  ARROW_BASE_HALF_WIDTH,
  arrowFeatures,
  routeLineFeatures,
  type FlowModel,
  type FlowRoute,
  type RouteStyle,
} from "./flowModel.ts";
import { cameraPadding, type Bounds } from "./mapCamera.ts";
import type { ScreenPoint } from "./mapEngine.ts";
import {
  ARROW_IMAGES,
  BASE_FILTERS,
  buildStyle,
  INTERACTIVE_LAYERS,
  LAYERS,
  paintFor,
  routeFilter,
  SOURCES,
} from "./mapLibreStyle.ts";
import type { Palette } from "./palette.ts";
import { placeDotFeatures, type LabelCandidate } from "./placeLabels.ts";

setWorkerUrl(workerUrl);

/** The map's data, as MapLibre takes it. */
export interface GlMapData {
  routes: FeatureCollection;
  arrows: FeatureCollection;
  places: FeatureCollection;
  visibleIds: readonly string[];
  /** The basemap on the plane (planarBasemap), or none yet. */
  planar: Basemap | null;
}

/** Everything the map draws. */
export interface GlMapInputs extends GlMapData {
  palette: Palette;
  selected: string | null;
  bounds: Bounds;
}

/** The routes' geometry, from the flow model (it changes with the dataset and the map's width class only). */
export const glRouteData = (model: FlowModel): Pick<GlMapData, "routes" | "arrows"> => ({
  routes: routeLineFeatures(model.routes),
  arrows: arrowFeatures(model.routes),
});

/** What a view shows: the routes that pass the filters, the places to label, the basemap. */
export const glViewData = (
  visible: readonly FlowRoute[],
  labels: readonly LabelCandidate[],
  basemap: Basemap | null,
): Omit<GlMapData, "routes" | "arrows"> => ({
  places: placeDotFeatures(labels),
  visibleIds: visible.map((r) => r.id),
  planar: basemap ? planarBasemap(basemap) : null,
});

/** A container for a map, to be put where the map goes (GlExitMap.moveInto). */
export function glMapContainer(): HTMLDivElement {
  const container = document.createElement("div");
  container.className = "exit-map__gl";
  return container;
}

/** What the map tells its owner. Replaced as a whole when the React component adopts the map. */
export interface GlMapHandlers {
  /** The style has loaded and the map drew for the first time. */
  onLoad(): void;
  /** The map failed before loading (the SVG map stays), or lost its WebGL context. */
  onError(error: Error): void;
  /** `true` at MapLibre's `idle`; `false` is sent by the owner when it starts a change. */
  onReady(ready: boolean): void;
  onHover(route: string | null, point: ScreenPoint | null): void;
  onSelect(route: string | null): void;
  /** The reader zoomed in past the world view: the finer basemap would help. */
  onNeedDetail(): void;
}

const ARROW_COLOUR: Record<RouteStyle, keyof Palette> = {
  flow: "--flow",
  unquantified: "--unquantified",
  flights: "--flights",
};
const IMAGE_PIXEL_RATIO = 2;

/** An arrowhead pointing up, its base along the bottom edge, in `colour` (drawn by the browser's 2D canvas). */
function arrowImage(colour: string): ImageData | null {
  const w = Math.round(2 * ARROW_BASE_HALF_WIDTH * IMAGE_PIXEL_RATIO);
  const h = Math.round(ARROW_BASE_HALF_WIDTH * ARROW_ASPECT * IMAGE_PIXEL_RATIO);
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.moveTo(w / 2, 0);
  ctx.lineTo(w, h);
  ctx.lineTo(0, h);
  ctx.closePath();
  ctx.fill();
  return ctx.getImageData(0, 0, w, h);
}

/** Adds (or, on a theme change, replaces) the three arrowhead images. */
function setArrowImages(map: MapLibreMap, palette: Palette): void {
  for (const style of Object.keys(ARROW_IMAGES) as RouteStyle[]) {
    const image = arrowImage(palette[ARROW_COLOUR[style]]);
    if (!image) continue;
    if (map.hasImage(ARROW_IMAGES[style])) map.updateImage(ARROW_IMAGES[style], image);
    else map.addImage(ARROW_IMAGES[style], image, { pixelRatio: IMAGE_PIXEL_RATIO });
  }
}

const toLngLatBounds = (b: Bounds): LngLatBoundsLike => [b[0], b[1]];
const padding = (map: MapLibreMap) => {
  const c = map.getContainer();
  return cameraPadding(c.clientWidth, c.clientHeight);
};

const sameBounds = (a: Bounds, b: Bounds) => a.flat().every((v, i) => v === b.flat()[i]);

/** Paint values by layer and property, as JSON, so an unchanged value is not sent again. */
const paintJson = (table: Record<string, Record<string, unknown>>): Record<string, Record<string, string>> =>
  Object.fromEntries(
    Object.entries(table).map(([layer, paint]) => [
      layer,
      Object.fromEntries(Object.entries(paint).map(([k, v]) => [k, JSON.stringify(v)])),
    ]),
  );

const geojson = (map: MapLibreMap, id: string) => map.getSource(id) as GeoJSONSource | undefined;

/** What happened before the owner's handlers were attached, replayed when they are. */
interface Status {
  loaded: boolean;
  idle: boolean;
  error: Error | null;
}

export class GlExitMap {
  readonly map: MapLibreMap;
  readonly status: Status = { loaded: false, idle: false, error: null };
  private handlers: Partial<GlMapHandlers> = {};
  private userMoved = false;
  private highlight: { hovered: string | null; selected: string | null } = { hovered: null, selected: null };
  /**
   * What the map was last given (the style it was created with, then every update), by
   * value (JSON) but for the basemap: only what changed is sent, whichever code built it
   * (the page's first module, or the app). Re-sending the same sources, filters and
   * paint after `load` made MapLibre parse and lay out everything twice before its first
   * `idle`.
   */
  private sent: {
    routes: string;
    arrows: string;
    places: string;
    visibleIds: string;
    planar: Basemap | null;
    palette: string;
    paint: Record<string, Record<string, string>>;
    bounds: Bounds;
  };

  /** Throws if MapLibre cannot create the map (no WebGL context, for example). */
  constructor(container: HTMLElement, inputs: GlMapInputs) {
    const { routes, arrows, places, visibleIds, planar, palette, selected } = inputs;
    this.sent = {
      routes: JSON.stringify(routes),
      arrows: JSON.stringify(arrows),
      places: JSON.stringify(places),
      visibleIds: JSON.stringify(visibleIds),
      planar,
      palette: JSON.stringify(palette),
      paint: paintJson(paintFor(palette, selected)),
      bounds: inputs.bounds,
    };
    const map = new MapLibreMap({
      container,
      style: buildStyle(
        { countries: planar?.countries ?? null, borders: planar?.borders ?? null, routes, arrows, places },
        palette,
        selected,
        visibleIds,
      ),
      bounds: toLngLatBounds(inputs.bounds),
      fitBoundsOptions: { padding: cameraPadding(container.clientWidth, container.clientHeight) },
      attributionControl: false,
      // Keeps the last frame readable, so "PNG image" can export what the reader sees.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      maxZoom: 9,
      fadeDuration: 0,
      cooperativeGestures: true,
      renderWorldCopies: true,
    });
    this.map = map;
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), "top-right");
    setArrowImages(map, palette);
    this.listen(map.getCanvas());
  }

  private listen(canvas: HTMLCanvasElement): void {
    const { map } = this;
    const fail = (error: Error) => {
      this.status.error ??= error;
      this.handlers.onError?.(error);
    };
    map.on("error", (e) => {
      const error = e.error instanceof Error ? e.error : new Error(String(e.error ?? "MapLibre error"));
      if (!this.status.loaded) fail(error);
      else console.warn("[map]", error.message);
    });
    map.on("load", () => {
      this.status.loaded = true;
      this.handlers.onLoad?.();
    });
    map.on("idle", () => {
      this.status.idle = true;
      this.handlers.onReady?.(true);
    });
    map.on("webglcontextlost", () => fail(new Error("The WebGL context was lost.")));
    map.on("mousemove", LAYERS.hit, (e: MapLayerMouseEvent) => {
      const route = e.features?.[0]?.properties?.["route"];
      if (typeof route !== "string") return;
      canvas.style.cursor = "pointer";
      this.handlers.onHover?.(route, { x: e.point.x, y: e.point.y });
    });
    map.on("mouseleave", LAYERS.hit, () => {
      canvas.style.cursor = "";
      this.handlers.onHover?.(null, null);
    });
    map.on("click", (e) => {
      const route = map.queryRenderedFeatures(e.point, { layers: INTERACTIVE_LAYERS })[0]?.properties?.["route"];
      this.handlers.onSelect?.(typeof route === "string" ? route : null);
    });
    const markMoved = (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) this.userMoved = true;
    };
    map.on("dragstart", markMoved);
    map.on("zoomstart", markMoved);
    map.on("zoomend", () => {
      if (map.getZoom() > 3.5) this.handlers.onNeedDetail?.();
    });
    // A resize fits the camera's preset again, unless the reader has moved the map.
    map.on("resize", () => {
      if (!this.userMoved) map.fitBounds(toLngLatBounds(this.sent.bounds), { padding: padding(map), animate: false });
    });
  }

  /**
   * Hands the map to its owner: later events go to `handlers`, and what already
   * happened (an error, the load, the first idle) is told to them now.
   */
  attach(handlers: GlMapHandlers): void {
    this.handlers = handlers;
    const { error, loaded, idle } = this.status;
    if (error) return handlers.onError(error);
    if (loaded) handlers.onLoad();
    if (idle && !this.map.isMoving()) handlers.onReady(true);
  }

  /**
   * Puts the map's container into `parent` (a map started before the page's app is
   * drawn out of sight, and adopted by it), fitting it to its new size if that differs.
   */
  moveInto(parent: HTMLElement): void {
    const container = this.map.getContainer();
    const canvas = this.map.getCanvas();
    const before = [canvas.clientWidth, canvas.clientHeight];
    container.style.cssText = "";
    parent.appendChild(container);
    if (container.clientWidth !== before[0] || container.clientHeight !== before[1]) {
      // Drawn again at the new size: not ready until MapLibre is idle once more.
      this.status.idle = false;
      this.map.resize();
    }
  }

  /** The canvas's accessible name, and the id of the text that describes the map. */
  setLabel(label: string, descriptionId: string): void {
    const canvas = this.map.getCanvas();
    canvas.setAttribute("aria-label", label);
    canvas.setAttribute("aria-describedby", descriptionId);
  }

  /** The routes' geometry (changes only if the dataset or the map's width class does). */
  setRouteData(routes: FeatureCollection, arrows: FeatureCollection): void {
    const now = { routes: JSON.stringify(routes), arrows: JSON.stringify(arrows) };
    if (now.routes !== this.sent.routes) geojson(this.map, SOURCES.routes)?.setData(routes);
    if (now.arrows !== this.sent.arrows) geojson(this.map, SOURCES.arrows)?.setData(arrows);
    Object.assign(this.sent, now);
  }

  /** Which routes show, and the dots that go with them; false when nothing changed (no redraw, no `idle` to wait for). */
  setFilters(visibleIds: readonly string[], places: FeatureCollection): boolean {
    const now = { visibleIds: JSON.stringify(visibleIds), places: JSON.stringify(places) };
    if (now.visibleIds === this.sent.visibleIds && now.places === this.sent.places) return false;
    if (now.visibleIds !== this.sent.visibleIds)
      for (const [layer, base] of Object.entries(BASE_FILTERS))
        this.map.setFilter(layer, routeFilter(base, visibleIds));
    if (now.places !== this.sent.places) geojson(this.map, SOURCES.places)?.setData(places);
    Object.assign(this.sent, now);
    return true;
  }

  /** A finer (or first) basemap. */
  setBasemap(planar: Basemap | null): void {
    if (!planar || planar === this.sent.planar) return;
    geojson(this.map, SOURCES.countries)?.setData(planar.countries);
    geojson(this.map, SOURCES.borders)?.setData(planar.borders);
    this.sent.planar = planar;
  }

  /** Theme and the selected route's emphasis. */
  setPaint(palette: Palette, selected: string | null): void {
    for (const [layer, paint] of Object.entries(paintFor(palette, selected))) {
      for (const [prop, value] of Object.entries(paint)) {
        const json = JSON.stringify(value);
        if (this.sent.paint[layer]?.[prop] === json) continue;
        this.map.setPaintProperty(layer, prop as never, value as never);
        (this.sent.paint[layer] ??= {})[prop] = json;
      }
    }
    const json = JSON.stringify(palette);
    if (json !== this.sent.palette) setArrowImages(this.map, palette);
    this.sent.palette = json;
  }

  /** Hover and selection as feature-state (the halo layer reads it). */
  setHighlight(hovered: string | null, selected: string | null): void {
    const prev = this.highlight;
    for (const source of [SOURCES.routes, SOURCES.arrows]) {
      if (prev.hovered && prev.hovered !== hovered)
        this.map.setFeatureState({ source, id: prev.hovered }, { hover: false });
      if (prev.selected && prev.selected !== selected)
        this.map.setFeatureState({ source, id: prev.selected }, { selected: false });
      if (hovered) this.map.setFeatureState({ source, id: hovered }, { hover: true });
      if (selected) this.map.setFeatureState({ source, id: selected }, { selected: true });
    }
    this.highlight = { hovered, selected };
  }

  /** Is the camera's last preset (or the one it was created with) `bounds`? */
  isAt(bounds: Bounds): boolean {
    return sameBounds(bounds, this.sent.bounds);
  }

  /** A camera preset: fly there, or jump when the reader prefers reduced motion. */
  flyTo(bounds: Bounds, reducedMotion: boolean): void {
    this.userMoved = false;
    this.sent.bounds = bounds;
    this.map.fitBounds(toLngLatBounds(bounds), {
      padding: padding(this.map),
      linear: false,
      duration: reducedMotion ? 0 : 1400,
      animate: !reducedMotion,
      essential: false,
    });
  }

  /** Removes the map, and its container (MapLibre leaves that where it was). */
  remove(): void {
    this.handlers = {};
    const container = this.map.getContainer();
    this.map.remove();
    container.remove();
  }
}
