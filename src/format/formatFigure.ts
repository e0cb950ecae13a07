/**
 * How a figure reads on screen: the qualifier stays with the number, so "more than
 * 194,000" is never shown as a bare 194,000. Shared by charts, map, provenance, CSV.
 */
import type { Qualifier } from "../schema/ledger.ts";

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: "",
  about: "about",
  "at-least": "at least",
  "more-than": "more than",
  "up-to": "up to",
};

/** Short prefixes for tight chart labels. */
const QUALIFIER_SYMBOLS: Record<Qualifier, string> = {
  exact: "",
  about: "~",
  "at-least": "≥",
  "more-than": ">",
  "up-to": "≤",
};

export const qualifierWords = (q: Qualifier): string => QUALIFIER_WORDS[q];
export const qualifierSymbol = (q: Qualifier): string => QUALIFIER_SYMBOLS[q];

/**
 * "13,367", "-4.6", "5": thousands grouped with commas, at most one decimal, as
 * `Intl.NumberFormat("en-GB", { maximumFractionDigits })` writes them (the tests hold
 * the two together). Not Intl itself: the first NumberFormat a page builds costs it
 * 15 to 50 ms of main thread while ICU loads its data, before any chart can draw.
 */
function grouped(value: number, fractionDigits: 0 | 1): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "∞" : "-∞";
  const [whole = "", fraction = ""] = Math.abs(value).toFixed(fractionDigits).split(".");
  const negative = value < 0 || Object.is(value, -0);
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const kept = fraction.replace(/0+$/, "");
  return `${negative ? "-" : ""}${digits}${kept ? `.${kept}` : ""}`;
}

/** "13,367", "4.6", "4 million". */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 1e6 && value % 1e5 === 0)
    return `${grouped(value / 1e6, 1)} million`;
  return grouped(value, Number.isInteger(value) ? 0 : 1);
}

/** "13,367": a count, rounded to a whole number. */
export const formatInteger = (value: number): string => grouped(value, 0);

export interface Formattable {
  value: number | null;
  qualifier: Qualifier;
  unit: string;
}

const UNIT_SUFFIX: Record<string, string> = { km: " km", miles: " miles", ratio: "×", "years in prison": " years" };

/** "more than 194,000", "about 64 km", "more than 6×"; "not reported" for a missing value. */
export function formatFigure(f: Formattable, options: { unit?: boolean; compact?: boolean } = {}): string {
  if (f.value === null) return "not reported";
  const unit = options.unit === false ? "" : (UNIT_SUFFIX[f.unit] ?? "");
  const number = formatNumber(f.value) + unit;
  const q = options.compact ? QUALIFIER_SYMBOLS[f.qualifier] : QUALIFIER_WORDS[f.qualifier];
  if (!q) return number;
  return options.compact ? `${q}${number}` : `${q} ${number}`;
}

/**
 * The number with its unit in words: "98,000 people", "2 people", "more than 9 miles",
 * "about 64 km", "up to 10 years", "74 warships". Units drawn as suffixes by formatFigure
 * (km, miles, ×, years) are not repeated.
 */
export function formatQuantity(f: Formattable): string {
  const number = formatFigure(f);
  if (f.value === null || f.unit in UNIT_SUFFIX) return number;
  if (f.unit === "people") return `${number} ${f.value === 1 ? "person" : "people"}`;
  return `${number} ${f.unit}`;
}

/**
 * A drawn number or name with the marker of its caveat, as footnotes mark what they
 * qualify: "98,000*". The caveat itself is printed under the graphic (src/ui/Notes.tsx).
 */
export const marked = (text: string, ref: { marker?: string | null }): string =>
  ref.marker ? `${text}${ref.marker}` : text;

/**
 * Code-point order, for sorting names and ISO dates. Not localeCompare, which starts
 * ICU's collator (see grouped()); ties between English place names need no more.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** "About 781": the first letter upper-case, for a phrase that starts a sentence or a line. */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "a, b and c": for the text alternatives. */
export const listJoin = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
