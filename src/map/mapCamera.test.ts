import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cameraById,
  cameraPadding,
  fitMercator,
  inBounds,
  INSETS_BELOW,
  isNarrowMap,
  mercatorAspect,
  narrowLayout,
  nearestCopy,
  refit,
  unwrapBounds,
  viewBounds,
} from "./mapCamera.ts";
import { ARTBOARD_WIDTHS } from "../ui/artboardWidths.ts";
import { exitRoutesFixture } from "./testData.ts";

const data = exitRoutesFixture();

describe("camera presets", () => {
  it("finds a preset, falling back to world", () => {
    expect(cameraById(data.cameras, "bering-strait").id).toBe("bering-strait");
    expect(cameraById(data.cameras, "nowhere").id).toBe("world");
  });

  it("finds the copy of a longitude nearest the centre of view", () => {
    expect(nearestCopy(67, 0)).toBe(67);
    expect(nearestCopy(67, 360)).toBe(427);
    expect(nearestCopy(-170, 175)).toBe(190);
    expect(nearestCopy(190, -10)).toBe(-170);
  });

  it("unwraps bounds that cross 180°", () => {
    expect(
      unwrapBounds([
        [170, 60],
        [-170, 70],
      ]),
    ).toEqual([
      [170, 60],
      [190, 70],
    ]);
    expect(
      unwrapBounds([
        [-170, 8],
        [150, 74],
      ]),
    ).toEqual([
      [-170, 8],
      [150, 74],
    ]);
  });

  it("fits the bounds inside the padded box", () => {
    for (const camera of data.cameras) {
      const [[w, s], [e, n]] = unwrapBounds(camera.bounds);
      const projection = fitMercator(
        [
          [w, s],
          [e, n],
        ],
        800,
        500,
        20,
      );
      const corners = [projection([w, s])!, projection([e, n])!];
      for (const [x, y] of corners) {
        expect(x).toBeGreaterThanOrEqual(19.5);
        expect(x).toBeLessThanOrEqual(780.5);
        expect(y).toBeGreaterThanOrEqual(19.5);
        expect(y).toBeLessThanOrEqual(480.5);
      }
      // West is left of east, north above south: no wrap inside a view.
      expect(corners[0]![0]).toBeLessThan(corners[1]![0]);
      expect(corners[1]![1]).toBeLessThan(corners[0]![1]);
    }
  });

  it("pads 12–40 px", () => {
    expect(cameraPadding(320, 300)).toBe(18);
    expect(cameraPadding(100, 100)).toBe(12);
    expect(cameraPadding(2000, 1000)).toBe(40);
  });
});

describe("inBounds", () => {
  const bering = [
    [-177, 61.5],
    [-166, 67],
  ] as const;
  const crossing = [
    [170, 50],
    [-170, 70],
  ] as const;
  it("takes a point inside, and leaves one outside, of bounds on either side of 180°", () => {
    expect(inBounds(bering, [-170, 64])).toBe(true);
    expect(inBounds(bering, [-160, 64])).toBe(false);
    expect(inBounds(crossing, [179, 60])).toBe(true);
    expect(inBounds(crossing, [-175, 60])).toBe(true);
    expect(inBounds(crossing, [160, 60])).toBe(false);
    expect(inBounds(crossing, [179, 45])).toBe(false);
  });
  it("widens the bounds by the margin, a share of their span, each way", () => {
    // Bering: 11° by 5.5°; a fifth is 2.2° and 1.1°.
    expect(inBounds(bering, [-179, 64], 0.2)).toBe(true);
    expect(inBounds(bering, [179, 64], 0.2)).toBe(false);
    expect(inBounds(bering, [-165, 68], 0.2)).toBe(true);
    expect(inBounds(bering, [-165, 68.5], 0.2)).toBe(false);
  });
});

describe("a camera's view at a width", () => {
  const world = cameraById(data.cameras, "world");
  it("is the narrow view, with its insets, on a map narrower than INSETS_BELOW (measured); else the camera's bounds", () => {
    for (const width of [280, 390, INSETS_BELOW - 1])
      expect(viewBounds(world, isNarrowMap(width))).toEqual(unwrapBounds(world.narrow!.bounds));
    expect(narrowLayout(data.cameras)!.insets.map((i) => i.label)).toEqual(["By boat to Alaska", "Mexico–US border"]);
    for (const width of [0, INSETS_BELOW, 1280])
      expect(viewBounds(world, isNarrowMap(width))).toEqual(unwrapBounds(world.bounds));
    // A camera without a narrow view is itself at every width.
    const nordics = cameraById(data.cameras, "nordics-baltics");
    expect(viewBounds(nordics, true)).toEqual(unwrapBounds(nordics.bounds));
  });
  it("changes where map.css changes the frame's shape and shows the insets: at INSETS_BELOW, an artboard edge", () => {
    const css = readFileSync(resolve(import.meta.dirname, "map.css"), "utf8");
    const narrowUpTo = /@container \(max-width: ([\d.]+)px\) \{\s*\.exit-routes \.exit-map\.exit-map--narrow/.exec(
      css,
    )?.[1];
    const insetsHiddenFrom = /@container \(min-width: ([\d.]+)px\) \{\s*\.map-insets__island/.exec(css)?.[1];
    expect(Number(narrowUpTo)).toBeCloseTo(INSETS_BELOW - 0.02, 2);
    expect(Number(insetsHiddenFrom)).toBe(INSETS_BELOW);
    expect(ARTBOARD_WIDTHS).toContain(INSETS_BELOW);
  });
  it("has the shape of its bounds on Mercator: a map of that shape is filled by them both ways", () => {
    const narrow = unwrapBounds(world.narrow!.bounds);
    const width = 1000;
    const p = fitMercator(narrow, width, Math.round(width * mercatorAspect(narrow)), 0);
    const [x0, y1] = p(narrow[0])!;
    const [x1, y0] = p(narrow[1])!;
    expect(x1 - x0).toBeCloseTo(width, 0);
    expect(y1 - y0).toBeCloseTo(width * mercatorAspect(narrow), 0);
  });
  it("refits a drawing onto a projection centred on another meridian", () => {
    const from = fitMercator(unwrapBounds(world.bounds), 1000, 560);
    const to = fitMercator(unwrapBounds(world.narrow!.bounds), 390, 240);
    const t = refit(from, to);
    for (const lngLat of [
      [37.6, 55.8],
      [106.9, 47.9],
    ] as [number, number][]) {
      const [fx, fy] = from(lngLat)!;
      const [x, y] = to(lngLat)!;
      expect(t.s * fx + t.x).toBeCloseTo(x, 6);
      expect(t.s * fy + t.y).toBeCloseTo(y, 6);
    }
  });
});
