import { describe, expect, it } from "vitest";
import { boxesOverlap, lineBox, plain, type TextLine } from "../chartUtils.ts";
import { forcesFixture as data } from "./fixture.ts";
import { forcesLayout, type ForcesLayout } from "./ForcesState.ts";
import { forcesRoomLayout, ROOM_TYPE, ROOM_WIDTH } from "./forcesRoom.ts";

const allText = (l: ForcesLayout): TextLine[] => [
  ...l.legend.items.map((i) => i.line),
  ...l.legend.note,
  ...l.groups.map((g) => g.heading),
  ...l.rows.flatMap((r) => [...r.label, r.a.label, r.b.label, ...r.ratio.lines]),
];

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
