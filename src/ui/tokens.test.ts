import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DARK, LIGHT, tokensCss, type ColourToken } from "./tokens.ts";

/** WCAG 2 relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

const TEXT: ColourToken[] = ["--fg", "--muted", "--link", "--focus"];
const MARKS: ColourToken[] = [
  "--russia",
  "--ukraine",
  "--flow",
  "--flights",
  "--unquantified",
  "--refuse",
  "--welcome",
  "--derived",
];

describe("design tokens", () => {
  it("are what tokens.css holds (run `npm run tokens` after editing tokens.ts)", () => {
    expect(readFileSync(resolve(import.meta.dirname, "tokens.css"), "utf8")).toBe(tokensCss());
  });

  it("give both themes the same tokens, as #rrggbb colours", () => {
    expect(Object.keys(DARK).sort()).toEqual(Object.keys(LIGHT).sort());
    for (const v of [...Object.values(LIGHT), ...Object.values(DARK)]) expect(v).toMatch(/^#[0-9a-f]{6}$/);
  });

  it.each([
    ["light", LIGHT],
    ["dark", DARK],
  ] as const)(
    "meet WCAG AA contrast in the %s theme: text 4.5:1 on page and surface, marks 3:1 on page and water",
    (_, t) => {
      const low: string[] = [];
      for (const text of TEXT)
        for (const bg of ["--bg", "--surface"] as const)
          if (contrast(t[text], t[bg]) < 4.5) low.push(`${text} on ${bg}: ${contrast(t[text], t[bg]).toFixed(2)}`);
      for (const mark of MARKS)
        for (const bg of ["--bg", "--water", "--land"] as const)
          if (contrast(t[mark], t[bg]) < 3) low.push(`${mark} on ${bg}: ${contrast(t[mark], t[bg]).toFixed(2)}`);
      expect(low).toEqual([]);
    },
  );

  it("compute contrast as WCAG does", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
});
