import { describe, expect, it } from "vitest";
import { textWidth } from "../format/textMetrics.ts";
import { boxesOverlap, clampWidth, isDimmed, placeBlock, run, runsWidth } from "./chartUtils.ts";

describe("chart layout helpers", () => {
  it("measures a line of runs as the sum of its runs", () => {
    expect(runsWidth([run("9,376", "bold"), run(" in 2021")], 12)).toBeCloseTo(
      textWidth("9,376", 12, "bold") + textWidth(" in 2021", 12),
      6,
    );
  });

  it("keeps a placed block within its bounds, aligning to the edge it meets", () => {
    const lines = [{ runs: [run("1,028 in one month", "bold")], size: 12, tone: "fg" as const }];
    expect(placeBlock(lines, 100, 50, 0, 320)[0]!.anchor).toBe("middle");
    const right = placeBlock(lines, 315, 50, 0, 320)[0]!;
    expect([right.anchor, right.x]).toEqual(["end", 320]);
    const left = placeBlock(lines, 5, 50, 0, 320)[0]!;
    expect([left.anchor, left.x]).toEqual(["start", 0]);
  });

  it("boxes, width clamping and emphasis", () => {
    expect(boxesOverlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(false);
    expect(boxesOverlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 9, y: 9, width: 10, height: 10 })).toBe(true);
    expect(clampWidth(Number.NaN)).toBe(280);
    expect(isDimmed(undefined, ["a"])).toBe(false);
    expect(isDimmed(["b"], ["a"])).toBe(true);
    expect(isDimmed(["a"], ["a", "c"])).toBe(false);
  });
});
