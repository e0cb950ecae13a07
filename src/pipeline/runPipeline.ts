/**
 * load → validate → cross-check → editorial rules → verify quotes (archives, or the
 * committed lock) → derive → write. Each stage reports every problem it finds.
 */
import path from "node:path";
import type { Verification } from "../schema/datasets.ts";
import { checkLedger, collectCitations, verifyQuotes } from "./checkLedger.ts";
import { coverageReport, type CoverageRow } from "./coverage.ts";
import { deriveContext } from "./derive/context.ts";
import { deriveDatasets } from "./deriveDatasets.ts";
import { LedgerError, type LedgerProblem } from "./LedgerError.ts";
import { loadJsonRecord, loadLedger } from "./loadLedger.ts";
import { Published, PUBLISHED_FILE, publicationRecord, serialisePublished } from "./publication.ts";
import {
  compareLock,
  datedLock,
  LOCK_FILE,
  lockFromArchives,
  lockVerifier,
  QuoteLock,
  serialiseLock,
  UNVERIFIED,
  UPDATE_LOCK,
  type QuoteVerifier,
} from "./quoteLock.ts";
import { checkEditorialRules } from "./rules/editorialRules.ts";
import { checkIgnored } from "./rules/ignored.ts";
import { serialise, writeAtomically, writeFileAtomically } from "./writeDatasets.ts";

export interface PipelineOptions {
  /** Folder with the ledger YAML (and the committed records published.json, quotes.lock.json). */
  dataDir: string;
  /** Folder the datasets are written to (replaced whole). */
  outDir: string;
  /** Folder of archived article texts; without it quotes are verified by the committed lock, if at all. */
  sourcesDir?: string | undefined;
  /** Verify only; write no datasets. */
  check?: boolean;
  /** Produce the coverage report for these source ids or file names (empty: all). */
  coverage?: readonly string[] | undefined;
  /**
   * Rewrite <dataDir>/quotes.lock.json from this run's verification instead of failing
   * when it is stale (needs `sourcesDir` and `today`). Unchanged entries keep their date.
   */
  updateLock?: boolean;
  /**
   * When the run passes, rewrite <dataDir>/published.json from the ledger as it is now,
   * dated `today`, listing every correction as published. Needs `sourcesDir`.
   */
  publish?: boolean;
  /** Today's date (YYYY-MM-DD, UTC), stamped on new lock entries and a publication. The CLI reads the clock; tests pass a fixed day. */
  today?: string | undefined;
}

export interface PipelineResult {
  /** Every quote verified (by the archives in this run, or by the committed lock). */
  verified: boolean;
  figures: number;
  quotes: number;
  /** How the quotes were verified: every quote in the ledger (distinct quotes). */
  verification: Verification;
  /** Quotes as the ledger cites them (each citation counted): how many are verified. */
  quoteChecks: { verified: number; unverified: number };
  /** The lock file: "current" (held to the archives and found current), "written", "used" (no archives: quotes checked through it), "missing". */
  lock: { file: string; state: "current" | "written" | "used" | "missing"; entries: number };
  files: string[];
  coverage: CoverageRow[] | null;
  /** The publication the ledger was compared with (null: none recorded yet), and the corrections not in it yet. */
  publication: { date: string; pending: string[] } | null;
  /** The publication record this run wrote (with `publish`). */
  published: { file: string; date: string; corrections: number } | null;
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  if ((options.publish || options.updateLock) && !options.sourcesDir)
    throw new Error(
      `${options.publish ? "publishing" : "updating the quote lock"} needs the archived texts (sourcesDir): ` +
        "nothing unverified is recorded as verified",
    );
  if ((options.publish || options.updateLock) && !options.today)
    throw new Error("publishing or updating the quote lock needs today's date (option today)");
  const { ledger, files } = await loadLedger(options.dataDir);
  const published = await loadJsonRecord(options.dataDir, PUBLISHED_FILE, Published);
  const lock = await loadJsonRecord(options.dataDir, LOCK_FILE, QuoteLock);
  const lockFile = path.join(options.dataDir, LOCK_FILE);

  const problems: LedgerProblem[] = [...published.problems, ...checkLedger(ledger, files)];
  // A lock about to be rewritten may be broken: that is what rewriting it is for.
  if (!options.updateLock) problems.push(...lock.problems);
  problems.push(
    ...checkEditorialRules(
      ledger,
      files,
      published.value && published.file ? { value: published.value, file: published.file } : null,
    ),
  );

  let texts = new Map<string, string>();
  let verifier: QuoteVerifier = UNVERIFIED;
  let lockState: PipelineResult["lock"]["state"] = lock.value ? "used" : "missing";
  let lockText: string | null = null;
  if (options.sourcesDir) {
    const verified = await verifyQuotes(ledger, files, options.sourcesDir);
    problems.push(...verified.problems, ...checkIgnored(ledger, files, verified.texts));
    texts = verified.texts;
    // With every quote found in its archive, hold the committed lock to what the archives say.
    if (verified.problems.length === 0) {
      const found = lockFromArchives(ledger, texts, lock.value);
      if (options.updateLock) {
        const next = datedLock(found, options.today!);
        lockText = serialiseLock(next);
        verifier = lockVerifier(ledger, next, "archive");
        lockState = "written";
      } else if (!lock.value || !lock.file || lock.text === null) {
        if (lock.problems.length === 0)
          problems.push({ file: LOCK_FILE, message: `does not exist in ${options.dataDir}: ${UPDATE_LOCK}` });
      } else {
        const stale = compareLock(found, { value: lock.value, file: lock.file, text: lock.text }, ledger, files);
        problems.push(...stale);
        verifier = lockVerifier(ledger, lock.value, "archive");
        lockState = "current";
      }
    }
  } else if (lock.value) verifier = lockVerifier(ledger, lock.value, "lock");
  if (problems.length > 0) throw new LedgerError(problems);

  const datasets = deriveDatasets(ledger, verifier, published.value);
  const verification = deriveContext(ledger, verifier).verificationOf(collectCitations(ledger));
  const out = serialise(datasets, verification);
  const writes = !options.check && !options.coverage;
  if (writes) await writeAtomically(options.outDir, out);
  if (lockText !== null) await writeFileAtomically(lockFile, lockText);

  let written: PipelineResult["published"] = null;
  if (options.publish && !options.coverage) {
    const file = path.join(options.dataDir, PUBLISHED_FILE);
    await writeFileAtomically(file, serialisePublished(publicationRecord(ledger, ledger.corrections, options.today!)));
    written = { file, date: options.today!, corrections: ledger.corrections.length };
  }

  const pub = published.value;
  const checks = collectCitations(ledger).map((c) => verifier.check(c.source, c.quote));
  return {
    verified: verification.status === "verified",
    figures: ledger.figures.length,
    quotes: collectCitations(ledger).length,
    verification,
    quoteChecks: {
      verified: checks.filter((c) => c !== null).length,
      unverified: checks.filter((c) => c === null).length,
    },
    lock: {
      file: lockFile,
      state: lockState,
      entries: lockText !== null ? (JSON.parse(lockText) as QuoteLock).quotes.length : (lock.value?.quotes.length ?? 0),
    },
    files: [...out.keys()],
    coverage: options.coverage ? coverageReport(ledger, texts, options.coverage) : null,
    publication: pub
      ? { date: pub.date, pending: ledger.corrections.filter((c) => !pub.corrections.includes(c.id)).map((c) => c.id) }
      : null,
    published: written,
  };
}
