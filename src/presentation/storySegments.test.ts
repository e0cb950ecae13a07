import { describe, expect, it } from "vitest";
import type { Formattable } from "../format/formatFigure.ts";
import { formatElapsed } from "./formatElapsed.ts";
import { storySegments } from "./storySegments.ts";

const figures = new Map<string, Formattable>([
  ["exodus-week-total", { value: 194000, qualifier: "more-than", unit: "people" }],
  ["kazakhstan-week", { value: 98000, qualifier: "exact", unit: "people" }],
  ["georgia-week", { value: 53000, qualifier: "exact", unit: "people" }],
  ["alaska-distance", { value: 64, qualifier: "about", unit: "km" }],
  ["missing", { value: null, qualifier: "exact", unit: "tanks" }],
]);

const render = (text: string, f: ReadonlyMap<string, Formattable> | null = figures) =>
  storySegments(text, f)
    .map((s) => (s.kind === "text" ? s.text : `${s.before}[${s.label ?? "…"}]${s.after}`))
    .join("");

describe("storySegments", () => {
  it("renders a placeholder as the figure with its qualifier", () => {
    const segs = storySegments("queued: {exodus-week-total} crossed", figures);
    expect(segs).toEqual([
      { kind: "text", text: "queued: " },
      { kind: "figure", id: "exodus-week-total", label: "more than 194,000", known: true, before: "", after: "" },
      { kind: "text", text: " crossed" },
    ]);
  });

  it("keeps touching punctuation with the figure, and each placeholder's own", () => {
    const segs = storySegments("crossings ({kazakhstan-week}), then ({georgia-week}).", figures);
    expect(segs.map((s) => s.kind)).toEqual(["text", "figure", "text", "figure"]);
    expect(segs[1]).toMatchObject({ before: "(", after: ")," });
    expect(segs[2]).toEqual({ kind: "text", text: " then " });
    expect(segs[3]).toMatchObject({ before: "(", after: ")." });
    expect(render("crossings ({kazakhstan-week}), then ({georgia-week}).")).toBe(
      "crossings ([98,000]), then ([53,000]).",
    );
  });

  it("handles units, missing values, adjacent placeholders and text with none", () => {
    expect(render("{alaska-distance} from the coast")).toBe("[about 64 km] from the coast");
    expect(render("Ukraine: {missing}.")).toBe("Ukraine: [not reported].");
    expect(render("{kazakhstan-week}{georgia-week}")).toBe("[98,000][53,000]");
    expect(storySegments("No numbers here.", figures)).toEqual([{ kind: "text", text: "No numbers here." }]);
    expect(storySegments("", figures)).toEqual([]);
  });

  it("has no label while the figures load, and marks an unknown id once they have", () => {
    expect(storySegments("{kazakhstan-week}", null)[0]).toMatchObject({ kind: "figure", label: null, known: true });
    expect(storySegments("{no-such-figure}", figures)[0]).toMatchObject({ kind: "figure", label: null, known: false });
  });

  it("leaves braces that hold no figure id as text", () => {
    expect(render("a { b } c {Not An Id} {")).toBe("a { b } c {Not An Id} {");
    expect(storySegments("open { only", figures)).toEqual([{ kind: "text", text: "open { only" }]);
  });
});

describe("formatElapsed", () => {
  it("reads minutes and seconds", () => {
    expect(formatElapsed(0)).toBe("00:00");
    expect(formatElapsed(65_400)).toBe("01:05");
    expect(formatElapsed(12 * 60_000)).toBe("12:00");
    expect(formatElapsed(75 * 60_000 + 9_999)).toBe("75:09");
  });
  it("never goes negative or breaks on bad input", () => {
    expect(formatElapsed(-5000)).toBe("00:00");
    expect(formatElapsed(Number.NaN)).toBe("00:00");
  });
});
