import type { GraphicMeta, SourceRef } from "../schema/datasets.ts";

// British short months, as Intl.DateTimeFormat("en-GB") writes them; not Intl itself,
// whose first formatter costs a page several milliseconds of ICU start-up.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];

/** The latest of some ISO dates (they sort as text), skipping missing ones; null when there is none. */
export const latestDate = (dates: readonly (string | null | undefined)[]): string | null =>
  dates.filter((d): d is string => Boolean(d)).reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);

/** "2022-09-27" → "27 Sept 2022". */
export function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** An article as readers know it: "“Headline” (Newsmax, 23 Sept 2022)"; "Source" when unknown. */
export function sourceName(s: SourceRef | undefined): string {
  return s ? `“${s.headline}” (${s.outlet ?? "outlet not named"}, ${formatDate(s.published)})` : "Source";
}

/** "Source: “Headline” (outlet not named, 27 Feb 2022); …" */
export function sourceLine(meta: Pick<GraphicMeta, "sources">): string {
  const parts = meta.sources.map(sourceName);
  return `${parts.length > 1 ? "Sources" : "Source"}: ${parts.join("; ")}.`;
}
