import { describe, expect, it } from "vitest";
import { expectMarkersAtTheirNumbers } from "../testMarks.ts";
import { builtDataset } from "../../../test/unit/builtDataset.ts";
import { boxesOverlap, insideWidth, lineBox, plain, type TextLine } from "../chartUtils.ts";
import { describeForces } from "./describeForces.ts";
import { forcesFixture as data } from "./fixture.ts";
import { forcesLayout, NARROW_BELOW, ratioRuns, ratioSentence, type ForcesLayout } from "./ForcesState.ts";
import { forcesRoomLayout, ROOM_TYPE, ROOM_WIDTH } from "./forcesRoom.ts";

const row = (l: ForcesLayout, id: string) => l.rows.find((r) => r.category.id === id)!;
const ratioText = (l: ForcesLayout, id: string) => row(l, id).ratio.lines.map(plain);

const allText = (l: ForcesLayout): TextLine[] => [
  ...l.legend.items.map((i) => i.line),
  ...l.legend.note,
  ...l.groups.map((g) => g.heading),
  ...l.rows.flatMap((r) => [...r.label, r.a.label, r.b.label, ...r.ratio.lines]),
];

describe("forcesLayout: each row on its own linear scale", () => {
  it("draws the larger value at full length and the other in proportion", () => {
    const l = forcesLayout(data, { width: 900 });
    const active = row(l, "active");
    const full = active.a.rect.width;
    expect(active.b.rect.width / full).toBeCloseTo(196600 / 900000, 6);
    const art = row(l, "artillery");
    expect(art.a.rect.width).toBeCloseTo(full, 6);
    expect(art.b.rect.width / art.a.rect.width).toBeCloseTo(1962 / 5934, 6);
    // Linear, not log: a 37× difference stays a 37× difference in length.
    const ships = row(l, "warships");
    expect(ships.a.rect.width / ships.b.rect.width).toBeCloseTo(37, 6);
    for (const r of l.rows) expect(r.a.rect.x).toBe(r.b.rect.x);
  });

  it("labels the bar ends with values and their qualifiers", () => {
    const l = forcesLayout(data, { width: 900 });
    expect(plain(row(l, "active").a.label)).toBe("~900,000");
    expect(plain(row(l, "active").b.label)).toBe("196,600");
    expect(plain(row(l, "helicopters").a.label)).toBe("≥478†");
    const a = row(l, "active").a;
    expect(a.label.x).toBeGreaterThan(a.rect.x + a.rect.width);
  });
});

describe("forcesLayout: missing values, zeros, ratios, caveats", () => {
  it("draws a missing value as a 'not reported' outline with no length from the data", () => {
    const l = forcesLayout(data, { width: 900 });
    const tanks = row(l, "tanks").b;
    const army = row(l, "army").b;
    expect(tanks.kind).toBe("missing");
    expect(army.kind).toBe("missing");
    expect(plain(tanks.label)).toBe("not reported");
    // The outline is the same size whatever the other side's value: it encodes nothing.
    expect(tanks.rect.width).toBe(army.rect.width);
    expect(tanks.rect.width).toBeLessThan(row(l, "tanks").a.rect.width / 4);
    expect(tanks.mark.description).toMatch(/^Ukraine, Tanks: not reported\. The article says/);
    expect(tanks.mark.figureId).toBe("ua-tanks");
  });

  it("shows a reported ratio as reported when one side is missing", () => {
    const l = forcesLayout(data, { width: 900 });
    expect(ratioText(l, "tanks")).toEqual([">6×", "as reported"]);
    const mark = row(l, "tanks").ratio.mark!;
    expect(mark.figureId).toBe("tanks-ratio");
    expect(mark.description).toBe(
      "Tanks: Russia has more than 6 times as many as Ukraine (as the article reports it). Open its source.",
    );
  });

  it("gives no ratio when a side is missing and nothing is reported", () => {
    const l = forcesLayout(data, { width: 900 });
    expect(ratioText(l, "army")).toEqual(["no ratio"]);
    expect(row(l, "army").ratio.mark).toBeNull();
  });

  it("marks derived ratios as our arithmetic and opens the Russian figure", () => {
    const l = forcesLayout(data, { width: 900 });
    expect(ratioText(l, "active")).toEqual(["~4.6×"]);
    expect(ratioText(l, "navy")).toEqual(["10×"]);
    const mark = row(l, "active").ratio.mark!;
    expect(mark.figureId).toBe("ru-active-personnel");
    expect(mark.description).toMatch(/about 4\.6 times as many as Ukraine \(our arithmetic: 900,000 ÷ 196,600\)/);
    expect(mark.tooltip.lines[0]).toMatch(/our arithmetic/);
  });

  it("says 'not comparable' where the ledger says the two sides do not count the same thing", () => {
    const unlike = structuredClone(data);
    const c = unlike.groups.flatMap((g) => g.categories).find((x) => x.id === "helicopters")!;
    Object.assign(c, { ratio: null, comparable: false });
    const l = forcesLayout(unlike, { width: 900 });
    expect(ratioText(l, "helicopters")).toEqual(["not comparable"]);
    expect(row(l, "helicopters").ratio.mark).toBeNull();
    expect(ratioSentence(c, unlike.sides)).toBe(
      "No ratio: Russia's helicopters (all types) and Ukraine's attack helicopters may not count the same thing.",
    );
  });

  it("shows a zero as 0 with no bar and no ratio", () => {
    const l = forcesLayout(data, { width: 900 });
    const subs = row(l, "submarines");
    expect(subs.b.kind).toBe("zero");
    expect(subs.b.rect.width).toBe(0);
    expect(plain(subs.b.label)).toBe("0");
    expect(ratioText(l, "submarines")).toEqual(["51 vs none"]);
    expect(ratioRuns(subs.category).runs.some((r) => r.text.includes("×"))).toBe(false);
    expect(subs.ratio.mark!.figureId).toBe("ru-submarines");
    expect(subs.ratio.mark!.description).toMatch(/No ratio: Ukraine has none and Russia has 51/);
  });

  it("marks a caveat at the row's numbers and ratio with the marker its note is printed by", () => {
    const l = forcesLayout(data, { width: 900 });
    const h = row(l, "helicopters");
    expect(h.label.map(plain).join(" ")).toBe("Helicopters");
    expect(plain(h.a.label!)).toBe("≥478†");
    expect(plain(h.b.label!)).toBe("42†");
    expect(ratioText(l, "helicopters")).toEqual(["≥11.4×†"]);
    expect(h.a.mark.tooltip.lines).toContain(`† ${h.category.caveat}`);
    expect(plain(row(l, "active").a.label!)).not.toMatch(/[*†]/);
  });

  it("has group headings in order and a legend for both sides", () => {
    const l = forcesLayout(data, { width: 900 });
    expect(l.groups.map((g) => plain(g.heading))).toEqual(["Personnel", "Land", "Air", "Sea"]);
    expect(l.legend.items.map((i) => plain(i.line))).toEqual(["Russia", "Ukraine", "Not reported"]);
    expect(l.legend.note.map(plain).join(" ")).toMatch(/our arithmetic unless marked “as reported”/);
  });

  it("makes every number a mark: side a, side b, then the ratio, row by row", () => {
    const l = forcesLayout(data, { width: 900 });
    expect(l.marks.slice(0, 5).map((m) => m.figureId)).toEqual([
      "ru-active-personnel",
      "ua-active-personnel",
      "ru-active-personnel",
      "ru-army-personnel",
      "ua-army-personnel",
    ]);
    expect(new Set(l.marks.map((m) => m.key)).size).toBe(l.marks.length);
    expect(row(l, "active").a.mark.description).toBe(
      "Russia, Active military: about 900,000 personnel. Open its source.",
    );
  });

  it("dims the rows a highlight does not name (by category, group or figure id)", () => {
    const l = forcesLayout(data, { width: 900, highlight: ["tanks"] });
    expect(l.rows.filter((r) => !r.dimmed).map((r) => r.category.id)).toEqual(["tanks"]);
    const g = forcesLayout(data, { width: 900, highlight: ["sea"] });
    expect(g.rows.filter((r) => !r.dimmed).map((r) => r.category.id)).toEqual(["warships", "submarines"]);
    const f = forcesLayout(data, { width: 900, highlight: ["ua-air-personnel"] });
    expect(f.rows.filter((r) => !r.dimmed).map((r) => r.category.id)).toEqual(["air-force"]);
  });
});

describe("forcesLayout: responsive layout", () => {
  it("puts labels above the bars and the ratio beside the label when narrow", () => {
    const l = forcesLayout(data, { width: 320 });
    expect(l.narrow).toBe(true);
    for (const r of l.rows) {
      expect(r.label.at(-1)!.y).toBeLessThan(r.a.rect.y);
      expect(r.a.rect.x).toBe(0);
      expect(r.ratio.lines[0]!.anchor).toBe("end");
      expect(r.ratio.lines[0]!.y).toBe(r.label[0]!.y);
    }
    const wide = forcesLayout(data, { width: 900 });
    expect(wide.narrow).toBe(false);
    for (const r of wide.rows)
      expect(r.a.rect.x).toBeGreaterThan(Math.max(...r.label.map((t) => lineBox(t).x + lineBox(t).width)));
  });

  it.each([280, 320, 414, 599, 600, 768, 900, 1200])(
    "at %i px keeps every label inside the width and apart from the others",
    (width) => {
      const l = forcesLayout(data, { width });
      expect(l.narrow).toBe(width < NARROW_BELOW);
      const boxes = allText(l).map((t) => ({ t: plain(t), box: lineBox(t) }));
      for (const { t, box } of boxes) expect(insideWidth(box, width), `${t} at ${width}`).toBe(true);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          // A missing box's text sits inside its outline by design; no two labels overlap.
          expect(
            boxesOverlap(boxes[i]!.box, boxes[j]!.box),
            `"${boxes[i]!.t}" overlaps "${boxes[j]!.t}" at ${width}`,
          ).toBe(false);
        }
      }
      for (const r of l.rows) {
        for (const b of [r.a, r.b])
          if (b.kind === "bar") expect(lineBox(b.label).x + lineBox(b.label).width).toBeLessThanOrEqual(width);
      }
      const bottom = Math.max(...boxes.map(({ box }) => box.y + box.height));
      expect(l.height).toBeGreaterThanOrEqual(Math.floor(bottom));
    },
  );
});

describe("describeForces", () => {
  const text = describeForces(data);
  it("reads every category with qualifiers, missing values, zeros, ratios and caveats", () => {
    expect(text).toContain("Active military: Russia about 900,000, Ukraine 196,600.");
    expect(text).toContain("Russia has about 4.6 times as many as Ukraine (our arithmetic: 900,000 ÷ 196,600).");
    expect(text).toContain("Tanks: Russia 13,367, Ukraine not reported.");
    expect(text).toContain("Russia has more than 6 times as many as Ukraine (as the article reports it).");
    expect(text).toContain("Army: Russia about 280,000, Ukraine not reported.");
    expect(text).toContain("Submarines: Russia 51, Ukraine none.");
    expect(text).toContain("Helicopters: Russia at least 478, Ukraine 42.");
    expect(text).toContain("Caveat: Russia's count is all helicopters");
  });
});

const real = builtDataset("forces");

describe.skipIf(!real)("the pipeline's forces.json", () => {
  it("lays out with a row per category and no invented length for a missing value", () => {
    for (const width of [280, 1200]) {
      const l = forcesLayout(real!, { width });
      expect(l.rows).toHaveLength(real!.groups.flatMap((g) => g.categories).length);
      for (const r of l.rows) {
        for (const b of [r.a, r.b]) expect(b.kind === "missing").toBe(b.figure.value === null);
      }
    }
    expect(describeForces(real!)).toContain(real!.meta.title);
  });

  it("draws each caveat's marker at the numbers it is on, and no ratio between unlike counts", () => {
    const l = forcesLayout(real!, { width: 400 });
    expectMarkersAtTheirNumbers(l.marks, real!.meta.caveats);
    for (const r of l.rows.filter((r) => !r.category.comparable)) {
      expect(r.ratio.lines.map(plain).join(" ")).toBe("not comparable");
      expect(r.ratio.mark).toBeNull();
    }
  });

  it("opens a ratio we worked out in its own record", () => {
    const l = forcesLayout(real!, { width: 900 });
    const derived = l.rows.filter((r) => r.category.ratio?.basis === "derived");
    expect(derived.length).toBeGreaterThan(0);
    for (const r of derived) expect(r.ratio.mark!.figureId).toBe(r.category.ratio!.figure);
  });
});

describe("forcesRoomLayout: the force comparison for a room", () => {
  const room = forcesRoomLayout(data, {});
  const page = forcesLayout(data, { width: 900 });

  it("sets every word in the room's one type size", () => {
    const sizes = new Set(allText(room).map((t) => t.size));
    expect([...sizes]).toEqual([ROOM_TYPE]);
  });

  it("says what the page's chart says: the same rows, numbers, ratios and records, in the same order", () => {
    const words = (l: ForcesLayout) =>
      l.rows.map((r) => [r.category.id, plain(r.a.label), plain(r.b.label), r.ratio.lines.map(plain).join(" ")]);
    // A ratio in words may wrap in the room's narrow column: compare the words, not the lines.
    const unwrapped = (l: ForcesLayout) => words(l).map(([id, a, b, ratio]) => [id, a, b, ratio!.replace(/\s+/g, " ")]);
    expect(unwrapped(room)).toEqual(unwrapped(page));
    expect(room.marks.map((m) => [m.key, m.figureId])).toEqual(page.marks.map((m) => [m.key, m.figureId]));
    expect(plain(room.legend.note[0]!)).toMatch(/^Ratio:/);
  });

  it("puts the groups in two columns that hold about half the rows each, side by side and apart", () => {
    const [left, right] = [room.groups.filter((g) => g.rule.x1 === 0), room.groups.filter((g) => g.rule.x1 > 0)];
    expect(left.length).toBeGreaterThan(0);
    expect(right.length).toBeGreaterThan(0);
    // In reading order: the first column's groups, then the second's.
    expect([...left, ...right].map((g) => g.id)).toEqual(data.groups.map((g) => g.id));
    expect(right[0]!.rule.x1).toBeGreaterThan(left[0]!.rule.x2);
    expect(right[0]!.rule.x2).toBeLessThanOrEqual(ROOM_WIDTH);
    // Both start under the legend, at the same height, and hold about half the rows each.
    expect(right[0]!.rule.y).toBe(left[0]!.rule.y);
    const rowsIn = (gs: typeof left) => room.rows.filter((r) => gs.some((g) => g.id === r.groupId)).length;
    expect(Math.abs(rowsIn(left) - rowsIn(right))).toBeLessThanOrEqual(
      Math.max(...data.groups.map((g) => g.categories.length)),
    );
  });

  it("splits where the taller column is shortest: a big group does not leave the second column empty", () => {
    const categories = data.groups.flatMap((g) => g.categories);
    const lopsided = {
      ...data,
      groups: [
        { ...data.groups[0]!, categories: categories.slice(0, 2) },
        { ...data.groups[1]!, categories: categories.slice(2) },
      ],
    };
    const l = forcesRoomLayout(lopsided, {});
    expect(l.groups.map((g) => g.rule.x1 > 0)).toEqual([false, true]);
    expect(l.rows).toHaveLength(categories.length);
  });

  it("keeps every word inside the chart and off every other word", () => {
    const boxes = allText(room).map(lineBox);
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(-0.5);
      expect(b.x + b.width).toBeLessThanOrEqual(ROOM_WIDTH + 0.5);
      expect(b.y + b.height).toBeLessThanOrEqual(room.height + 0.5);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(boxesOverlap(boxes[i]!, boxes[j]!), `${plain(allText(room)[i]!)} / ${plain(allText(room)[j]!)}`).toBe(
          false,
        );
  });

  it("is short enough for a slide at this size: at 1920×1080 it is drawn about 1:1", () => {
    // The slide's chart box at 1920×1080 is about 1018 × 570 px (presentation.spec.ts measures the type as shown).
    expect(room.height).toBeLessThanOrEqual(570);
  });
});
