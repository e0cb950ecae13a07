/** forces.json: Russia's and Ukraine's forces, category by category, with a ratio where one can be given. */
import { DATASET_VERSION, type DatasetOf, type ForceRatio } from "../../schema/datasets.ts";
import type { DeriveContext } from "./context.ts";

export function deriveForces(ctx: DeriveContext): DatasetOf<"forces"> {
  const { fig, ref } = ctx;
  const g = ctx.ledger.graphics.forces;
  const caveats = ctx.caveats(g.groups.flatMap((group) => group.categories.flatMap((c) => [c.a, c.b, c.statedRatio])));
  return {
    version: DATASET_VERSION,
    meta: ctx.meta(
      "forces",
      g,
      g.groups.flatMap((group) =>
        group.categories.flatMap((c) => [c.a, c.b, c.statedRatio].flatMap((id) => (id ? ctx.figureQuotes(id) : []))),
      ),
      caveats,
    ),
    sides: g.sides,
    groups: g.groups.map((group) => ({
      id: group.id,
      label: group.label,
      categories: group.categories.map((c) => {
        const a = fig(c.a);
        const b = fig(c.b);
        // Our ratio, when the category compares and both values divide; else the article's own, if any.
        const ours = ctx.forceRatios.get(c.id);
        let ratio: ForceRatio | null = null;
        if (ours)
          ratio = {
            value: ours.figure.value!,
            qualifier: ours.figure.qualifier,
            basis: "derived",
            explanation: ours.explanation,
            figure: ours.figure.id,
          };
        else if (c.statedRatio) {
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
          a: ref(c.a, caveats),
          b: ref(c.b, caveats),
          missing: missingSide?.missing ?? null,
          ratio,
          comparable: c.compare,
          // The row's caveat: its own, else its figures' (each once), so a chart that shows one per row shows them.
          caveat: c.caveat ?? ([...new Set([a.caveat, b.caveat].filter((x) => !!x))].join(" ") || null),
        };
      }),
    })),
  };
}
