/**
 * The schema pieces shared by the ledger (./ledger.ts, pipeline only) and the
 * datasets (./datasets.ts, pipeline and app): ids, qualifiers, bases, modes,
 * citations, cameras.
 *
 * Written with `zod/mini`, Zod 4's tree-shakable functional API, so a page bundles
 * only the parts of Zod it uses (the classic API cannot be tree-shaken: it cost
 * every page about 25 KiB of gzip JavaScript). Classic and mini schemas share
 * `zod/v4/core`, so ledger.ts composes these with its classic schemas; the parsed
 * values, the issues and the inferred types are the same as with the classic API.
 */
import { z } from "zod/mini";
import en from "zod/v4/locales/en.js";

// Classic Zod installs the English messages when its first schema is built; mini does
// not, so an app page that loads only mini would say "Invalid input" where the
// pipeline says "Invalid input: expected number, received string". Same messages
// everywhere; an explicitly chosen locale is kept.
if (!z.config().localeError) z.config(en());

/** Lower-case identifiers: `georgia-week`, `ru-tanks`. */
export const Id = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens, e.g. georgia-week"));

/** How the printed number relates to the true value. */
export const Qualifier = z.enum(["exact", "about", "at-least", "more-than", "up-to"]);
export type Qualifier = z.infer<typeof Qualifier>;

/** reported: the article states it; derived: we computed it; context: background, not drawn as data. */
export const Basis = z.enum(["reported", "derived", "context"]);
export type Basis = z.infer<typeof Basis>;

export const Mode = z.enum(["road", "sea", "air", "foot", "unstated"]);
export type Mode = z.infer<typeof Mode>;

export const Citation = z.strictObject({
  /** Source id from sources.yaml. */
  source: Id,
  /** Short verbatim excerpt of the archived text (whitespace and typographic quotes normalised). */
  quote: z
    .string()
    .check(
      z.minLength(8, "is too short to be a useful citation"),
      z.maxLength(400, "is longer than a short quote (400 characters)"),
    ),
});
export type Citation = z.infer<typeof Citation>;

/** [[west, south], [east, north]]; west may exceed east across the 180° meridian. */
const LonLatBounds = z.tuple([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number()])]);

/** A small fixed map beside the main one, for places too far from the others to share its scale. */
export const Inset = z.strictObject({
  /** Its heading: what the panel shows, in the sources' words (not a place they do not name). */
  label: z.string().check(z.minLength(1)),
  bounds: LonLatBounds,
});

export const Camera = z.strictObject({
  id: Id,
  label: z.string().check(z.minLength(1)),
  bounds: LonLatBounds,
  /**
   * How the view is drawn on a narrow map (mapCamera.ts, INSETS_BELOW): the main map
   * shows `bounds` instead, and the insets are drawn under it, as newspapers draw a
   * story whose places are too far apart for one map at a phone's width.
   */
  narrow: z.optional(z.strictObject({ bounds: LonLatBounds, insets: z.array(Inset).check(z.minLength(1)) })),
});
export type Camera = z.infer<typeof Camera>;
