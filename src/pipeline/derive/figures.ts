/** figures.json: every figure's full record (what the provenance panel opens), the sources and the events. */
import { DATASET_VERSION, type DatasetOf, type FigureRecord } from "../../schema/datasets.ts";
import type { Figure } from "../../schema/ledger.ts";
import { formatPeriod, parsePeriod } from "../../schema/period.ts";
import { formatNumber } from "../../format/formatFigure.ts";
import type { DeriveContext } from "./context.ts";

export function deriveFigures(ctx: DeriveContext): DatasetOf<"figures"> {
  const { ledger, places, fig, cite } = ctx;
  // figures.json relies on every figure's quotes and every event's.
  const verification = ctx.verificationOf([
    ...ctx.allFigures.flatMap((f) => f.citations),
    ...ledger.events.flatMap((e) => e.citations),
  ]);
  const ratioCategory = new Map([...ctx.forceRatios.values()].map((r) => [r.figure.id, r.category]));
  const record = (f: Figure): FigureRecord => ({
    id: f.id,
    value: f.value,
    printed: f.printed ?? null,
    unit: f.unit,
    counts: f.counts,
    place: f.place ? (places.get(f.place)?.name ?? f.place) : null,
    period: formatPeriod(f.period),
    periodText: f.period,
    qualifier: f.qualifier,
    basis: f.basis,
    citations: f.citations.map(cite),
    derivation: f.derivation
      ? {
          formula: f.derivation.formula,
          inputs: f.derivation.inputs,
          explanation: ctx.forceRatios.get(ratioCategory.get(f.id) ?? "")?.derivation ?? explainDerivation(f, fig),
        }
      : null,
    missing: f.missing ?? null,
    notes: f.notes,
    related: f.related,
    corrections: ctx.figureCorrections(f.id),
    caveat: f.caveat ?? null,
    measure: f.measure ?? null,
    readings: f.readings,
    conflicts: f.conflicts,
    verification:
      f.basis === "derived"
        ? "derived"
        : f.citations.length > 0
          ? ctx.verificationOf(f.citations).status
          : verification.status,
  });
  return {
    version: DATASET_VERSION,
    verification,
    figures: ctx.allFigures.map(record),
    sources: ledger.sources.map((s) => ({
      ...ctx.sourceRef(s.id),
      dateBasis: s.dateBasis,
      cites: s.cites,
      file: s.file,
    })),
    events: ledger.events.map((e) => ({ id: e.id, date: e.date, label: e.label, citations: e.citations.map(cite) })),
    corrections: [...ctx.corrections],
  };
}

export function explainDerivation(f: Figure, fig: (id: string) => Figure): string {
  const d = f.derivation!;
  const values = d.inputs.map((id) => fig(id).value ?? NaN).map(formatNumber);
  switch (d.formula) {
    case "sum":
      return `${values.join(" + ")} = ${formatNumber(f.value ?? NaN)}`;
    case "ratio":
      return `${values[0]} ÷ ${values[1]} = ${formatNumber(f.value ?? NaN)}`;
    case "per-month": {
      const p = parsePeriod(fig(d.inputs[0]!).period);
      const months = typeof p === "string" ? NaN : (p.months ?? NaN);
      return `${values[0]} ÷ ${months} months = ${formatNumber(f.value ?? NaN)}, rounded`;
    }
  }
}
