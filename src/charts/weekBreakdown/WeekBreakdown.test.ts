import { describe, expect, it } from "vitest";
import { expectMarkersAtTheirNumbers } from "../testMarks.ts";
import { builtDataset } from "../../../test/unit/builtDataset.ts";
import { boxesOverlap, insideWidth, lineBox, plain } from "../chartUtils.ts";
import { describeWeekBreakdown } from "./describeWeekBreakdown.ts";
import { weekBreakdownFixture as data } from "./fixture.ts";
import { NARROW_BELOW, weekBreakdownLayout, type WeekBreakdownLayout } from "./WeekBreakdownState.ts";

const allText = (l: WeekBreakdownLayout) => [...l.bars.flatMap((b) => [...b.label, b.value]), ...l.total.lines];

describe("weekBreakdownLayout", () => {
  it("sorts the places by value, largest first, on one linear scale", () => {
    const l = weekBreakdownLayout(data, { width: 900 });
    expect(l.bars.map((b) => b.place)).toEqual(["Kazakhstan", "Georgia", "Finland"]);
    const [kz, ge, fi] = l.bars.map((b) => b.rect!.width);
    expect(ge! / kz!).toBeCloseTo(53 / 98, 6);
    expect(fi! / kz!).toBeCloseTo(43 / 98, 6);
    expect(new Set(l.bars.map((b) => b.rect!.x)).size).toBe(1);
  });

  it("labels each bar with its value and states the total with its qualifier, not as a bar", () => {
    const l = weekBreakdownLayout(data, { width: 900 });
    expect(l.bars.map((b) => plain(b.value))).toEqual(["98,000", "53,000", "43,000"]);
    expect(l.total.lines.map(plain)).toEqual(["More than 194,000 in all"]);
    expect(l.total.mark.figureId).toBe("exodus-week-total");
    expect(l.total.mark.description).toBe("In all: more than 194,000 people, 21–27 September 2022. Open its source.");
    expect(l.marks.map((m) => m.figureId)).toEqual([
      "kazakhstan-week",
      "georgia-week",
      "finland-week",
      "exodus-week-total",
    ]);
  });

  it("keeps an 'about' or 'up to' with its number", () => {
    const hedged = structuredClone(data);
    hedged.parts[0]!.figure.qualifier = "about";
    hedged.total.qualifier = "up-to";
    const l = weekBreakdownLayout(hedged, { width: 320 });
    expect(plain(l.bars.find((b) => b.place === "Georgia")!.value)).toBe("~53,000");
    expect(l.total.lines.map(plain)).toEqual(["Up to 194,000 in all"]);
  });

  it("puts names above the bars when narrow", () => {
    const l = weekBreakdownLayout(data, { width: 320 });
    expect(l.narrow).toBe(true);
    for (const b of l.bars) {
      expect(b.label.at(-1)!.y).toBeLessThan(b.rect!.y);
      expect(b.rect!.x).toBe(0);
    }
    expect(weekBreakdownLayout(data, { width: 900 }).bars[0]!.rect!.x).toBeGreaterThan(0);
  });

  it.each([280, 320, 519, 520, 900, 1200])("at %i px keeps every label inside the width and apart", (width) => {
    const l = weekBreakdownLayout(data, { width });
    expect(l.narrow).toBe(width < NARROW_BELOW);
    const boxes = allText(l).map((t) => ({ t: plain(t), box: lineBox(t) }));
    for (const { t, box } of boxes) expect(insideWidth(box, width), t).toBe(true);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++)
        expect(boxesOverlap(boxes[i]!.box, boxes[j]!.box), `${boxes[i]!.t} / ${boxes[j]!.t}`).toBe(false);
    }
  });

  it("dims what a highlight does not name", () => {
    const l = weekBreakdownLayout(data, { width: 900, highlight: ["georgia-week"] });
    expect(l.bars.map((b) => b.mark.dimmed)).toEqual([true, false, true]);
    expect(l.total.mark.dimmed).toBe(true);
  });
});

describe("describeWeekBreakdown", () => {
  it("states the total with its qualifier and each place, largest first", () => {
    expect(describeWeekBreakdown(data)).toBe(
      "The first week after the mobilization order: more than 194,000 people in all, 21–27 September 2022. By place, largest first (21–27 September 2022): Kazakhstan 98,000, Georgia 53,000 and Finland 43,000.",
    );
  });
});

const real = builtDataset("week-breakdown");

describe.skipIf(!real)("the pipeline's week-breakdown.json", () => {
  it("lays out with a bar per place and the total in words", () => {
    const l = weekBreakdownLayout(real!, { width: 280 });
    expect(l.bars).toHaveLength(real!.parts.length);
    expect(plain(l.total.lines[0]!).toLowerCase()).toContain(
      describeWeekBreakdown(real!).match(/: (.*?) people in all/)![1]!,
    );
  });

  it("draws each caveat's marker at the numbers it is on, as the notes under the chart print it", () => {
    const l = weekBreakdownLayout(real!, { width: 400 });
    expectMarkersAtTheirNumbers(l.marks, real!.meta.caveats);
  });
});
