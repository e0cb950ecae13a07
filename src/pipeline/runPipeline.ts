/** load → validate → cross-check → verify → derive → write. Each stage reports every problem it finds. */
import { checkLedger, collectCitations, verifyQuotes } from "./checkLedger.ts";
import { coverageReport, type CoverageRow } from "./coverage.ts";
import { deriveDatasets } from "./deriveDatasets.ts";
import { LedgerError } from "./LedgerError.ts";
import { loadLedger } from "./loadLedger.ts";
import { serialise, writeAtomically } from "./writeDatasets.ts";

export interface PipelineOptions {
  /** Folder with the ledger YAML. */
  dataDir: string;
  /** Folder the datasets are written to (replaced whole). */
  outDir: string;
  /** Folder of archived article texts; without it quotes are not verified. */
  sourcesDir?: string | undefined;
  /** Verify only; write nothing. */
  check?: boolean;
  /** Produce the coverage report for these source ids or file names (empty: all). */
  coverage?: readonly string[] | undefined;
}

export interface PipelineResult {
  verified: boolean;
  figures: number;
  quotes: number;
  files: string[];
  coverage: CoverageRow[] | null;
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { ledger, files } = await loadLedger(options.dataDir);

  const problems = checkLedger(ledger, files);
  let texts = new Map<string, string>();
  if (options.sourcesDir) {
    const verified = await verifyQuotes(ledger, files, options.sourcesDir);
    problems.push(...verified.problems);
    texts = verified.texts;
  }
  if (problems.length > 0) throw new LedgerError(problems);

  const verified = Boolean(options.sourcesDir);
  const datasets = deriveDatasets(ledger, verified ? "verified" : "unverified");
  const out = serialise(datasets, verified ? "verified" : "unverified");
  if (!options.check && !options.coverage) await writeAtomically(options.outDir, out);

  return {
    verified,
    figures: ledger.figures.length,
    quotes: collectCitations(ledger).length,
    files: [...out.keys()],
    coverage: options.coverage ? coverageReport(ledger, texts, options.coverage) : null,
  };
}
