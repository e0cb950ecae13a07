/** forces.json: Russia's and Ukraine's forces, category by category, with a ratio where one can be given. */
import { DATASET_VERSION, type DatasetOf, type ForceRatio } from "../../schema/datasets.ts";
import type { Qualifier } from "../../schema/ledger.ts";
import { formatNumber } from "../../format/formatFigure.ts";
import type { DeriveContext } from "./context.ts";

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

export function deriveForces(ctx: DeriveContext): DatasetOf<"forces"> {
  const { fig, ref } = ctx;
  const g = ctx.ledger.graphics.forces;
  return {
    version: DATASET_VERSION,
    meta: ctx.meta(g),
    sides: g.sides,
    groups: g.groups.map((group) => ({
      id: group.id,
      label: group.label,
      categories: group.categories.map((c) => {
        const a = fig(c.a);
        const b = fig(c.b);
        let ratio: ForceRatio | null = null;
        if (a.value !== null && b.value !== null && b.value > 0) {
          const exact = a.value / b.value;
          const q = ratioQualifier(a.qualifier, b.qualifier);
          // A bound is rounded towards safety: "at least 11.38" is shown as "at least 11.3".
          const round = q === "at-least" || q === "more-than" ? Math.floor : q === "up-to" ? Math.ceil : Math.round;
          const rounded = round(exact * 10) / 10;
          ratio = {
            value: rounded,
            // 1,328 ÷ 146 = 9.096…: shown as 9.1, it is "about" 9.1, not exactly.
            qualifier: q === "exact" && rounded !== exact ? "about" : q,
            basis: "derived",
            explanation: `Our arithmetic: ${formatNumber(a.value)} ÷ ${formatNumber(b.value)}`,
            figure: null,
          };
        } else if (c.statedRatio) {
          const s = fig(c.statedRatio);
          if (s.value !== null)
            ratio = {
              value: s.value,
              qualifier: s.qualifier,
              basis: "reported",
              explanation: "As the article states it",
              figure: s.id,
            };
        }
        const missingSide = a.value === null ? a : b.value === null ? b : null;
        return {
          id: c.id,
          label: c.label,
          unit: a.unit,
          a: ref(c.a),
          b: ref(c.b),
          missing: missingSide?.missing ?? null,
          ratio,
          caveat: c.caveat ?? null,
        };
      }),
    })),
  };
}
