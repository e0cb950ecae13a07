/** week-breakdown.json: the week's destinations and its reported total. */
import { DATASET_VERSION, type DatasetOf } from "../../schema/datasets.ts";
import type { DeriveContext } from "./context.ts";

export function deriveWeekBreakdown(ctx: DeriveContext): DatasetOf<"week-breakdown"> {
  const { fig, ref, places } = ctx;
  const g = ctx.ledger.graphics.weekBreakdown;
  const caveats = ctx.caveats([...g.parts, g.total]);
  return {
    version: DATASET_VERSION,
    meta: ctx.meta(
      "week-breakdown",
      g,
      [...g.parts, g.total].flatMap((id) => ctx.figureQuotes(id)),
      caveats,
    ),
    parts: g.parts.map((id) => ({ figure: ref(id, caveats), place: places.get(fig(id).place ?? "")?.name ?? id })),
    total: ref(g.total, caveats),
  };
}
