/**
 * The datasets the pipeline writes to public/data and the app reads back. The app
 * parses every fetched file with these schemas, so a stale or hand-edited dataset
 * fails loudly in its own panel instead of drawing wrong numbers.
 *
 * Written with `zod/mini` (see ./primitives.ts): every page that draws a graphic
 * bundles this module, and with the tree-shakable API it brings only the parts of
 * Zod it uses. The pipeline validates what it writes with the same schemas.
 */
import { z } from "zod/mini";
import { Basis, Camera, Citation, Id, Mode, Qualifier } from "./primitives.ts";

export const DATASET_VERSION = 1;

/**
 * Are the quotes a dataset relies on checked against their archived texts, and how?
 * status: "verified" only when every one is. by: "archive" when this build checked
 * them against the archived articles, "lock" when the committed record of earlier
 * checks (data/quotes.lock.json) vouches for them, null when neither did. date: the
 * latest day any of them was verified (null when none was). unverified: how many
 * distinct quotes are not verified.
 */
export const Verification = z.strictObject({
  status: z.enum(["verified", "unverified"]),
  by: z.nullable(z.enum(["archive", "lock"])),
  date: z.nullable(z.string()),
  unverified: z.int().check(z.nonnegative()),
});
export type Verification = z.infer<typeof Verification>;

/** When a quote was verified against its archived text, and that archive's SHA-256; null when it is not verified. */
export const QuoteCheck = z.nullable(z.strictObject({ date: z.string(), sha256: z.string() }));
export type QuoteCheck = z.infer<typeof QuoteCheck>;

/** A citation as the datasets carry it: the source, the quote, and whether it was verified. */
export const DatasetCitation = z.extend(Citation, { verified: QuoteCheck });
export type DatasetCitation = z.infer<typeof DatasetCitation>;

/** What a graphic needs to draw and label a number; the full record is in figures.json. */
export const FigureRef = z.strictObject({
  id: Id,
  value: z.nullable(z.number()),
  qualifier: Qualifier,
  unit: z.string(),
  basis: Basis,
  /** What is counted, as the ledger words it ("Russians who tried to cross the US–Mexico border"). */
  counts: z.string(),
  /** Human period label, e.g. "January 2022". */
  period: z.string(),
  /** The figure's caveat for readers, shown wherever it is drawn; null when it has none. */
  caveat: z.nullable(z.string()),
  /** The caveat's marker within this dataset ("*", "†"…; see meta.caveats); null when no caveat. */
  marker: z.nullable(z.string()),
});
export type FigureRef = z.infer<typeof FigureRef>;

/**
 * One caveat of a graphic or a story step, with its marker: a figure's caveat (the
 * figures it is on, in drawing order), a step's own caveat, or on the map a point we
 * placed ("Point placed by us: …"; figures empty, the place record has the marker).
 * Markers run "*", "†", "‡", "§", "‖", "¶", then "7", "8"….
 */
export const CaveatNote = z.strictObject({ marker: z.string(), text: z.string(), figures: z.array(Id) });
export type CaveatNote = z.infer<typeof CaveatNote>;

export const SourceRef = z.strictObject({
  id: Id,
  headline: z.string(),
  outlet: z.nullable(z.string()),
  published: z.string(),
  /** SHA-256 of the archived text the quotes were verified against. */
  sha256: z.string(),
});
export type SourceRef = z.infer<typeof SourceRef>;

const GraphicName = z.enum(["exit-routes", "border-stops", "forces", "week-breakdown"]);

/** A correction as readers see it with a graphic or a story step. */
export const CorrectionNote = z.strictObject({
  id: Id,
  /** When the correction was made (YYYY-MM-DD). */
  date: z.string(),
  /** What changed, for readers. */
  change: z.string(),
  /** Why. */
  reason: z.string(),
});
export type CorrectionNote = z.infer<typeof CorrectionNote>;

/** A correction in full (figures.json): what it names and what it affects. */
export const CorrectionRecord = z.extend(CorrectionNote, {
  /** Figure ids it changes. */
  figures: z.array(Id),
  /** Text keys (or key prefixes) it changes: `places/russia/name`, `story/alaska`. */
  texts: z.array(z.string()),
  /** Graphics that draw what it changes. */
  graphics: z.array(GraphicName),
  /** Story steps whose text, notes or figures it changes. */
  steps: z.array(Id),
});
export type CorrectionRecord = z.infer<typeof CorrectionRecord>;

const GraphicMeta = z.strictObject({
  title: z.string(),
  subtitle: z.string(),
  sources: z.array(SourceRef).check(z.minLength(1)),
  verification: Verification,
  /** The corrections that affect this graphic, in the log's order: readers see them with it. */
  corrections: z.array(CorrectionNote),
  /** Every caveat of what the graphic draws, in drawing order, with the marker to show it by. */
  caveats: z.array(CaveatNote),
});
export type GraphicMeta = z.infer<typeof GraphicMeta>;

const Header = { version: z.literal(DATASET_VERSION), meta: GraphicMeta };

export const PlaceRecord = z.strictObject({
  id: Id,
  name: z.string(),
  kind: z.string(),
  coordinates: z.tuple([z.number(), z.number()]),
  iso: z.nullable(z.string()),
  named: z.boolean(),
  pointBasis: z.nullable(z.string()),
  /** Why we put the point here when the article gives no exact location: show it as our placement. */
  placement: z.nullable(z.string()),
  /** The placement's marker in meta.caveats; null when the place has no placement. */
  marker: z.nullable(z.string()),
});
export type PlaceRecord = z.infer<typeof PlaceRecord>;

export const RouteRecord = z.strictObject({
  id: Id,
  label: z.string(),
  period: Id,
  layer: z.enum(["flow", "flights"]),
  modes: z.array(Mode).check(z.minLength(1)),
  /** Place ids along the route: origin, stops, destination. */
  path: z.array(Id).check(z.minLength(2)),
  legs: z.array(z.strictObject({ from: Id, to: Id, mode: Mode })).check(z.minLength(1)),
  figure: z.nullable(FigureRef),
  related: z.array(Id),
  citations: z.array(DatasetCitation),
  notes: z.array(z.string()),
});
export type RouteRecord = z.infer<typeof RouteRecord>;

export const StanceRecord = z.strictObject({
  place: Id,
  name: z.string(),
  iso: z.nullable(z.string()),
  position: z.enum(["refuse", "welcome"]),
  who: z.string(),
  citations: z.array(DatasetCitation),
  notes: z.array(z.string()),
});
export type StanceRecord = z.infer<typeof StanceRecord>;

export const ExitRoutesDataset = z.strictObject({
  ...Header,
  periods: z
    .array(z.strictObject({ id: Id, label: z.string(), period: z.string(), date: z.string(), event: z.string() }))
    .check(z.minLength(1)),
  cameras: z.array(Camera).check(z.minLength(1)),
  places: z.array(PlaceRecord),
  routes: z.array(RouteRecord),
  stances: z.array(StanceRecord),
  total: z.nullable(FigureRef),
});
export type ExitRoutesDataset = z.infer<typeof ExitRoutesDataset>;

export const BorderStopsDataset = z.strictObject({
  ...Header,
  subject: z.string(),
  axisLabel: z.string(),
  bars: z
    .array(
      z.strictObject({
        figure: FigureRef,
        /** The per-month rate drawn as the bar: a derived figure, or the figure itself when it covers one month. */
        perMonth: FigureRef,
        /** Length of the period in months. */
        months: z.int().check(z.positive()),
        periodStart: z.string(),
      }),
    )
    .check(z.minLength(1)),
  annotations: z.array(z.strictObject({ figure: Id, text: z.string(), citation: DatasetCitation })),
});
export type BorderStopsDataset = z.infer<typeof BorderStopsDataset>;

export const ForceRatio = z.strictObject({
  value: z.number(),
  qualifier: Qualifier,
  /** "derived" when computed by us from the two figures, "reported" when the article states it. */
  basis: z.enum(["derived", "reported"]),
  /** How it was computed or which figure states it. */
  explanation: z.string(),
  /** The figure record that opens for it: the pipeline's derived ratio figure, or the article's stated ratio. */
  figure: z.nullable(Id),
});
export type ForceRatio = z.infer<typeof ForceRatio>;

export const ForcesDataset = z.strictObject({
  ...Header,
  sides: z.tuple([z.string(), z.string()]),
  groups: z.array(
    z.strictObject({
      id: Id,
      label: z.string(),
      categories: z.array(
        z.strictObject({
          id: Id,
          label: z.string(),
          unit: z.string(),
          a: FigureRef,
          b: FigureRef,
          /** Why a side's value is missing, when it is. */
          missing: z.nullable(z.string()),
          ratio: z.nullable(ForceRatio),
          /**
           * False when the ledger says the two figures do not count the same thing
           * (compare: false): no ratio of ours; show both wordings (a.counts, b.counts).
           */
          comparable: z.boolean(),
          /** The row's caveat: the category's own, else its two figures' (as a.caveat and b.caveat). */
          caveat: z.nullable(z.string()),
        }),
      ),
    }),
  ),
});
export type ForcesDataset = z.infer<typeof ForcesDataset>;

export const WeekBreakdownDataset = z.strictObject({
  ...Header,
  parts: z.array(z.strictObject({ figure: FigureRef, place: z.string() })).check(z.minLength(1)),
  total: FigureRef,
});
export type WeekBreakdownDataset = z.infer<typeof WeekBreakdownDataset>;

export const FigureRecord = z.strictObject({
  id: Id,
  value: z.nullable(z.number()),
  printed: z.nullable(z.string()),
  unit: z.string(),
  counts: z.string(),
  place: z.nullable(z.string()),
  period: z.string(),
  periodText: z.string(),
  qualifier: Qualifier,
  basis: Basis,
  citations: z.array(DatasetCitation),
  derivation: z.nullable(z.strictObject({ formula: z.string(), inputs: z.array(Id), explanation: z.string() })),
  missing: z.nullable(z.string()),
  notes: z.array(z.string()),
  related: z.array(Id),
  /** Its own quotes: verified (all of them), unverified, or derived (computed by the pipeline). */
  verification: z.enum(["verified", "unverified", "derived"]),
  /** Ids of the corrections that name this figure (for a ratio the pipeline computes, its inputs). */
  corrections: z.array(Id),
  /** Its caveat for readers, shown wherever it is drawn. */
  caveat: z.nullable(z.string()),
  /** What it counts, as a comparison key: two figures count the same thing only when equal. */
  measure: z.nullable(z.string()),
  /** Other readings of the same printed number. */
  readings: z.array(Id),
  /** Other figures stating the same quantity differently. */
  conflicts: z.array(Id),
});
export type FigureRecord = z.infer<typeof FigureRecord>;

export const SourceRecord = z.extend(SourceRef, {
  dateBasis: z.string(),
  cites: z.array(z.string()),
  file: z.string(),
});
export type SourceRecord = z.infer<typeof SourceRecord>;

export const FiguresDataset = z.strictObject({
  version: z.literal(DATASET_VERSION),
  verification: Verification,
  figures: z.array(FigureRecord),
  sources: z.array(SourceRecord),
  events: z.array(z.strictObject({ id: Id, date: z.string(), label: z.string(), citations: z.array(DatasetCitation) })),
  /** The corrections log, in the ledger's order. */
  corrections: z.array(CorrectionRecord),
});
export type FiguresDataset = z.infer<typeof FiguresDataset>;

export const StoryDataset = z.strictObject({
  version: z.literal(DATASET_VERSION),
  title: z.string(),
  steps: z.array(
    z.strictObject({
      id: Id,
      title: z.string(),
      text: z.string(),
      quote: z.nullable(DatasetCitation),
      graphic: GraphicName,
      state: z.string(),
      notes: z.string(),
      /** The corrections that affect this step. */
      corrections: z.array(CorrectionNote),
      /** The articles behind the step: its own sources, its figures', its quote's, in that order. */
      sources: z.array(SourceRef),
      /** The caveats of the figures its text uses, then its own. */
      caveats: z.array(CaveatNote),
    }),
  ),
});
export type StoryDataset = z.infer<typeof StoryDataset>;

export const Manifest = z.strictObject({
  version: z.literal(DATASET_VERSION),
  verification: Verification,
  files: z.array(z.strictObject({ name: z.string(), bytes: z.int().check(z.nonnegative()), sha256: z.string() })),
});
export type Manifest = z.infer<typeof Manifest>;

/** Dataset file name → schema: the one table the pipeline writes from and the app fetches with. */
export const DATASETS = {
  "exit-routes": ExitRoutesDataset,
  "border-stops": BorderStopsDataset,
  forces: ForcesDataset,
  "week-breakdown": WeekBreakdownDataset,
  figures: FiguresDataset,
  story: StoryDataset,
} as const;
export type DatasetName = keyof typeof DATASETS;
export type DatasetOf<N extends DatasetName> = z.infer<(typeof DATASETS)[N]>;
