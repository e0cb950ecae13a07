import { describe, expect, it } from "vitest";
import { textWidth, wrapBalanced, wrapText } from "./textMetrics.ts";

describe("text metrics", () => {
  it("estimates wider text for more and bolder characters", () => {
    expect(textWidth("1,028", 12)).toBeGreaterThan(textWidth("1,0", 12));
    expect(textWidth("abc", 12, "bold")).toBeGreaterThan(textWidth("abc", 12));
    expect(textWidth("abc", 24)).toBeCloseTo(2 * textWidth("abc", 12), 6);
    expect(textWidth("WWW", 12)).toBeGreaterThan(textWidth("iii", 12));
  });

  it("wraps greedily, and evenly when asked", () => {
    const text = "After the arrest of Alexei Navalny";
    const greedy = wrapText(text, textWidth("After the arrest of Alexei", 12) + 1, 12);
    expect(greedy).toEqual(["After the arrest of Alexei", "Navalny"]);
    const even = wrapBalanced(text, textWidth("After the arrest of Alexei", 12) + 1, 12);
    expect(even).toHaveLength(2);
    expect(even.join(" ")).toBe(text);
    expect(even[1]).not.toBe("Navalny");
  });

  it("gives a word longer than a line a line of its own, and nothing for no text", () => {
    expect(wrapText("a " + "x".repeat(80) + " b", 100, 11)).toEqual(["a", "x".repeat(80), "b"]);
    expect(wrapText("Supercalifragilistic", 10, 12)).toEqual(["Supercalifragilistic"]);
    expect(wrapText("  ", 100, 11)).toEqual([]);
  });
});
