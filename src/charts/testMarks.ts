/**
 * Test helpers for the charts' marks (imported by *.test.tsx only): find a mark by its
 * full reading, and hold every mark to WCAG 2.5.3 Label in Name.
 */
import { screen } from "@testing-library/react";
import { expect } from "vitest";

/** The one mark (a button) whose full reading, its accessible description, matches. */
export function markByReading(reading: RegExp | string): HTMLElement {
  const matches = screen.getAllByRole("button").filter((b) => {
    const d = b.getAttribute("aria-description") ?? "";
    return typeof reading === "string" ? d === reading : reading.test(d);
  });
  expect(matches, `marks reading ${String(reading)}`).toHaveLength(1);
  return matches[0]!;
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
