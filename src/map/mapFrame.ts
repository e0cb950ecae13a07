/**
 * The map's frame at a given artboard width: which panels it has, where they sit,
 * which d3 projection each draws with, how tall the map is, and how MapLibre shows the
 * same picture. Pure and deterministic: no DOM, no data beyond the cameras and the
 * places to label.
 *
 * The design (docs/map-design.md): a camera that lists `insets` is drawn as a main map
 * with those cameras as inset panels under it (narrow), beside each other under it, or
 * in a column to its right (wide), as newspapers draw a story whose places are far
 * apart. Every camera is drawn in an equal-area conic (so Russia is not stretched as on
 * Mercator); the main panel is fitted to the places it labels, with room for their
 * labels, so it is as large as the width allows; insets show their camera's bounds. A
 * camera whose centre lies in a composite camera's bounds shares that camera's
 * projection (its "plane"), so MapLibre can fly between them. Insets are fixed panels
 * in both engines: MapLibre draws only the main panel, from sources pre-projected into
 * its built-in `identity` projection (`projectGeometryToPlane`, `maplibreView`), so
 * switching engines moves nothing. `kind: "mercator"` gives the same layout on Web
 * Mercator, which MapLibre draws natively.
 *
 * Legs whose path the sources do not give are not drawn as lines (`placeLeg`).
 *
 * Nothing here is specific to one story: the panels come from the cameras in the
 * ledger (`data/graphics.yaml`).
 */
import {
  geoConicEqualArea,
  geoDistance,
  geoInterpolate,
  geoMercator,
  geoStream,
  geoTransform,
  type GeoProjection,
  type GeoStream,
} from "d3-geo";
import type { Geometry, MultiLineString, MultiPolygon, Position } from "geojson";
import { r1 } from "../format/pixels.ts";
import { textWidth } from "../format/textMetrics.ts";
import type { Mode } from "../schema/primitives.ts";
import type { Box } from "./placeLabels.ts";

export type { Box };

type LonLat = readonly [number, number];
type Bounds = readonly [LonLat, LonLat];

/** A camera as the frame needs it (the ledger's camera, plus the cameras it shows as insets). */
export interface FrameCamera {
  id: string;
  /** The inset's heading when the camera is drawn as an inset. */
  label: string;
  /** [[west, south], [east, north]]; west may exceed east across the 180° meridian. */
  bounds: Bounds;
  /** Ids of the cameras drawn as inset panels when this camera is the view. Default none. */
  insets?: readonly string[];
}

/**
 * The projection family of the planes. "conic" (default): an equal-area conic fitted to
 * the plane's bounds, drawn by MapLibre in its `identity` projection from pre-projected
 * data. "mercator": MapLibre's own projection (a fallback that needs no pre-projection).
 */
export type PlaneKind = "conic" | "mercator";

export interface FrameOptions {
  /** Artboard width in CSS px. */
  width: number;
  cameras: readonly FrameCamera[];
  /** The camera shown; an unknown id falls back to the first camera. Default: the first camera. */
  camera?: string;
  /** Height in CSS px of a single-camera view. Default: the height of the first composite camera at this width. */
  height?: number;
  /** Default "conic". */
  kind?: PlaneKind;
  /**
   * The places the map labels at this width (lon/lat). When given, a composite's main
   * panel is fitted to those of them in its camera's bounds, with room for their labels,
   * instead of to the whole bounds: the map is as large as its places allow. Insets and
   * single-camera views keep their bounds (they are editorial close-ups).
   */
  places?: readonly LonLat[];
}

/** A projected surface shared by the cameras drawn on it: MapLibre can fly between them. */
export interface FramePlane {
  /** The camera whose bounds define the plane. */
  id: string;
  kind: PlaneKind;
  /**
   * lon/lat → MapLibre coordinates: for "conic", `identity` coordinates (x east, y north,
   * the plane's own bounds within ±PLANE_HALF_SPAN); for "mercator", lon/lat unchanged.
   */
  toPlane: (p: LonLat) => [number, number];
  /** The d3 projection behind `toPlane` (y down, as d3 projects). */
  projection: GeoProjection;
  /** The camera bounds that define the plane's projection (see `planeProjection`). */
  bounds: Bounds;
}

export interface FramePanel {
  /** The camera this panel shows. */
  id: string;
  /** "main" pans and zooms in MapLibre; "inset" is a fixed panel, drawn as SVG by both engines. */
  role: "main" | "inset";
  /** The heading drawn in an inset's top-left corner; null for the main panel. */
  title: string | null;
  /** Where the panel sits on the artboard (CSS px). */
  box: Box;
  /** lon/lat → artboard px. Its clip extent is the panel's box. */
  projection: GeoProjection;
  plane: FramePlane;
  /** Boxes in artboard px that labels keep off: the inset's heading, the zoom buttons of the main panel. */
  obstacles: Box[];
}

export type FrameLayout = "single" | "stacked" | "row" | "column";

export interface MapFrame {
  width: number;
  height: number;
  camera: string;
  /** single: one camera; stacked: insets under the main map (narrow); row: insets side by side under it; column: insets in a column to its right (wide). */
  layout: FrameLayout;
  /** Main panel first, then the insets in the camera's order. */
  panels: FramePanel[];
  /** The width in px of a line at the top of the flow scale (flowModel's `maxWidth`). */
  flowMaxWidth: number;
  labels: FrameLabels;
}

// ---------------------------------------------------------------- constants

/** Below this width the insets go under the main map, one above the other; from it, side by side. */
export const ROW_FROM = 360;
/** From this width the insets go in a column to the right of the main map. */
export const COLUMN_FROM = 780;
/** The inset column's least width, px: an inset's longest label (a place name in bold) fits across it. */
export const COLUMN_MIN = 240;
/** Below this width the map is "compact": thinner flows, smaller labels (as flowModel's COMPACT_MAP_WIDTH). */
export const COMPACT_BELOW = 600;
/** Space between panels, px. */
export const GUTTER = 6;
/** Inset heading: font size and height of its band, px. */
export const TITLE_SIZE = 12;
export const TITLE_BAND = 20;
/** Half the side of the square a plane's own bounds fit in, in MapLibre `identity` units (|x|, |y| ≤ 90). */
export const PLANE_HALF_SPAN = 45;
/** MapLibre's `identity` projection: tile 0/0/0 is 180 units wide and 512 px wide at zoom 0. */
const IDENTITY_UNITS = 180;
const TILE_SIZE = 512;

/**
 * The zoom buttons: MapLibre's NavigationControl in the main panel's bottom-right
 * corner (29 × 58 px, 10 px in), with 4 px to spare. Bottom-right, not MapLibre's usual
 * top-right: on a wide-and-short map the top-right corner is where the eastern
 * destinations' labels need room, and the bottom-right is open country south of them.
 */
export function zoomButtonsBox(panel: Box): Box {
  return { x0: panel.x1 - 43, y0: panel.y1 - 72, x1: panel.x1 - 6, y1: panel.y1 - 6 };
}

/** Label type for the artboard: MapLabels' sizes, and whether a detail every label of a layer shares is repeated. */
export interface FrameLabels {
  /** Place name size, px. */
  fontSize: number;
  /** Second line size, px. */
  detailSize: number;
  /**
   * False on compact maps: a second line that only repeats what the line's style and the
   * legend say ("flights sold out", "no number reported") is left out; a number stays.
   */
  styleDetails: boolean;
  /** Whether the stance countries' places are labelled (else the legend names them). */
  stances: boolean;
}

export const labelsFor = (width: number): FrameLabels =>
  width < COMPACT_BELOW
    ? { fontSize: 12, detailSize: 11, styleDetails: false, stances: false }
    : { fontSize: 13, detailSize: 11.5, styleDetails: true, stances: true };

// ---------------------------------------------------------------- planes

/** [[w, s], [e, n]] with e > w (a camera across 180° gets e + 360). */
function unwrap(bounds: Bounds): [[number, number], [number, number]] {
  const [[w, s], [e, n]] = bounds;
  return [
    [w, s],
    [e > w ? e : e + 360, n],
  ];
}

/** Points along the bounds' four edges, as a MultiPoint: fitting it never depends on ring winding. */
export function boundsOutline(bounds: Bounds, steps = 16): GeoJSON.MultiPoint {
  const [[w, s], [e, n]] = unwrap(bounds);
  const coordinates: Position[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const lon = w + (e - w) * t;
    const lat = s + (n - s) * t;
    coordinates.push([lon, s], [lon, n], [w, lat], [e, lat]);
  }
  return { type: "MultiPoint", coordinates };
}

/**
 * The unscaled projection of a plane: an equal-area conic with standard parallels at
 * one sixth and five sixths of the bounds' latitudes (the usual rule for a mid-latitude
 * map) and its central meridian through the bounds' middle; or Mercator centred there.
 */
export function planeProjection(bounds: Bounds, kind: PlaneKind = "conic"): GeoProjection {
  const [[w, s], [e, n]] = unwrap(bounds);
  const centre = (w + e) / 2;
  if (kind === "mercator") return geoMercator().rotate([-centre, 0]);
  const p1 = s + (n - s) / 6;
  const p2 = n - (n - s) / 6;
  // Parallels symmetric about the equator make the conic a cylinder; d3 handles that.
  return geoConicEqualArea().parallels([p1, p2]).rotate([-centre, 0]);
}

function makePlane(camera: FrameCamera, kind: PlaneKind): FramePlane {
  if (kind === "mercator") {
    const projection = planeProjection(camera.bounds, "mercator");
    return { id: camera.id, kind, projection, bounds: camera.bounds, toPlane: (p) => [p[0], p[1]] };
  }
  const projection = planeProjection(camera.bounds, "conic").fitExtent(
    [
      [-PLANE_HALF_SPAN, -PLANE_HALF_SPAN],
      [PLANE_HALF_SPAN, PLANE_HALF_SPAN],
    ],
    boundsOutline(camera.bounds),
  );
  // Round the scale so the plane (and every coordinate in it) is the same in every run.
  projection.scale(round6(projection.scale())).translate([0, 0]);
  return {
    id: camera.id,
    kind,
    projection,
    bounds: camera.bounds,
    toPlane: (p) => {
      const xy = projection([p[0], p[1]])!;
      return [xy[0], -xy[1]];
    },
  };
}

// ---------------------------------------------------------------- panels

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** What a panel is fitted to show: points, and the room in px kept between them and the panel's edges. */
interface FitTarget {
  points: GeoJSON.MultiPoint;
  room: { x: number; y: number };
}

/** Room round the labelled places for their labels: a two-line label below or above its dot (7 px away, as layoutLabels puts it), a little at the sides. */
export const labelRoom = (labels: FrameLabels) => ({
  x: 10,
  y: 7 + Math.ceil(labels.fontSize * 1.2 + labels.detailSize * 1.2) + 2,
});

/** Height ÷ width of the target's points as the plane's projection draws them. */
function aspectOf(bounds: Bounds, kind: PlaneKind, target: FitTarget): number {
  const p = planeProjection(bounds, kind).fitSize([1000, 1000], target.points);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of target.points.coordinates) {
    const [x, y] = p([c[0]!, c[1]!])!;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return x1 > x0 ? (y1 - y0) / (x1 - x0) : 1;
}

/** The height a panel `width` px wide needs to show the target at its aspect, with its room. */
const heightFor = (width: number, a: number, target: FitTarget) => (width - 2 * target.room.x) * a + 2 * target.room.y;

/** The plane's projection fitted so the target fills the box less its room (contain), clipped to the box. */
function fitted(plane: FramePlane, target: FitTarget, box: Box, top = 0): GeoProjection {
  const p = planeProjection(plane.bounds, plane.kind)
    .fitExtent(
      [
        [box.x0 + target.room.x, box.y0 + top + target.room.y],
        [box.x1 - target.room.x, box.y1 - target.room.y],
      ],
      target.points,
    )
    .clipExtent([
      [box.x0, box.y0],
      [box.x1, box.y1],
    ]);
  return p.scale(round6(p.scale())).translate([round6(p.translate()[0]), round6(p.translate()[1])]);
}

const boundsTarget = (camera: FrameCamera, room: number): FitTarget => ({
  points: boundsOutline(camera.bounds),
  room: { x: room, y: room },
});

function insetPanel(camera: FrameCamera, box: Box, kind: PlaneKind): FramePanel {
  const plane = makePlane(camera, kind);
  const title = camera.label;
  const titleBox = {
    x0: box.x0 + 4,
    y0: box.y0 + 2,
    x1: box.x0 + 10 + textWidth(title, TITLE_SIZE, "bold"),
    y1: box.y0 + TITLE_BAND - 2,
  };
  return {
    id: camera.id,
    role: "inset",
    title,
    box,
    projection: fitted(plane, boundsTarget(camera, 4), box, TITLE_BAND - 4),
    plane,
    obstacles: [titleBox],
  };
}

/** Zoom buttons are drawn on the map from COMPACT_BELOW; narrower maps zoom with two fingers (cooperative gestures). */
export const hasZoomButtons = (width: number) => width >= COMPACT_BELOW;

function mainPanel(camera: FrameCamera, plane: FramePlane, target: FitTarget, box: Box, width: number): FramePanel {
  return {
    id: camera.id,
    role: "main",
    title: null,
    box,
    projection: fitted(plane, target, box),
    plane,
    obstacles: hasZoomButtons(width) ? [zoomButtonsBox(box)] : [],
  };
}

/** The width at the top of the flow scale: 10 px on compact maps, 14 px from COMPACT_BELOW. */
export function flowMaxWidthFor(width: number): number {
  return width < COMPACT_BELOW ? 10 : 14;
}

/** The main panel's fit: the labelled places in its bounds (not in an inset's), else the bounds. */
function mainTarget(
  camera: FrameCamera,
  insets: readonly FrameCamera[],
  width: number,
  places: readonly LonLat[] | undefined,
): FitTarget {
  const mine = (places ?? []).filter((p) => inBounds(camera.bounds, p) && !insets.some((i) => inBounds(i.bounds, p)));
  if (mine.length < 2) return boundsTarget(camera, width < COMPACT_BELOW ? 4 : 8);
  return {
    points: { type: "MultiPoint", coordinates: mine.map((p) => [p[0], p[1]]) },
    room: labelRoom(labelsFor(width)),
  };
}

/** The main map with its insets, laid out for `width`. */
function composite(
  camera: FrameCamera,
  insets: readonly FrameCamera[],
  width: number,
  kind: PlaneKind,
  places: readonly LonLat[] | undefined,
): MapFrame {
  const plane = makePlane(camera, kind);
  const target = mainTarget(camera, insets, width, places);
  const a = aspectOf(camera.bounds, kind, target);
  const n = insets.length;
  const ratios = insets.map((i) => aspectOf(i.bounds, kind, boundsTarget(i, 0)));
  const panels: FramePanel[] = [];
  let height: number;
  let layout: FrameLayout;
  if (n > 0 && width >= COLUMN_FROM) {
    // Wide: the insets in a column to the right, sharing the main map's height.
    layout = "column";
    const colW = Math.max(COLUMN_MIN, Math.round(width * 0.25));
    const mainW = width - colW - GUTTER;
    const mainH = Math.round(clamp(heightFor(mainW, a, target), 0.35 * mainW, 0.75 * mainW));
    // Each inset as tall as its bounds are at the column's width, scaled together to the main map's height.
    const least = Math.round(0.4 * colW) + TITLE_BAND;
    const natural = ratios.map((r) => colW * r + TITLE_BAND);
    const scale = (mainH - GUTTER * (n - 1)) / natural.reduce((sum, h) => sum + h, 0);
    const heights = natural.map((h) => Math.max(least, Math.floor(h * scale)));
    height = Math.max(mainH, heights.reduce((sum, h) => sum + h, 0) + GUTTER * (n - 1));
    panels.push(mainPanel(camera, plane, target, { x0: 0, y0: 0, x1: mainW, y1: height }, width));
    let y0 = 0;
    insets.forEach((inset, i) => {
      const y1 = i === n - 1 ? height : y0 + heights[i]!;
      panels.push(insetPanel(inset, { x0: width - colW, y0, x1: width, y1 }, kind));
      y0 = y1 + GUTTER;
    });
  } else {
    const mainH = Math.round(clamp(heightFor(width, a, target), 0.35 * width, 1.1 * width));
    panels.push(mainPanel(camera, plane, target, { x0: 0, y0: 0, x1: width, y1: mainH }, width));
    if (n === 0) {
      layout = "single";
      height = mainH;
    } else if (width < ROW_FROM) {
      // Narrowest: the insets one above the other, full width.
      layout = "stacked";
      let y = mainH;
      insets.forEach((inset, i) => {
        const h = Math.round(clamp(width * ratios[i]!, 0.22 * width, 0.34 * width)) + TITLE_BAND;
        panels.push(insetPanel(inset, { x0: 0, y0: y + GUTTER, x1: width, y1: y + GUTTER + h }, kind));
        y += GUTTER + h;
      });
      height = y;
    } else {
      // A row under the main map, one height, each inset as wide as its bounds are for that height.
      layout = "row";
      const free = width - GUTTER * (n - 1);
      const weights = ratios.map((r) => 1 / r);
      const total = weights.reduce((sum, w) => sum + w, 0);
      const mapH = Math.round(clamp(free / total, 0.2 * width, 0.24 * width));
      let x = 0;
      insets.forEach((inset, i) => {
        const w = i === n - 1 ? width - x : Math.round((free * weights[i]!) / total);
        const box = { x0: x, y0: mainH + GUTTER, x1: x + w, y1: mainH + GUTTER + mapH + TITLE_BAND };
        panels.push(insetPanel(inset, box, kind));
        x += w + GUTTER;
      });
      height = mainH + GUTTER + mapH + TITLE_BAND;
    }
  }
  return {
    width,
    height,
    camera: camera.id,
    layout,
    panels,
    flowMaxWidth: flowMaxWidthFor(width),
    labels: labelsFor(width),
  };
}

/** Whether a point lies in a camera's bounds (across 180° too). */
function inBounds(bounds: Bounds, p: LonLat): boolean {
  const [[w, s], [e, n]] = unwrap(bounds);
  const lon = p[0] + 360 * Math.round(((w + e) / 2 - p[0]) / 360);
  return lon >= w && lon <= e && p[1] >= s && p[1] <= n;
}

const centreOf = (bounds: Bounds): LonLat => {
  const [[w, s], [e, n]] = unwrap(bounds);
  return [(w + e) / 2, (s + n) / 2];
};

/**
 * The frame for `width` and a camera. A camera with insets is a composite (main panel
 * and insets); any other camera fills one panel as tall as the first composite camera's
 * frame at this width (the map does not change height when the reader changes view),
 * drawn on the plane of the composite camera whose bounds contain its centre, else on
 * its own.
 */
export function mapFrame(options: FrameOptions): MapFrame {
  const { width, cameras, places } = options;
  const kind = options.kind ?? "conic";
  if (!(width > 0)) throw new Error(`mapFrame: the width must be positive (got ${width}).`);
  if (cameras.length === 0) throw new Error("mapFrame: there are no cameras.");
  const byId = new Map(cameras.map((c) => [c.id, c]));
  const camera = byId.get(options.camera ?? "") ?? cameras[0]!;
  const insetsOf = (c: FrameCamera) =>
    (c.insets ?? []).map((id) => {
      const inset = byId.get(id);
      if (!inset) throw new Error(`mapFrame: camera "${c.id}" lists inset "${id}", which is not a camera.`);
      return inset;
    });
  if ((camera.insets ?? []).length > 0) return composite(camera, insetsOf(camera), width, kind, places);

  const hosts = cameras.filter((c) => (c.insets ?? []).length > 0);
  const host = hosts.find((h) => inBounds(h.bounds, centreOf(camera.bounds)));
  const plane = makePlane(host ?? camera, kind);
  const room = Math.round(clamp(width * 0.06, 12, 40));
  const target = boundsTarget(camera, room);
  const height =
    options.height ??
    (hosts[0]
      ? composite(hosts[0], insetsOf(hosts[0]), width, kind, places).height
      : Math.round(clamp(heightFor(width, aspectOf(camera.bounds, kind, target), target), 0.35 * width, 1.1 * width)));
  return {
    width,
    height,
    camera: camera.id,
    layout: "single",
    panels: [mainPanel(camera, plane, target, { x0: 0, y0: 0, x1: width, y1: height }, width)],
    flowMaxWidth: flowMaxWidthFor(width),
    labels: labelsFor(width),
  };
}

// ---------------------------------------------------------------- points and legs

/** What locating points and legs needs of a panel (any design's panels have it). */
export type PanelShape = Pick<FramePanel, "id" | "role" | "box" | "projection">;

const inside = (b: Box, x: number, y: number) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;

/**
 * The panel that shows a point, and where: insets first (they are drawn on top of
 * anything they overlap), then the main panel; null when no panel shows it. A point
 * the main panel would put under an inset is not shown there.
 */
export function locate<P extends PanelShape>(
  frame: { panels: readonly P[] },
  p: LonLat,
): { panel: P; x: number; y: number } | null {
  const insets = frame.panels.filter((q) => q.role === "inset");
  for (const panel of [...insets, ...frame.panels.filter((q) => q.role === "main")]) {
    // A projection's far side can fold back into the box: only points in the lon/lat range the box shows count.
    if (!inBounds(visibleBounds(panel), p)) continue;
    const xy = panel.projection([p[0], p[1]]);
    if (!xy || !inside(panel.box, xy[0], xy[1])) continue;
    if (panel.role === "main" && insets.some((q) => inside(q.box, xy[0], xy[1]))) continue;
    return { panel, x: xy[0], y: xy[1] };
  }
  return null;
}

const visible = new WeakMap<PanelShape, Bounds>();

/**
 * The lon/lat range a panel's box shows, from its corners and edge midpoints (where a
 * conic's parallels and meridians reach their extremes), with a degree to spare.
 */
export function visibleBounds(panel: PanelShape): Bounds {
  const cached = visible.get(panel);
  if (cached) return cached;
  const { x0, y0, x1, y1 } = panel.box;
  const xm = (x0 + x1) / 2;
  const ym = (y0 + y1) / 2;
  const points = [
    [x0, y0],
    [xm, y0],
    [x1, y0],
    [x1, ym],
    [x1, y1],
    [xm, y1],
    [x0, y1],
    [x0, ym],
  ].map(([x, y]) => panel.projection.invert!([x!, y!])!);
  const ref = points[0]![0];
  const lons = points.map((c) => c[0] + 360 * Math.round((ref - c[0]) / 360));
  const lats = points.map((c) => c[1]);
  // A box round a pole shows every longitude up to that pole.
  const shows = (lat: number) => {
    const xy = panel.projection([0, lat]);
    return xy !== null && inside(panel.box, xy[0], xy[1]);
  };
  const north = shows(90);
  const south = shows(-90);
  const bounds: Bounds =
    north || south
      ? [
          [-180, south ? -90 : Math.min(...lats) - 1],
          [180, north ? 90 : Math.max(...lats) + 1],
        ]
      : [
          [Math.min(...lons) - 1, Math.max(-90, Math.min(...lats) - 1)],
          [Math.max(...lons) + 1, Math.min(90, Math.max(...lats) + 1)],
        ];
  visible.set(panel, bounds);
  return bounds;
}

/** An unstated leg longer than this (km) is not drawn as a line: its path is not known. A border crossing is shorter. */
export const LOCAL_HOP_KM = 300;

export interface FrameLeg {
  from: LonLat;
  to: LonLat;
  mode: Mode;
}

/**
 * How a route's leg is drawn in the frame:
 * - "line": both ends in one panel; `straight` for an unstated local hop (a crossing: no curve that suggests a path);
 * - "stub": the path is not drawn (its mode is unstated and it is long, or its ends are in
 *   different panels); a short approach ends at the destination, from `start` to `end` in
 *   artboard px: along the next leg's direction when there is one (so the Mexico route
 *   reaches the border from the Mexican side), else from the origin's direction;
 * - "hidden": the destination is in no panel.
 */
export type LegPlacement =
  | { kind: "line"; panel: string; straight: boolean }
  | { kind: "stub"; panel: string; start: [number, number]; end: [number, number] }
  | { kind: "hidden" };

/** Length in px of a stub in a panel: 35% of its smaller side, 32–64 px. */
export const stubLength = (panel: PanelShape) =>
  Math.round(clamp(0.35 * Math.min(panel.box.x1 - panel.box.x0, panel.box.y1 - panel.box.y0), 32, 64));

export function placeLeg(frame: { panels: readonly PanelShape[] }, leg: FrameLeg, next?: FrameLeg): LegPlacement {
  const a = locate(frame, leg.from);
  const b = locate(frame, leg.to);
  const km = geoDistance([leg.from[0], leg.from[1]], [leg.to[0], leg.to[1]]) * 6371.0088;
  const unstatedPath = leg.mode === "unstated" && km > LOCAL_HOP_KM;
  if (a && b && a.panel === b.panel && !unstatedPath)
    return { kind: "line", panel: b.panel.id, straight: leg.mode === "unstated" };
  if (!b) return { kind: "hidden" };
  // Direction of arrival, in px: along the next leg, else from the origin's side.
  let dx = 0;
  let dy = 0;
  const n = next ? locate(frame, next.to) : null;
  if (n && n.panel === b.panel && (n.x !== b.x || n.y !== b.y)) {
    dx = n.x - b.x;
    dy = n.y - b.y;
  } else {
    const toward = geoInterpolate([leg.to[0], leg.to[1]], [leg.from[0], leg.from[1]])(Math.min(0.5, 100 / km));
    const q = b.panel.projection(toward);
    if (q) {
      dx = b.x - q[0];
      dy = b.y - q[1];
    }
  }
  const len = Math.hypot(dx, dy) || 1;
  const l = stubLength(b.panel);
  return {
    kind: "stub",
    panel: b.panel.id,
    start: [r1(b.x - (dx / len) * l), r1(b.y - (dy / len) * l)],
    end: [r1(b.x), r1(b.y)],
  };
}

// ---------------------------------------------------------------- MapLibre

/** What MapLibre needs to draw a panel exactly as the SVG does, in a container the size of the panel's box. */
export interface MapLibreView {
  /** The style's `projection.type`. */
  projection: "identity" | "mercator";
  /** `center` for `jumpTo`: identity coordinates for "identity", lon/lat for "mercator". */
  center: [number, number];
  zoom: number;
}

/**
 * The MapLibre camera that shows a panel as the frame draws it. For a conic plane the
 * map's sources hold plane coordinates (`projectGeometryToPlane`) in MapLibre's
 * `identity` projection, whose zoom 0 draws 180 units in 512 px: a pixel scale of
 * s px/unit is zoom log2(s · 180 / 512). For Mercator, zoom 0 draws the world (2π
 * radians) in 512 px.
 */
export function maplibreView(panel: FramePanel): MapLibreView {
  const { box, projection, plane } = panel;
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  if (plane.kind === "mercator") {
    const centre = projection.invert!([cx, cy])!;
    return {
      projection: "mercator",
      center: [round6(((((centre[0] + 180) % 360) + 360) % 360) - 180), round6(centre[1])],
      zoom: round6(Math.log2((2 * Math.PI * projection.scale()) / TILE_SIZE)),
    };
  }
  // Both are the same raw projection: pixels = translate + k · raw, plane = k0 · raw (y flipped for MapLibre).
  const k = projection.scale();
  const k0 = plane.projection.scale();
  const [tx, ty] = projection.translate();
  return {
    projection: "identity",
    center: [round6(((cx - tx) / k) * k0), round6((-(cy - ty) / k) * k0)],
    zoom: round6(Math.log2(((k / k0) * IDENTITY_UNITS) / TILE_SIZE)),
  };
}

/**
 * Geometry in plane coordinates for MapLibre's `identity` projection: projected through
 * the plane with d3 (which cuts it at the conic's far meridian and resamples long edges
 * as d3 draws them), clipped to the plane's square of ±`limit` units, y flipped. Polygons
 * come out as a MultiPolygon of rings (MapLibre tells holes from their winding), lines as
 * a MultiLineString. Mercator planes take lon/lat as they are.
 */
export function projectGeometryToPlane(
  plane: FramePlane,
  geometry: Geometry,
  limit = 89,
): MultiPolygon | MultiLineString | GeoJSON.Point | null {
  if (plane.kind === "mercator") throw new Error("projectGeometryToPlane: a Mercator plane takes lon/lat as they are.");
  if (geometry.type === "Point") {
    const [x, y] = plane.toPlane([geometry.coordinates[0]!, geometry.coordinates[1]!]);
    return { type: "Point", coordinates: [round6(x), round6(y)] };
  }
  const projection = planeProjection(plane.bounds, plane.kind)
    .scale(plane.projection.scale())
    .translate([0, 0])
    .clipExtent([
      [-limit, -limit],
      [limit, limit],
    ]);
  const rings: Position[][] = [];
  const lines: Position[][] = [];
  let current: Position[] | null = null;
  let inPolygon = false;
  const sink: GeoStream = {
    point(x, y) {
      current?.push([round6(x), round6(-y)]);
    },
    lineStart() {
      current = [];
    },
    lineEnd() {
      if (current && current.length > 1) {
        if (inPolygon) {
          const first = current[0]!;
          const last = current[current.length - 1]!;
          if (first[0] !== last[0] || first[1] !== last[1]) current.push([first[0]!, first[1]!]);
          if (current.length > 3) rings.push(current);
        } else lines.push(current);
      }
      current = null;
    },
    polygonStart() {
      inPolygon = true;
    },
    polygonEnd() {
      inPolygon = false;
    },
    sphere() {},
  };
  geoStream(geometry, projection.stream(sink));
  if (rings.length > 0) return { type: "MultiPolygon", coordinates: rings.map((r) => [r]) };
  if (lines.length > 0) return { type: "MultiLineString", coordinates: lines };
  return null;
}

/** A d3 transform that maps plane coordinates to a panel's pixels: for drawing plane geometry as SVG (tests, exports). */
export function planeToPanel(panel: FramePanel) {
  const k = panel.projection.scale() / panel.plane.projection.scale();
  const [tx, ty] = panel.projection.translate();
  return geoTransform({
    point(x, y) {
      this.stream.point(tx + x * k, ty - y * k);
    },
  });
}
