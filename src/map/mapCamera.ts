/**
 * Camera presets → view. Both engines fit the same bounds into the same padded box on a
 * north-up Mercator map, so swapping the SVG map for MapLibre does not move anything.
 */
import { geoMercator, type GeoProjection } from "d3-geo";
import { r1 } from "../format/pixels.ts";
import type { ExitRoutesDataset } from "../schema/datasets.ts";

export type Bounds = [[number, number], [number, number]];
export type Camera = ExitRoutesDataset["cameras"][number];

/** The preset with this id, else "world", else the first preset. */
export function cameraById(cameras: readonly Camera[], id: string): Camera {
  return cameras.find((c) => c.id === id) ?? cameras.find((c) => c.id === "world") ?? cameras[0]!;
}

/**
 * Below this map width a camera with a `narrow` view (the ledger's world view) is drawn
 * as one: its main map shows the narrow bounds, and its insets go under it. An artboard
 * edge (artboardWidths.ts), so the page's map and the live one change at the same width;
 * map.css's container queries say the same (a unit test holds them together). Article
 * columns (600–760 px) are under it: on a world map that narrow, the places around the
 * Caucasus share a few dozen pixels and their names are set far off on leader lines.
 */
export const INSETS_BELOW = 800;

export type Inset = NonNullable<Camera["narrow"]>["insets"][number];

/**
 * The narrow layout of a set of cameras: the first one's with a narrow view (the world
 * view's). A narrow map keeps its shape and insets whichever camera it shows, so a link
 * to another view does not reshape the page's map when the app takes over.
 */
export const narrowLayout = (cameras: readonly Camera[]): Camera["narrow"] | null =>
  cameras.find((c) => c.narrow)?.narrow ?? null;

/** Is a map this wide (CSS px; 0: not measured yet) narrow: does a camera with a narrow view show it? */
export const isNarrowMap = (width: number): boolean => width > 0 && width < INSETS_BELOW;

/** The bounds a camera shows on a map, narrow (isNarrowMap) or not: its narrow view's, where it has one, on a narrow map. */
export function viewBounds(camera: Camera, narrowMap: boolean): Bounds {
  return unwrapBounds(narrowMap && camera.narrow ? camera.narrow.bounds : camera.bounds);
}

/** Height ÷ width of bounds on a north-up Mercator: the shape of a map that shows just them. */
export function mercatorAspect(bounds: Bounds): number {
  const [[w, s], [e, n]] = bounds;
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return (y(n) - y(s)) / (((e - w) * Math.PI) / 180);
}

/** The height of a narrow view's frame `width` px wide: its bounds' shape across the width less cameraPadding's least 12 px a side (map.css says the same). */
export const narrowFrameHeight = (bounds: Bounds, width: number): number =>
  Math.round(mercatorAspect(bounds) * (width - 24) + 24);

/** [[w, s], [e, n]] with `e > w`: a camera that crosses 180° (west > east) gets east + 360. */
export function unwrapBounds(bounds: readonly [readonly [number, number], readonly [number, number]]): Bounds {
  const [[w, s], [e, n]] = bounds;
  return [
    [w, s],
    [e > w ? e : e + 360, n],
  ];
}

/**
 * Is a point inside camera bounds (which may cross 180°, west > east), widened by
 * `margin` times their span each way, in degrees? A map fitted to the bounds shows more
 * than them (its padding, and the frame's shape, along the axis that does not limit
 * the fit). A margin is a rule of thumb, not that fit: with 0.2, today's slides show
 * the markers of exactly the notes it keeps (test/e2e/presentation.spec.ts checks it at
 * four projector sizes). Fitting the bounds with the slide's projection for its
 * narrowest and widest frames would make it exact.
 */
export function inBounds(
  bounds: readonly [readonly [number, number], readonly [number, number]],
  [lon, lat]: readonly number[],
  margin = 0,
): boolean {
  const [[w, s], [e, n]] = unwrapBounds(bounds);
  const dx = (e - w) * margin;
  const dy = (n - s) * margin;
  const east = (((lon! - (w - dx)) % 360) + 360) % 360;
  return east <= e - w + 2 * dx && lat! >= s - dy && lat! <= n + dy;
}

/** Padding round the camera bounds in CSS pixels: 6% of the smaller side, 12–40 px. */
export function cameraPadding(width: number, height: number): number {
  return Math.round(Math.max(12, Math.min(40, Math.min(width, height) * 0.06)));
}

/**
 * A d3 Mercator projection showing `bounds` in a width × height box, centred on the
 * bounds' middle meridian (so a view across 180° is not cut by the projection's seam).
 */
export function fitMercator(
  bounds: Bounds,
  width: number,
  height: number,
  padding = cameraPadding(width, height),
): GeoProjection {
  const [[w, s], [e, n]] = bounds;
  const centre = (w + e) / 2;
  const projection = geoMercator().rotate([-centre, 0]);
  projection.fitExtent(
    [
      [padding, padding],
      [Math.max(padding + 1, width - padding), Math.max(padding + 1, height - padding)],
    ],
    {
      type: "MultiPoint",
      coordinates: [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [centre, s],
        [centre, n],
      ],
    },
  );
  return projection;
}

/**
 * How to move a drawing made with `from` (a fitMercator projection) onto `to`, fitted to
 * the same bounds in another box, or to other bounds: the two are one Mercator scaled and moved, so
 * x' = s·x + x, y' = s·y + y. `matrix` is the SVG transform, rounded for the page.
 */
export function refit(from: GeoProjection, to: GeoProjection): { s: number; x: number; y: number; matrix: string } {
  const s = to.scale() / from.scale();
  const [fx, fy] = from.translate();
  const [tx, ty] = to.translate();
  // Centred on another meridian (bounds of their own): x = t + k·(λ + rotation), so the
  // difference in rotation is a move sideways (away from the projections' seams).
  const turn = ((to.rotate()[0] - from.rotate()[0]) * Math.PI) / 180;
  const [x, y] = [tx - s * fx + to.scale() * turn, ty - s * fy];
  const scale = Math.round(s * 1000) / 1000;
  return { s, x, y, matrix: `matrix(${scale} 0 0 ${scale} ${r1(x)} ${r1(y)})` };
}

/** A longitude moved by whole turns to within 180° of `centre`: the copy of the world a reader looking at `centre` sees. */
export const nearestCopy = (lng: number, centre: number): number => lng + 360 * Math.round((centre - lng) / 360);
