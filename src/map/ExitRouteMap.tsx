/**
 * The exit-route map (public component). Reads and writes UI state through the store.
 *
 * Rendering: the SVG map (d3-geo) is the map until the reader reaches for it: it
 * draws the same routes, labels and basemap, and answers hover, click and the
 * camera buttons. MapLibre adds panning and zooming, at the price of a 290 KiB
 * chunk and a few seconds of main-thread work on a phone, so by default ("auto") it
 * is imported only when a mouse enters the map, a click or tap or the wheel lands on
 * it, or the keyboard focus moves into the exit-route graphic (INTENT_EVENTS). It is mounted underneath, invisible; when its
 * `load` fires it takes over and the SVG map is removed. Without WebGL 2, or if
 * MapLibre fails, the SVG map stays with a short note. The container carries
 * `data-map-engine="svg" | "maplibre"` and `data-map-ready="true"` once the current
 * engine has drawn (MapLibre: `idle`), for browser tests and screenshots.
 */
import {
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useState,
  type ComponentType,
  type CSSProperties,
  type RefObject,
} from "react";
import type { ExitRoutesDataset } from "../schema/datasets.ts";
import { useAppStore } from "../state/store.ts";
import { DEFAULT_URL_STATE } from "../state/urlState.ts";
import { cachedBasemap, resolutionForBounds, type Basemap, type Resolution } from "./basemap.ts";
import { loadTopology } from "./basemapLoader.ts";
import { describeExitRoutes } from "./describeExitRoutes.ts";
import { countriesOnRoutes, routeFigureText } from "./flowModel.ts";
import { discardEarlyGlMap } from "./glEarly.ts";
import { cameraById, viewBounds, isNarrowMap, mercatorAspect, narrowLayout, unwrapBounds } from "./mapCamera.ts";
import { MapEngineChoiceContext } from "./mapEngineChoice.ts";
import type { MapEngineChoice, ScreenPoint } from "./mapEngine.ts";
import type { MapLibreExitRouteMapProps } from "./MapLibreExitRouteMap.tsx";
import { useMapPalette, useReducedMotion } from "./mapTheme.ts";
import { MapInsets } from "./MapInsets.tsx";
import { PrerenderedMap, usePrerenderedMap } from "./PrerenderedMap.tsx";
import { SvgExitRouteMap } from "./SvgExitRouteMap.tsx";
import { useMapMarks } from "./useFlowModel.ts";
import { useElementSize } from "../ui/useElementSize.ts";
import { detectWebGL2 } from "./webgl.ts";
import "./map.css";

export interface ExitRouteMapProps {
  data: ExitRoutesDataset;
  /** CSS height of the map. Default: 60% of the viewport (at most 1.1× the graphic's width), between 260 and 560 px. */
  height?: string | number;
  /**
   * "auto": the SVG map, and MapLibre (where WebGL 2 works) once the reader reaches
   * for the map. "maplibre": the SVG map first and MapLibre straight away (a slide
   * that flies from view to view). "svg": SVG only (print, image export, tests).
   * Default: the nearest MapEngineChoice provider's, else "auto".
   */
  engine?: MapEngineChoice;
  /** How long MapLibre may take to load before the SVG map is kept, in ms. Default 20000. */
  loadTimeout?: number;
}

export const MAP_LABEL =
  "Map of the routes out of Russia. The list of routes beside the map gives the same information.";
export const SIMPLIFIED_NOTE = "Simplified map (WebGL unavailable)";

/** off: SVG only by choice; waiting: for the reader to reach for the map. */
type GlStatus = "off" | "waiting" | "loading" | "ready" | "failed";

/**
 * Events on the map that say the reader is reaching for it (see the comment at the
 * top): a mouse or pen over it, a click or tap on it, the wheel. A finger that lands on
 * it to scroll the page past does not count. Keyboard focus counts anywhere in the
 * whole exit-route graphic (its controls and route list), as the map itself has
 * nothing to focus until MapLibre's canvas is there.
 */
const INTENT_EVENTS = ["pointerenter", "click", "wheel"] as const;
const isIntent = (e: Event) => !(e.type === "pointerenter" && (e as PointerEvent).pointerType === "touch");

/** MapLibre is wanted: load it where WebGL 2 works. */
const startGl = (): GlStatus => (detectWebGL2() ? "loading" : "failed");

const initialGlStatus = (choice: MapEngineChoice): GlStatus =>
  choice === "svg" ? "off" : choice === "auto" ? "waiting" : startGl();

// ---------------------------------------------------------------- basemap

/** The basemap at `resolution`; while a finer one loads, the previous one stays on screen. */
function useBasemap(resolution: Resolution, data: ExitRoutesDataset, focus: readonly string[]) {
  const [state, setState] = useState<{ basemap: Basemap | null; error: string | null }>({ basemap: null, error: null });
  useEffect(() => {
    let cancelled = false;
    loadTopology(resolution).then(
      (topology) => {
        // In a transition: drawing the basemap is the map's heaviest render, and a
        // transition lets React break it up and put the reader's input first.
        if (!cancelled)
          startTransition(() =>
            setState({ basemap: cachedBasemap(topology, resolution, data.stances, focus), error: null }),
          );
      },
      (err: unknown) => {
        if (!cancelled)
          setState((s) => ({ basemap: s.basemap, error: err instanceof Error ? err.message : String(err) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [resolution, data, focus]);
  return state;
}

// ---------------------------------------------------------------- engine

/**
 * Whether MapLibre is wanted, loading, drawn or given up (see the comment at the top),
 * and its component once its chunk is here. `ref`: the map's container, where the
 * reader's reach for the map is heard.
 */
function useGlEngine(choice: MapEngineChoice, ref: RefObject<HTMLDivElement | null>, loadTimeout: number) {
  // Engine choice: "svg" and "auto" are read on mount; "auto" can become "maplibre"
  // later. WebGL 2 is probed when MapLibre is wanted.
  const [glStatus, setGlStatus] = useState<GlStatus>(() => initialGlStatus(choice));
  const engage = useCallback(() => setGlStatus((s) => (s === "waiting" ? startGl() : s)), []);
  // A page may upgrade its choice later (the presentation, once the presenter drives
  // it): adjust the state while rendering, as React advises for a changed prop.
  if (choice === "maplibre" && glStatus === "waiting") setGlStatus(startGl());
  useEffect(() => {
    const el = ref.current;
    if (glStatus !== "waiting" || !el) return;
    const graphic = el.closest(".exit-routes") ?? el;
    const onIntent = (e: Event) => {
      if (isIntent(e)) engage();
    };
    for (const type of INTENT_EVENTS) el.addEventListener(type, onIntent, { passive: true });
    graphic.addEventListener("focusin", engage);
    return () => {
      for (const type of INTENT_EVENTS) el.removeEventListener(type, onIntent);
      graphic.removeEventListener("focusin", engage);
    };
  }, [glStatus, ref, engage]);
  const [GlMap, setGlMap] = useState<ComponentType<MapLibreExitRouteMapProps> | null>(null);
  useEffect(() => {
    if (glStatus !== "loading") return;
    let cancelled = false;
    import("./MapLibreExitRouteMap.tsx").then(
      (m) => {
        if (!cancelled) setGlMap(() => m.MapLibreExitRouteMap);
      },
      (err: unknown) => {
        console.warn("[map] MapLibre could not be loaded; keeping the SVG map.", err);
        if (!cancelled) setGlStatus("failed");
      },
    );
    return () => {
      cancelled = true;
    };
  }, [glStatus]);
  useEffect(() => {
    if (glStatus !== "loading") return;
    const t = setTimeout(() => {
      console.warn("[map] MapLibre did not load in time; keeping the SVG map.");
      setGlStatus("failed");
    }, loadTimeout);
    return () => clearTimeout(t);
  }, [glStatus, loadTimeout]);
  // MapLibre given up (or never wanted): a map the page started for it goes too.
  useEffect(() => {
    if (glStatus === "failed" || glStatus === "off") discardEarlyGlMap();
  }, [glStatus]);
  const onGlLoad = useCallback(() => setGlStatus((s) => (s === "loading" ? "ready" : s)), []);
  const onGlError = useCallback((err: Error) => {
    console.warn("[map] MapLibre failed; keeping the SVG map.", err.message);
    setGlStatus("failed");
  }, []);
  return { glStatus, GlMap, onGlLoad, onGlError };
}

// ---------------------------------------------------------------- component

export function ExitRouteMap({ data, height, engine: engineProp, loadTimeout = 20_000 }: ExitRouteMapProps) {
  const engineChoice = useContext(MapEngineChoiceContext);
  const cameraId = useAppStore((s) => s.camera);
  const selected = useAppStore((s) => s.route);
  const hovered = useAppStore((s) => s.hoveredRoute);
  const selectRoute = useAppStore((s) => s.selectRoute);
  const hoverRoute = useAppStore((s) => s.hoverRoute);

  const [ref, size] = useElementSize<HTMLDivElement>({ transition: true });
  const { model, visible, labels } = useMapMarks(data, size.width);
  const camera = cameraById(data.cameras, cameraId);
  // A map of a set height (a slide's) keeps its camera's bounds and has no insets.
  const narrowMap = height === undefined && isNarrowMap(size.width);
  const bounds = useMemo(() => viewBounds(camera, narrowMap), [camera, narrowMap]);

  const description = useMemo(() => describeExitRoutes(data), [data]);
  const palette = useMapPalette();
  const reducedMotion = useReducedMotion();

  const focus = useMemo(() => countriesOnRoutes(model), [model]);
  const [needDetail, setNeedDetail] = useState<string | null>(null);
  const resolution: Resolution =
    resolutionForBounds(camera.bounds) === "50m" || needDetail === camera.id ? "50m" : "110m";
  const { basemap, error: basemapError } = useBasemap(resolution, data, focus);

  const { glStatus, GlMap, onGlLoad, onGlError } = useGlEngine(engineProp ?? engineChoice, ref, loadTimeout);

  const engine = glStatus === "ready" ? "maplibre" : "svg";
  const [readyFor, setReadyFor] = useState<string | null>(null);
  const ready = readyFor === engine || (engine === "svg" && basemapError !== null);

  const onSvgReady = useCallback((r: boolean) => setReadyFor((prev) => (r ? "svg" : prev === "svg" ? null : prev)), []);
  const onGlReady = useCallback(
    (r: boolean) => setReadyFor((prev) => (r ? "maplibre" : prev === "maplibre" ? null : prev)),
    [],
  );
  const onNeedDetail = useCallback(() => setNeedDetail(cameraId), [cameraId]);

  // Tooltip (pointer hover on the map only; the list is the keyboard path).
  const [tip, setTip] = useState<{ route: string; point: ScreenPoint } | null>(null);
  const onHover = useCallback(
    (route: string | null, point: ScreenPoint | null) => {
      setTip(route && point ? { route, point } : null);
      if (useAppStore.getState().hoveredRoute !== route) hoverRoute(route);
    },
    [hoverRoute],
  );
  const onSelect = useCallback((route: string | null) => selectRoute(route), [selectRoute]);

  const descId = useId();
  const island = usePrerenderedMap();
  const insetsIsland = usePrerenderedMap();
  // The page's map shows the default view: it stands in for the live map only while the
  // reader's view is that one (a link may open another camera, period or route).
  const defaultFilters = useAppStore(
    (s) => s.period === DEFAULT_URL_STATE.period && s.modes.length === 0 && s.route === DEFAULT_URL_STATE.route,
  );
  const atDefaultView = defaultFilters && camera.id === DEFAULT_URL_STATE.camera;
  // Until the live map can draw with its basemap, or if the basemap cannot be had (the
  // page's map has one already): the page's own map, at the default view.
  const showIsland = size.width === 0 || (island.markup !== null && atDefaultView && !basemap);

  const engineProps = {
    data,
    model,
    visible,
    labels,
    basemap,
    bounds,
    cameraId: camera.id,
    reducedMotion,
    selected,
    hovered,
    label: MAP_LABEL,
    descriptionId: descId,
    onHover,
    onSelect,
  };

  const tipRoute = tip ? model.routes.find((r) => r.id === tip.route) : undefined;
  // A narrow map takes the shape of the world view's narrow view, whichever camera it shows (map.css).
  const narrow = height === undefined ? narrowLayout(data.cameras) : null;
  const narrowAspect = narrow ? mercatorAspect(unwrapBounds(narrow.bounds)) : null;
  const style: CSSProperties =
    height !== undefined
      ? { height: typeof height === "number" ? `${height}px` : height }
      : narrowAspect !== null
        ? ({ "--narrow-aspect": narrowAspect.toFixed(4) } as CSSProperties)
        : {};
  const note = glStatus === "failed" ? SIMPLIFIED_NOTE : null;

  return (
    <div className="exit-map-wrap">
      <div
        className={narrowAspect === null ? "exit-map" : "exit-map exit-map--narrow"}
        ref={ref}
        style={style}
        data-map-engine={engine}
        data-map-ready={ready ? "true" : "false"}
      >
        {engine === "svg" && showIsland ? (
          <PrerenderedMap island={island} data={data} camera={camera} label={MAP_LABEL} descriptionId={descId} />
        ) : (
          engine === "svg" && (
            <SvgExitRouteMap {...engineProps} onReady={onSvgReady} width={size.width} height={size.height} />
          )
        )}
        {GlMap && glStatus !== "failed" && glStatus !== "off" && (
          <div
            className={engine === "maplibre" ? "exit-map__gl-layer" : "exit-map__gl-layer exit-map__gl-layer--loading"}
            inert={engine !== "maplibre"}
          >
            <GlMap
              {...engineProps}
              palette={palette}
              onReady={onGlReady}
              onLoad={onGlLoad}
              onError={onGlError}
              onNeedDetail={onNeedDetail}
            />
          </div>
        )}
        {tipRoute && tip && (
          <div
            className="exit-map__tooltip"
            aria-hidden="true"
            style={{
              left: Math.min(Math.max(8, tip.point.x + 14), Math.max(8, size.width - 232)),
              top: tip.point.y + 16 > size.height - 80 ? Math.max(8, tip.point.y - 76) : tip.point.y + 16,
            }}
          >
            <strong>{tipRoute.label}</strong>
            <span
              className={
                tipRoute.style === "flow"
                  ? "exit-map__tooltip-figure"
                  : "exit-map__tooltip-figure exit-map__tooltip-figure--none"
              }
            >
              {routeFigureText(tipRoute)}
            </span>
            <span className="exit-map__tooltip-period">{tipRoute.figure?.period ?? tipRoute.periodLabel}</span>
          </div>
        )}
        {note && <p className="exit-map__note">{note}</p>}
        {basemapError && !basemap && !showIsland && (
          <p className="exit-map__note exit-map__note--error">
            The basemap could not be loaded; routes are drawn without it.
          </p>
        )}
        <p id={descId} className="visually-hidden">
          {description}
        </p>
      </div>
      {height === undefined && (
        <MapInsets
          island={insetsIsland}
          insets={narrow?.insets ?? []}
          width={size.width}
          showIsland={showIsland}
          live={{
            data,
            model,
            visible,
            labels,
            basemap,
            selected,
            hovered,
            descriptionId: descId,
            onSelect,
            onHover: hoverRoute,
          }}
        />
      )}
    </div>
  );
}
