import { QueryClient } from "@tanstack/react-query";
import { readPageData, seedQueryClient } from "./pageData.ts";

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
