/**
 * The figure ledger: the hand-curated YAML in `data/`, the only place a number is typed.
 * The pipeline validates every file against these schemas; the app imports the same
 * module (through ./datasets.ts) so a record's type is written exactly once. The pieces
 * the datasets share (ids, qualifiers, citations…) live in ./primitives.ts.
 */
import { z } from "zod";
import { parsePeriod } from "./period.ts";
import { Basis, Camera, Citation, Id, Mode, Qualifier } from "./primitives.ts";

// Defined with the datasets' schemas (zod/mini, light enough for the app's pages).
export { Basis, Camera, Citation, Id, Mode, Qualifier };

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex digits");

export const IsoDate = z.string().refine((s) => {
  const p = parsePeriod(s);
  return typeof p !== "string" && p.granularity === "day";
}, "must be a date that exists, written YYYY-MM-DD");

export const PeriodText = z.string().superRefine((s, ctx) => {
  const p = parsePeriod(s);
  if (typeof p === "string") ctx.addIssue({ code: "custom", message: `invalid period: ${p}` });
});

export const Source = z.strictObject({
  id: Id,
  headline: z.string().min(1),
  published: IsoDate,
  /** How the publication date is known (the archive rarely carries a dateline). */
  dateBasis: z.string().min(1),
  /** The outlet, or null when the text does not name one. */
  outlet: z.string().min(1).nullable(),
  /** Outlets or agencies the article itself cites. */
  cites: z.array(z.string().min(1)).default([]),
  /** File name in the archived-texts folder. */
  file: z.string().regex(/^[\w.-]+\.txt$/, "must be a .txt file name"),
  sha256: Sha256,
});
export type Source = z.infer<typeof Source>;

export const Derivation = z.strictObject({
  /** sum: inputs added (same unit); ratio: first ÷ second; per-month: first ÷ its period's months. */
  formula: z.enum(["sum", "ratio", "per-month"]),
  inputs: z.array(Id).min(1),
  /** Decimal places the derived value is rounded to. Default 0. */
  decimals: z.number().int().min(0).max(6).default(0),
  /** A cross-check against a reported figure: the derived value must equal, or stay within, it. */
  compare: z.strictObject({ relation: z.enum(["equals", "at-most", "at-least"]), figure: Id }).optional(),
});
export type Derivation = z.infer<typeof Derivation>;

export const Figure = z
  .strictObject({
    id: Id,
    /** The value; null when the articles give none (then `missing` says why). */
    value: z.number().nullable(),
    /** The number exactly as printed in the quote ("13,367", "six", "four million"). */
    printed: z.string().min(1).optional(),
    unit: z.string().min(1),
    /** What is counted, in a phrase a reader understands. */
    counts: z.string().min(1),
    place: z.nullable(Id),
    period: PeriodText,
    qualifier: Qualifier,
    basis: Basis,
    citations: z.array(Citation).default([]),
    derivation: Derivation.optional(),
    /** Why the value is missing. Required when value is null. */
    missing: z.string().min(1).optional(),
    /** Ambiguities, conflicts, caveats, in plain English. */
    notes: z.array(z.string().min(1)).default([]),
    /** Other figures a reader should see next to this one: a loose "see also". */
    related: z.array(Id).default([]),
    /**
     * A short caveat for readers, shown wherever the figure is drawn (not only in its
     * record). Required when the figure lists `readings` or `conflicts`.
     */
    caveat: z.string().min(1).max(240, "is longer than a short caveat (240 characters)").optional(),
    /** Other figures that are another reading of the same printed number. Symmetric. */
    readings: z.array(Id).default([]),
    /** Other figures that state the same quantity differently. Symmetric. */
    conflicts: z.array(Id).default([]),
    /**
     * What is counted, as a comparison key ("helicopters", "attack helicopters"). Two
     * figures count the same thing only when their measures are equal: a ratio needs it.
     */
    measure: z.string().min(1).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.value === null && !f.missing) {
      ctx.addIssue({
        code: "custom",
        path: ["missing"],
        message: "is required when value is null: say why the number is missing",
      });
    }
    if (f.value !== null && f.missing) {
      ctx.addIssue({ code: "custom", path: ["missing"], message: "must be absent when the figure has a value" });
    }
    if (f.value !== null && !Number.isFinite(f.value)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "must be a finite number" });
    }
    if (f.basis === "derived") {
      if (!f.derivation)
        ctx.addIssue({ code: "custom", path: ["derivation"], message: "is required when basis is derived" });
    } else {
      if (f.derivation)
        ctx.addIssue({ code: "custom", path: ["derivation"], message: "is only allowed when basis is derived" });
      if (f.value !== null && f.citations.length === 0)
        ctx.addIssue({
          code: "custom",
          path: ["citations"],
          message: "needs at least one quote for a reported or context figure",
        });
      if (f.value !== null && !f.printed)
        ctx.addIssue({ code: "custom", path: ["printed"], message: "is required: the number as printed in the quote" });
    }
  });
export type Figure = z.infer<typeof Figure>;

export const PlaceKind = z.enum(["country", "region", "city", "crossing", "coast", "island", "water"]);

export const Place = z.strictObject({
  id: Id,
  name: z.string().min(1),
  kind: PlaceKind,
  /** [longitude, latitude] in degrees, WGS 84. The point drawn for the place. */
  coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  /** ISO 3166-1 numeric code, for countries: joins the place to the basemap polygon. */
  iso: z
    .string()
    .regex(/^\d{3}$/, "must be the 3-digit ISO 3166-1 numeric code")
    .optional(),
  /** True when an article names the place; false when we added it as context. */
  named: z.boolean(),
  /** How the point was chosen (a capital as a stand-in for a country, an inferred landing site). */
  pointBasis: z.string().min(1).optional(),
  /**
   * Why we put the point here when the article gives no exact location: shown to
   * readers as our placement. Required when `named` is false.
   */
  placement: z.string().min(1).optional(),
  /** Other spellings of the name as the quotes print it ("US-Mexico border"). */
  aliases: z.array(z.string().min(1)).default([]),
  citations: z.array(Citation).default([]),
});
export type Place = z.infer<typeof Place>;

export const Leg = z.strictObject({ from: Id, to: Id, mode: Mode });

export const Route = z.strictObject({
  id: Id,
  label: z.string().min(1),
  /** Which story period the route belongs to; ids from graphics.yaml periods. */
  period: Id,
  /** "flow": people travelling; "flights": sold-out flight destinations (a distinct layer). */
  layer: z.enum(["flow", "flights"]),
  legs: z.array(Leg).min(1),
  /** The figure whose value sets the line width; null draws the route as unquantified. */
  figure: z.nullable(Id),
  /** Further figures shown with the route. */
  related: z.array(Id).default([]),
  /** Quotes saying the route was taken (needed above all when there is no figure). */
  citations: z.array(Citation).min(1, "needs at least one quote showing the route was taken"),
  notes: z.array(z.string().min(1)).default([]),
});
export type Route = z.infer<typeof Route>;

export const Stance = z.strictObject({
  place: Id,
  position: z.enum(["refuse", "welcome"]),
  /** Who said it, as the article reports. */
  who: z.string().min(1),
  citations: z.array(Citation).min(1),
  notes: z.array(z.string().min(1)).default([]),
});
export type Stance = z.infer<typeof Stance>;

export const Event = z.strictObject({
  id: Id,
  date: IsoDate,
  label: z.string().min(1),
  /** How the date is known when the quote gives it relative to publication ("last week"). */
  dateBasis: z.string().min(1).optional(),
  citations: z.array(Citation).min(1),
});
export type Event = z.infer<typeof Event>;

export const StoryPeriod = z.strictObject({
  id: Id,
  label: z.string().min(1),
  period: PeriodText,
  /** The event that opens the period. */
  event: Id,
});

export const Annotation = z.strictObject({
  /** The bar (figure id) the note points at. */
  figure: Id,
  text: z.string().min(1),
  citation: Citation,
});

export const ForceCategory = z.strictObject({
  id: Id,
  label: z.string().min(1),
  a: Id,
  b: Id,
  /**
   * A ratio the article states: shown when no ratio is computed (a side is missing,
   * or compare is false), whatever the two figures' measures, since the article says it.
   */
  statedRatio: z.optional(Id),
  /**
   * Whether the pipeline computes a's ÷ b's ratio (default true). It does only when the
   * two figures' `measure`s are equal; false shows them side by side with no ratio.
   */
  compare: z.boolean().default(true),
  /** Shown on the chart when the two sides may not count the same thing. */
  caveat: z.string().min(1).optional(),
});

export const GraphicText = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string().min(1),
  /** Sources credited in the source line (ids). */
  sources: z.array(Id).min(1),
});

export const Graphics = z.strictObject({
  exitRoutes: GraphicText.extend({
    periods: z.array(StoryPeriod).min(1),
    cameras: z.array(Camera).min(1),
    /** The total the routes are part of, shown with the legend. */
    total: z.optional(Id),
  }),
  borderStops: GraphicText.extend({
    /** The bars, in order: a count and, when its period is longer than a month, its derived per-month rate. */
    bars: z.array(z.strictObject({ figure: Id, perMonth: z.optional(Id) })).min(1),
    /** Who is counted, for readings such as "9,376 Russians stopped". */
    subject: z.string().min(1),
    /** The value axis title. */
    axisLabel: z.string().min(1),
    annotations: z.array(Annotation).default([]),
  }),
  forces: GraphicText.extend({
    sides: z.tuple([z.string().min(1), z.string().min(1)]),
    groups: z
      .array(z.strictObject({ id: Id, label: z.string().min(1), categories: z.array(ForceCategory).min(1) }))
      .min(1),
  }),
  weekBreakdown: GraphicText.extend({
    parts: z.array(Id).min(1),
    total: Id,
  }),
});
export type Graphics = z.infer<typeof Graphics>;

export const GraphicId = z.enum(["exit-routes", "border-stops", "forces", "week-breakdown"]);
export type GraphicId = z.infer<typeof GraphicId>;

export const StoryStep = z.strictObject({
  id: Id,
  title: z.string().min(1),
  /** Our words. Quotes belong in `quote`, with their source. */
  text: z.string().min(1),
  quote: z.optional(Citation),
  graphic: GraphicId,
  /** The graphic's state for this step: a query string as the explorer writes it. */
  state: z.string().default(""),
  /** Speaker notes for the presenter view. */
  notes: z.string().default(""),
  /** Sources of claims the prose makes without a {figure-id} or a quote (source ids). */
  sources: z.array(Id).default([]),
  /** Caveats for the audience that belong to the step rather than to one figure. */
  caveats: z.array(z.string().min(1).max(240, "is longer than a short caveat (240 characters)")).default([]),
});
export type StoryStep = z.infer<typeof StoryStep>;

/**
 * One entry of the corrections log (data/corrections.yaml): what changed for readers
 * since a publication, and why. Readers see it with every graphic and step it affects.
 */
export const Correction = z
  .strictObject({
    id: Id,
    /** When the correction was made. */
    date: IsoDate,
    /** What changed, in words for readers. */
    change: z.string().min(1),
    /** Why it changed. */
    reason: z.string().min(1),
    /** Figure ids whose published fields it changes (a removed figure may be named). */
    figures: z.array(Id).default([]),
    /** Text keys, or key prefixes ending at a slash boundary (`story/alaska`), it changes. */
    texts: z.array(z.string().min(1)).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.figures.length === 0 && c.texts.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["figures"],
        message: "a correction must name what it changes: give figures or texts (or both)",
      });
  });
export type Correction = z.infer<typeof Correction>;

/** Figures deliberately left out of the ledger, per source, for the coverage report. */
export const Ignored = z.strictObject({
  source: Id,
  printed: z.string().min(1),
  why: z.string().min(1),
});

/** One schema per ledger file. */
export const LedgerFiles = {
  "sources.yaml": z.strictObject({ sources: z.array(Source).min(1) }),
  "figures.yaml": z.strictObject({ figures: z.array(Figure).min(1), ignored: z.array(Ignored).default([]) }),
  "places.yaml": z.strictObject({ places: z.array(Place).min(1), stances: z.array(Stance).default([]) }),
  "routes.yaml": z.strictObject({ routes: z.array(Route).min(1), events: z.array(Event).default([]) }),
  "graphics.yaml": z.strictObject({ graphics: Graphics }),
  "story.yaml": z.strictObject({ title: z.string().min(1), steps: z.array(StoryStep).min(1) }),
  "corrections.yaml": z.strictObject({ corrections: z.array(Correction).default([]) }),
} as const;
export type LedgerFileName = keyof typeof LedgerFiles;
export const LEDGER_FILE_NAMES = Object.keys(LedgerFiles) as LedgerFileName[];

export interface Ledger {
  sources: Source[];
  figures: Figure[];
  ignored: z.infer<typeof Ignored>[];
  places: Place[];
  stances: Stance[];
  routes: Route[];
  events: Event[];
  graphics: Graphics;
  story: { title: string; steps: StoryStep[] };
  corrections: Correction[];
}

/**
 * Units that measure rather than count, so a fractional value is legitimate.
 * Any other unit is a count: a whole, non-negative number.
 */
export const MEASURE_UNITS: readonly string[] = ["ratio", "percent", "km", "miles", "years", "years in prison"];
export const isCountUnit = (unit: string): boolean => !MEASURE_UNITS.includes(unit) && !unit.includes(" per ");
