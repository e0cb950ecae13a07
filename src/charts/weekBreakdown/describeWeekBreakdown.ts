/**
 * The week breakdown's text alternative, generated from the data: the total with
 * its qualifier, then each place, largest first.
 */
import { formatFigure, listJoin } from "../../format/formatFigure.ts";
import type { WeekBreakdownDataset } from "../../schema/datasets.ts";

export function describeWeekBreakdown(data: WeekBreakdownDataset): string {
  const parts = [...data.parts].sort((a, b) => (b.figure.value ?? -1) - (a.figure.value ?? -1));
  const t = data.total;
  const list = listJoin(parts.map((p) => `${p.place} ${formatFigure(p.figure, { unit: false })}`));
  const periods = [...new Set(parts.map((p) => p.figure.period))];
  const when = periods.length === 1 ? ` (${periods[0]})` : "";
  return `${data.meta.title}: ${formatFigure(t, { unit: false })} ${t.unit} in all, ${t.period}. By place, largest first${when}: ${list}.`;
}
