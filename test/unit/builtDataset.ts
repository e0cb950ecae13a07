/**
 * A dataset as the pipeline last wrote it to public/data, parsed with its schema, for
 * tests that check the charts against the real data; null when `npm run data` has not
 * run (those tests are then skipped).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DATASETS, type DatasetName, type DatasetOf } from "../../src/schema/datasets.ts";

export function builtDataset<N extends DatasetName>(name: N): DatasetOf<N> | null {
  const path = resolve(import.meta.dirname, `../../public/data/${name}.json`);
  return existsSync(path) ? (DATASETS[name].parse(JSON.parse(readFileSync(path, "utf8"))) as DatasetOf<N>) : null;
}
