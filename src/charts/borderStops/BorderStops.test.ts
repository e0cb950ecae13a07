import { describe, expect, it } from "vitest";
import { expectMarkersAtTheirNumbers } from "../testMarks.ts";
import { builtDataset } from "../../../test/unit/builtDataset.ts";
import { boxesOverlap, insideWidth, lineBox, plain, type TextLine } from "../chartUtils.ts";
import { borderStopsLayout, MIN_BAR_WIDTH, NARROW_BELOW, type BorderStopsLayout } from "./BorderStopsState.ts";
import { describeBorderStops } from "./describeBorderStops.ts";
import { borderStopsFixture as data } from "./fixture.ts";

const WIDTHS = [280, 320, 375, 480, 559, 560, 720, 900, 1200];
const byId = (l: BorderStopsLayout, id: string) => l.bars.find((b) => b.figure.id === id)!;

/** Every text line the layout draws. */
const allText = (l: BorderStopsLayout): TextLine[] => [
  ...l.key.flatMap((k) => k.lines),
  l.axisTitle,
  ...l.yTicks.map((t) => t.label),
  ...l.bars.flatMap((b) => [...b.rateLabel, ...b.totalLabel]),
  ...l.annotations.flatMap((a) => a.lines),
];

describe("borderStopsLayout: time axis and bar geometry", () => {
  it("gives each bar a width proportional to its period's months", () => {
    const l = borderStopsLayout(data, { width: 900 });
    const y2020 = byId(l, "stops-2020").rect;
    const y2021 = byId(l, "stops-2021").rect;
    const jan = byId(l, "stops-2022-01").rect;
    // The 1 px inset on each side is the same for every bar, so compare the spans it came from.
    expect(y2020.width).toBeCloseTo(y2021.width, 6);
    expect((y2021.width + 2) / (jan.width + 2)).toBeCloseTo(12, 1);
  });

  it("lays the periods end to end from January 2020 to the end of January 2022", () => {
    const l = borderStopsLayout(data, { width: 900 });
    const [a, b, c] = ["stops-2020", "stops-2021", "stops-2022-01"].map((id) => byId(l, id).rect);
    expect(a!.x - 1).toBeCloseTo(l.plot.x, 6);
    expect(b!.x - 1).toBeCloseTo(a!.x + a!.width + 1, 6);
    expect(c!.x - 1).toBeCloseTo(b!.x + b!.width + 1, 6);
    expect(c!.x + c!.width + 1).toBeCloseTo(l.plot.x + l.plot.width, 6);
    expect(l.boundaries).toHaveLength(4);
  });

  it("draws the one-month bar at least MIN_BAR_WIDTH wide at 280 px and still fits", () => {
    const l = borderStopsLayout(data, { width: 280 });
    const jan = byId(l, "stops-2022-01").rect;
    expect(jan.width + 2).toBeGreaterThanOrEqual(MIN_BAR_WIDTH - 1e-9);
    for (const b of l.bars) expect(b.rect.x + b.rect.width).toBeLessThanOrEqual(280);
    // The years stay equal to each other.
    expect(byId(l, "stops-2020").rect.width).toBeCloseTo(byId(l, "stops-2021").rect.width, 6);
  });

  it("makes each bar's height its per-month value, so its area is the period's total", () => {
    for (const width of [280, 900]) {
      const l = borderStopsLayout(data, { width });
      const base = l.plot.y + l.plot.height;
      for (const b of l.bars) {
        expect(b.rect.y + b.rect.height).toBeCloseTo(base, 6);
        expect(b.rect.height).toBeCloseTo(base - l.y(b.perMonth.value!), 6);
      }
      const h = (id: string) => byId(l, id).rect.height;
      expect(h("stops-2021") / h("stops-2022-01")).toBeCloseTo(781 / 1028, 6);
      expect(h("stops-2020") / h("stops-2021")).toBeCloseTo(39 / 781, 6);
    }
    const l = borderStopsLayout(data, { width: 900 });
    const area = (id: string) => (byId(l, id).rect.width + 2) * byId(l, id).rect.height;
    // 39 and 781 are rounded averages, so the areas match the totals to within rounding.
    expect(area("stops-2021") / area("stops-2020")).toBeCloseTo(9376 / 467, 0);
    expect(area("stops-2021") / area("stops-2022-01")).toBeCloseTo(9376 / 1028, 0);
  });

  it("puts the y axis on a nice scale with ticks from 0, above the tallest bar", () => {
    const l = borderStopsLayout(data, { width: 900 });
    const values = l.yTicks.map((t) => t.value);
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBeGreaterThanOrEqual(1028);
    expect(values.length).toBeGreaterThanOrEqual(3);
    expect(values.length).toBeLessThanOrEqual(8);
    expect(plain(l.axisTitle)).toBe("People per month");
    expect(plain(borderStopsLayout(data, { width: 900, copy: { axisTitle: "Russians per month" } }).axisTitle)).toBe(
      "Russians per month",
    );
  });
});

describe("borderStopsLayout: derived versus reported, labels and qualifiers", () => {
  it("flags the derived per-month heights and not the reported month", () => {
    const l = borderStopsLayout(data, { width: 900 });
    expect(byId(l, "stops-2020").derived).toBe(true);
    expect(byId(l, "stops-2021").derived).toBe(true);
    expect(byId(l, "stops-2022-01").derived).toBe(false);
    expect(l.key.map((k) => k.kind)).toEqual(["derived", "reported"]);
    expect(plain(l.key[0]!.lines[0]!)).toMatch(/calculated by us/);
  });

  it("labels each bar with its per-month value (with its qualifier) and its total", () => {
    const l = borderStopsLayout(data, { width: 900 });
    expect(byId(l, "stops-2021").rateLabel.map(plain)).toEqual(["~781 a month", "average, our calculation"]);
    expect(byId(l, "stops-2020").rateLabel.map(plain)).toEqual(["~39 a month", "average, our calculation"]);
    expect(byId(l, "stops-2022-01").rateLabel.map(plain)).toEqual(["1,028 in one month", "as reported"]);
    expect(byId(l, "stops-2021").totalLabel.map(plain)).toEqual(["9,376 in 2021"]);
    expect(byId(l, "stops-2022-01").totalLabel.map(plain)).toEqual(["1,028 in January 2022"]);
  });

  it("never drops a qualifier from a total", () => {
    const hedged = structuredClone(data);
    hedged.bars[1]!.figure.qualifier = "more-than";
    const l = borderStopsLayout(hedged, { width: 320 });
    expect(byId(l, "stops-2021").totalLabel.map(plain)).toEqual(["more than 9,376 in 2021"]);
    expect(byId(l, "stops-2021").totalMark.description).toMatch(/more than 9,376/);
  });

  it("makes every number a mark that opens its figure, in left-to-right order", () => {
    const l = borderStopsLayout(data, { width: 900 });
    expect(l.marks.map((m) => m.figureId)).toEqual([
      "stops-2020",
      "stops-2020-per-month",
      "stops-2021",
      "stops-2021-per-month",
      "stops-2022-01",
    ]);
    expect(byId(l, "stops-2021").totalMark.description).toBe(
      "2021: 9,376 Russians stopped at the US–Mexico border, about 781 a month on average (our calculation). Open its source.",
    );
    expect(byId(l, "stops-2022-01").rateMark).toBeNull();
    expect(byId(l, "stops-2022-01").totalMark.description).toMatch(
      /^January 2022: 1,028 Russians who tried to cross the US–Mexico border in one month, as reported/,
    );
    expect(byId(l, "stops-2021").rateMark!.tooltip.lines[0]).toBe("Our calculation: 9,376 ÷ 12 months");
  });

  it("gives a narrow bar's total label, which sits mostly beside its bar, a row of its own and a leader line", () => {
    for (const width of WIDTHS) {
      const l = borderStopsLayout(data, { width });
      const jan = byId(l, "stops-2022-01");
      expect(jan.totalLeader, `at ${width}`).not.toBeNull();
      expect(jan.totalLeader!.x).toBeGreaterThanOrEqual(jan.rect.x);
      expect(jan.totalLeader!.x).toBeLessThanOrEqual(jan.rect.x + jan.rect.width);
      expect(jan.totalLabel[0]!.y).toBeGreaterThan(byId(l, "stops-2021").totalLabel[0]!.y);
      expect(byId(l, "stops-2021").totalLeader).toBeNull();
      expect(byId(l, "stops-2020").totalLeader).toBeNull();
    }
  });

  it("places the annotation beside its bar with a leader line ending on it", () => {
    for (const width of [280, 320, 900]) {
      const l = borderStopsLayout(data, { width });
      expect(l.annotations).toHaveLength(1);
      const a = l.annotations[0]!;
      const bar = byId(l, "stops-2021").rect;
      expect(a.lines.map(plain).join(" ")).toBe("After the arrest of Alexei Navalny");
      expect(a.leader).not.toBeNull();
      expect(a.leader!.x2).toBeCloseTo(bar.x - 1, 6);
      expect(a.leader!.y2).toBeGreaterThanOrEqual(bar.y);
    }
  });

  it("dims the bars a highlight does not name", () => {
    const l = borderStopsLayout(data, { width: 900, highlight: ["stops-2021-per-month"] });
    expect(l.bars.map((b) => b.dimmed)).toEqual([true, false, true]);
    expect(borderStopsLayout(data, { width: 900, highlight: [] }).bars.every((b) => !b.dimmed)).toBe(true);
  });
});

describe("borderStopsLayout: responsive layout", () => {
  it.each(WIDTHS)("at %i px keeps every label inside the width and apart from the others", (width) => {
    const l = borderStopsLayout(data, { width, copy: { axisTitle: "Russians per month" } });
    expect(l.width).toBe(width);
    expect(l.narrow).toBe(width < NARROW_BELOW);
    const boxes = allText(l).map((t) => ({ t: plain(t), box: lineBox(t) }));
    for (const { t, box } of boxes) expect(insideWidth(box, width), `${t} at ${width}`).toBe(true);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        expect(
          boxesOverlap(boxes[i]!.box, boxes[j]!.box),
          `"${boxes[i]!.t}" overlaps "${boxes[j]!.t}" at ${width}`,
        ).toBe(false);
      }
    }
    // Labels never sit on another bar.
    for (const b of l.bars) {
      for (const other of l.bars) {
        if (other === b) continue;
        for (const line of b.rateLabel)
          expect(boxesOverlap(lineBox(line), other.rect), `${plain(line)} on ${other.figure.id}`).toBe(false);
      }
    }
    expect(l.height).toBeGreaterThan(l.plot.y + l.plot.height);
  });

  it("uses the narrow layout below NARROW_BELOW and a taller plot when wide", () => {
    expect(borderStopsLayout(data, { width: 320 }).narrow).toBe(true);
    expect(borderStopsLayout(data, { width: 900 }).narrow).toBe(false);
    expect(borderStopsLayout(data, { width: 900 }).plot.height).toBeGreaterThan(
      borderStopsLayout(data, { width: 320 }).plot.height,
    );
  });

  it("clamps widths outside 280..1200", () => {
    expect(borderStopsLayout(data, { width: 100 }).width).toBe(280);
    expect(borderStopsLayout(data, { width: 5000 }).width).toBe(1200);
  });

  it("is deterministic: the same width gives the same layout", () => {
    const strip = (l: BorderStopsLayout) => JSON.stringify({ ...l, y: undefined });
    expect(strip(borderStopsLayout(data, { width: 640 }))).toBe(
      strip(borderStopsLayout(structuredClone(data), { width: 640 })),
    );
  });
});

describe("describeBorderStops", () => {
  const text = describeBorderStops(data);
  it("gives the totals with their periods and lengths", () => {
    expect(text).toContain("467 in 2020 (a year)");
    expect(text).toContain("9,376 in 2021 (a year)");
    expect(text).toContain("1,028 in January 2022 (one month)");
  });
  it("says the periods differ in length and gives the per-month comparison", () => {
    expect(text).toMatch(/periods differ in length/);
    expect(text).toContain("about 39 in 2020 and about 781 in 2021 on average (our calculation");
    expect(text).toContain("1,028 in January 2022 as reported");
    expect(text).toMatch(/rose in every period/);
  });
  it("includes the annotation", () => {
    expect(text).toContain("A note on 2021 reads: “After the arrest of Alexei Navalny”.");
  });
});

const real = builtDataset("border-stops");

describe.skipIf(!real)("the pipeline's border-stops.json", () => {
  it("lays out at 280 and 1200 px with every bar and one mark per figure", () => {
    for (const width of [280, 1200]) {
      const l = borderStopsLayout(real!, { width });
      expect(l.bars).toHaveLength(real!.bars.length);
      const ids = new Set(real!.bars.flatMap((b) => [b.figure.id, b.perMonth.id]));
      expect(new Set(l.marks.map((m) => m.figureId))).toEqual(ids);
      expect(describeBorderStops(real!)).toContain(real!.meta.title);
    }
  });

  it("draws each caveat's marker at the numbers it is on, as the notes under the chart print it", () => {
    const l = borderStopsLayout(real!, { width: 400 });
    expectMarkersAtTheirNumbers(l.marks, real!.meta.caveats);
  });
});
