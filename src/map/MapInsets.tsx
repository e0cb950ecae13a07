/**
 * The insets under a narrow map: small fixed maps of the story's far-off places (the
 * ledger's `narrow` view of a camera; mapCamera.viewBounds, narrowLayout), as newspapers draw a story
 * whose places are too far apart for one map at a phone's width. The SVG engine draws
 * them whichever engine draws the main map, so switching engines moves nothing in them.
 *
 * Each inset is a frame of a fixed shape (INSET_ASPECT, map.css) with its heading in its
 * top-left corner, where its labels do not go (so the insets cost the page little
 * height: a compact embed stays one phone screen tall). The page
 * carries them drawn at the narrow artboards' widths (artboards.css picks the one for the
 * map's width, as it does for the main map); in the browser that copy is adopted while
 * hydrating, and replaced by the live drawing, at the frame's own size, once the basemap
 * is here.
 */
import { useContext, useMemo } from "react";
import type { ExitRoutesDataset } from "../schema/datasets.ts";
import { ARTBOARD_WIDTHS } from "../ui/Artboards.tsx";
import { useElementSize } from "../ui/useElementSize.ts";
import { basemapFromTopology, type Basemap } from "./basemap.ts";
import { countriesOnRoutes, type FlowRoute } from "./flowModel.ts";
import type { Box, LabelCandidate } from "./placeLabels.ts";
import { inBounds, INSETS_BELOW, isNarrowMap, unwrapBounds, type Bounds, type Inset } from "./mapCamera.ts";
import type { MapEngineProps } from "./mapEngine.ts";
import { INSET_TITLE_BAND, insetTitleWidth } from "./insetTitle.ts";
import { PrerenderTopologyContext } from "./PrerenderedMap.tsx";
import { STILL_PICTURE, SvgExitRouteMap } from "./SvgExitRouteMap.tsx";
import { useMapMarks } from "./useFlowModel.ts";

/** An inset's frame, width ÷ height (map.css gives the frame the same `aspect-ratio`). */
export const INSET_ASPECT = 2.2;
/** The insets' place names, px: a size under the main map's (MapLabels' 13), as their panels are small. */
export const INSET_LABEL_SIZE = 11.5;
/** Space between the two insets, px (map.css's `.map-insets` gap). */
export const INSET_GAP = 6;

/** Where an inset's heading sits, for its labels to keep off. */
export const insetTitleBox = (inset: Inset): Box[] => [
  { x0: 0, y0: 0, x1: insetTitleWidth(inset.label), y1: INSET_TITLE_BAND },
];

/**
 * The least height of an inset, px (map.css's `min-height`): on the narrowest maps (a
 * 288 px map on a 320 px phone) a panel of INSET_ASPECT would be 64 px tall, too short
 * for the boat's two labels, one above the other.
 */
export const INSET_MIN_HEIGHT = 80;

/** The size an inset is drawn at on a map `width` px wide: two side by side. */
export function insetSize(width: number): [number, number] {
  const w = Math.floor((width - INSET_GAP) / 2);
  return [w, Math.max(INSET_MIN_HEIGHT, Math.round(w / INSET_ASPECT))];
}

/**
 * What an inset draws: the routes with a leg that starts or ends in it, and the places
 * in it (the page would otherwise carry every other route, drawn off the panel).
 */
export function insetMarks<R extends FlowRoute, L extends LabelCandidate>(
  bounds: Bounds,
  visible: readonly R[],
  labels: readonly L[],
): { visible: R[]; labels: L[] } {
  const shows = (p: readonly number[] | undefined) => p !== undefined && inBounds(bounds, p);
  return {
    visible: visible.filter((r) => r.legs.some((l) => shows(l.coordinates[0]) || shows(l.coordinates.at(-1)))),
    labels: labels.filter((l) => shows(l.coordinates)),
  };
}

/** The artboards that show insets: the narrow ones. */
const INSET_ARTBOARDS = ARTBOARD_WIDTHS.filter((w) => w < INSETS_BELOW);

const noop = () => {};

/** What the live insets share with the main map. */
type LiveProps = Pick<
  MapEngineProps,
  "data" | "model" | "visible" | "labels" | "basemap" | "selected" | "hovered" | "descriptionId" | "onSelect"
> & { onHover: (route: string | null) => void };

export interface MapInsetsProps {
  island: { id: string; markup: string | null };
  /** The narrow layout's insets (mapCamera.narrowLayout), under whichever view the map shows. */
  insets: readonly Inset[];
  /** The map's width: the insets are drawn under a map narrower than INSETS_BELOW (0: not measured yet). */
  width: number;
  /** Show the page's copy (the default view, before the live map has its basemap). */
  showIsland: boolean;
  live: LiveProps;
}

export function MapInsets({ island, insets, width, showIsland, live }: MapInsetsProps) {
  const topology = useContext(PrerenderTopologyContext)?.["110m"];
  if (insets.length === 0) return null;
  if (topology)
    return (
      <div id={island.id} className="map-insets__island">
        <StaticInsets insets={insets} data={live.data} descriptionId={live.descriptionId} basemap={topology} />
      </div>
    );
  if (showIsland || width === 0)
    return island.markup === null ? null : (
      <div id={island.id} className="map-insets__island" dangerouslySetInnerHTML={{ __html: island.markup }} />
    );
  if (!isNarrowMap(width)) return null;
  return (
    <div className="map-insets">
      {insets.map((inset) => (
        <LiveInset key={inset.label} inset={inset} {...live} />
      ))}
    </div>
  );
}

function InsetPanel({ inset, children }: { inset: Inset; children: React.ReactNode }) {
  return (
    <div className="map-inset">
      {children}
      {/* Shown, not read: the panel's SVG carries the same words as its name. */}
      <p className="map-inset__title" aria-hidden="true">
        {inset.label}
      </p>
    </div>
  );
}

const insetLabel = (inset: Inset) => `Inset map: ${inset.label}.`;

function LiveInset({ inset, onHover, ...props }: LiveProps & { inset: Inset }) {
  const [ref, size] = useElementSize<HTMLDivElement>();
  const bounds = useMemo(() => unwrapBounds(inset.bounds), [inset]);
  const marks = useMemo(() => insetMarks(bounds, props.visible, props.labels), [bounds, props.visible, props.labels]);
  const obstacles = useMemo(() => insetTitleBox(inset), [inset]);
  return (
    <InsetPanel inset={inset}>
      <div className="map-inset__frame" ref={ref}>
        {size.width > 0 && (
          <SvgExitRouteMap
            {...props}
            {...marks}
            inset
            obstacles={obstacles}
            labelSize={INSET_LABEL_SIZE}
            padding={0}
            width={size.width}
            height={size.height}
            bounds={bounds}
            cameraId={inset.label}
            label={insetLabel(inset)}
            reducedMotion
            onHover={(route) => onHover(route)}
            onReady={noop}
          />
        )}
      </div>
    </InsetPanel>
  );
}

/** The page's insets: each drawn at every narrow artboard's size, for artboards.css to pick one. */
function StaticInsets({
  insets,
  data,
  descriptionId,
  basemap: topology,
}: {
  insets: readonly Inset[];
  data: ExitRoutesDataset;
  descriptionId: string;
  basemap: NonNullable<React.ContextType<typeof PrerenderTopologyContext>>["110m"];
}) {
  const widest = INSET_ARTBOARDS[INSET_ARTBOARDS.length - 1]!;
  const { model } = useMapMarks(data, widest);
  const basemap = useMemo(
    () => basemapFromTopology(topology, "110m", data.stances, countriesOnRoutes(model)),
    [topology, data, model],
  );
  return (
    <div className="map-insets">
      {insets.map((inset) => (
        <InsetPanel key={inset.label} inset={inset}>
          <div className="map-inset__frame">
            {INSET_ARTBOARDS.map((w) => (
              <div key={w} className={`artboard artboard--${w}`}>
                <StaticInset inset={inset} data={data} basemap={basemap} width={w} descriptionId={descriptionId} />
              </div>
            ))}
          </div>
        </InsetPanel>
      ))}
    </div>
  );
}

function StaticInset(props: {
  inset: Inset;
  data: ExitRoutesDataset;
  basemap: Basemap;
  width: number;
  descriptionId: string;
}) {
  const { model, ...all } = useMapMarks(props.data, props.width);
  const [w, h] = insetSize(props.width);
  const bounds = useMemo(() => unwrapBounds(props.inset.bounds), [props.inset]);
  const { visible, labels } = insetMarks(bounds, all.visible, all.labels);
  return (
    <SvgExitRouteMap
      data={props.data}
      model={model}
      visible={visible}
      labels={labels}
      basemap={props.basemap}
      width={w}
      height={h}
      obstacles={insetTitleBox(props.inset)}
      labelSize={INSET_LABEL_SIZE}
      padding={0}
      bounds={bounds}
      cameraId={props.inset.label}
      label={insetLabel(props.inset)}
      descriptionId={props.descriptionId}
      {...STILL_PICTURE}
    />
  );
}
