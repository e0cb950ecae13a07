import { QueryClient } from "@tanstack/react-query";
import { readPageData, seedQueryClient } from "./pageData.ts";

/**
 * The query client of a page in the browser, holding the datasets its HTML carries (so
 * the first render draws what the prerenderer drew, and nothing is fetched twice).
 */
export function pageQueryClient(): QueryClient {
  const client = new QueryClient();
  seedQueryClient(client, readPageData());
  return client;
}
