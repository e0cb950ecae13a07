import type { GraphicMeta } from "../schema/datasets.ts";

const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
export const formatDate = (iso: string): string => dateFmt.format(new Date(`${iso}T00:00:00Z`));

/** "Source: “Headline” (outlet not named, 27 Feb 2022); …" */
export function sourceLine(meta: GraphicMeta): string {
  const parts = meta.sources.map((s) => `“${s.headline}” (${s.outlet ?? "outlet not named"}, ${formatDate(s.published)})`);
  return `${parts.length > 1 ? "Sources" : "Source"}: ${parts.join("; ")}.`;
}
