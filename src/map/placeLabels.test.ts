import { describe, expect, it } from "vitest";
import { buildFlowModel, filterRoutes } from "./flowModel.ts";
import type { Position } from "geojson";
import {
  DOT_RADIUS,
  isCompactMap,
  labelCandidates,
  labelPoints,
  layoutLabels,
  mapLabelCandidates,
  placeDotFeatures,
  type LabelCandidate,
} from "./placeLabels.ts";
import { cameraById, fitMercator, INSETS_BELOW, mercatorAspect, unwrapBounds, viewBounds } from "./mapCamera.ts";
import { exitRoutesFixture } from "./testData.ts";

const data = exitRoutesFixture();
const model = buildFlowModel(data);

describe("labels on the real routes", () => {
  const world = unwrapBounds(data.cameras.find((cam) => cam.id === "world")!.bounds);
  const placedAt = (width: number, height: number) => {
    const project = fitMercator(world, width, height);
    // As the app does: a map narrower than 600 px leaves the stance countries to the key.
    const candidates = labelCandidates(model.routes, data.stances, model.places).filter(
      (l) => width >= 600 || l.role !== "stance",
    );
    const points = candidates.flatMap((candidate) => {
      const p = project([candidate.coordinates[0]!, candidate.coordinates[1]!]);
      return p ? [{ candidate, x: p[0], y: p[1] }] : [];
    });
    return layoutLabels(points, { width, height }).map((l) => l.candidate.placeId);
  };

  it("keeps the origin and the biggest destinations on the world view, crowded dots and all", () => {
    for (const [w, h] of [
      [600, 400],
      [800, 480],
      [1200, 560],
    ] as const)
      expect(placedAt(w, h), `${w}×${h}`).toEqual(
        expect.arrayContaining(["russia", "kazakhstan", "georgia", "finland"]),
      );
    // On a phone too, where the Caucasus is a few pixels across: labels set off with leader
    // lines. Every counted flow keeps its label: the boat to Alaska too, whose two ends are
    // one pixel apart (its label is set off that shared pixel, its leader over the coast's dot).
    for (const [w, h] of [
      [320, 352],
      [326, 210],
      [360, 300],
      [388, 240],
      [400, 440],
    ] as const)
      expect(placedAt(w, h), `${w}×${h}`).toEqual(
        expect.arrayContaining(["russia", "kazakhstan", "georgia", "finland", "st-lawrence-island"]),
      );
  });
});

describe("labels on a world map too wide for the narrow view", () => {
  const world = cameraById(data.cameras, "world");
  it("names every route's place, from INSETS_BELOW up: wide article columns, the desktop explorer, wide embeds", () => {
    const bounds = viewBounds(world, false);
    for (let width = INSETS_BELOW; width <= 1400; width += 40)
      // The embed's map (62% of its width, at most 560 px) and the explorer's (480 px on a desktop).
      for (const height of [Math.min(560, Math.round(width * 0.62)), 480]) {
        const project = fitMercator(bounds, width, height);
        const candidates = mapLabelCandidates(model.routes, data.stances, model.places, false);
        const points = labelPoints(candidates, (line) =>
          line.flatMap((c) => {
            const p = project([c[0]!, c[1]!]);
            return p ? [p] : [];
          }),
        );
        const named = layoutLabels(points, { width, height }).map((l) => l.candidate.placeId);
        const routePlaces = candidates.filter((c) => c.role !== "stance").map((c) => c.placeId);
        expect(named, `${width}×${height}`).toEqual(expect.arrayContaining(routePlaces));
      }
  });
});

describe("labels on a phone's map of the world view (its narrow view)", () => {
  const world = data.cameras.find((cam) => cam.id === "world")!;
  const narrow = unwrapBounds(world.narrow!.bounds);
  it("names every destination on the main map, and on a compact map keeps numbers but not style-only lines", () => {
    // Phones, and article columns up to INSETS_BELOW (not compact: with the stance countries).
    for (const width of [312, 352, 382, 432, 592, 632, 712, INSETS_BELOW - 24]) {
      const height = Math.round(mercatorAspect(narrow) * (width - 24) + 24);
      const project = fitMercator(narrow, width, height);
      const candidates = mapLabelCandidates(model.routes, data.stances, model.places, isCompactMap(width));
      const points = labelPoints(candidates, (line) =>
        line.flatMap((c) => {
          const p = project([c[0]!, c[1]!]);
          return p ? [p] : [];
        }),
      );
      const placed = layoutLabels(points, { width, height });
      const ids = placed.map((l) => l.candidate.placeId);
      expect(ids, `${width} px`).toEqual(
        expect.arrayContaining(["russia", "kazakhstan", "georgia", "finland", "mongolia"]),
      );
      expect(ids, `${width} px`).toEqual(expect.arrayContaining(["armenia", "turkey", "azerbaijan", "serbia"]));
      const detail = (id: string) => placed.find((l) => l.candidate.placeId === id)?.candidate.detail;
      expect(detail("kazakhstan")).toMatch(/98,000/);
      if (!isCompactMap(width)) continue;
      expect(detail("armenia")).toBeNull();
      expect(detail("mongolia")).toBeNull();
    }
  });
});

describe("label candidates", () => {
  const labels = labelCandidates(model.routes, data.stances, model.places);
  const byPlace = (id: string) => labels.find((l) => l.placeId === id)!;

  it("labels destinations with their numbers, or say there is none", () => {
    expect(byPlace("kazakhstan")).toMatchObject({ role: "destination", detail: "98,000 people*" });
    expect(byPlace("mongolia")).toMatchObject({ role: "destination", detail: "no number reported" });
    expect(byPlace("serbia")).toMatchObject({ role: "destination", detail: "flights sold out" });
    expect(byPlace("russia")).toMatchObject({ role: "origin", detail: null });
    expect(byPlace("north-ossetia").role).toBe("stop");
    expect(byPlace("poland").role).toBe("stance");
  });

  it("marks a point we placed with the marker of its note", () => {
    const placed = [...model.places.values()].filter((p) => p.placement);
    expect(placed.length).toBeGreaterThan(0);
    for (const p of placed) expect(byPlace(p.id).name).toBe(`${p.name}${p.marker}`);
    expect(byPlace("russia").name).toBe("Russia");
  });

  it("orders by priority: origins, then destinations by route rank, stops, stances", () => {
    expect(labels[0]!.role).toBe("origin");
    const destinations = labels.filter((l) => l.role === "destination").map((l) => l.placeId);
    expect(destinations.slice(0, 3)).toEqual(["kazakhstan", "georgia", "finland"]);
    expect(labels.at(-1)!.role).toBe("stance");
    expect(labels.length).toBeLessThanOrEqual(data.places.length);
  });

  it("follows the filters", () => {
    const invasion = filterRoutes(model.routes, { period: "invasion", modes: [] });
    const ids = labelCandidates(invasion, [], model.places).map((l) => l.placeId);
    expect(ids).toEqual(["russia", "san-diego", "tijuana"]);
  });

  it("becomes GeoJSON points for MapLibre's dots, sized by role", () => {
    const fc = placeDotFeatures(labels);
    expect(fc.features.map((f) => f.properties.place)).toEqual(labels.map((l) => l.placeId));
    expect(fc.features.find((f) => f.properties.place === "russia")!.properties.radius).toBe(DOT_RADIUS.origin);
    expect(fc.features.find((f) => f.properties.place === "kazakhstan")!.properties.radius).toBe(
      DOT_RADIUS.destination,
    );
  });
});

describe("SVG label layout", () => {
  const c = (placeId: string, priority: number, detail: string | null = null): LabelCandidate => ({
    placeId,
    name: placeId,
    detail,
    coordinates: [0, 0],
    along: [],
    role: "destination",
    style: "flow",
    priority,
  });
  const measure = (t: string) => t.length * 7;

  it("places labels to the right first and never overlaps them", () => {
    const placed = layoutLabels(
      [
        { candidate: c("aaaa", 1), x: 100, y: 100 },
        { candidate: c("bbbb", 2), x: 102, y: 102 },
        { candidate: c("cccc", 3), x: 101, y: 101 },
      ],
      { width: 400, height: 300, measure },
    );
    expect(placed.map((p) => p.textAnchor).slice(0, 2)).toEqual(["start", "end"]);
    expect(placed.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!.box;
        const b = placed[j]!.box;
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
      }
  });

  it("keeps labels off the other places' dots", () => {
    // "aaaa" would run over bbbb's dot on its right, so it goes to the left.
    const placed = layoutLabels(
      [
        { candidate: c("aaaa", 1), x: 100, y: 100 },
        { candidate: c("bbbb", 2), x: 120, y: 100 },
      ],
      { width: 400, height: 300, measure },
    );
    expect(placed.map((p) => [p.candidate.placeId, p.textAnchor])).toEqual([
      ["aaaa", "end"],
      ["bbbb", "start"],
    ]);
    // Alone, it goes to the right, as usual.
    expect(
      layoutLabels([{ candidate: c("aaaa", 1), x: 100, y: 100 }], { width: 400, height: 300, measure })[0]!.textAnchor,
    ).toBe("start");
  });

  it("moves a label placed earlier where that gives a dropped one room, and both fit", () => {
    // "a" (first) would take its right side, the only room "b" has (a box sits over b's
    // top side, the map's edges close the others); "a" has room above its dot too.
    const points = [
      { candidate: c("aaaa", 1), x: 30, y: 45 },
      { candidate: c("bbbb", 2), x: 80, y: 45 },
    ];
    const options = { width: 100, height: 60, measure, obstacles: [{ x0: 56, y0: 0, x1: 100, y1: 34 }] };
    const placed = layoutLabels(points, options);
    expect(placed.map((p) => p.candidate.placeId)).toEqual(["aaaa", "bbbb"]);
    const [a, b] = placed;
    expect(b!.textAnchor).toBe("end");
    expect(a!.box.y1).toBeLessThanOrEqual(45);
    // Without "a" in its way, "b" is placed as before, and so is "a" alone.
    expect(layoutLabels([points[1]!], options)[0]!.box).toEqual(b!.box);
  });

  it("gives up a second line that only repeats the key before the name, never a number", () => {
    // Room for a one-line label beside the dot, nowhere for two lines.
    const options = { width: 120, height: 20, measure };
    const flights = { ...c("turk", 1, "flights sold out"), style: "flights" as const };
    const [placed] = layoutLabels([{ candidate: flights, x: 10, y: 10 }], options);
    expect(placed?.candidate).toEqual({ ...flights, detail: null });
    // With room for both lines, both are set.
    const roomy = layoutLabels([{ candidate: flights, x: 10, y: 30 }], { ...options, width: 200, height: 60 });
    expect(roomy[0]?.candidate.detail).toBe("flights sold out");
    // A counted flow's number is the label's point: without room for it, no label.
    const counted = c("kaz", 1, "98,000 people");
    expect(layoutLabels([{ candidate: counted, x: 10, y: 10 }], options)).toEqual([]);
  });

  it("sets a label further off with a leader line where every side covers a dot, clear of them all", () => {
    // Dots on all four sides of "main": every side beside it covers one.
    const around = [
      [115, 100],
      [85, 100],
      [100, 88],
      [100, 112],
    ].map(([x, y], i) => ({ candidate: { ...c(`d${i}`, 5), name: "" }, x: x!, y: y! }));
    const main = { candidate: c("main", 1), x: 100, y: 100 };
    for (const dots of [around, around.map((p) => ({ ...p, candidate: { ...p.candidate, priority: 0 } }))]) {
      const label = layoutLabels([main, ...dots], { width: 400, height: 300, measure }).find(
        (p) => p.candidate.placeId === "main",
      )!;
      expect(label.leader).toBeDefined();
      const [x1, y1, x2, y2] = label.leader!;
      // From the edge of its own dot to the edge of its box.
      expect(Math.hypot(x1 - 100, y1 - 100)).toBeCloseTo(DOT_RADIUS.destination, 0);
      expect(x2 >= label.box.x0 && x2 <= label.box.x1 && y2 >= label.box.y0 && y2 <= label.box.y1).toBe(true);
      for (const d of dots) {
        const r = DOT_RADIUS[d.candidate.role] + 1;
        const covers =
          d.x + r > label.box.x0 && d.x - r < label.box.x1 && d.y + r > label.box.y0 && d.y - r < label.box.y1;
        expect(covers).toBe(false);
      }
    }
  });

  it("keeps leader lines clear: no label covers one, none crosses a more important place's dot but one on its own (tight clusters)", () => {
    // Seeded clusters of eight places in 90 px: the phone's Caucasus, many times over.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    let leaders = 0;
    for (let run = 0; run < 200; run++) {
      const points = Array.from({ length: 8 }, (_, i) => ({
        candidate: c(`p${i}`, i, i % 2 ? "9,000 people" : null),
        x: 100 + random() * 90,
        y: 60 + random() * 90,
      }));
      const placed = layoutLabels(points, { width: 300, height: 220, measure });
      for (const label of placed) {
        if (!label.leader) continue;
        leaders++;
        const [x1, y1, x2, y2] = label.leader;
        const along = (t: number) => [x1 + (x2 - x1) * t, y1 + (y2 - y1) * t] as const;
        const samples = Array.from({ length: 21 }, (_, k) => along(k / 20));
        for (const other of placed) {
          if (other === label) continue;
          const b = other.box;
          expect(samples.some(([x, y]) => x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1)).toBe(false);
        }
        const own = points.find((p) => p.candidate === label.candidate)!;
        for (const p of points) {
          if (p.candidate === label.candidate || p.candidate.priority > label.candidate.priority) continue;
          const r = DOT_RADIUS[p.candidate.role] + 1;
          // A dot overlapping the label's own (a pixel or two apart) cannot be left without crossing it.
          const rOwn = DOT_RADIUS[own.candidate.role] + 1;
          if (Math.abs(p.x - own.x) < r + rOwn && Math.abs(p.y - own.y) < r + rOwn) continue;
          expect(samples.some(([x, y]) => Math.abs(x - p.x) < r && Math.abs(y - p.y) < r)).toBe(false);
        }
      }
    }
    // The clusters are tight enough that leaders are drawn at all.
    expect(leaders).toBeGreaterThan(20);
  });

  it("covers a less important place's dot, never a more important one's, where nothing further off fits either", () => {
    // A map just big enough for the label beside its dot: nowhere further off.
    const around = [
      [45, 20],
      [15, 20],
    ].map(([x, y], i) => ({ candidate: { ...c(`d${i}`, 5), name: "" }, x: x!, y: y! }));
    const main = { candidate: c("main", 1), x: 30, y: 20 };
    const options = { width: 68, height: 40, measure };
    expect(layoutLabels([main, ...around], options).find((p) => p.candidate.placeId === "main")?.textAnchor).toBe(
      "start",
    );
    const first = around.map((p) => ({ ...p, candidate: { ...p.candidate, priority: 0 } }));
    expect(layoutLabels([main, ...first], options).map((p) => p.candidate.placeId)).not.toContain("main");
  });

  it("raises or lowers a label beside its dot before it covers a neighbour's (Georgia between Azerbaijan and North Ossetia)", () => {
    // A dot above (a stop), one below (Armenia), one below-right (Azerbaijan), a label
    // already to the left: right, left, above and below all cover a dot or a label.
    const georgia = { candidate: c("georgia", 1, "53,000 people"), x: 100, y: 100 };
    const placed = layoutLabels(
      [
        georgia,
        { candidate: c("stop", 6), x: 101, y: 92 },
        { candidate: c("armenia", 5), x: 98, y: 109 },
        { candidate: c("azerbaijan", 4), x: 122, y: 112 },
      ],
      { width: 400, height: 300, measure, obstacles: [{ x0: 20, y0: 90, x1: 92, y1: 110 }] },
    );
    const label = placed.find((p) => p.candidate.placeId === "georgia")!;
    expect(label.textAnchor).toBe("start");
    // Raised: its bottom level with its own dot, clear of Azerbaijan's below-right.
    expect(label.box.y1).toBe(100);
    for (const [x, y] of [
      [101, 92],
      [98, 109],
      [122, 112],
    ])
      expect(x! + 4 <= label.box.x0 || x! - 4 >= label.box.x1 || y! + 4 <= label.box.y0 || y! - 4 >= label.box.y1).toBe(
        true,
      );
  });

  it("drops what does not fit, lowest priority first, and keeps labels inside the view", () => {
    const placed = layoutLabels(
      [
        { candidate: c("low", 9), x: 50, y: 50 },
        { candidate: c("high", 1), x: 50, y: 50 },
        { candidate: c("edge", 2), x: 398, y: 2 },
      ],
      { width: 100, height: 100, measure, obstacles: [{ x0: 0, y0: 0, x1: 100, y1: 40 }] },
    );
    expect(placed.map((p) => p.candidate.placeId)).toEqual(["high", "low"]);
    for (const p of placed) expect(p.box.y0).toBeGreaterThanOrEqual(40);
  });
});

describe("labels at the edge of the view", () => {
  const label: LabelCandidate = {
    placeId: "sli",
    name: "St. Lawrence Island, Alaska",
    detail: "2 people",
    coordinates: [-170, 63],
    along: [],
    role: "destination",
    style: "flow",
    priority: 1,
  };
  const measure = (t: string) => t.length * 7;
  const side = (x: number, y: number, width = 900, height = 500) =>
    layoutLabels([{ candidate: label, x, y }], { width, height, measure })[0]?.textAnchor ?? "none";

  it("goes on a side of its point where it is not cut", () => {
    expect(side(20, 200)).toBe("start");
    expect(side(880, 200)).toBe("end");
    expect(side(450, 250)).toBe("start");
    const top = layoutLabels([{ candidate: label, x: 450, y: 5 }], { width: 900, height: 500, measure })[0]!;
    expect(top.box.y0).toBeGreaterThan(5);
  });

  it("is left out when it would be cut everywhere, or its point is off the map", () => {
    expect(side(100, 10, 200, 30)).toBe("none");
    expect(side(-5, 200)).toBe("none");
  });
});

describe("labels past the routes' ends", () => {
  const project = fitMercator(unwrapBounds(data.cameras.find((cam) => cam.id === "world")!.bounds), 800, 480);
  const line = (coords: readonly Position[]) =>
    coords.flatMap((c) => {
      const p = project([c[0]!, c[1]!]);
      return p ? [[p[0], p[1]] as const] : [];
    });
  const candidates = labelCandidates(model.routes, [], model.places);
  const byId = (id: string) => candidates.find((c) => c.placeId === id)!;

  it("knows where each route runs at its places: every route at the origin, the last leg at a destination", () => {
    const fromRussia = model.routes.filter((r) => r.origin.id === "russia").length;
    expect(byId("russia").along).toHaveLength(fromRussia);
    const kazakhstan = model.routes.find((r) => r.destination.id === "kazakhstan")!;
    const lastLeg = kazakhstan.legs.at(-1)!.coordinates;
    expect(lastLeg).toContainEqual(byId("kazakhstan").along[0]);
    expect(byId("kazakhstan").along[0]).not.toEqual(byId("kazakhstan").coordinates);
  });

  it("points away from the route: Kazakhstan's arrow comes from the west, so away is east", () => {
    const [point] = labelPoints([byId("kazakhstan")], line);
    expect(point!.away![0]).toBeGreaterThan(0.7);
  });

  it("sets the label past the arrow's head rather than on its line, where both sides are free", () => {
    const at = (away: readonly [number, number] | null) =>
      layoutLabels([{ candidate: { ...byId("kazakhstan"), along: [] }, x: 400, y: 240, away }], {
        width: 800,
        height: 480,
      })[0]!;
    expect(at(null).textAnchor).toBe("start"); // right first, by default
    const fromEast = at([-1, 0]);
    expect(fromEast.box.x1).toBeLessThan(400);
    const fromBelow = at([0, -1]);
    expect(fromBelow.box.y1).toBeLessThan(240);
  });

  it("puts the two ends of a short crossing on their outer sides, not each on the other's side", () => {
    // The boat to Alaska on its close-up: the coast and the island a few pixels apart.
    const bering = fitMercator(unwrapBounds(data.cameras.find((cam) => cam.id === "bering-strait")!.bounds), 448, 215);
    const alaska = model.routes.find((r) => r.id === "to-alaska")!;
    const ends = labelCandidates([alaska], [], model.places).filter((c) => c.role !== "stop" || c.along.length > 0);
    const points = labelPoints(ends, (coords) =>
      coords.flatMap((c) => {
        const p = bering([c[0]!, c[1]!]);
        return p ? [[p[0], p[1]] as const] : [];
      }),
    );
    const placed = layoutLabels(points, { width: 448, height: 215, fontSize: 15, detailSize: 13 });
    const box = (id: string) => placed.find((l) => l.candidate.placeId === id)!.box;
    const point = (id: string) => points.find((p) => p.candidate.placeId === id)!;
    // Each label lies on its own place's side of the route: the coast's away from the island, and back.
    for (const [id, other] of [
      ["chukotka-coast", "st-lawrence-island"],
      ["st-lawrence-island", "chukotka-coast"],
    ] as const) {
      const [p, q] = [point(id), point(other)];
      const b = box(id);
      const [cx, cy] = [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
      expect((cx - p.x) * (p.x - q.x) + (cy - p.y) * (p.y - q.y), id).toBeGreaterThan(0);
    }
  });
});
