/**
 * Shapes the checked ledger into one dataset per graphic, holding only what each
 * view draws (a chart embed never downloads the whole ledger).
 */
import {
  DATASET_VERSION,
  type DatasetOf,
  type FigureRecord,
  type FigureRef,
  type ForceRatio,
  type GraphicMeta,
  type Verification,
} from "../schema/datasets.ts";
import type { Figure, Ledger, Qualifier } from "../schema/ledger.ts";
import { formatPeriod, parsePeriod } from "../schema/period.ts";
import { formatNumber } from "../format/formatFigure.ts";

export type Datasets = { [N in import("../schema/datasets.ts").DatasetName]: DatasetOf<N> };

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

export function deriveDatasets(ledger: Ledger, verification: Verification): Datasets {
  const figures = new Map(ledger.figures.map((f) => [f.id, f]));
  const places = new Map(ledger.places.map((p) => [p.id, p]));
  const sources = new Map(ledger.sources.map((s) => [s.id, s]));
  const fig = (id: string): Figure => figures.get(id)!;

  const ref = (id: string): FigureRef => {
    const f = fig(id);
    return {
      id: f.id,
      value: f.value,
      qualifier: f.qualifier,
      unit: f.unit,
      basis: f.basis,
      counts: f.counts,
      period: formatPeriod(f.period),
    };
  };
  const meta = (g: { title: string; subtitle: string; sources: string[] }): GraphicMeta => ({
    title: g.title,
    subtitle: g.subtitle,
    sources: g.sources.map((id) => {
      const s = sources.get(id)!;
      return { id: s.id, headline: s.headline, outlet: s.outlet, published: s.published };
    }),
    verification,
  });

  const g = ledger.graphics;
  const iso = (placeId: string) => places.get(placeId)?.iso ?? null;
  const usedPlaces = new Set<string>();
  for (const r of ledger.routes) for (const leg of r.legs) usedPlaces.add(leg.from).add(leg.to);
  for (const s of ledger.stances) usedPlaces.add(s.place);
  for (const p of ledger.places) if (p.citations.length > 0) usedPlaces.add(p.id);

  const exitRoutes: Datasets["exit-routes"] = {
    version: DATASET_VERSION,
    meta: meta(g.exitRoutes),
    periods: g.exitRoutes.periods.map((p) => {
      const event = ledger.events.find((e) => e.id === p.event)!;
      return { id: p.id, label: p.label, period: formatPeriod(p.period), date: event.date, event: event.label };
    }),
    cameras: g.exitRoutes.cameras,
    places: ledger.places
      .filter((p) => usedPlaces.has(p.id))
      .map((p) => ({
        id: p.id,
        name: p.name,
        kind: p.kind,
        coordinates: p.coordinates,
        iso: p.iso ?? null,
        named: p.named,
        pointBasis: p.pointBasis ?? null,
      })),
    routes: ledger.routes.map((r) => ({
      id: r.id,
      label: r.label,
      period: r.period,
      layer: r.layer,
      modes: [...new Set(r.legs.map((l) => l.mode))],
      path: [r.legs[0]!.from, ...r.legs.map((l) => l.to)],
      legs: r.legs,
      figure: r.figure ? ref(r.figure) : null,
      related: r.related,
      citations: r.citations,
      notes: r.notes,
    })),
    stances: ledger.stances.map((s) => ({
      place: s.place,
      name: places.get(s.place)!.name,
      iso: iso(s.place),
      position: s.position,
      who: s.who,
      citations: s.citations,
      notes: s.notes,
    })),
    total: g.exitRoutes.total ? ref(g.exitRoutes.total) : null,
  };

  const borderStops: Datasets["border-stops"] = {
    version: DATASET_VERSION,
    meta: meta(g.borderStops),
    subject: g.borderStops.subject,
    axisLabel: g.borderStops.axisLabel,
    bars: g.borderStops.bars.map((b) => {
      const p = parsePeriod(fig(b.figure).period);
      if (typeof p === "string" || p.months === null)
        throw new Error(`border-stop bar ${b.figure} needs a period of whole months`);
      if (!b.perMonth && p.months !== 1)
        throw new Error(`border-stop bar ${b.figure} covers ${p.months} months and needs a perMonth figure`);
      return { figure: ref(b.figure), perMonth: ref(b.perMonth ?? b.figure), months: p.months, periodStart: p.start };
    }),
    annotations: g.borderStops.annotations,
  };

  const forces: Datasets["forces"] = {
    version: DATASET_VERSION,
    meta: meta(g.forces),
    sides: g.forces.sides,
    groups: g.forces.groups.map((group) => ({
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

  const weekBreakdown: Datasets["week-breakdown"] = {
    version: DATASET_VERSION,
    meta: meta(g.weekBreakdown),
    parts: g.weekBreakdown.parts.map((id) => ({ figure: ref(id), place: places.get(fig(id).place ?? "")?.name ?? id })),
    total: ref(g.weekBreakdown.total),
  };

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
    citations: f.citations,
    derivation: f.derivation
      ? {
          formula: f.derivation.formula,
          inputs: f.derivation.inputs,
          explanation: explainDerivation(f, fig),
        }
      : null,
    missing: f.missing ?? null,
    notes: f.notes,
    related: f.related,
    verification: f.basis === "derived" ? "derived" : verification,
  });

  return {
    "exit-routes": exitRoutes,
    "border-stops": borderStops,
    forces,
    "week-breakdown": weekBreakdown,
    figures: {
      version: DATASET_VERSION,
      verification,
      figures: ledger.figures.map(record),
      sources: ledger.sources.map((s) => ({
        id: s.id,
        headline: s.headline,
        outlet: s.outlet,
        published: s.published,
        dateBasis: s.dateBasis,
        cites: s.cites,
        file: s.file,
        sha256: s.sha256,
      })),
      events: ledger.events.map((e) => ({ id: e.id, date: e.date, label: e.label, citations: e.citations })),
    },
    story: {
      version: DATASET_VERSION,
      title: ledger.story.title,
      steps: ledger.story.steps.map((s) => ({
        id: s.id,
        title: s.title,
        text: s.text,
        quote: s.quote ?? null,
        graphic: s.graphic,
        state: s.state,
        notes: s.notes,
      })),
    },
  };
}

function explainDerivation(f: Figure, fig: (id: string) => Figure): string {
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
