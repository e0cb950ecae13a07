/**
 * The MapLibre engine. Loaded lazily by ExitRouteMap (this module pulls in maplibre-gl,
 * its CSS and its worker), so a page without WebGL, or before the map is needed, never
 * downloads them.
 *
 * The map is created once. Every later change is an update: filters → `setFilter` and
 * the dots' source's `setData`; basemap detail → `setData`; theme and selection →
 * `setPaintProperty` and `updateImage`; hover and selection → feature-state; camera →
 * `fitBounds`. Nothing is fetched from another origin: the style has no glyphs, sprite
 * or tiles, and the worker is a same-origin file emitted by Vite. The place labels are
 * SVG over the canvas (LabelOverlay), laid out again as the camera moves.
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
import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { planarBasemap, type Basemap } from "./basemap.ts";
import { ARROW_ASPECT, ARROW_BASE_HALF_WIDTH, arrowFeatures, routeLineFeatures, type RouteStyle } from "./flowModel.ts";
import { cameraPadding, nearestCopy, type Bounds } from "./mapCamera.ts";
import type { MapEngineProps } from "./mapEngine.ts";
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
import type { Palette } from "./mapTheme.ts";
import { MapLabels } from "./MapLabels.tsx";
import { layoutLabels, placeDotFeatures, type LabelCandidate } from "./placeLabels.ts";

setWorkerUrl(workerUrl);

export interface MapLibreExitRouteMapProps extends MapEngineProps {
  palette: Palette;
  /** Fired once, when the map has loaded its style and drawn for the first time. */
  onLoad: () => void;
  /** The map could not be created or failed before loading (the SVG map stays). */
  onError: (error: Error) => void;
  /** The reader zoomed in past the world view: the finer basemap would help. */
  onNeedDetail?: () => void;
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

interface Sent {
  routes: FeatureCollection;
  arrows: FeatureCollection;
  /** The dots and the visible routes, by value (JSON): a filter changed and changed back sends nothing. */
  places: string;
  visibleIds: string;
  planar: Basemap | null;
  palette: Palette;
  /** Paint values by layer and property, as JSON. */
  paint: Record<string, Record<string, string>>;
}

const paintJson = (table: Record<string, Record<string, unknown>>): Sent["paint"] =>
  Object.fromEntries(
    Object.entries(table).map(([layer, paint]) => [
      layer,
      Object.fromEntries(Object.entries(paint).map(([k, v]) => [k, JSON.stringify(v)])),
    ]),
  );

export function MapLibreExitRouteMap(props: MapLibreExitRouteMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loadedRef = useRef(false);
  const [loaded, setLoaded] = useState(false);
  /** The map, once loaded: the label overlay follows its camera. */
  const [labelMap, setLabelMap] = useState<MapLibreMap | null>(null);
  const latest = useRef(props);
  const userMovedRef = useRef(false);
  const stateRef = useRef<{ hovered: string | null; selected: string | null }>({ hovered: null, selected: null });
  /**
   * What the map was last given (the style it was created with, then every update), so
   * an effect sends only what changed. Re-sending the same sources, filters and paint
   * after \`load\` made MapLibre parse and lay out everything twice before its first \`idle\`.
   */
  const sent = useRef<Sent | null>(null);

  useEffect(() => {
    latest.current = props;
  });

  const { model, visible, labels, basemap, palette, selected, hovered, bounds, cameraId, reducedMotion, label } = props;
  const routesData = useMemo(() => routeLineFeatures(model.routes), [model]);
  const arrowsData = useMemo(() => arrowFeatures(model.routes), [model]);
  const placesData = useMemo(() => placeDotFeatures(labels), [labels]);
  const visibleIds = useMemo(() => visible.map((r) => r.id), [visible]);
  const planar = useMemo(() => (basemap ? planarBasemap(basemap) : null), [basemap]);

  // Create the map once.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const p = latest.current;
    stateRef.current = { hovered: null, selected: null };
    sent.current = {
      routes: routesData,
      arrows: arrowsData,
      places: JSON.stringify(placesData),
      visibleIds: JSON.stringify(visibleIds),
      planar,
      palette: p.palette,
      paint: paintJson(paintFor(p.palette, p.selected)),
    };
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container,
        style: buildStyle(
          {
            countries: planar?.countries ?? null,
            borders: planar?.borders ?? null,
            routes: routesData,
            arrows: arrowsData,
            places: placesData,
          },
          p.palette,
          p.selected,
          visibleIds,
        ),
        bounds: toLngLatBounds(p.bounds),
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
    } catch (err) {
      p.onError(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    mapRef.current = map;
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), "top-right");
    const canvas = map.getCanvas();
    canvas.setAttribute("aria-label", p.label);
    canvas.setAttribute("aria-describedby", p.descriptionId);

    setArrowImages(map, p.palette);

    map.on("error", (e) => {
      const error = e.error instanceof Error ? e.error : new Error(String(e.error ?? "MapLibre error"));
      if (!loadedRef.current) latest.current.onError(error);
      else console.warn("[map]", error.message);
    });
    map.on("load", () => {
      loadedRef.current = true;
      setLoaded(true);
      setLabelMap(map);
      latest.current.onLoad();
    });
    map.on("idle", () => latest.current.onReady(true));
    map.on("webglcontextlost", () => latest.current.onError(new Error("The WebGL context was lost.")));

    map.on("mousemove", LAYERS.hit, (e: MapLayerMouseEvent) => {
      const route = e.features?.[0]?.properties?.["route"];
      if (typeof route !== "string") return;
      canvas.style.cursor = "pointer";
      latest.current.onHover(route, { x: e.point.x, y: e.point.y });
    });
    map.on("mouseleave", LAYERS.hit, () => {
      canvas.style.cursor = "";
      latest.current.onHover(null, null);
    });
    map.on("click", (e) => {
      const hit = map.queryRenderedFeatures(e.point, { layers: INTERACTIVE_LAYERS });
      const route = hit[0]?.properties?.["route"];
      latest.current.onSelect(typeof route === "string" ? route : null);
    });
    const markMoved = (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) userMovedRef.current = true;
    };
    map.on("dragstart", markMoved);
    map.on("zoomstart", markMoved);
    map.on("zoomend", () => {
      if (map.getZoom() > 3.5) latest.current.onNeedDetail?.();
    });
    map.on("resize", () => {
      if (userMovedRef.current) return;
      const c = map.getContainer();
      map.fitBounds(toLngLatBounds(latest.current.bounds), {
        padding: cameraPadding(c.clientWidth, c.clientHeight),
        animate: false,
      });
    });

    return () => {
      loadedRef.current = false;
      mapRef.current = null;
      setLabelMap(null);
      map.remove();
    };
    // Created once: later changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Route data (changes only if the dataset does).
  useEffect(() => {
    const map = mapRef.current;
    const was = sent.current;
    if (!map || !loaded || !was) return;
    if (routesData !== was.routes) (map.getSource(SOURCES.routes) as GeoJSONSource | undefined)?.setData(routesData);
    if (arrowsData !== was.arrows) (map.getSource(SOURCES.arrows) as GeoJSONSource | undefined)?.setData(arrowsData);
    Object.assign(was, { routes: routesData, arrows: arrowsData });
  }, [loaded, routesData, arrowsData]);

  // Filters: which routes show, and the dots that go with them.
  useEffect(() => {
    const map = mapRef.current;
    const was = sent.current;
    if (!map || !loaded || !was) return;
    const now = { visibleIds: JSON.stringify(visibleIds), places: JSON.stringify(placesData) };
    if (now.visibleIds === was.visibleIds && now.places === was.places) return;
    props.onReady(false);
    if (now.visibleIds !== was.visibleIds)
      for (const [layer, base] of Object.entries(BASE_FILTERS)) map.setFilter(layer, routeFilter(base, visibleIds));
    if (now.places !== was.places) (map.getSource(SOURCES.places) as GeoJSONSource | undefined)?.setData(placesData);
    Object.assign(was, now);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, visibleIds, placesData]);

  // Basemap detail.
  useEffect(() => {
    const map = mapRef.current;
    const was = sent.current;
    if (!map || !loaded || !was || !planar || planar === was.planar) return;
    (map.getSource(SOURCES.countries) as GeoJSONSource | undefined)?.setData(planar.countries);
    (map.getSource(SOURCES.borders) as GeoJSONSource | undefined)?.setData(planar.borders);
    was.planar = planar;
  }, [loaded, planar]);

  // Theme and selection emphasis.
  useEffect(() => {
    const map = mapRef.current;
    const was = sent.current;
    if (!map || !loaded || !was) return;
    for (const [layer, paint] of Object.entries(paintFor(palette, selected))) {
      for (const [prop, value] of Object.entries(paint)) {
        const json = JSON.stringify(value);
        if (was.paint[layer]?.[prop] === json) continue;
        map.setPaintProperty(layer, prop as never, value as never);
        (was.paint[layer] ??= {})[prop] = json;
      }
    }
    if (palette !== was.palette) setArrowImages(map, palette);
    was.palette = palette;
  }, [loaded, palette, selected]);

  // Hover and selection as feature-state (the halo layer reads it).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const prev = stateRef.current;
    for (const source of [SOURCES.routes, SOURCES.arrows]) {
      if (prev.hovered && prev.hovered !== hovered) map.setFeatureState({ source, id: prev.hovered }, { hover: false });
      if (prev.selected && prev.selected !== selected)
        map.setFeatureState({ source, id: prev.selected }, { selected: false });
      if (hovered) map.setFeatureState({ source, id: hovered }, { hover: true });
      if (selected) map.setFeatureState({ source, id: selected }, { selected: true });
    }
    stateRef.current = { hovered, selected };
  }, [loaded, hovered, selected]);

  // Camera presets: fly, or jump when the reader prefers reduced motion.
  const firstCamera = useRef(true);
  useEffect(() => {
    if (firstCamera.current) {
      firstCamera.current = false;
      return;
    }
    const map = mapRef.current;
    if (!map) return;
    userMovedRef.current = false;
    const c = map.getContainer();
    props.onReady(false);
    map.fitBounds(toLngLatBounds(bounds), {
      padding: cameraPadding(c.clientWidth, c.clientHeight),
      linear: false,
      duration: reducedMotion ? 0 : 1400,
      animate: !reducedMotion,
      essential: false,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cameraId, bounds]);

  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute("aria-label", label);
  }, [label]);

  return (
    <>
      <div ref={containerRef} className="exit-map__gl" />
      {labelMap && <LabelOverlay map={labelMap} labels={labels} />}
    </>
  );
}

/**
 * The place labels over the canvas, laid out by layoutLabels (as on the SVG map) for the
 * current camera, around the zoom buttons. The camera is an external store: a move
 * re-renders the overlay in the same frame as the canvas (useSyncExternalStore updates
 * are synchronous), so the names do not trail the map while it pans.
 */
const LabelOverlay = memo(function LabelOverlay({
  map,
  labels,
}: {
  map: MapLibreMap;
  labels: readonly LabelCandidate[];
}) {
  const camera = useMemo(() => cameraStore(map), [map]);
  const { view } = useSyncExternalStore(camera.subscribe, camera.getSnapshot);
  const centre = map.getCenter().lng;
  const points = labels.map((candidate) => {
    const [lng, lat] = candidate.coordinates as [number, number];
    // The copy of the world nearest the centre: panned a world-width away, the names come along.
    const p = map.project([nearestCopy(lng, centre), lat]);
    return { candidate, x: p.x, y: p.y };
  });
  const placed = layoutLabels(points, view);
  return (
    <svg className="exit-map__labels" width={view.width} height={view.height} aria-hidden="true" data-export-overlay="">
      <MapLabels placed={placed} />
    </svg>
  );
});

type View = ReturnType<typeof measureView>;

/**
 * The map's camera as a store for useSyncExternalStore: its snapshot changes when the
 * camera moves or the map is resized, and carries the map's measured size and buttons
 * (measured again only on resize: reading them forces a layout).
 */
function cameraStore(map: MapLibreMap) {
  let snapshot = { key: cameraKey(map), view: measureView(map) };
  const remeasure = () => {
    const view = measureView(map);
    if (JSON.stringify(view) !== JSON.stringify(snapshot.view)) snapshot = { key: cameraKey(map), view };
  };
  return {
    subscribe(onChange: () => void) {
      const resized = () => {
        remeasure();
        onChange();
      };
      // A resize between the first render and this subscription would otherwise go unseen.
      remeasure();
      map.on("move", onChange);
      map.on("resize", resized);
      return () => {
        map.off("move", onChange);
        map.off("resize", resized);
      };
    },
    getSnapshot(): { key: string; view: View } {
      const key = cameraKey(map);
      if (key !== snapshot.key) snapshot = { key, view: snapshot.view };
      return snapshot;
    },
  };
}

/** Where the camera is, as a string that changes when it moves (no pitch: the map is created with `maxPitch: 0`). */
function cameraKey(map: MapLibreMap): string {
  const { lng, lat } = map.getCenter();
  return `${lng} ${lat} ${map.getZoom()} ${map.getBearing()}`;
}

/** The map's size, and its controls (zoom buttons) as boxes in the container's pixels, for labels to avoid. */
function measureView(map: MapLibreMap) {
  const container = map.getContainer();
  const origin = container.getBoundingClientRect();
  const obstacles = [...container.querySelectorAll(".maplibregl-ctrl-group")].map((el) => {
    const r = el.getBoundingClientRect();
    return {
      x0: r.left - origin.left - 4,
      y0: r.top - origin.top - 4,
      x1: r.right - origin.left + 4,
      y1: r.bottom - origin.top + 4,
    };
  });
  return { width: container.clientWidth, height: container.clientHeight, obstacles };
}
