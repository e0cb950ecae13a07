/**
 * queryOptions factories: the key and fetcher for each dataset, defined once and
 * reused by hooks, prefetching and tests. Every response is parsed with the same
 * schema the pipeline wrote it with, so a stale or broken file fails in its panel.
 */
import { queryOptions } from "@tanstack/react-query";
import { DATASETS, type DatasetName, type DatasetOf } from "../schema/datasets.ts";

export class DatasetError extends Error {
  constructor(
    readonly dataset: DatasetName,
    message: string,
    /** Worth retrying (network or server trouble); a wrong file will not fix itself. */
    readonly retryable = false,
  ) {
    super(message);
    this.name = "DatasetError";
  }
}

/** Where the pipeline's output is served from (public/data in dev and build). */
export const datasetUrl = (name: string, ext: "json" | "csv" = "json"): string => `${import.meta.env.BASE_URL}data/${name}.${ext}`;

export async function fetchDataset<N extends DatasetName>(name: N, signal?: AbortSignal): Promise<DatasetOf<N>> {
  let response: Response;
  try {
    response = await fetch(datasetUrl(name), { signal: signal ?? null });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new DatasetError(name, `The ${name} data could not be downloaded (network error).`, true);
  }
  if (!response.ok) throw new DatasetError(name, `The ${name} data could not be loaded (HTTP ${response.status}).`, response.status >= 500 || response.status === 429);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new DatasetError(name, `The ${name} data is not valid JSON.`);
  }
  const parsed = DATASETS[name].safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new DatasetError(name, `The ${name} data does not match its schema (${first.path.join(".") || "root"}: ${first.message}).`);
  }
  return parsed.data as DatasetOf<N>;
}

export const datasetQuery = <N extends DatasetName>(name: N) =>
  queryOptions({
    queryKey: ["dataset", name] as const,
    queryFn: ({ signal }) => fetchDataset(name, signal),
    // Built at compile time by the pipeline: never stale within a page's life.
    staleTime: Infinity,
    // One automatic retry for network and server errors; none for a missing or malformed file.
    retry: (failures, error) => failures < 1 && error instanceof DatasetError && error.retryable,
  });
