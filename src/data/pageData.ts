/**
 * The datasets a prerendered page was drawn from travel in the page itself, in a
 * non-executing JSON block (<script type="application/json">, which the Content
 * Security Policy allows: it is never run). The app seeds TanStack Query from it before
 * it hydrates, so it draws the same markup and downloads none of them again.
 */
import type { QueryClient } from "@tanstack/react-query";
import { DATASETS, type DatasetName } from "../schema/datasets.ts";
import { datasetQuery } from "./datasetQuery.ts";

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

/** Puts each dataset of a page's data into the query cache, parsed with its schema; returns the names seeded. */
export function seedQueryClient(client: QueryClient, data: PageData): DatasetName[] {
  const seeded: DatasetName[] = [];
  for (const [name, value] of Object.entries(data) as [DatasetName, unknown][]) {
    const schema = DATASETS[name];
    if (!schema) continue;
    const parsed = schema.safeParse(value);
    // A block that fails its schema is left out: the panel then fetches the file and
    // reports what is wrong with it, as for any other broken dataset.
    if (parsed.success) {
      client.setQueryData(datasetQuery(name).queryKey, parsed.data as never);
      seeded.push(name);
    }
  }
  return seeded;
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
