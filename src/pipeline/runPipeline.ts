/** load → validate → cross-check → editorial rules → verify → derive → write. Each stage reports every problem it finds. */
import path from "node:path";
import { checkLedger, collectCitations, verifyQuotes } from "./checkLedger.ts";
import { coverageReport, type CoverageRow } from "./coverage.ts";
import { deriveDatasets } from "./deriveDatasets.ts";
import { LedgerError, type LedgerProblem } from "./LedgerError.ts";
import { loadJsonRecord, loadLedger } from "./loadLedger.ts";
import { Published, PUBLISHED_FILE, publicationRecord, serialisePublished } from "./publication.ts";
import { checkEditorialRules } from "./rules/editorialRules.ts";
import { serialise, writeAtomically, writeFileAtomically } from "./writeDatasets.ts";

export interface PipelineOptions {
  /** Folder with the ledger YAML (and the committed records published.json, quotes.lock.json). */
  dataDir: string;
  /** Folder the datasets are written to (replaced whole). */
  outDir: string;
  /** Folder of archived article texts; without it quotes are not verified. */
  sourcesDir?: string | undefined;
  /** Verify only; write nothing. */
  check?: boolean;
  /** Produce the coverage report for these source ids or file names (empty: all). */
  coverage?: readonly string[] | undefined;
  /**
   * When the run passes, rewrite <dataDir>/published.json from the ledger as it is now,
   * dated `today`, listing every correction as published. Needs `sourcesDir`.
   */
  publish?: boolean;
  /** Today's date (YYYY-MM-DD, UTC), stamped on a publication. The CLI reads the clock; tests pass a fixed day. */
  today?: string | undefined;
}

export interface PipelineResult {
  verified: boolean;
  figures: number;
  quotes: number;
  files: string[];
  coverage: CoverageRow[] | null;
  /** The publication the ledger was compared with (null: none recorded yet), and the corrections not in it yet. */
  publication: { date: string; pending: string[] } | null;
  /** The publication record this run wrote (with `publish`). */
  published: { file: string; date: string; corrections: number } | null;
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  if (options.publish && !options.sourcesDir)
    throw new Error("publishing needs the archived texts (sourcesDir): nothing unverified is published");
  if (options.publish && !options.today) throw new Error("publishing needs today's date (option today)");
  const { ledger, files } = await loadLedger(options.dataDir);
  const published = await loadJsonRecord(options.dataDir, PUBLISHED_FILE, Published);

  const problems: LedgerProblem[] = [...published.problems, ...checkLedger(ledger, files)];
  problems.push(
    ...checkEditorialRules(
      ledger,
      files,
      published.value && published.file ? { value: published.value, file: published.file } : null,
    ),
  );
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
  const writes = !options.check && !options.coverage;
  if (writes) await writeAtomically(options.outDir, out);

  let written: PipelineResult["published"] = null;
  if (options.publish && !options.coverage) {
    const file = path.join(options.dataDir, PUBLISHED_FILE);
    await writeFileAtomically(file, serialisePublished(publicationRecord(ledger, ledger.corrections, options.today!)));
    written = { file, date: options.today!, corrections: ledger.corrections.length };
  }

  const pub = published.value;
  return {
    verified,
    figures: ledger.figures.length,
    quotes: collectCitations(ledger).length,
    files: [...out.keys()],
    coverage: options.coverage ? coverageReport(ledger, texts, options.coverage) : null,
    publication: pub
      ? { date: pub.date, pending: ledger.corrections.filter((c) => !pub.corrections.includes(c.id)).map((c) => c.id) }
      : null,
    published: written,
  };
}
