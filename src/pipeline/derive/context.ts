/**
 * What every deriver shares: the checked ledger indexed by id, how each quote was
 * verified, and the helpers that shape a figure reference, a citation and a graphic's
 * header the same way in every dataset.
 */
import type {
  CaveatNote,
  CorrectionNote,
  CorrectionRecord,
  DatasetCitation,
  FigureRef,
  GraphicMeta,
  SourceRef,
  Verification,
} from "../../schema/datasets.ts";
import type { Citation, Figure, GraphicId, Ledger, Place, Source } from "../../schema/ledger.ts";
import { formatPeriod } from "../../schema/period.ts";
import { normaliseText } from "../normalise.ts";
import type { Published } from "../publication.ts";
import { UNVERIFIED, type QuoteVerifier } from "../quoteLock.ts";
import { correctionEffects, correctionRecord } from "./corrections.ts";
import { forceRatioFigures, type ForceRatioFigure } from "./forceRatios.ts";

/** Caveat markers, in order: "*", "†", "‡", "§", "‖", "¶", then "7", "8"…. */
export const CAVEAT_MARKERS = ["*", "†", "‡", "§", "‖", "¶"] as const;
export const caveatMarker = (i: number): string => CAVEAT_MARKERS[i] ?? String(i + 1);

/** The caveats of one dataset (a graphic, a story step), marked in order. */
export interface Caveats {
  notes: CaveatNote[];
  /** The marker of each figure's caveat. */
  markerOf: ReadonlyMap<string, string>;
  /** The marker of each extra caveat, in the order given. */
  extraMarkers: string[];
}

export interface DeriveContext {
  ledger: Ledger;
  /** How each quote was verified (by the archives in this run, by the committed lock, or not). */
  verifier: QuoteVerifier;
  /** The ledger's figures, then the figures the pipeline makes (the force ratios). */
  allFigures: readonly Figure[];
  figures: ReadonlyMap<string, Figure>;
  /** The force ratios' figures, by category id. */
  forceRatios: ReadonlyMap<string, ForceRatioFigure>;
  places: ReadonlyMap<string, Place>;
  sources: ReadonlyMap<string, Source>;
  /** The figure with this id; the ledger is checked, so it exists. */
  fig(id: string): Figure;
  /** What a graphic needs to draw and label a figure; its caveat's marker from `caveats`. */
  ref(id: string, caveats?: Caveats): FigureRef;
  /**
   * The caveats of figures in drawing order, each distinct text once (with every figure
   * that carries it), then `extra` caveats, one entry each; markers in that order, less
   * those the notes `beside` them use (whose texts keep their markers).
   */
  caveats(
    figureIds: readonly (string | null | undefined)[],
    extra?: readonly string[],
    /** Notes shown beside these (a slide's graphic's): the same text keeps its marker, others get unused ones. */
    beside?: readonly CaveatNote[],
  ): Caveats;
  /** A citation with its verification. */
  cite(c: Citation): DatasetCitation;
  /** The quotes a figure rests on: its own, or for a derived figure its inputs'. */
  figureQuotes(id: string): Citation[];
  /** How far a set of quotes is verified. */
  verificationOf(quotes: readonly Citation[]): Verification;
  sourceRef(id: string): SourceRef;
  /** The corrections log, each with the graphics and steps it affects. */
  corrections: readonly CorrectionRecord[];
  /** The corrections affecting a graphic or a story step. */
  correctionsOf(where: { graphic: GraphicId } | { step: string }): CorrectionNote[];
  /** Ids of the corrections naming a figure (for a figure the pipeline makes, naming its inputs). */
  figureCorrections(id: string): string[];
  /**
   * A graphic's header: title, subtitle, the sources it credits, the verification of
   * the quotes it relies on, the corrections that affect it.
   */
  meta(
    graphic: GraphicId,
    g: { title: string; subtitle: string; sources: string[] },
    quotes: readonly Citation[],
    caveats: Caveats,
  ): GraphicMeta;
}

export function deriveContext(
  ledger: Ledger,
  verifier: QuoteVerifier = UNVERIFIED,
  published: Published | null = null,
): DeriveContext {
  const ratios = forceRatioFigures(ledger);
  const allFigures = [...ledger.figures, ...ratios.map((r) => r.figure)];
  const figures = new Map(allFigures.map((f) => [f.id, f]));
  const places = new Map(ledger.places.map((p) => [p.id, p]));
  const sources = new Map(ledger.sources.map((s) => [s.id, s]));
  const fig = (id: string): Figure => figures.get(id)!;

  const figureQuotes = (id: string, seen = new Set<string>()): Citation[] => {
    const f = figures.get(id);
    if (!f || seen.has(id)) return [];
    seen.add(id);
    return f.derivation ? f.derivation.inputs.flatMap((i) => figureQuotes(i, seen)) : f.citations;
  };

  const verificationOf = (quotes: readonly Citation[]): Verification => {
    const distinct = new Map(quotes.map((c) => [`${c.source}\u0000${normaliseText(c.quote)}`, c]));
    const checks = [...distinct.values()].map((c) => verifier.check(c.source, c.quote));
    const done = checks.filter((x) => x !== null);
    const unverified = checks.length - done.length;
    return {
      status: unverified === 0 ? "verified" : "unverified",
      by: done.length > 0 ? verifier.by : null,
      date:
        done.length > 0
          ? done
              .map((x) => x.date)
              .sort()
              .at(-1)!
          : null,
      unverified,
    };
  };

  const sourceRef = (id: string): SourceRef => {
    const s = sources.get(id)!;
    return { id: s.id, headline: s.headline, outlet: s.outlet, published: s.published, sha256: s.sha256 };
  };

  const effects = correctionEffects(ledger, published);
  const corrections = ledger.corrections.map((c) => correctionRecord(c, effects.get(c.id)!));
  const generatedInputs = new Map(ratios.map((r) => [r.figure.id, r.figure.derivation!.inputs]));
  const figureCorrections = (id: string) => {
    const named = generatedInputs.get(id) ?? [id];
    return corrections.filter((c) => c.figures.some((f) => named.includes(f))).map((c) => c.id);
  };

  return {
    ledger,
    verifier,
    allFigures,
    figures,
    forceRatios: new Map(ratios.map((r) => [r.category, r])),
    places,
    sources,
    fig,
    ref(id, caveats) {
      const f = fig(id);
      return {
        id: f.id,
        value: f.value,
        qualifier: f.qualifier,
        unit: f.unit,
        basis: f.basis,
        counts: f.counts,
        period: formatPeriod(f.period),
        caveat: f.caveat ?? null,
        marker: caveats?.markerOf.get(f.id) ?? null,
      };
    },
    caveats(figureIds, extra = [], beside = []) {
      const notes: CaveatNote[] = [];
      const byText = new Map<string, CaveatNote>();
      const markerOf = new Map<string, string>();
      const besideMarker = new Map(beside.map((n) => [n.text, n.marker]));
      const taken = new Set(beside.map((n) => n.marker));
      let count = 0;
      const nextMarker = (text: string): string => {
        const shared = besideMarker.get(text);
        if (shared) return shared;
        let marker: string;
        do marker = caveatMarker(count++);
        while (taken.has(marker));
        return marker;
      };
      for (const id of figureIds) {
        const text = id ? figures.get(id)?.caveat : undefined;
        if (!id || !text) continue;
        let note = byText.get(text);
        if (!note) {
          note = { marker: nextMarker(text), text, figures: [] };
          notes.push(note);
          byText.set(text, note);
        }
        if (!note.figures.includes(id)) note.figures.push(id);
        markerOf.set(id, note.marker);
      }
      const extraMarkers = extra.map((text) => {
        const note = { marker: nextMarker(text), text, figures: [] };
        notes.push(note);
        return note.marker;
      });
      return { notes, markerOf, extraMarkers };
    },
    cite: (c) => ({ source: c.source, quote: c.quote, verified: verifier.check(c.source, c.quote) }),
    figureQuotes: (id) => figureQuotes(id),
    verificationOf,
    sourceRef,
    corrections,
    correctionsOf: (where) =>
      corrections
        .filter((c) => ("graphic" in where ? c.graphics.includes(where.graphic) : c.steps.includes(where.step)))
        .map(({ id, date, change, reason }) => ({ id, date, change, reason })),
    figureCorrections,
    meta: (graphic, g, quotes, caveats) => ({
      title: g.title,
      subtitle: g.subtitle,
      sources: g.sources.map(sourceRef),
      verification: verificationOf(quotes),
      corrections: corrections
        .filter((c) => c.graphics.includes(graphic))
        .map(({ id, date, change, reason }) => ({ id, date, change, reason })),
      caveats: caveats.notes,
    }),
  };
}
