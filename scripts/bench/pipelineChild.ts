/**
 * One pipeline run in its own process, for the bench's pipeline-scaling figures:
 *   tsx scripts/bench/pipelineChild.ts DATA_DIR OUT_DIR [SOURCES_DIR]
 * Prints one JSON line: the in-process time of runPipeline (load → write), the figure
 * count, and this process's peak resident memory (process.resourceUsage().maxRSS).
 */
import { runPipeline } from "../../src/pipeline/runPipeline.ts";

const [dataDir, outDir, sourcesDir] = process.argv.slice(2);
if (!dataDir || !outDir) {
  console.error("usage: tsx scripts/bench/pipelineChild.ts DATA_DIR OUT_DIR [SOURCES_DIR]");
  process.exit(2);
}
const started = performance.now();
const result = await runPipeline({ dataDir, outDir, sourcesDir: sourcesDir || undefined });
const ms = performance.now() - started;
console.log(
  JSON.stringify({ ms, figures: result.figures, verified: result.verified, maxRssKiB: process.resourceUsage().maxRSS }),
);
