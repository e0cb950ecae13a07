/** border-stops.json: the bars (each count with the per-month rate drawn) and their annotations. */
import { DATASET_VERSION, type DatasetOf } from "../../schema/datasets.ts";
import { parsePeriod } from "../../schema/period.ts";
import type { DeriveContext } from "./context.ts";

export function deriveBorderStops(ctx: DeriveContext): DatasetOf<"border-stops"> {
  const { fig, ref, cite, figureQuotes } = ctx;
  const g = ctx.ledger.graphics.borderStops;
  const quotes = [
    ...g.bars.flatMap((b) => [b.figure, b.perMonth].flatMap((id) => (id ? figureQuotes(id) : []))),
    ...g.annotations.map((a) => a.citation),
  ];
  const caveats = ctx.caveats([
    ...g.bars.flatMap((b) => [b.figure, b.perMonth]),
    ...g.annotations.map((a) => a.figure),
  ]);
  return {
    version: DATASET_VERSION,
    meta: ctx.meta("border-stops", g, quotes, caveats),
    subject: g.subject,
    axisLabel: g.axisLabel,
    bars: g.bars.map((b) => {
      const p = parsePeriod(fig(b.figure).period);
      if (typeof p === "string" || p.months === null)
        throw new Error(`border-stop bar ${b.figure} needs a period of whole months`);
      if (!b.perMonth && p.months !== 1)
        throw new Error(`border-stop bar ${b.figure} covers ${p.months} months and needs a perMonth figure`);
      return {
        figure: ref(b.figure, caveats),
        perMonth: ref(b.perMonth ?? b.figure, caveats),
        months: p.months,
        periodStart: p.start,
      };
    }),
    annotations: g.annotations.map((a) => ({ figure: a.figure, text: a.text, citation: cite(a.citation) })),
  };
}
