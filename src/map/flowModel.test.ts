import { describe, expect, it } from "vitest";
import {
  caveatsDrawn,
  arcCoordinates,
  arrowFeatures,
  buildFlowModel,
  compareRoutes,
  distanceKm,
  filterRoutes,
  formatRouteFigure,
  inverseMercatorY,
  LOCAL_HOP_KM,
  mercatorY,
  modesInData,
  niceCeiling,
  NO_NUMBER,
  routeFigureText,
  routeLineFeatures,
  routeMatchesFilters,
  STUB_KM,
  stubCoordinates,
  unwrapLongitude,
  unwrapPath,
  widthScale,
} from "./flowModel.ts";
import { exitRoutesFixture } from "./testData.ts";

const data = exitRoutesFixture();

const maxStep = (coords: number[][]) => Math.max(...coords.slice(1).map((c, i) => Math.abs(c[0]! - coords[i]![0]!)));

describe("antimeridian unwrapping", () => {
  it("keeps longitudes within 180° of the reference", () => {
    expect(unwrapLongitude(170, -170)).toBe(190);
    expect(unwrapLongitude(-170, 170)).toBe(-190);
    expect(unwrapLongitude(37.62, -117.04)).toBeCloseTo(-117.04, 9);
    expect(unwrapLongitude(0, 180)).toBe(180);
    expect(unwrapLongitude(10, 10 + 720)).toBe(10);
  });

  it("unwraps a path step by step", () => {
    const path = unwrapPath([
      [179, 60],
      [-179, 61],
      [-178, 62],
    ]);
    expect(path.map((p) => p[0])).toEqual([179, 181, 182]);
  });

  it("sends a leg whose Δlon exceeds 180° the short way across the antimeridian", () => {
    const { coordinates } = arcCoordinates([170, 60], [-170, 62]);
    expect(coordinates[0]).toEqual([170, 60]);
    expect(coordinates[coordinates.length - 1]![0]).toBeCloseTo(190, 6);
    expect(maxStep(coordinates)).toBeLessThan(2);
    for (const [lon] of coordinates) expect(lon).toBeGreaterThan(165);
  });

  it("draws the Chukotka–Alaska boat crossing as a short hop, not round the world", () => {
    const model = buildFlowModel(data);
    const alaska = model.routes.find((r) => r.id === "to-alaska")!;
    const leg = alaska.legs[0]!;
    expect(distanceKm(leg.from, leg.to)).toBeLessThan(100);
    const lons = leg.coordinates.map((c) => c[0]!);
    expect(Math.max(...lons) - Math.min(...lons)).toBeLessThan(1.5);
    expect(Math.min(...lons)).toBeGreaterThan(-174);
    expect(Math.max(...lons)).toBeLessThan(-170);
  });

  it("keeps every leg in the data short-way (no step longer than 180°)", () => {
    for (const r of buildFlowModel(data).routes)
      for (const leg of r.legs) expect(maxStep(leg.coordinates)).toBeLessThan(180);
  });
});

describe("arc geometry", () => {
  it("starts and ends on the places and bends to the right of travel", () => {
    const { coordinates, endBearing } = arcCoordinates([0, 0], [10, 0]);
    expect(coordinates[0]).toEqual([0, 0]);
    expect(coordinates[coordinates.length - 1]).toEqual([10, 0]);
    // Eastward: right of travel is south.
    expect(coordinates[24]![1]).toBeLessThan(0);
    // Arrives heading north-east (it bulged south).
    expect(endBearing).toBeGreaterThan(0);
    expect(endBearing).toBeLessThan(90);
  });

  it("bends to the same side relative to travel whichever way it goes", () => {
    const west = arcCoordinates([10, 0], [0, 0]);
    expect(west.coordinates[24]![1]).toBeGreaterThan(0);
  });

  it("round-trips Mercator y", () => {
    for (const lat of [-60, -10, 0, 33.3, 64.42, 80]) expect(inverseMercatorY(mercatorY(lat))).toBeCloseTo(lat, 9);
  });

  it("handles a zero-length leg", () => {
    const { coordinates, endBearing } = arcCoordinates([5, 5], [5, 5], { segments: 4 });
    expect(coordinates).toHaveLength(5);
    expect(endBearing).toBe(0);
  });
});

describe("a path the sources do not give", () => {
  const mexico = buildFlowModel(data).routes.find((r) => r.legs.some((l) => l.stub))!;
  const [toTijuana, crossing] = mexico.legs;

  it("is not drawn from Russia: only the last stretch before Tijuana, arriving from the Mexican side", () => {
    expect(mexico.id).toBe("via-mexico");
    expect(toTijuana!.stub).toBe(true);
    const coords = toTijuana!.coordinates;
    const [start, end] = [coords[0]!, coords[coords.length - 1]!];
    expect(end[0]).toBeCloseTo(toTijuana!.to[0]!, 4);
    expect(end[1]).toBeCloseTo(toTijuana!.to[1]!, 4);
    // STUB_KM long, south-south-east of the border, in line with the crossing that follows (which runs north-north-west).
    expect(distanceKm(start, end)).toBeGreaterThan(STUB_KM * 0.95);
    expect(distanceKm(start, end)).toBeLessThan(STUB_KM * 1.05);
    expect(start[1]!).toBeLessThan(end[1]! - 3);
    expect(start[0]! - end[0]!).toBeGreaterThan(0);
    expect(start[0]! - end[0]!).toBeLessThan(3);
    // Nowhere near Russia, nor over the United States.
    for (const [lon, lat] of coords) {
      expect(lon).toBeGreaterThan(-118);
      expect(lon).toBeLessThan(-114);
      expect(lat).toBeLessThanOrEqual(end[1]!);
    }
  });

  it("is never longer than the leg it stands for", () => {
    // A 380 km unstated leg (Vladivostok to Khabarovsk's latitude, due north): more than a local hop, less than STUB_KM.
    const from: [number, number] = [131.9, 43.1];
    const to: [number, number] = [131.9, 46.52];
    const leg = distanceKm(from, to);
    expect(leg).toBeGreaterThan(LOCAL_HOP_KM);
    expect(leg).toBeLessThan(STUB_KM);
    const coords = stubCoordinates(from, to);
    // Measured in Mercator units at the destination's latitude: within 5% of the leg, as STUB_KM is above.
    const drawn = distanceKm(coords[0]!, coords[coords.length - 1]!);
    expect(drawn).toBeGreaterThan(leg * 0.95);
    expect(drawn).toBeLessThan(leg * 1.05);
  });

  it("draws the crossing the article names as a straight line, and a curve only where a path is stated", () => {
    expect(crossing!.stub).toBe(false);
    expect(distanceKm(crossing!.from, crossing!.to)).toBeLessThan(LOCAL_HOP_KM);
    expect(crossing!.coordinates).toHaveLength(2);
    for (const r of buildFlowModel(data).routes)
      for (const leg of r.legs) if (leg.mode !== "unstated") expect(leg.stub).toBe(false);
  });
});

describe("width scale", () => {
  it("rounds the top up to a nice value", () => {
    expect(niceCeiling(98000)).toBe(100000);
    expect(niceCeiling(2)).toBe(2);
    expect(niceCeiling(2.1)).toBe(2.5);
    expect(niceCeiling(0)).toBe(1);
  });

  it("is linear from zero with a minimum width, and gives three legend stops", () => {
    const s = widthScale([98000, 53000, 43000, 2], "people", { maxWidth: 14, minWidth: 1.5 });
    expect(s.top).toBe(100000);
    expect(s.width(100000)).toBe(14);
    expect(s.width(50000)).toBe(7);
    expect(s.width(2)).toBe(1.5);
    expect(s.stops.map((x) => x.value)).toEqual([100000, 50000, 20000]);
    expect(s.stops.map((x) => x.label)).toEqual(["100,000", "50,000", "20,000"]);
  });

  it("has no stops when nothing is counted", () => {
    expect(widthScale([]).stops).toEqual([]);
  });
});

describe("filtering and order", () => {
  const model = buildFlowModel(data);

  it("lists the modes in the data, in schema order", () => {
    expect(modesInData(data.routes)).toEqual(["road", "sea", "air", "unstated"]);
    expect(model.modes).toEqual(["road", "sea", "air", "unstated"]);
  });

  it("filters by period and by mode ([] = all)", () => {
    expect(filterRoutes(model.routes, { period: "all", modes: [] })).toHaveLength(data.routes.length);
    expect(filterRoutes(model.routes, { period: "invasion", modes: [] }).map((r) => r.id)).toEqual(["via-mexico"]);
    const air = filterRoutes(model.routes, { period: "all", modes: ["air"] });
    expect(air.every((r) => r.style === "flights")).toBe(true);
    expect(air).toHaveLength(4);
    expect(filterRoutes(model.routes, { period: "mobilization", modes: ["unstated"] })).toEqual([]);
    expect(routeMatchesFilters({ period: "x", modes: ["road"] }, { period: "all", modes: ["sea", "road"] })).toBe(true);
  });

  it("orders counted routes by value, then unquantified, then flights", () => {
    const ids = model.routes.map((r) => r.id);
    expect(ids.slice(0, 4)).toEqual(["to-kazakhstan", "to-georgia", "to-finland", "to-alaska"]);
    expect(model.routes.slice(4, 6).map((r) => r.style)).toEqual(["unquantified", "unquantified"]);
    expect(model.routes.slice(6).every((r) => r.style === "flights")).toBe(true);
    expect(
      compareRoutes({ style: "flow", value: 1, label: "b" }, { style: "flow", value: 1, label: "a" }),
    ).toBeGreaterThan(0);
  });

  it("flags unquantified routes and never gives them a count width", () => {
    const mongolia = model.routes.find((r) => r.id === "to-mongolia")!;
    expect(mongolia.style).toBe("unquantified");
    expect(mongolia.value).toBeNull();
    expect(routeFigureText(mongolia)).toBe(NO_NUMBER);
    const flights = model.routes.find((r) => r.id === "flights-serbia")!;
    expect(flights.style).toBe("flights");
    expect(routeFigureText(flights)).toBe("flights sold out; no number reported");
    const kz = model.routes.find((r) => r.id === "to-kazakhstan")!;
    expect(kz.width).toBeCloseTo(13.72, 2);
  });

  it("joins multi-leg routes and puts the arrow on the last leg only", () => {
    const georgia = model.routes.find((r) => r.id === "to-georgia")!;
    expect(georgia.legs).toHaveLength(2);
    expect(georgia.legs[0]!.to).toEqual(georgia.legs[1]!.from);
    expect(georgia.legs.map((l) => l.final)).toEqual([false, true]);
    const arrows = arrowFeatures([georgia]);
    expect(arrows.features).toHaveLength(1);
    expect(arrows.features[0]!.geometry.coordinates).toEqual([44.79, 41.72]);
    expect(routeLineFeatures([georgia]).features).toHaveLength(2);
  });

  it("names the unknown place when a route points nowhere", () => {
    const bad = exitRoutesFixture();
    bad.routes[0]!.legs[0]!.to = "atlantis";
    expect(() => buildFlowModel(bad)).toThrow(/atlantis/);
  });
});

describe("figure text", () => {
  it("keeps the qualifier with the number", () => {
    expect(
      formatRouteFigure({
        id: "x",
        value: 194000,
        qualifier: "more-than",
        unit: "people",
        basis: "reported",
        counts: "people",
        period: "p",
        caveat: null,
        marker: null,
      }),
    ).toBe("more than 194,000 people");
    expect(
      formatRouteFigure({
        id: "x",
        value: 1,
        qualifier: "exact",
        unit: "people",
        basis: "reported",
        counts: "people",
        period: "p",
        caveat: null,
        marker: null,
      }),
    ).toBe("1 person");
    expect(formatRouteFigure(null)).toBe(NO_NUMBER);
  });
});

describe("caveatsDrawn", () => {
  const model = buildFlowModel(data);
  it("keeps the caveats of the routes' numbers and of the points placed on them, not of related figures", () => {
    const markers = (routes: typeof model.routes) => caveatsDrawn(data.meta.caveats, routes).map((c) => c.marker);
    const all = markers(model.routes);
    const kazakhstan = data.meta.caveats.find((c) => c.figures.includes("kazakhstan-week"))!;
    const related = data.meta.caveats.filter(
      (c) => c.figures.length > 0 && !c.figures.some((id) => model.routes.some((r) => r.figure?.id === id)),
    );
    expect(all).toContain(kazakhstan.marker);
    expect(related.length).toBeGreaterThan(0);
    for (const c of related) expect(all).not.toContain(c.marker);
    // Only the Alaska route: its two placed points, no number's caveat.
    const alaska = model.routes.filter((r) => r.id === "to-alaska");
    expect(markers(alaska)).toEqual(alaska[0]!.stops.flatMap((p) => (p.marker ? [p.marker] : [])));
  });
});
