import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import {
  basemapFromTopology,
  cachedBasemap,
  fixAntimeridian,
  maxLongitudeStep,
  normaliseIso,
  planarBasemap,
  resolutionForBounds,
  splitLinesAtAntimeridian,
  unwrapRing,
} from "./basemap.ts";
import { exitRoutesFixture, worldAtlasTopologies } from "./testData.ts";

const topologies = worldAtlasTopologies();
const data = exitRoutesFixture();

/** Signed planar area (shoelace), to check a fixed ring still encloses the same amount of map. */
const ringArea = (ring: Position[]) =>
  ring.reduce((a, p, i) => {
    const q = ring[(i + 1) % ring.length]!;
    return a + p[0]! * q[1]! - q[0]! * p[1]!;
  }, 0) / 2;

describe("cachedBasemap", () => {
  it("converts a topology once per resolution, stances and focus", () => {
    const a = cachedBasemap(topologies["110m"], "110m", data.stances, ["268"]);
    expect(cachedBasemap(topologies["110m"], "110m", [...data.stances], ["268"])).toBe(a);
    expect(cachedBasemap(topologies["110m"], "110m", data.stances, ["398"])).not.toBe(a);
    expect(cachedBasemap(topologies["110m"], "110m", [], ["268"])).not.toBe(a);
    expect(a.countries.features.find((f) => f.properties.iso === "268")!.properties.focus).toBe(true);
  });
});

describe("ISO ids", () => {
  it("pads world-atlas ids and rejects the rest", () => {
    expect(normaliseIso("643")).toBe("643");
    expect(normaliseIso("51")).toBe("051");
    expect(normaliseIso(4)).toBe("004");
    expect(normaliseIso(undefined)).toBeNull();
    expect(normaliseIso("RUS")).toBeNull();
  });
});

describe.each(["110m", "50m"] as const)("world-atlas countries-%s", (res) => {
  const basemap = basemapFromTopology(topologies[res], res, data.stances, ["643"]);
  const byIso = (iso: string) => basemap.countries.features.find((f) => f.properties.iso === iso)!;

  it("joins stances by ISO numeric id", () => {
    expect(byIso("616").properties.stance).toBe("refuse");
    expect(byIso("233").properties.stance).toBe("refuse");
    expect(byIso("428").properties.stance).toBe("refuse");
    expect(byIso("440").properties.stance).toBe("refuse");
    expect(byIso("276").properties.stance).toBe("welcome");
    expect(byIso("840").properties.stance).toBe("welcome");
    expect(byIso("643").properties.stance).toBeNull();
    expect(byIso("643").properties.focus).toBe(true);
    const withStance = basemap.countries.features.filter((f) => f.properties.stance !== null);
    expect(withStance).toHaveLength(data.stances.length);
  });

  it("leaves Antarctica out and keeps the units without an id", () => {
    expect(basemap.countries.features.some((f) => f.properties.iso === "010")).toBe(false);
    expect(basemap.countries.features.some((f) => f.properties.name === "Kosovo" && f.properties.iso === null)).toBe(
      true,
    );
  });

  it("has Russia crossing 180° as it comes (the trap), and not after fixing", () => {
    const russia = byIso("643").geometry;
    expect(maxLongitudeStep(russia)).toBeGreaterThan(180);
    const fixed = fixAntimeridian(russia);
    expect(maxLongitudeStep(fixed)).toBeLessThan(180);
    // Not a stripe: Russia spans about 19°E to 191°E (= 169°W), well short of 360°.
    const lons = (fixed as MultiPolygon).coordinates.flat(2).map((p) => p[0]!);
    expect(Math.min(...lons)).toBeGreaterThan(19);
    expect(Math.max(...lons)).toBeLessThan(192);
    expect(Math.max(...lons)).toBeGreaterThan(185);
  });

  it("fixes every country for planar rendering", () => {
    const planar = planarBasemap(basemap);
    for (const f of planar.countries.features)
      expect(maxLongitudeStep(f.geometry), f.properties.name).toBeLessThan(180);
    expect(maxLongitudeStep(planar.borders)).toBeLessThan(180);
    // Countries that never cross are returned untouched.
    expect(planar.countries.features.find((f) => f.properties.iso === "276")).toBe(byIso("276"));
  });

  it("keeps Fiji in one piece next to 180°", () => {
    const fixed = fixAntimeridian(byIso("242").geometry) as MultiPolygon;
    const lons = fixed.coordinates.flat(2).map((p) => p[0]!);
    expect(Math.max(...lons) - Math.min(...lons)).toBeLessThan(10);
  });
});

describe("ring unwrapping", () => {
  it("shifts the part past 180° instead of jumping back", () => {
    const ring: Position[] = [
      [170, 60],
      [180, 60],
      [-180, 60],
      [-170, 60],
      [-170, 65],
      [-180, 65],
      [180, 65],
      [170, 65],
      [170, 60],
    ];
    const out = unwrapRing(ring);
    expect(out.map((p) => p[0])).toEqual([170, 180, 180, 190, 190, 180, 180, 170, 170]);
    expect(Math.abs(ringArea(out))).toBeCloseTo(20 * 5, 6);
  });

  it("closes a ring that winds round a pole along the pole", () => {
    const ring: Position[] = [
      [-180, -80],
      [0, -75],
      [180, -80],
      [-180, -80],
    ];
    const out = unwrapRing(ring);
    expect(maxLongitudeStep({ type: "Polygon", coordinates: [out] })).toBeLessThan(360);
    expect(out.at(-1)).toEqual(out[0]);
    expect(out.some((p) => p[1] === -90)).toBe(true);
  });

  it("moves a lone island to its country's side of 180°", () => {
    const mp: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [170, 60],
            [180, 60],
            [-180, 60],
            [-175, 62],
            [-180, 64],
            [180, 64],
            [170, 60],
          ],
        ],
        [
          [
            [-169, 65],
            [-168.9, 65.1],
            [-169.1, 65.1],
            [-169, 65],
          ],
        ],
      ],
    };
    const fixed = fixAntimeridian(mp);
    expect(fixed.coordinates[1]![0]![0]![0]).toBe(191);
    const poly: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 1],
        ],
      ],
    };
    expect(fixAntimeridian(poly)).toBe(poly);
  });

  it("splits border lines at a jump", () => {
    const out = splitLinesAtAntimeridian({
      type: "MultiLineString",
      coordinates: [
        [
          [170, 0],
          [180, 0],
          [-180, 0],
          [-170, 0],
        ],
      ],
    });
    expect(out.coordinates).toEqual([
      [
        [170, 0],
        [180, 0],
      ],
      [
        [-180, 0],
        [-170, 0],
      ],
    ]);
  });
});

describe("basemap detail by view", () => {
  it("uses 110m for wide views and 50m for close ones", () => {
    const res = Object.fromEntries(data.cameras.map((c) => [c.id, resolutionForBounds(c.bounds)]));
    expect(res).toEqual({
      world: "110m",
      "finland-to-kazakhstan": "110m",
      "caucasus-central-asia": "110m",
      "nordics-baltics": "50m",
      "bering-strait": "50m",
      "north-america": "50m",
    });
    expect(
      resolutionForBounds([
        [170, 60],
        [-170, 70],
      ]),
    ).toBe("50m");
  });

  it("has St. Lawrence Island even at 110m (so the world view needs no 50m)", () => {
    const basemap = basemapFromTopology(topologies["110m"], "110m");
    const usa = basemap.countries.features.find((f) => f.properties.iso === "840")!.geometry as MultiPolygon;
    const island = usa.coordinates.filter((p) =>
      p[0]!.every(([x, y]) => x! > -172 && x! < -168 && y! > 62.8 && y! < 63.9),
    );
    expect(island).toHaveLength(1);
  });
});
