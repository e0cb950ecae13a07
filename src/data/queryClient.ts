import { QueryClient } from "@tanstack/react-query";
import { DATASETS, type DatasetName } from "../schema/datasets.ts";
import { datasetQuery } from "./datasetQuery.ts";
import { readPageData, type PageData } from "./pageData.ts";

/**
 * The query client of a page in the browser, holding the datasets its HTML carries, so
 * the first render draws what the prerenderer drew and nothing is fetched twice.
 *
 * `hydratable` is false when the page's data block is missing, or a dataset in it fails
 * its schema (a proxy that rewrote the page, a hand-edited file): the app cannot redraw
 * the prerendered markup from it, so it draws afresh, fetching what it lacks, and a
 * dataset that fails then breaks only its own panel.
 */
export function pageQueryClient(): { client: QueryClient; hydratable: boolean } {
  const client = new QueryClient();
  const data = readPageData();
  const names = Object.keys(data);
  const seeded = seedQueryClient(client, data);
  return { client, hydratable: names.length > 0 && seeded.length === names.length };
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
