import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_URL_STATE, type UrlState } from "../state/urlState.ts";
import {
  applyNavAction,
  presentationSearch,
  progressFraction,
  progressLabel,
  stepAnnouncement,
  stepIndexFromId,
  stepView,
  type NavAction,
} from "./stepModel.ts";

const steps = [{ id: "before" }, { id: "invasion" }, { id: "forces" }, { id: "alaska" }];

describe("stepIndexFromId", () => {
  it("finds a step by id", () => {
    expect(stepIndexFromId(steps, "invasion")).toBe(1);
    expect(stepIndexFromId(steps, "alaska")).toBe(3);
  });
  it("lands on the first step for a missing, empty or unknown id", () => {
    for (const id of [null, undefined, "", "nowhere", "<script>", "ALASKA"]) expect(stepIndexFromId(steps, id)).toBe(0);
    expect(stepIndexFromId([], "before")).toBe(0);
  });
});

describe("applyNavAction", () => {
  it("moves one step and stops at the ends (no wrap)", () => {
    expect(applyNavAction(0, "next", 7)).toBe(1);
    expect(applyNavAction(6, "next", 7)).toBe(6);
    expect(applyNavAction(3, "prev", 7)).toBe(2);
    expect(applyNavAction(0, "prev", 7)).toBe(0);
    expect(applyNavAction(4, "first", 7)).toBe(0);
    expect(applyNavAction(1, "last", 7)).toBe(6);
  });
  it("clamps an out-of-range or non-integer start and handles an empty story", () => {
    expect(applyNavAction(99, "prev", 7)).toBe(5);
    expect(applyNavAction(-3, "next", 7)).toBe(1);
    expect(applyNavAction(Number.NaN, "next", 7)).toBe(1);
    expect(applyNavAction(2, "next", 0)).toBe(0);
  });
  it("always returns an index inside the story (property)", () => {
    const action = fc.constantFrom<NavAction>("next", "prev", "first", "last");
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), action, fc.integer({ min: 1, max: 30 }), (i, a, n) => {
        const r = applyNavAction(i, a, n);
        return Number.isInteger(r) && r >= 0 && r < n;
      }),
    );
  });
  it("next then prev returns to the start except at the last step (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 2 }))),
        ([n, i]) => applyNavAction(applyNavAction(i, "next", n), "prev", n) === i,
      ),
    );
  });
});

describe("progress", () => {
  it("reads as 'Step 3 of 7' and fills the bar to the current step", () => {
    expect(progressLabel(2, 7)).toBe("Step 3 of 7");
    expect(progressFraction(0, 4)).toBe(0.25);
    expect(progressFraction(3, 4)).toBe(1);
    expect(progressFraction(9, 4)).toBe(1);
    expect(progressFraction(0, 0)).toBe(0);
    expect(stepAnnouncement(6, 7, "And two by boat to Alaska")).toBe("Step 7 of 7: And two by boat to Alaska");
  });
});

describe("stepView", () => {
  const current: UrlState = {
    ...DEFAULT_URL_STATE,
    theme: "dark",
    period: "invasion",
    camera: "north-america",
    route: "via-mexico",
    tables: ["forces"],
  };

  it("applies a map step's saved view, keeping the deck's theme", () => {
    const v = stepView(
      { state: "period=mobilization&camera=bering-strait&route=to-alaska", graphic: "exit-routes" },
      { current },
    );
    expect(v.state).toEqual({
      ...DEFAULT_URL_STATE,
      period: "mobilization",
      camera: "bering-strait",
      route: "to-alaska",
      theme: "dark",
    });
    expect(v.highlight).toEqual(["to-alaska"]);
  });

  it("leaves the map's fields alone on a chart step, so the hidden map stays where it was", () => {
    const v = stepView({ state: "", graphic: "border-stops" }, { current });
    expect(v.state).toEqual({
      ...DEFAULT_URL_STATE,
      period: "invasion",
      camera: "north-america",
      route: "via-mexico",
      theme: "dark",
    });
    expect(v.highlight).toEqual([]);
  });

  it("turns a named figure into a highlight, never an open provenance dialog", () => {
    const v = stepView(
      { state: "figure=stops-2022-01&table=border-stops", graphic: "border-stops" },
      { current: { ...current, figure: "georgia-week" } },
    );
    expect(v.state.figure).toBeNull();
    expect(v.state.tables).toEqual(["border-stops"]);
    expect(v.highlight).toEqual(["stops-2022-01"]);
  });

  it("drops ids the data does not know once it is loaded, and ignores a theme in the step", () => {
    const v = stepView(
      { state: "camera=atlantis&route=to-nowhere&period=later&theme=light", graphic: "exit-routes" },
      { current, known: { cameras: ["world"], routes: ["to-alaska"], periods: ["mobilization"], figures: [] } },
    );
    expect(v.state.camera).toBe("world");
    expect(v.state.route).toBeNull();
    expect(v.state.period).toBe("all");
    expect(v.state.theme).toBe("dark");
    expect(v.highlight).toEqual([]);
  });
});

describe("presentationSearch", () => {
  it("holds only the step, the presenter flag and an explicit theme", () => {
    expect(presentationSearch({ step: "alaska" })).toBe("?step=alaska");
    expect(presentationSearch({ step: "alaska", presenter: true, theme: "dark" })).toBe(
      "?presenter=1&step=alaska&theme=dark",
    );
    expect(presentationSearch({ step: "forces", theme: "system" })).toBe("?step=forces");
  });
});
