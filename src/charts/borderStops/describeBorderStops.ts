/**
 * The border-stop chart's text alternative, generated from the data: the totals
 * with their qualifiers, that the periods differ in length, the per-month rates
 * (and which of them we calculated), how they compare, and the chart's notes.
 */
import { compareText, formatFigure, listJoin } from "../../format/formatFigure.ts";
import type { BorderStopsDataset } from "../../schema/datasets.ts";
import { periodLength } from "./BorderStopsState.ts";

export { listJoin };

const words = (f: { value: number | null; qualifier: Parameters<typeof formatFigure>[0]["qualifier"]; unit: string }) =>
  formatFigure(f, { unit: false });

export function describeBorderStops(data: BorderStopsDataset): string {
  const bars = [...data.bars].sort((a, b) => compareText(a.periodStart, b.periodStart));
  const totals = listJoin(bars.map((b) => `${words(b.figure)} in ${b.figure.period} (${periodLength(b.months)})`));
  const lengths = new Set(bars.map((b) => b.months));
  const parts = [`${data.meta.title}: ${totals}.`];
  if (lengths.size > 1) {
    parts.push(
      "The periods differ in length, so the totals cannot be compared with each other directly; the bars show the number per month instead.",
    );
  }
  const derived = bars.filter((b) => b.perMonth.basis === "derived");
  const reported = bars.filter((b) => b.perMonth.basis !== "derived");
  const rateParts: string[] = [];
  if (derived.length) {
    rateParts.push(
      `${listJoin(derived.map((b) => `${words(b.perMonth)} in ${b.perMonth.period}`))} on average (our calculation: the period's total divided by its ${listJoin([...new Set(derived.map((b) => String(b.months)))])} months)`,
    );
  }
  if (reported.length)
    rateParts.push(`${listJoin(reported.map((b) => `${words(b.perMonth)} in ${b.perMonth.period}`))} as reported`);
  parts.push(`Per month, that is ${rateParts.join(", against ")}.`);

  const values = bars.map((b) => b.perMonth.value ?? 0);
  const rising = values.every((v, i) => i === 0 || v > values[i - 1]!);
  const falling = values.every((v, i) => i === 0 || v < values[i - 1]!);
  if (bars.length > 1 && (rising || falling)) {
    const last = bars.at(-1)!;
    const prev = bars.at(-2)!;
    parts.push(
      `The monthly number ${rising ? "rose" : "fell"} in every period: ${last.perMonth.period} alone, at ${words(last.perMonth)}, was ${rising ? "above" : "below"} the ${prev.perMonth.period} monthly ${prev.perMonth.basis === "derived" ? "average" : "figure"} of ${words(prev.perMonth)}.`,
    );
  }
  for (const a of data.annotations) {
    const bar = bars.find((b) => b.figure.id === a.figure || b.perMonth.id === a.figure);
    parts.push(`A note on ${bar ? bar.figure.period : "the chart"} reads: “${a.text}”.`);
  }
  return parts.join(" ");
}
