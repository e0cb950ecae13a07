/**
 * The candidate designs compared in docs/map-design.md, each a function of the artboard
 * width that returns the panels to draw (projection, box) and the map's height. The
 * recommended one is src/map/mapFrame.ts; the others live here only to be measured.
 */
import { geoAzimuthalEqualArea, geoDistance, type GeoProjection } from "d3-geo";
import type { Position } from "geojson";
import { fitMercator, unwrapBounds } from "../../src/map/mapCamera.ts";
import {
  hasZoomButtons,
  labelsFor,
  mapFrame,
  zoomButtonsBox,
  type FrameCamera,
  type FrameLabels,
  type FramePanel,
} from "../../src/map/mapFrame.ts";
import type { ExitRoutesDataset } from "../../src/schema/datasets.ts";
import proposed from "../../src/map/__fixtures__/proposed-cameras.json";

/** What the renderer needs of a design at one width. */
export interface DesignFrame {
  width: number;
  height: number;
  panels: Pick<FramePanel, "id" | "role" | "title" | "box" | "projection" | "obstacles">[];
  flowMaxWidth: number;
  labels: FrameLabels;
  /** "today": every leg an arc, as the app draws now; "frame": mapFrame's placeLeg (lines, stubs). */
  legs: "today" | "frame";
}

export interface Design {
  id: string;
  name: string;
  frame: (width: number) => DesignFrame;
}

/**
 * The cameras the recommended design needs in data/graphics.yaml (a proposal: the
 * ledger is not changed here). "world" becomes Eurasia with two insets; the two inset
 * cameras are tightened to what an inset shows; the Bering camera's label becomes "By
 * boat to Alaska" (it is the inset's heading, and the Alaska article names no strait).
 */
export const PROPOSED_CAMERAS: FrameCamera[] = proposed.map((c) => ({
  ...c,
  bounds: [
    [c.bounds[0]![0]!, c.bounds[0]![1]!],
    [c.bounds[1]![0]!, c.bounds[1]![1]!],
  ],
}));

/** Today's height rule (map.css): clamp(260px, min(60vh, 110cqw), 560px), on a 390×844 phone or a 900 px tall window. */
export const todaysHeight = (width: number) =>
  Math.round(Math.max(260, Math.min(0.6 * (width <= 400 ? 844 : 900), 1.1 * width, 560)));

const todaysMaxWidth = (width: number) => (width < 600 ? 8 : 14);

/** (a) Today: north-up Mercator of the world camera, cut at the Pacific. */
export function baseline(data: ExitRoutesDataset): Design {
  const world = unwrapBounds(data.cameras.find((c) => c.id === "world")!.bounds);
  return {
    id: "a-mercator-world",
    name: "(a) Mercator world (today)",
    frame: (width) => {
      const height = todaysHeight(width);
      const box = { x0: 0, y0: 0, x1: width, y1: height };
      const projection = fitMercator(world, width, height).clipExtent([
        [0, 0],
        [width, height],
      ]);
      return {
        width,
        height,
        panels: [{ id: "world", role: "main", title: null, box, projection, obstacles: [] }],
        flowMaxWidth: todaysMaxWidth(width),
        labels: { fontSize: 13, detailSize: 11.5, styleDetails: true, stances: width >= 600 },
        legs: "today",
      };
    },
  };
}

/** Every point the map must show: the routes' places and the stance places. */
function allPoints(data: ExitRoutesDataset): Position[] {
  const ids = new Set([...data.routes.flatMap((r) => r.path), ...data.stances.map((s) => s.place)]);
  return data.places.filter((p) => ids.has(p.id)).map((p) => p.coordinates);
}

/** The point on the sphere nearest to the farthest of `points` (a 1° grid search, north of the equator). */
function minimaxCentre(points: readonly Position[]): [number, number] {
  let best: [number, number] = [0, 90];
  let bestD = Infinity;
  for (let lat = 20; lat <= 90; lat += 1)
    for (let lon = -180; lon < 180; lon += 1) {
      const d = Math.max(...points.map((p) => geoDistance([lon, lat], [p[0]!, p[1]!])));
      if (d < bestD - 1e-12) {
        bestD = d;
        best = [lon, lat];
      }
    }
  return best;
}

/**
 * (b) Arctic azimuthal equal-area: one map round the Arctic, centred on the point
 * nearest to the farthest place (north of Siberia), north up through that centre,
 * as tall as the places need (0.75–1.3 × the width).
 */
export function arctic(data: ExitRoutesDataset): Design {
  const points = allPoints(data);
  const centre = minimaxCentre(points);
  const raw = () => geoAzimuthalEqualArea().rotate([-centre[0], -centre[1]]);
  const outline: GeoJSON.MultiPoint = { type: "MultiPoint", coordinates: points };
  const unit = raw().fitWidth(1000, outline);
  const b = geoBox(unit, points);
  const aspect = (b.y1 - b.y0) / (b.x1 - b.x0);
  return {
    id: "b-arctic-azimuthal",
    name: `(b) Arctic azimuthal equal-area (centre ${centre[1]}°N ${Math.abs(centre[0])}°${centre[0] < 0 ? "W" : "E"})`,
    frame: (width) => {
      const pad = Math.round(Math.max(16, width * 0.06));
      const height = Math.round(Math.min(1.3, Math.max(0.75, aspect)) * (width - 2 * pad) + 2 * pad);
      const box = { x0: 0, y0: 0, x1: width, y1: height };
      const projection = raw()
        .fitExtent(
          [
            [pad, pad],
            [width - pad, height - pad],
          ],
          outline,
        )
        .clipExtent([
          [0, 0],
          [width, height],
        ]);
      return {
        width,
        height,
        panels: [
          {
            id: "world",
            role: "main",
            title: null,
            box,
            projection,
            obstacles: hasZoomButtons(width) ? [zoomButtonsBox(box)] : [],
          },
        ],
        flowMaxWidth: width < 600 ? 10 : 14,
        labels: labelsFor(width),
        legs: "frame",
      };
    },
  };
}

function geoBox(projection: GeoProjection, points: readonly Position[]) {
  const xy = points.map((p) => projection([p[0]!, p[1]!])!);
  return {
    x0: Math.min(...xy.map((p) => p[0])),
    x1: Math.max(...xy.map((p) => p[0])),
    y0: Math.min(...xy.map((p) => p[1])),
    y1: Math.max(...xy.map((p) => p[1])),
  };
}

/** (c) and (d): Eurasia with insets (mapFrame), in Mercator or in the equal-area conic. */
export function eurasia(data: ExitRoutesDataset, kind: "mercator" | "conic"): Design {
  return {
    id: kind === "mercator" ? "c-eurasia-mercator-insets" : "d-eurasia-conic-insets",
    name:
      kind === "mercator"
        ? "(c) Eurasia Mercator + insets (Bering crossing, Mexico–US border)"
        : "(d) Eurasia equal-area conic + insets",
    frame: (width) => ({
      ...mapFrame({ width, cameras: PROPOSED_CAMERAS, kind, places: framedPlaces(data, width) }),
      legs: "frame",
    }),
  };
}

/** The places the map labels at this width: every route's places, and the stance places where stances are labelled. */
export function framedPlaces(data: ExitRoutesDataset, width: number): [number, number][] {
  const ids = new Set([
    ...data.routes.flatMap((r) => r.path),
    ...(labelsFor(width).stances ? data.stances.map((s) => s.place) : []),
  ]);
  return data.places.filter((p) => ids.has(p.id)).map((p) => [p.coordinates[0], p.coordinates[1]]);
}
