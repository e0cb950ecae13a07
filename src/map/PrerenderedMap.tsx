/**
 * The map as the page's HTML draws it, before any script: the SVG engine's picture of
 * the default view, projected at build time, at the charts' artboard widths, of which a
 * container query shows the one for the frame's width (artboards.css, as the charts'
 * Artboards do). The artboard's SVG shows the camera's bounds fitted inside the frame
 * as the live map fits them (boundsBox); the basemap runs on past the artboard's edges,
 * so where the frame's shape is not the artboard's it shows more land, not a cut.
 *
 * The basemap is the heavy part (about 14 KB gzip for the world at 1,000 px), so it is
 * written once, projected for the widest artboard, and every artboard draws it through
 * a <use> moved and scaled onto its own projection: the artboards share one Mercator,
 * so one projection is the other scaled and moved (refit), the narrow artboards too,
 * which show the camera's narrow view (mapCamera.viewBounds) at its own shape.
 *
 * In the browser this is an island: while hydrating, the page's own markup is adopted
 * as it is (the topology is not downloaded yet), and ExitRouteMap replaces it with the
 * live SVG map once that has its basemap.
 */
import { createContext, useContext, useId, useMemo, useState } from "react";
import type { Topology } from "topojson-specification";
import type { ExitRoutesDataset } from "../schema/datasets.ts";
import { basemapFromTopology, type Resolution } from "./basemap.ts";
import { basemapMarkup } from "./basemapMarkup.ts";
import { countriesOnRoutes } from "./flowModel.ts";
import {
  viewBounds,
  fitMercator,
  isNarrowMap,
  narrowFrameHeight,
  refit,
  unwrapBounds,
  type Bounds,
  type Camera,
} from "./mapCamera.ts";
import { ARTBOARD_WIDTHS } from "../ui/Artboards.tsx";
import { STILL_PICTURE, SvgExitRouteMap } from "./SvgExitRouteMap.tsx";
import { useMapMarks } from "./useFlowModel.ts";
import { r1 } from "../format/pixels.ts";

/**
 * The artboards: the charts' widths (artboards.css shows each from its width up to the
 * next one's), each with a height near what the frame's CSS gives a map that wide.
 */
export const MAP_ARTBOARDS: readonly (readonly [number, number])[] = ARTBOARD_WIDTHS.map((w) => [
  w,
  Math.min(Math.round(w * 1.1), w < 800 ? 480 : w < 1000 ? 520 : 560),
]);

/**
 * The world-atlas topologies, by resolution, provided by the prerenderer only: in the
 * browser the basemap is fetched (basemapLoader.ts) and this stays null.
 */
export const PrerenderTopologyContext = createContext<Record<Resolution, Topology> | null>(null);

/** The island's id and the markup the page holds in it (read once, while hydrating; null if none). */
export function usePrerenderedMap(): { id: string; markup: string | null } {
  const id = `pm${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const [markup] = useState(() =>
    typeof document === "undefined" ? null : (document.getElementById(id)?.innerHTML ?? null),
  );
  return { id, markup };
}

interface PrerenderedMapProps {
  island: { id: string; markup: string | null };
  data: ExitRoutesDataset;
  camera: Camera;
  label: string;
  descriptionId: string;
}

/** The prerendered map (server), or the page's copy of it (browser, hydrating); null where there is neither. */
export function PrerenderedMap({ island, ...props }: PrerenderedMapProps) {
  const topology = useContext(PrerenderTopologyContext)?.["110m"];
  if (topology)
    return (
      <div id={island.id} className="exit-map__static">
        <StaticMap topology={topology} {...props} />
      </div>
    );
  if (island.markup === null) return null;
  return <div id={island.id} className="exit-map__static" dangerouslySetInnerHTML={{ __html: island.markup }} />;
}

/** The bounds each artboard shows: the camera's, or its narrow view's on the narrow ones (viewBounds). */
export const artboardBounds = (camera: Camera): Bounds[] =>
  MAP_ARTBOARDS.map(([w]) => viewBounds(camera, isNarrowMap(w)));

/** Each artboard's size: a narrow view's artboard has its frame's shape (map.css), so its labels have the room they will have. */
export const artboardSizes = (camera: Camera): (readonly [number, number])[] =>
  MAP_ARTBOARDS.map(([w, h]) =>
    camera.narrow && isNarrowMap(w) ? [w, narrowFrameHeight(unwrapBounds(camera.narrow.bounds), w)] : [w, h],
  );

/** How to move the shared basemap (projected for the widest artboard) onto each artboard's own projection. */
export function backdropTransforms(camera: Camera) {
  const bounds = artboardBounds(camera);
  const sizes = artboardSizes(camera);
  const [W, H] = sizes[sizes.length - 1]!;
  const base = fitMercator(bounds[bounds.length - 1]!, W, H);
  let x0 = 0;
  let y0 = 0;
  let x1: number = W;
  let y1: number = H;
  const transforms = sizes.map(([w, h], i) => {
    const t = refit(base, fitMercator(bounds[i]!, w, h));
    // The artboard with a bleed of its own size all round, in the base projection's pixels:
    // what its frame can show when the frame's shape is not the artboard's.
    x0 = Math.min(x0, (-w - t.x) / t.s);
    y0 = Math.min(y0, (-h - t.y) / t.s);
    x1 = Math.max(x1, (2 * w - t.x) / t.s);
    y1 = Math.max(y1, (2 * h - t.y) / t.s);
    return t;
  });
  base.clipExtent([
    [x0, y0],
    [x1, y1],
  ]);
  return { base, transforms };
}

/**
 * The camera bounds' box on an artboard (x, y, width, height): its viewBox. The page's
 * CSS fits this box inside the frame less the camera's padding (map.css), centred, as
 * fitMercator fits the bounds for the live map: so the page's map is drawn at the live
 * map's scale and place, whatever the frame's shape, and nothing moves when it takes
 * over. Routes, labels and basemap outside the box are still drawn (overflow visible).
 */
export function boundsBox(bounds: Bounds, width: number, height: number): [number, number, number, number] {
  const p = fitMercator(bounds, width, height);
  const [[w, s], [e, n]] = bounds;
  const [x0, y1] = p([w, s])!;
  const [x1, y0] = p([e, n])!;
  return [r1(x0), r1(y0), r1(x1 - x0), r1(y1 - y0)];
}

function StaticMap({
  topology,
  data,
  camera,
  label,
  descriptionId,
}: { topology: Topology } & Omit<PrerenderedMapProps, "island">) {
  const basemapId = `${useId().replace(/[^a-zA-Z0-9_-]/g, "")}-basemap`;
  const { model } = useMapMarks(data, MAP_ARTBOARDS[MAP_ARTBOARDS.length - 1]![0]);
  const { markup, transforms, bounds } = useMemo(() => {
    const basemap = basemapFromTopology(topology, "110m", data.stances, countriesOnRoutes(model));
    const { base, transforms } = backdropTransforms(camera);
    return { markup: basemapMarkup(basemap, base), transforms, bounds: artboardBounds(camera) };
  }, [topology, data, model, camera]);
  return (
    <>
      <svg className="exit-map__defs" width="0" height="0" aria-hidden="true">
        <defs>
          <g id={basemapId} dangerouslySetInnerHTML={{ __html: markup }} />
        </defs>
      </svg>
      {artboardSizes(camera).map(([w, h], i) => {
        const t = transforms[i]!;
        return (
          <div key={w} className={`artboard artboard--${w}`}>
            <Artboard
              data={data}
              width={w}
              height={h}
              bounds={bounds[i]!}
              cameraId={camera.id}
              label={label}
              descriptionId={descriptionId}
              backdrop={<use href={`#${basemapId}`} transform={t.matrix} />}
            />
          </div>
        );
      })}
    </>
  );
}

function Artboard(props: {
  data: ExitRoutesDataset;
  width: number;
  height: number;
  bounds: Bounds;
  cameraId: string;
  label: string;
  descriptionId: string;
  backdrop: React.ReactNode;
}) {
  const { model, visible, labels } = useMapMarks(props.data, props.width);
  return (
    <SvgExitRouteMap
      {...props}
      {...STILL_PICTURE}
      viewBox={boundsBox(props.bounds, props.width, props.height).join(" ")}
      model={model}
      visible={visible}
      labels={labels}
      basemap={null}
    />
  );
}
