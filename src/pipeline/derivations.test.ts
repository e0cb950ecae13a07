/**
 * Arithmetic the pipeline does for the reader: derived figures (computeDerived), the
 * qualifier of a ratio (ratioQualifier), the datasets shaped from the real ledger, and
 * how a figure reads on screen (formatFigure: the qualifier never leaves the number).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { formatFigure, formatNumber, qualifierSymbol, qualifierWords } from "../format/formatFigure.ts";
import { isCountUnit, Qualifier, type Figure } from "../schema/ledger.ts";
import { computeDerived } from "./checkLedger.ts";
import { caveatMarker } from "./derive/context.ts";
import { forceRatio } from "./derive/forceRatios.ts";
import { deriveDatasets, ratioQualifier, type Datasets } from "./deriveDatasets.ts";
import { loadLedger } from "./loadLedger.ts";
import { DATA_DIR } from "./testLedger.ts";

/** A figure with only what the arithmetic reads; the rest is filler the schema would require. */
function figure(id: string, value: number | null, extra: Partial<Figure> = {}): Figure {
  return {
    id,
    value,
    unit: "people",
    counts: id,
    place: null,
    period: "2022-09-27",
    qualifier: "exact",
    basis: "reported",
    citations: [],
    notes: [],
    related: [],
    readings: [],
    conflicts: [],
    ...extra,
  };
}
function derived(
  formula: "sum" | "ratio" | "per-month",
  inputs: string[],
  extra: Partial<Figure> & { decimals?: number } = {},
): Figure {
  const { decimals = 0, ...rest } = extra;
  return figure("result", 0, { basis: "derived", derivation: { formula, inputs, decimals }, ...rest });
}
const index = (...figures: Figure[]) => new Map(figures.map((f) => [f.id, f]));

describe("computeDerived", () => {
  const week = index(figure("georgia", 53000), figure("kazakhstan", 98000), figure("finland", 43000));

  it("sums inputs in one unit", () => {
    expect(computeDerived(derived("sum", ["georgia", "kazakhstan", "finland"]), week)).toBe(194000);
  });

  it("rounds a sum to the recorded decimals", () => {
    const figs = index(figure("a", 1.25, { unit: "km" }), figure("b", 2.5, { unit: "km" }));
    expect(computeDerived(derived("sum", ["a", "b"], { unit: "km", decimals: 1 }), figs)).toBe(3.8);
    expect(computeDerived(derived("sum", ["a", "b"], { unit: "km" }), figs)).toBe(4);
  });

  it("refuses to add different units, or to record a sum in another unit", () => {
    const figs = index(figure("a", 1), figure("b", 2, { unit: "cars" }));
    expect(computeDerived(derived("sum", ["a", "b"]), figs)).toBe("adds figures in different units (people, cars)");
    expect(computeDerived(derived("sum", ["georgia", "finland"], { unit: "troops" }), week)).toBe(
      "sums people but is recorded in troops",
    );
  });

  it("divides for a ratio, rounded to its decimals", () => {
    const figs = index(figure("y2021", 9376), figure("y2020", 467));
    expect(computeDerived(derived("ratio", ["y2021", "y2020"], { unit: "ratio", decimals: 1 }), figs)).toBe(20.1);
    expect(computeDerived(derived("ratio", ["y2021", "y2020"], { unit: "ratio" }), figs)).toBe(20);
    expect(computeDerived(derived("ratio", ["y2020", "y2021"], { unit: "ratio", decimals: 3 }), figs)).toBe(0.05);
  });

  it("a ratio needs two inputs and a non-zero divisor", () => {
    const figs = index(figure("a", 5), figure("b", 0), figure("c", 1));
    expect(computeDerived(derived("ratio", ["a", "b"]), figs)).toBe("divides by zero");
    expect(computeDerived(derived("ratio", ["a"]), figs)).toBe("a ratio takes exactly two inputs");
    expect(computeDerived(derived("ratio", ["a", "b", "c"]), figs)).toBe("a ratio takes exactly two inputs");
  });

  it("a per-month rate divides by the months of the input's period", () => {
    const figs = index(
      figure("y2020", 467, { period: "2020" }),
      figure("y2021", 9376, { period: "2021" }),
      figure("q1", 300, { period: "2022-01/2022-03" }),
      figure("jan", 1028, { period: "2022-01" }),
    );
    expect(computeDerived(derived("per-month", ["y2020"]), figs)).toBe(39);
    expect(computeDerived(derived("per-month", ["y2021"]), figs)).toBe(781);
    expect(computeDerived(derived("per-month", ["y2021"], { decimals: 1 }), figs)).toBe(781.3);
    expect(computeDerived(derived("per-month", ["q1"]), figs)).toBe(100);
    expect(computeDerived(derived("per-month", ["jan"]), figs)).toBe(1028);
  });

  it("a per-month rate needs one input over whole months", () => {
    const figs = index(figure("week", 100, { period: "2022-09-21/2022-09-27" }), figure("y", 12, { period: "2020" }));
    expect(computeDerived(derived("per-month", ["week"]), figs)).toBe(
      "input week's period is not a whole number of months",
    );
    expect(computeDerived(derived("per-month", ["y", "y"]), figs)).toBe("a per-month rate takes exactly one input");
  });

  it("names an unknown input or one without a value", () => {
    const figs = index(figure("a", 1), figure("gap", null, { missing: "not printed" }));
    expect(computeDerived(derived("sum", ["a", "nope"]), figs)).toBe("has an unknown input");
    expect(computeDerived(derived("sum", ["a", "gap"]), figs)).toBe("input gap has no value");
  });
});

describe("forceRatio", () => {
  it("rounds to one decimal, towards safety for a bound", () => {
    // 478 ÷ 42 = 11.38…: a lower bound is rounded down, never up.
    expect(forceRatio({ value: 478, qualifier: "at-least" }, { value: 42, qualifier: "exact" })).toMatchObject({
      value: 11.3,
      qualifier: "at-least",
      rounding: "down",
    });
    expect(forceRatio({ value: 478, qualifier: "up-to" }, { value: 42, qualifier: "exact" })).toMatchObject({
      value: 11.4,
      qualifier: "up-to",
      rounding: "up",
    });
    expect(forceRatio({ value: 900000, qualifier: "about" }, { value: 196600, qualifier: "exact" })).toMatchObject({
      value: 4.6,
      qualifier: "about",
    });
    expect(forceRatio({ value: 74, qualifier: "exact" }, { value: 2, qualifier: "exact" })).toMatchObject({
      value: 37,
      qualifier: "exact",
    });
  });
});

describe("ratioQualifier", () => {
  // a ÷ b. A lower bound on a over an upper bound on b is a lower bound on the ratio, and so on.
  it.each<[Qualifier, Qualifier, Qualifier]>([
    ["exact", "exact", "exact"],
    ["at-least", "exact", "at-least"],
    ["more-than", "exact", "more-than"],
    ["exact", "up-to", "at-least"],
    ["at-least", "up-to", "at-least"],
    ["more-than", "up-to", "more-than"],
    ["up-to", "exact", "up-to"],
    ["exact", "at-least", "up-to"],
    ["exact", "more-than", "up-to"],
    ["up-to", "at-least", "up-to"],
    ["about", "exact", "about"],
    ["exact", "about", "about"],
    ["about", "about", "about"],
    ["at-least", "at-least", "about"],
    ["up-to", "up-to", "about"],
    ["at-least", "about", "about"],
  ])("%s ÷ %s is %s", (a, b, q) => {
    expect(ratioQualifier(a, b)).toBe(q);
  });

  it("never claims more than the inputs allow: checked against bounds on random values", () => {
    // Each qualifier as the set of true values it allows around a printed value p.
    const truth = (q: Qualifier, p: number, t: number): number =>
      q === "exact"
        ? p
        : q === "at-least"
          ? p * (1 + t)
          : q === "more-than"
            ? p * (1 + t) + 1e-9
            : q === "up-to"
              ? p * (1 - 0.9 * t)
              : p * (1 + (t - 0.5) / 10);
    // Bounds are compared with a relative tolerance for floating-point division.
    const eps = (x: number) => Math.abs(x) * 1e-12;
    const holds = (q: Qualifier, trueValue: number, printed: number): boolean =>
      q === "exact"
        ? Math.abs(trueValue - printed) <= eps(printed)
        : q === "at-least" || q === "more-than"
          ? trueValue >= printed - eps(printed)
          : q === "up-to"
            ? trueValue <= printed + eps(printed)
            : true;
    const qualifier = fc.constantFrom<Qualifier>(...Qualifier.options);
    fc.assert(
      fc.property(
        qualifier,
        qualifier,
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (qa, qb, pa, pb, ta, tb) => {
          const q = ratioQualifier(qa, qb);
          expect(
            holds(q, truth(qa, pa, ta) / truth(qb, pb, tb), pa / pb),
            `${qa} ${pa} ÷ ${qb} ${pb} read as ${q}`,
          ).toBe(true);
        },
      ),
      { numRuns: 500, seed: 5 },
    );
  });
});

describe("datasets derived from the real ledger", () => {
  let d: Datasets;
  beforeAll(async () => {
    const { ledger } = await loadLedger(DATA_DIR);
    d = deriveDatasets(ledger);
  });
  const category = (id: string) => d.forces.groups.flatMap((g) => g.categories).find((c) => c.id === id)!;

  it("computes force ratios from two values, with the combined qualifier, as figure records of their own", () => {
    expect(category("warships").ratio).toEqual({
      value: 37,
      qualifier: "exact",
      basis: "derived",
      explanation: "Our arithmetic: 74 ÷ 2",
      figure: "forces-warships-ratio",
    });
    // 5,934 ÷ 1,962 = 3.02…: two exact counts, but the ratio shown as 3 is only about 3.
    expect(category("artillery").ratio).toMatchObject({
      value: 3,
      qualifier: "about",
      basis: "derived",
      explanation: "Our arithmetic: 5,934 ÷ 1,962",
      figure: "forces-artillery-ratio",
    });
    const byId = new Map(d.figures.figures.map((f) => [f.id, f]));
    expect(byId.get("forces-artillery-ratio")).toMatchObject({
      value: 3,
      qualifier: "about",
      unit: "ratio",
      basis: "derived",
      counts: "Russia's artillery units for every one of Ukraine's",
      derivation: {
        formula: "ratio",
        inputs: ["ru-artillery", "ua-artillery"],
        explanation: "5,934 ÷ 1,962 = 3.024…, rounded to 3",
      },
      verification: "derived",
    });
    expect(byId.get("forces-warships-ratio")!.derivation!.explanation).toBe("74 ÷ 2 = 37");
    // Every ratio the forces dataset computes opens a figure record; every generated record is drawn.
    const computed = d.forces.groups
      .flatMap((g) => g.categories)
      .flatMap((c) => (c.ratio?.basis === "derived" ? [c] : []));
    expect(computed.map((c) => c.ratio!.figure)).toEqual(computed.map((c) => `forces-${c.id}-ratio`));
    expect([...byId.keys()].filter((id) => /^forces-.*-ratio$/.test(id))).toEqual(
      computed.map((c) => `forces-${c.id}-ratio`),
    );
  });

  it("gives no ratio, and says so, where the two sides do not count the same thing", () => {
    for (const id of ["active", "helicopters"]) {
      expect(category(id).ratio, id).toBeNull();
      expect(category(id).comparable, id).toBe(false);
    }
    expect(category("helicopters").a.counts).toBe("Russia's helicopters");
    expect(category("helicopters").b.counts).toBe("Ukraine's attack helicopters");
    expect(category("warships").comparable).toBe(true);
  });

  it("uses the ratio the article states when one side is missing, and none when it would divide by zero", () => {
    expect(category("tanks").ratio).toEqual({
      value: 6,
      qualifier: "more-than",
      basis: "reported",
      explanation: "As the article states it",
      figure: "tanks-ratio",
    });
    expect(category("tanks").missing).toMatch(/gives no count for Ukraine/);
    expect(category("submarines").ratio).toBeNull();
    expect(category("army").ratio).toBeNull();
  });

  it("draws border-stop bars as per-month rates over whole months", () => {
    expect(d["border-stops"].bars.map((b) => [b.figure.id, b.months, b.perMonth.id, b.perMonth.value])).toEqual([
      ["stops-2020", 12, "stops-2020-per-month", 39],
      ["stops-2021", 12, "stops-2021-per-month", 781],
      ["stops-2022-01", 1, "stops-2022-01", 1028],
    ]);
  });

  it("keeps the week's parts and its reported total, with qualifiers", () => {
    expect(d["week-breakdown"].parts.map((p) => [p.place, p.figure.value])).toEqual([
      ["Georgia", 53000],
      ["Kazakhstan", 98000],
      ["Finland", 43000],
    ]);
    expect(d["week-breakdown"].total).toMatchObject({
      id: "exodus-week-total",
      value: 194000,
      qualifier: "more-than",
      period: "21–27 September 2022",
    });
  });

  it("gives unquantified routes no figure, never a made-up number", () => {
    const routes = new Map(d["exit-routes"].routes.map((r) => [r.id, r]));
    expect(routes.get("to-mongolia")!.figure).toBeNull();
    expect(routes.get("via-mexico")!.figure).toBeNull();
    expect(routes.get("via-mexico")!.path).toEqual(["russia", "tijuana", "san-diego"]);
    expect(routes.get("to-georgia")!.figure).toMatchObject({ id: "georgia-week", value: 53000 });
  });

  it("marks each graphic's caveats in drawing order, on the figures that carry them", () => {
    const map = d["exit-routes"];
    expect(map.meta.caveats.map((c) => [c.marker, c.figures])).toEqual([
      ["*", ["kazakhstan-week"]],
      ["†", ["kazakhstan-reside"]],
      ["‡", ["stops-2022-01"]],
      ["§", ["exodus-week-total"]],
      ["‖", []],
      ["¶", []],
    ]);
    expect(map.routes.find((r) => r.id === "to-kazakhstan")!.figure).toMatchObject({
      marker: "*",
      caveat: expect.stringContaining("reside in Kazakhstan"),
    });
    expect(map.total).toMatchObject({ id: "exodus-week-total", marker: "§" });
    expect(map.routes.find((r) => r.id === "to-georgia")!.figure).toMatchObject({ caveat: null, marker: null });
    const placed = map.places.filter((p) => p.marker);
    expect(placed.map((p) => [p.id, p.marker])).toEqual([
      ["chukotka-coast", "‖"],
      ["st-lawrence-island", "¶"],
    ]);
    expect(map.meta.caveats[4]!.text).toBe(`Point placed by us: ${placed[0]!.placement}`);
    // One caveat shared by two figures is one entry, with one marker.
    const forces = d.forces;
    expect(forces.meta.caveats.map((c) => [c.marker, c.figures])).toEqual([
      ["*", ["ru-active-personnel", "ua-active-personnel"]],
      ["†", ["ru-helicopters", "ua-attack-helicopters"]],
    ]);
    const helicopters = forces.groups.flatMap((g) => g.categories).find((c) => c.id === "helicopters")!;
    expect([helicopters.a.marker, helicopters.b.marker]).toEqual(["†", "†"]);
    // The row's caveat, for a chart that shows one per row: its figures' shared caveat.
    expect(helicopters.caveat).toBe(helicopters.a.caveat);
    expect(d["border-stops"].meta.caveats.map((c) => c.figures)).toEqual([["stops-2022-01"]]);
    expect(d["week-breakdown"].meta.caveats.map((c) => [c.marker, c.figures])).toEqual([
      ["*", ["kazakhstan-week"]],
      ["†", ["exodus-week-total"]],
    ]);
  });

  it("markers run *, †, ‡, §, ‖, ¶, then 7, 8…", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 10].map(caveatMarker)).toEqual(["*", "†", "‡", "§", "‖", "¶", "7", "8", "11"]);
  });

  it("explains each derived figure's arithmetic", () => {
    const byId = new Map(d.figures.figures.map((f) => [f.id, f]));
    expect(byId.get("exodus-week-sum")!.derivation!.explanation).toBe("53,000 + 98,000 + 43,000 = 194,000");
    expect(byId.get("stops-2020-per-month")!.derivation!.explanation).toBe("467 ÷ 12 months = 39, rounded");
    expect(byId.get("stops-jump-ratio")!.derivation!.explanation).toBe("9,376 ÷ 467 = 20.1");
    expect(byId.get("stops-jump-ratio")!.verification).toBe("derived");
  });
});

describe("formatFigure", () => {
  it.each([
    [{ value: 194000, qualifier: "more-than", unit: "people" }, "more than 194,000", ">194,000"],
    [{ value: 13367, qualifier: "exact", unit: "tanks" }, "13,367", "13,367"],
    [{ value: 900000, qualifier: "about", unit: "personnel" }, "about 900,000", "~900,000"],
    [{ value: 478, qualifier: "at-least", unit: "helicopters" }, "at least 478", "≥478"],
    [{ value: 4_000_000, qualifier: "up-to", unit: "people" }, "up to 4 million", "≤4 million"],
    [{ value: 1_500_000, qualifier: "exact", unit: "people" }, "1.5 million", "1.5 million"],
    [{ value: 1_234_567, qualifier: "exact", unit: "people" }, "1,234,567", "1,234,567"],
    [{ value: 64, qualifier: "about", unit: "km" }, "about 64 km", "~64 km"],
    [{ value: 6, qualifier: "more-than", unit: "ratio" }, "more than 6×", ">6×"],
    [{ value: 4.56, qualifier: "about", unit: "ratio" }, "about 4.6×", "~4.6×"],
    [{ value: 10, qualifier: "up-to", unit: "years in prison" }, "up to 10 years", "≤10 years"],
    [{ value: 0, qualifier: "exact", unit: "submarines" }, "0", "0"],
  ] as const)("%j reads as %j (compact %j)", (f, words, compact) => {
    expect(formatFigure(f)).toBe(words);
    expect(formatFigure(f, { compact: true })).toBe(compact);
  });

  it("says a missing value is not reported, whatever its qualifier", () => {
    for (const qualifier of Qualifier.options) {
      expect(formatFigure({ value: null, qualifier, unit: "tanks" })).toBe("not reported");
      expect(formatFigure({ value: null, qualifier, unit: "tanks" }, { compact: true })).toBe("not reported");
    }
  });

  it("can leave the unit off", () => {
    expect(formatFigure({ value: 64, qualifier: "about", unit: "km" }, { unit: false })).toBe("about 64");
  });

  it("never separates a qualifier from its number", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Qualifier.options),
        fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
        (qualifier, value) => {
          const text = formatFigure({ value, qualifier, unit: "people" });
          const words = qualifierWords(qualifier);
          expect(text).toBe(words ? `${words} ${formatNumber(value)}` : formatNumber(value));
          expect(formatFigure({ value, qualifier, unit: "people" }, { compact: true })).toBe(
            `${qualifierSymbol(qualifier)}${formatNumber(value)}`,
          );
        },
      ),
      { numRuns: 200, seed: 6 },
    );
  });
});

describe("isCountUnit", () => {
  it("treats measures and rates as non-counts, everything else as a count", () => {
    for (const u of ["people", "tanks", "troops", "rank"]) expect(isCountUnit(u), u).toBe(true);
    for (const u of ["ratio", "percent", "km", "miles", "years in prison", "people per month"])
      expect(isCountUnit(u), u).toBe(false);
  });
});
