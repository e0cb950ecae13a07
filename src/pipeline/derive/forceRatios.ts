/**
 * The force comparison's ratios as figure records of their own: for each category
 * that compares (its two figures measured alike) and has two values to divide, the
 * pipeline makes a derived figure `forces-<category>-ratio`, which the dataset's
 * ratio names, so the ratio opens its own record like any number on screen.
 */
import type { Figure, Ledger, Qualifier } from "../../schema/ledger.ts";
import { formatNumber } from "../../format/formatFigure.ts";

export const forceRatioId = (categoryId: string) => `forces-${categoryId}-ratio`;

/** Qualifier of a ratio a ÷ b, from the qualifiers of a and b. */
export function ratioQualifier(a: Qualifier, b: Qualifier): Qualifier {
  if (a === "exact" && b === "exact") return "exact";
  const lower = (q: Qualifier) => q === "at-least" || q === "more-than";
  // a no less than printed, b no more than printed: the ratio is a lower bound.
  if ((a === "exact" || lower(a)) && (b === "exact" || b === "up-to"))
    return a === "more-than" ? "more-than" : "at-least";
  // a no more than printed, b no less than printed: the ratio is an upper bound.
  if ((a === "exact" || a === "up-to") && (b === "exact" || lower(b))) return "up-to";
  return "about";
}

export interface ForceRatioFigure {
  /** The category it belongs to. */
  category: string;
  /** The derived figure record (basis derived, formula ratio, inputs [a, b]). */
  figure: Figure;
  /** How it was computed, for its record: "478 ÷ 42 = 11.38…, rounded down to 11.3". */
  derivation: string;
  /** The ratio's short explanation in the forces dataset: "Our arithmetic: 74 ÷ 2". */
  explanation: string;
}

/** a ÷ b to one decimal, rounded towards safety for a bound: "at least 11.38" is "at least 11.3". */
export function forceRatio(
  a: { value: number; qualifier: Qualifier },
  b: { value: number; qualifier: Qualifier },
): { value: number; exact: number; qualifier: Qualifier; rounding: "down" | "up" | "nearest" } {
  const exact = a.value / b.value;
  const q = ratioQualifier(a.qualifier, b.qualifier);
  const rounding = q === "at-least" || q === "more-than" ? "down" : q === "up-to" ? "up" : "nearest";
  const round = rounding === "down" ? Math.floor : rounding === "up" ? Math.ceil : Math.round;
  const value = round(exact * 10) / 10;
  // 1,328 ÷ 146 = 9.096…: shown as 9.1, it is "about" 9.1, not exactly.
  return { value, exact, qualifier: q === "exact" && value !== exact ? "about" : q, rounding };
}

export function forceRatioFigures(ledger: Ledger): ForceRatioFigure[] {
  const figures = new Map(ledger.figures.map((f) => [f.id, f]));
  const [sideA, sideB] = ledger.graphics.forces.sides;
  const out: ForceRatioFigure[] = [];
  for (const group of ledger.graphics.forces.groups)
    for (const c of group.categories) {
      const a = figures.get(c.a);
      const b = figures.get(c.b);
      if (!c.compare || !a || !b || a.value === null || b.value === null || b.value <= 0) continue;
      const r = forceRatio({ value: a.value, qualifier: a.qualifier }, { value: b.value, qualifier: b.qualifier });
      const sum = `${formatNumber(a.value)} ÷ ${formatNumber(b.value)}`;
      const shown =
        r.value === r.exact
          ? `${sum} = ${formatNumber(r.value)}`
          : `${sum} = ${r.exact.toFixed(3)}…, rounded ${r.rounding === "nearest" ? "" : `${r.rounding} `}to ${formatNumber(r.value)}`;
      out.push({
        category: c.id,
        figure: {
          id: forceRatioId(c.id),
          value: r.value,
          unit: "ratio",
          counts: `${sideA}'s ${a.measure ?? a.unit} for every one of ${sideB}'s`,
          place: null,
          period: a.period,
          qualifier: r.qualifier,
          basis: "derived",
          citations: [],
          derivation: { formula: "ratio", inputs: [a.id, b.id], decimals: 1 },
          notes: [`Computed by the pipeline for the force comparison (${c.label}).`],
          related: [],
          readings: [],
          conflicts: [],
        },
        derivation: shown,
        explanation: `Our arithmetic: ${sum}`,
      });
    }
  return out;
}
