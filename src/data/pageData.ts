/**
 * The datasets a prerendered page was drawn from travel in the page itself, in a
 * non-executing JSON block (<script type="application/json">, which the Content
 * Security Policy allows: it is never run). The app seeds TanStack Query from it before
 * it hydrates (queryClient.ts), so it draws the same markup and downloads none of them
 * again. Nothing here loads a schema or the query library: the map a page starts before
 * its app reads the block too (map/glStart.ts).
 */
import type { DatasetName } from "../schema/datasets.ts";

export const PAGE_DATA_ID = "exodus-data";

export type PageData = Partial<Record<DatasetName, unknown>>;

/**
 * The block's HTML. `<` is escaped so that no string in the data can close the script
 * element (a quote containing "</script>"), and U+2028/2029 for old JSON readers.
 */
export function pageDataScript(data: PageData): string {
  const json = JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `<script type="application/json" id="${PAGE_DATA_ID}">${json}</script>`;
}

/** The page's own data block, or nothing (a page without one, or one that is not JSON). */
export function readPageData(doc: Document = document): PageData {
  const text = doc.getElementById(PAGE_DATA_ID)?.textContent;
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as PageData) : {};
  } catch {
    return {};
  }
}
