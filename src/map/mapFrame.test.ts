import { describe, expect, it } from "vitest";
import { geoStream, type GeoStream } from "d3-geo";
import type { MultiPolygon, Polygon } from "geojson";
import type { Topology } from "topojson-specification";
import { readFileSync } from "node:fs";
import { basemapFromTopology } from "./basemap.ts";
import { buildFlowModel } from "./flowModel.ts";
import {
  GUTTER,
  locate,
  mapFrame,
  maplibreView,
  placeLeg,
  planeToPanel,
  projectGeometryToPlane,
  type Box,
  type FrameCamera,
  type MapFrame,
} from "./mapFrame.ts";
import { labelCandidates, layoutLabels } from "./placeLabels.ts";
import { exitRoutesFixture } from "./testData.ts";
import proposed from "./__fixtures__/proposed-cameras.json";

const data = exitRoutesFixture();
const cameras: FrameCamera[] = proposed.map((c) => ({
  ...c,
  bounds: [
    [c.bounds[0]![0]!, c.bounds[0]![1]!],
    [c.bounds[1]![0]!, c.bounds[1]![1]!],
  ],
}));
const model = buildFlowModel(data);
const place = (id: string): [number, number] => {
  const p = data.places.find((q) => q.id === id)!;
  return [p.coordinates[0], p.coordinates[1]];
};

/** The places the map labels at a width: what the app passes as `places`. */
const labelledAt = (width: number) =>
  labelCandidates(model.routes, data.stances, model.places)
    .filter((c) => width >= 600 || c.role !== "stance")
    .map((c) => [c.coordinates[0]!, c.coordinates[1]!] as [number, number]);

const frameAt = (width: number, camera?: string): MapFrame =>
  mapFrame({ width, cameras, ...(camera ? { camera } : {}), places: labelledAt(width) });

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe("the composite frame", () => {
  it("lays the insets out by width: stacked, in a row, in a column", () => {
    expect(frameAt(320).layout).toBe("stacked");
    expect(frameAt(390).layout).toBe("row");
    expect(frameAt(680).layout).toBe("row");
    expect(frameAt(1280).layout).toBe("column");
  });

  it("puts the main map first and keeps every panel on the artboard, apart from the others", () => {
    for (const width of [320, 360, 390, 500, 680, 999, 1000, 1280, 1920]) {
      const f = frameAt(width);
      expect(f.panels.map((p) => [p.id, p.role])).toEqual([
        ["world", "main"],
        ["bering-strait", "inset"],
        ["north-america", "inset"],
      ]);
      for (const p of f.panels) {
        expect(p.box.x0, `${width} ${p.id}`).toBeGreaterThanOrEqual(0);
        expect(p.box.y0).toBeGreaterThanOrEqual(0);
        expect(p.box.x1).toBeLessThanOrEqual(width);
        expect(p.box.y1).toBeLessThanOrEqual(f.height);
        expect(p.box.x1 - p.box.x0).toBeGreaterThan(100);
        expect(p.box.y1 - p.box.y0).toBeGreaterThan(80);
      }
      for (const [i, a] of f.panels.entries())
        for (const b of f.panels.slice(i + 1)) expect(overlaps(a.box, b.box), `${width}: ${a.id}/${b.id}`).toBe(false);
      // Panels are GUTTER apart, never more: no dead band across the artboard.
      const insets = f.panels.filter((p) => p.role === "inset");
      const main = f.panels[0]!;
      if (f.layout !== "column") expect(Math.min(...insets.map((p) => p.box.y0)) - main.box.y1).toBe(GUTTER);
    }
  });

  it("is a deterministic function of its input", () => {
    const a = frameAt(390);
    const b = frameAt(390);
    const summary = (f: MapFrame) =>
      JSON.stringify({
        height: f.height,
        boxes: f.panels.map((p) => p.box),
        moscow: f.panels.map((p) => p.projection(place("russia"))),
        view: maplibreView(f.panels[0]!),
      });
    expect(summary(a)).toBe(summary(b));
  });

  it("is about as tall as a phone screen allows, and shorter than today's map on a wide screen", () => {
    expect(frameAt(320).height).toBeLessThan(520);
    expect(frameAt(390).height).toBeLessThan(420);
    expect(frameAt(1280).height).toBeLessThan(560);
  });

  it("draws every route's place in the panel of its region, and in one panel only", () => {
    const expected: Record<string, string> = {
      russia: "world",
      "north-ossetia": "world",
      georgia: "world",
      kazakhstan: "world",
      finland: "world",
      mongolia: "world",
      armenia: "world",
      turkey: "world",
      azerbaijan: "world",
      serbia: "world",
      "chukotka-coast": "bering-strait",
      "st-lawrence-island": "bering-strait",
      tijuana: "north-america",
      "san-diego": "north-america",
    };
    for (const width of [320, 390, 680, 1280]) {
      const f = frameAt(width);
      for (const [id, panel] of Object.entries(expected)) {
        const at = locate(f, place(id));
        expect(at?.panel.id, `${id} at ${width}`).toBe(panel);
        // Inside its panel with room for a dot.
        expect(at!.x).toBeGreaterThanOrEqual(at!.panel.box.x0 + 3);
        expect(at!.x).toBeLessThanOrEqual(at!.panel.box.x1 - 3);
      }
      // Washington (the United States' stance) is in no panel: the US shows in both insets instead.
      expect(locate(f, place("usa"))).toBeNull();
    }
  });

  it("keeps Tijuana and San Diego, and Chukotka and St. Lawrence Island, far enough apart to label each", () => {
    for (const width of [320, 390]) {
      const f = frameAt(width);
      const d = (a: string, b: string) => {
        const p = locate(f, place(a))!;
        const q = locate(f, place(b))!;
        return Math.hypot(p.x - q.x, p.y - q.y);
      };
      expect(d("tijuana", "san-diego")).toBeGreaterThan(15);
      expect(d("chukotka-coast", "st-lawrence-island")).toBeGreaterThan(18);
    }
  });
});

describe("labels at the reader's size", () => {
  // The test: at 320–400 px every counted flow and every named destination keeps a label.
  const destinations = [...new Set(model.routes.map((r) => r.destination.id))];
  for (const width of [320, 360, 390, 400]) {
    it(`labels every destination at ${width} px`, () => {
      const f = frameAt(width);
      const candidates = labelCandidates(model.routes, data.stances, model.places)
        .filter((c) => f.labels.stances || c.role !== "stance")
        .map((c) => (f.labels.styleDetails || c.style === "flow" ? c : { ...c, detail: null }));
      const placed: string[] = [];
      for (const panel of f.panels) {
        const { x0, y0 } = panel.box;
        const points = candidates.flatMap((candidate) => {
          const at = locate(f, [candidate.coordinates[0]!, candidate.coordinates[1]!]);
          return at && at.panel === panel ? [{ candidate, x: at.x - x0, y: at.y - y0 }] : [];
        });
        const laid = layoutLabels(points, {
          width: panel.box.x1 - x0,
          height: panel.box.y1 - y0,
          fontSize: f.labels.fontSize,
          detailSize: f.labels.detailSize,
          obstacles: panel.obstacles.map((b) => ({ x0: b.x0 - x0, y0: b.y0 - y0, x1: b.x1 - x0, y1: b.y1 - y0 })),
        });
        placed.push(...laid.map((l) => l.candidate.placeId));
      }
      expect(placed).toEqual(expect.arrayContaining([...destinations, "russia", "tijuana"]));
    });
  }
});

describe("legs", () => {
  const f = frameAt(390);
  const leg = (from: string, to: string, mode: "road" | "sea" | "unstated" = "road") => ({
    from: place(from),
    to: place(to),
    mode,
  });

  it("draws the counted flows as lines in the main map, and the boat crossing in its inset", () => {
    expect(placeLeg(f, leg("russia", "kazakhstan"))).toEqual({ kind: "line", panel: "world", straight: false });
    expect(placeLeg(f, leg("north-ossetia", "georgia"))).toEqual({ kind: "line", panel: "world", straight: false });
    expect(placeLeg(f, leg("chukotka-coast", "st-lawrence-island", "sea"))).toEqual({
      kind: "line",
      panel: "bering-strait",
      straight: false,
    });
  });

  it("draws no path from Russia to Mexico: a stub reaches Tijuana from the Mexican side", () => {
    const toTijuana = leg("russia", "tijuana", "unstated");
    const crossing = leg("tijuana", "san-diego", "unstated");
    const stub = placeLeg(f, toTijuana, crossing);
    expect(stub.kind).toBe("stub");
    if (stub.kind !== "stub") return;
    expect(stub.panel).toBe("north-america");
    const tijuana = locate(f, place("tijuana"))!;
    expect(Math.hypot(stub.end[0] - tijuana.x, stub.end[1] - tijuana.y)).toBeLessThan(0.1);
    // From the south (larger y), in line with the crossing that follows it.
    expect(stub.start[1]).toBeGreaterThan(stub.end[1] + 20);
    const panel = f.panels.find((p) => p.id === "north-america")!;
    expect(stub.start[1]).toBeLessThanOrEqual(panel.box.y1);
    // The border crossing itself is a short straight line: its mode is unstated, its path is the crossing.
    expect(placeLeg(f, crossing)).toEqual({ kind: "line", panel: "north-america", straight: true });
  });

  it("never draws a long unstated leg as a line, even when both ends are on one map", () => {
    const world: FrameCamera[] = [
      {
        id: "world",
        label: "All routes",
        bounds: [
          [-170, 8],
          [150, 74],
        ],
      },
    ];
    const single = mapFrame({ width: 800, cameras: world });
    expect(placeLeg(single, leg("russia", "tijuana", "unstated")).kind).toBe("stub");
    expect(placeLeg(single, leg("russia", "kazakhstan")).kind).toBe("line");
  });

  it("hides a leg whose destination is in no panel", () => {
    expect(placeLeg(f, leg("russia", "usa"))).toEqual({ kind: "hidden" });
  });
});

describe("single-camera views", () => {
  it("draws a regional camera on the composite's plane, as tall as the composite", () => {
    for (const width of [390, 1280]) {
      const composite = frameAt(width);
      for (const id of ["caucasus-central-asia", "nordics-baltics"]) {
        const f = frameAt(width, id);
        expect(f.layout).toBe("single");
        expect(f.height).toBe(composite.height);
        expect(f.panels[0]!.plane.id).toBe("world");
      }
      expect(frameAt(width, "bering-strait").panels[0]!.plane.id).toBe("bering-strait");
    }
  });

  it("falls back to the first camera for an unknown id and rejects a missing inset or width", () => {
    expect(frameAt(390, "nowhere").camera).toBe("world");
    expect(() => mapFrame({ width: 390, cameras: [{ ...cameras[0]!, insets: ["atlantis"] }] })).toThrow(/atlantis/);
    expect(() => mapFrame({ width: 0, cameras })).toThrow(/width/);
  });
});

describe("MapLibre draws the same picture", () => {
  /** MapLibre's `identity` projection: 512 · 2^zoom px per 180 units, y up, the centre in the middle of the container. */
  const identityPixel = (view: ReturnType<typeof maplibreView>, size: [number, number], p: [number, number]) => {
    const s = (512 * 2 ** view.zoom) / 180;
    return [size[0] / 2 + (p[0] - view.center[0]) * s, size[1] / 2 - (p[1] - view.center[1]) * s];
  };
  /** Web Mercator world pixels at a zoom (MapLibre's formula). */
  const mercatorWorld = (lon: number, lat: number, zoom: number) => {
    const size = 512 * 2 ** zoom;
    const y = Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    return [((lon + 180) / 360) * size, (0.5 - y / (2 * Math.PI)) * size];
  };

  it("puts every place of the conic main map where the SVG puts it (identity projection)", () => {
    for (const width of [320, 390, 680, 1280]) {
      const main = frameAt(width).panels[0]!;
      const view = maplibreView(main);
      expect(view.projection).toBe("identity");
      const size: [number, number] = [main.box.x1 - main.box.x0, main.box.y1 - main.box.y0];
      for (const id of ["russia", "georgia", "kazakhstan", "finland", "mongolia", "serbia"]) {
        const svg = main.projection(place(id))!;
        const gl = identityPixel(view, size, main.plane.toPlane(place(id)));
        expect(Math.abs(gl[0]! - (svg[0] - main.box.x0)), `${id} at ${width}`).toBeLessThan(0.01);
        expect(Math.abs(gl[1]! - (svg[1] - main.box.y0))).toBeLessThan(0.01);
      }
    }
  });

  it("maps plane coordinates back to the panel's pixels (for drawing plane geometry as SVG)", () => {
    const main = frameAt(390).panels[0]!;
    const seen: number[][] = [];
    const sink = { point: (x: number, y: number) => seen.push([x, y]) } as unknown as GeoStream;
    geoStream({ type: "Point", coordinates: main.plane.toPlane(place("kazakhstan")) }, planeToPanel(main).stream(sink));
    const svg = main.projection(place("kazakhstan"))!;
    expect(seen[0]![0]).toBeCloseTo(svg[0], 6);
    expect(seen[0]![1]).toBeCloseTo(svg[1], 6);
  });

  it("does the same in MapLibre's Mercator for the Mercator variant", () => {
    const f = mapFrame({ width: 390, cameras, places: labelledAt(390), kind: "mercator" });
    const main = f.panels[0]!;
    const view = maplibreView(main);
    expect(view.projection).toBe("mercator");
    const c = mercatorWorld(view.center[0], view.center[1], view.zoom);
    for (const id of ["russia", "georgia", "mongolia"]) {
      const [lon, lat] = place(id);
      const w = mercatorWorld(lon, lat, view.zoom);
      const svg = main.projection([lon, lat])!;
      expect(Math.abs(w[0]! - c[0]! + (main.box.x1 - main.box.x0) / 2 - svg[0])).toBeLessThan(0.01);
      expect(Math.abs(w[1]! - c[1]! + (main.box.y1 - main.box.y0) / 2 - svg[1])).toBeLessThan(0.01);
    }
  });

  it("pre-projects the real basemap into the plane: finite, within the identity square, Russia across 180° included", () => {
    const topology = JSON.parse(
      readFileSync(new URL("../../node_modules/world-atlas/countries-110m.json", import.meta.url), "utf8"),
    ) as Topology;
    const basemap = basemapFromTopology(topology, "110m", data.stances, []);
    const plane = frameAt(390).panels[0]!.plane;
    const russia = basemap.countries.features.find((c) => c.properties.iso === "643")!;
    const projected = projectGeometryToPlane(plane, russia.geometry) as MultiPolygon;
    expect(projected.type).toBe("MultiPolygon");
    const coords = projected.coordinates.flat(2);
    expect(coords.length).toBeGreaterThan(100);
    for (const [x, y] of coords) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(Math.abs(x!)).toBeLessThanOrEqual(89);
      expect(Math.abs(y!)).toBeLessThanOrEqual(89);
    }
    // A small square round Moscow lands where toPlane puts Moscow.
    const square: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [37, 55],
          [37, 56.5],
          [38.2, 56.5],
          [38.2, 55],
          [37, 55],
        ],
      ],
    };
    const sq = projectGeometryToPlane(plane, square) as MultiPolygon;
    const [mx, my] = plane.toPlane(place("russia"));
    const ring = sq.coordinates[0]![0]!;
    expect(Math.min(...ring.map((p) => p[0]!))).toBeLessThan(mx);
    expect(Math.max(...ring.map((p) => p[0]!))).toBeGreaterThan(mx);
    expect(Math.min(...ring.map((p) => p[1]!))).toBeLessThan(my);
    expect(Math.max(...ring.map((p) => p[1]!))).toBeGreaterThan(my);
  });
});
