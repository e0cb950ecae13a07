/**
 * The exit-route map of one step: a static SVG (the map's own SVG engine) drawn from
 * the step's saved state rather than the store, so every step's slide (on screen, on
 * paper, and in the prerendered page) shows its own camera, period and selected route.
 *
 * The frame says `data-map-ready="true"` once the step's own basemap is drawn (or has
 * failed to load: the routes then print on the coarser basemap, or on plain water),
 * and `data-basemap` which one it is drawn on.
 * A map mounted as the browser is about to print cannot wait for a download, so it
 * draws at once with the best basemap already fetched (see preloadBasemap).
 */
import { useContext, useEffect, useId, useMemo, useState } from "react";
import { flushSync } from "react-dom";
import exitRoutesGraphic from "../graphics/ExitRoutesGraphic.tsx";
import { GraphicView, type GraphicDefinition } from "../graphics/GraphicView.tsx";
import type { Topology } from "topojson-specification";
import { cachedBasemap, resolutionForBounds, type Basemap, type Resolution } from "../map/basemap.ts";
import { loadTopology } from "../map/basemapLoader.ts";
import { basemapMarkup } from "../map/basemapMarkup.ts";
import {
  buildFlowModel,
  caveatsInView,
  countriesOnRoutes,
  effectiveFilters,
  filterRoutes,
  widthOptionsFor,
} from "../map/flowModel.ts";
import { cameraById, fitMercator, refit, unwrapBounds } from "../map/mapCamera.ts";
import { PrerenderTopologyContext } from "../map/PrerenderedMap.tsx";
import { MapLegend } from "../map/MapLegend.tsx";
import { labelCandidates } from "../map/placeLabels.ts";
import { SvgExitRouteMap } from "../map/SvgExitRouteMap.tsx";
import type { ExitRoutesDataset } from "../schema/datasets.ts";
import { parseUrlState } from "../state/urlState.ts";
import type { GraphicNotes } from "../ui/Notes.tsx";
import { ServerMarkupG } from "../ui/ServerMarkup.tsx";
import { useElementSize } from "../ui/useElementSize.ts";

/** The step's basemap, converted once for all the steps that share it. */
const convert = (topology: Topology, resolution: Resolution, data: ExitRoutesDataset, focus: readonly string[]) =>
  cachedBasemap(topology, resolution, data.stances, focus);

/** Basemaps fetched so far, by resolution, for a synchronous first draw. */
const fetched = new Map<Resolution, Topology>();

/** Fetches a resolution's basemap and keeps it at hand for the next map to draw in its first commit. */
export function preloadBasemap(resolution: Resolution): Promise<Topology> {
  return loadTopology(resolution).then((topology) => {
    fetched.set(resolution, topology);
    return topology;
  });
}

interface MapBase {
  basemap: Basemap | null;
  /** The step's own resolution is drawn, or will not come (its download failed). */
  final: boolean;
}

/** The step's own basemap if it is here, else the coarser one the slides have fetched (110m), else none yet. */
function initialBase(resolution: Resolution, data: ExitRoutesDataset, focus: readonly string[]): MapBase {
  const own = fetched.get(resolution);
  if (own) return { basemap: convert(own, resolution, data, focus), final: true };
  const coarse = fetched.get("110m");
  return { basemap: coarse ? convert(coarse, "110m", data, focus) : null, final: false };
}

/** Drawing size in CSS px until the frame is measured (the page's HTML, print before any script). */
const WIDTH = 720;
const HEIGHT = 340;
/**
 * The basemap the browser draws runs on past the drawing's edges, so that a frame of
 * another shape, which shows more above and below (or beside) the camera's bounds, shows
 * land there, not water. The page's own copy (the prerenderer's) is cut at the drawing's
 * edges: it is drawn at WIDTH × HEIGHT until the download arrives, and the bleed would
 * cost the presentation's HTML about 16 KiB gzip.
 */
const BLEED: [[number, number], [number, number]] = [
  [-WIDTH / 4, -HEIGHT / 2],
  [WIDTH * 1.25, HEIGHT * 1.5],
];
const EDGE: [[number, number], [number, number]] = [
  [-2, -2],
  [WIDTH + 2, HEIGHT + 2],
];
const noop = () => {};

/** The step's view and the routes it shows. */
function stepView(data: ExitRoutesDataset, stepState: string) {
  const view = parseUrlState(stepState);
  const model = buildFlowModel(data, widthOptionsFor(WIDTH));
  const visible = filterRoutes(model.routes, effectiveFilters(model, { period: view.period, modes: view.modes }));
  return { view, model, visible };
}

/** The map's notes for a step: the caveats of what its map draws (its corrections go in the slide's band, StepSlide). */
function stepMapNotes(data: ExitRoutesDataset, stepState: string): GraphicNotes {
  return { caveats: caveatsInView(data, parseUrlState(stepState)), corrections: [] };
}

/**
 * True from `beforeprint` to `afterprint`, committed before the browser lays the page
 * out for print (flushSync): a map drawn at a slide's screen size would be letterboxed,
 * its type shrunk, in the printed page's 720 × 340 frame.
 */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return printing;
}

function StaticStepMap({ data, stepId, stepState }: { data: ExitRoutesDataset; stepId: string; stepState: string }) {
  const { view, model, visible } = useMemo(() => stepView(data, stepState), [data, stepState]);
  const labels = useMemo(
    () => labelCandidates(visible, data.stances, model.places),
    [visible, data.stances, model.places],
  );
  const camera = cameraById(data.cameras, view.camera);
  const bounds = useMemo(() => unwrapBounds(camera.bounds), [camera]);
  const focus = useMemo(() => countriesOnRoutes(model), [model]);
  const resolution = resolutionForBounds(camera.bounds);
  const prerendering = useContext(PrerenderTopologyContext);
  const [base, setBase] = useState(() => initialBase(resolution, data, focus));
  const { basemap, final } = base;
  useEffect(() => {
    if (final) return;
    let cancelled = false;
    preloadBasemap(resolution).then(
      (topology) => {
        if (!cancelled) setBase({ basemap: convert(topology, resolution, data, focus), final: true });
      },
      // Without its own basemap the map still prints: on the coarser one, or on plain water.
      () => {
        if (!cancelled) setBase((b) => ({ ...b, final: true }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [final, resolution, data, focus]);
  // The basemap as one compact string (basemapMarkup). The prerenderer draws it from the
  // topology it is given, and the browser adopts that markup as it is until its own
  // download is drawn (the frame's state, data-map-ready and data-basemap, is the same in
  // both until then).
  const backdrop = useMemo(() => {
    const topology = prerendering?.[resolution];
    const projection = fitMercator(bounds, WIDTH, HEIGHT);
    if (basemap) return basemapMarkup(basemap, projection.clipExtent(BLEED));
    return topology ? basemapMarkup(convert(topology, resolution, data, focus), projection.clipExtent(EDGE)) : null;
  }, [basemap, prerendering, resolution, data, focus, bounds]);
  // Drawn at the frame's own size once it is measured, with names at the slide's type
  // size (the frame's font size, set for the room in presentation.css): a map scaled
  // down from WIDTH would shrink its labels with it. The basemap stays drawn at
  // WIDTH × HEIGHT and is moved onto the frame's projection.
  const [frameRef, frame] = useElementSize<HTMLDivElement>({ transition: true, fontSize: true });
  // Printing from the browser's menu: the drawing the page's print CSS is made for.
  const printing = usePrinting();
  const measured = frame.width > 0 && !printing;
  const [width, height] = measured ? [frame.width, frame.height] : [WIDTH, HEIGHT];
  const labelSize = measured && frame.fontSize > 0 ? frame.fontSize : undefined;
  // Unmeasured (the page's HTML, hydration, print): the basemap is where it was drawn.
  const backdropMove = useMemo(
    () => (measured ? refit(fitMercator(bounds, WIDTH, HEIGHT), fitMercator(bounds, width, height)).matrix : undefined),
    [measured, bounds, width, height],
  );
  const descId = useId();
  const selected = view.route && visible.some((r) => r.id === view.route) ? view.route : null;
  return (
    <div className="exit-routes print-map">
      <div
        ref={frameRef}
        className="exit-map print-map__frame"
        data-map-engine="svg"
        data-map-ready={final ? "true" : "false"}
        data-basemap={basemap?.resolution ?? "none"}
      >
        <SvgExitRouteMap
          data={data}
          model={model}
          visible={visible}
          labels={labels}
          basemap={null}
          backdrop={
            <g transform={backdropMove}>
              <ServerMarkupG id={`basemap-${stepId}`} markup={backdrop} />
            </g>
          }
          labelSize={labelSize}
          bounds={bounds}
          cameraId={camera.id}
          reducedMotion
          selected={selected}
          hovered={null}
          label={`Map: ${camera.label}`}
          descriptionId={descId}
          onHover={noop}
          onSelect={noop}
          onReady={noop}
          width={width}
          height={height}
        />
        <p id={descId} className="visually-hidden">
          {exitRoutesGraphic.describe(data)}
        </p>
      </div>
      <MapLegend
        data={data}
        mapWidth={WIDTH}
        visible={visible}
        highlighted={selected ? (visible.find((r) => r.id === selected)?.label ?? null) : null}
      />
    </div>
  );
}

/** One definition per step, made once (a component made during render would remount each time). */
const definitions = new Map<string, GraphicDefinition<"exit-routes">>();
function definitionFor(stepId: string, stepState: string): GraphicDefinition<"exit-routes"> {
  let def = definitions.get(stepId);
  if (!def) {
    const chart: GraphicDefinition<"exit-routes">["chart"] = ({ data }) => (
      <StaticStepMap data={data} stepId={stepId} stepState={stepState} />
    );
    def = { ...exitRoutesGraphic, minHeight: 0, chart, slideChart: chart };
    definitions.set(stepId, def);
  }
  return def;
}

export function StepMap({ stepId, stepState }: { stepId: string; stepState: string }) {
  return (
    <GraphicView
      def={definitionFor(stepId, stepState)}
      options={{ slide: true, notes: (data) => stepMapNotes(data, stepState) }}
    />
  );
}
