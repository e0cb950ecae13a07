import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTBOARD_WIDTHS, artboardFor } from "./artboardWidths.ts";

describe("artboard widths", () => {
  it("are the widths from which artboards.css shows each artboard", () => {
    const css = readFileSync(resolve(import.meta.dirname, "artboards.css"), "utf8");
    const shown = [...css.matchAll(/@container ([^{]+)\{\s*\.artboard--(\d+)/g)].map(([, query, w]) => {
      const from = /min-width: ([\d.]+)px/.exec(query!)?.[1];
      const to = /max-width: ([\d.]+)px/.exec(query!)?.[1];
      return [Number(w), from ? Number(from) : 0, to ? Number(to) : Infinity];
    });
    expect(shown.map(([w]) => w)).toEqual([...ARTBOARD_WIDTHS]);
    shown.forEach(([w, from, to], i) => {
      expect(from, `artboard ${w}`).toBe(i === 0 ? 0 : w);
      expect(to, `artboard ${w}`).toBeCloseTo((ARTBOARD_WIDTHS[i + 1] ?? Infinity) - 0.02, 2);
      expect(artboardFor(from === 0 ? 100 : from!)).toBe(w);
    });
  });
});
