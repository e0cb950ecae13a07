/** border-stops.json: the bars (each count with the per-month rate drawn) and their annotations. */
import { DATASET_VERSION, type DatasetOf } from "../../schema/datasets.ts";
import { parsePeriod } from "../../schema/period.ts";
import type { DeriveContext } from "./context.ts";

export function deriveBorderStops(ctx: DeriveContext): DatasetOf<"border-stops"> {
  const { fig, ref } = ctx;
  const g = ctx.ledger.graphics.borderStops;
  return {
    version: DATASET_VERSION,
    meta: ctx.meta(g),
    subject: g.subject,
    axisLabel: g.axisLabel,
    bars: g.bars.map((b) => {
      const p = parsePeriod(fig(b.figure).period);
      if (typeof p === "string" || p.months === null)
        throw new Error(`border-stop bar ${b.figure} needs a period of whole months`);
      if (!b.perMonth && p.months !== 1)
        throw new Error(`border-stop bar ${b.figure} covers ${p.months} months and needs a perMonth figure`);
      return { figure: ref(b.figure), perMonth: ref(b.perMonth ?? b.figure), months: p.months, periodStart: p.start };
    }),
    annotations: g.annotations,
  };
}
