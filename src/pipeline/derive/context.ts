/**
 * What every deriver shares: the checked ledger indexed by id, and the helpers that
 * shape a figure reference and a graphic's header the same way in every dataset.
 */
import type { FigureRef, GraphicMeta, Verification } from "../../schema/datasets.ts";
import type { Figure, Ledger, Place, Source } from "../../schema/ledger.ts";
import { formatPeriod } from "../../schema/period.ts";
import { forceRatioFigures, type ForceRatioFigure } from "./forceRatios.ts";

export interface DeriveContext {
  ledger: Ledger;
  verification: Verification;
  /** The ledger's figures, then the figures the pipeline makes (the force ratios). */
  allFigures: readonly Figure[];
  figures: ReadonlyMap<string, Figure>;
  /** The force ratios' figures, by category id. */
  forceRatios: ReadonlyMap<string, ForceRatioFigure>;
  places: ReadonlyMap<string, Place>;
  sources: ReadonlyMap<string, Source>;
  /** The figure with this id; the ledger is checked, so it exists. */
  fig(id: string): Figure;
  /** What a graphic needs to draw and label a figure. */
  ref(id: string): FigureRef;
  /** A graphic's header: title, subtitle, the sources it credits, verification. */
  meta(g: { title: string; subtitle: string; sources: string[] }): GraphicMeta;
}

export function deriveContext(ledger: Ledger, verification: Verification): DeriveContext {
  const ratios = forceRatioFigures(ledger);
  const allFigures = [...ledger.figures, ...ratios.map((r) => r.figure)];
  const figures = new Map(allFigures.map((f) => [f.id, f]));
  const places = new Map(ledger.places.map((p) => [p.id, p]));
  const sources = new Map(ledger.sources.map((s) => [s.id, s]));
  const fig = (id: string): Figure => figures.get(id)!;
  return {
    ledger,
    verification,
    allFigures,
    figures,
    forceRatios: new Map(ratios.map((r) => [r.category, r])),
    places,
    sources,
    fig,
    ref(id) {
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
    },
    meta: (g) => ({
      title: g.title,
      subtitle: g.subtitle,
      sources: g.sources.map((id) => {
        const s = sources.get(id)!;
        return { id: s.id, headline: s.headline, outlet: s.outlet, published: s.published };
      }),
      verification,
    }),
  };
}
