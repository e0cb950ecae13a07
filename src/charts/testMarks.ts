/**
 * Test helpers for the charts' marks (imported by *.test.tsx only): find a mark by its
 * full reading, and hold every mark to WCAG 2.5.3 Label in Name.
 */
import { screen } from "@testing-library/react";
import { expect } from "vitest";
import type { CaveatNote } from "../schema/datasets.ts";
import type { ChartMark } from "./chartUtils.ts";

/** The one mark (a button) whose full reading, its accessible description, matches. */
export function markByReading(reading: RegExp | string): HTMLElement {
  const matches = screen.getAllByRole("button").filter((b) => {
    const d = b.getAttribute("aria-description") ?? "";
    return typeof reading === "string" ? d === reading : reading.test(d);
  });
  expect(matches, `marks reading ${String(reading)}`).toHaveLength(1);
  return matches[0]!;
}

/** Each caveat's marker is at every mark of a figure it is on, as the notes under the chart print it. */
export function expectMarkersAtTheirNumbers(
  marks: readonly Pick<ChartMark, "figureId" | "shown">[],
  caveats: readonly CaveatNote[],
): void {
  const caveated = caveats.flatMap((c) => c.figures.map((id) => [id, c.marker] as const));
  expect(caveated.length, "caveats on drawn figures").toBeGreaterThan(0);
  for (const [id, marker] of caveated) {
    const drawn = marks.filter((m) => m.figureId === id);
    expect(drawn.length, id).toBeGreaterThan(0);
    for (const m of drawn) expect(m.shown, id).toContain(marker);
  }
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** Every mark's accessible name starts with the text it shows, as the reader sees it. */
export function expectLabelInName(root: ParentNode): void {
  const marks = [...root.querySelectorAll<SVGElement>('[role="button"]')];
  expect(marks.length).toBeGreaterThan(0);
  for (const mark of marks) {
    const shown = squash(mark.textContent ?? "");
    expect(squash(mark.getAttribute("aria-label") ?? "").startsWith(shown), `"${shown}" begins its name`).toBe(true);
  }
}
