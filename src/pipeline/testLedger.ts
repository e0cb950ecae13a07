/**
 * Test helpers for the pipeline: a throw-away copy of the real ledger that a test
 * can edit, run the pipeline on, and delete. Imported by the *.test.ts files only.
 *
 * Every edit goes through `replaceOnce`, which fails when the text to replace is not
 * in the ledger exactly once, so a test whose premise no longer holds (the ledger
 * changed under it) fails loudly instead of passing for the wrong reason. Expected
 * locations are computed from the edited text (`lineOf`), not typed as numbers.
 */
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { LEDGER_FILE_NAMES, type LedgerFileName } from "../schema/ledger.ts";
import { LedgerError, type LedgerProblem } from "./LedgerError.ts";
import { runPipeline, type PipelineOptions, type PipelineResult } from "./runPipeline.ts";

/** The repository root (/work/main). */
export const MAIN_DIR = path.resolve(import.meta.dirname, "../..");
/** The real ledger. Never written to by the tests. */
export const DATA_DIR = path.join(MAIN_DIR, "data");

/** The archived texts: SOURCES_DIR (as CI passes it) or ../shared/sources, resolved from the repository root. */
export const SOURCES_DIR = path.resolve(MAIN_DIR, process.env.SOURCES_DIR ?? "../shared/sources");

/**
 * The archived-texts folder, or a thrown error saying plainly that it is missing.
 * Tests that verify quotes call this so that they fail, never skip, without it.
 */
export function requireSourcesDir(dir: string = SOURCES_DIR): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(
      `archived sources folder not found at ${dir}: quotes cannot be verified. ` +
        `Set SOURCES_DIR to the folder of archived article texts (CI passes ../shared/sources).`,
    );
  }
  return dir;
}

/** Makes a fresh empty folder under the OS temp dir. */
export function tempDir(prefix = "ledger-test-"): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** The real ledger's text, file by file. */
export async function readRealLedger(): Promise<Record<LedgerFileName, string>> {
  const out = {} as Record<LedgerFileName, string>;
  for (const name of LEDGER_FILE_NAMES) out[name] = await readFile(path.join(DATA_DIR, name), "utf8");
  return out;
}

/** Replaces `from` with `to`, failing unless `from` occurs exactly once. */
export function replaceOnce(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first === -1) throw new Error(`test premise broken: ${JSON.stringify(from)} is not in the ledger text`);
  if (text.indexOf(from, first + 1) !== -1)
    throw new Error(`test premise broken: ${JSON.stringify(from)} occurs more than once`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/**
 * Replaces `from` with `to` inside one block-style record of a list, the record that
 * starts with `  - id: <id>` and runs to the next record or blank line. Fails unless
 * `from` occurs exactly once in that record.
 */
export function replaceInRecord(text: string, id: string, from: string, to: string): string {
  const head = `  - id: ${id}\n`;
  const start = text.indexOf(head);
  if (start === -1 || text.indexOf(head, start + 1) !== -1)
    throw new Error(`test premise broken: no single record "${id}"`);
  const ends = [text.indexOf("\n  - ", start + head.length), text.indexOf("\n\n", start), text.length].filter(
    (i) => i !== -1,
  );
  const end = Math.min(...ends);
  return text.slice(0, start) + replaceOnce(text.slice(start, end), from, to) + text.slice(end);
}

/** 1-based line and column of the only occurrence of `needle` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`test premise broken: ${JSON.stringify(needle)} is not in the text`);
  if (text.indexOf(needle, at + 1) !== -1)
    throw new Error(`test premise broken: ${JSON.stringify(needle)} occurs more than once`);
  const before = text.slice(0, at + offset);
  const line = before.split("\n").length;
  const column = at + offset - before.lastIndexOf("\n");
  return { line, column };
}

/** 1-based line of the only line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  return positionOf(text, needle).line;
}

/** Index of the record with this id in a top-level list of the real ledger (e.g. figures in figures.yaml). */
export async function indexOfId(file: LedgerFileName, list: string, id: string): Promise<number> {
  const doc = parse(await readFile(path.join(DATA_DIR, file), "utf8")) as Record<string, { id: string }[]>;
  const i = (doc[list] ?? []).findIndex((r) => r.id === id);
  if (i === -1) throw new Error(`test premise broken: no ${list} record "${id}" in ${file}`);
  return i;
}

/** A file in the data folder: a ledger YAML file or a committed JSON record. */
export type DataFileName = LedgerFileName | "published.json" | "quotes.lock.json";

/** File → its edit; `null` deletes the file (e.g. a ledger never published has no published.json). */
export type Edits = Partial<Record<DataFileName, ((text: string) => string) | null>>;

/**
 * A ledger with no publication on record: deletes data/published.json from the copy
 * and empties the corrections log (a correction is relative to a publication), so no
 * change needs a correction. For tests of other checks that must change a published
 * figure or text to make their mistake.
 */
export const UNPUBLISHED: Edits = { "published.json": null, "corrections.yaml": () => "corrections: []\n" };

/** A temporary copy of the ledger: `dataDir` with the YAML, `outDir` (not created) for datasets. */
export interface TempLedger {
  root: string;
  dataDir: string;
  outDir: string;
  read(name: DataFileName): Promise<string>;
  write(name: DataFileName, text: string): Promise<void>;
  edit(edits: Edits): Promise<void>;
  run(options?: Partial<PipelineOptions>): Promise<PipelineResult>;
  cleanup(): Promise<void>;
}

/**
 * Copies data/*.yaml and the committed records beside them (data/*.json: the quote
 * lock, the last publication) into a fresh temp folder. Call cleanup() when done (or
 * use withLedger).
 */
export async function copyLedger(): Promise<TempLedger> {
  const root = await tempDir();
  const dataDir = path.join(root, "data");
  const outDir = path.join(root, "out");
  await cp(DATA_DIR, dataDir, { recursive: true, filter: (src) => src === DATA_DIR || /\.(yaml|json)$/.test(src) });
  const ledger: TempLedger = {
    root,
    dataDir,
    outDir,
    read: (name) => readFile(path.join(dataDir, name), "utf8"),
    write: (name, text) => writeFile(path.join(dataDir, name), text),
    async edit(edits) {
      for (const [name, fn] of Object.entries(edits) as [DataFileName, ((t: string) => string) | null][]) {
        if (fn === null) await rm(path.join(dataDir, name));
        else await ledger.write(name, fn(await ledger.read(name)));
      }
    },
    run: (options = {}) => runPipeline({ dataDir, outDir, ...options }),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
  return ledger;
}

/** Runs `body` on a fresh copy of the ledger and always deletes the copy. */
export async function withLedger<T>(body: (ledger: TempLedger) => Promise<T>): Promise<T> {
  const ledger = await copyLedger();
  try {
    return await body(ledger);
  } finally {
    await ledger.cleanup();
  }
}

/**
 * Edits a copy of the ledger, runs the pipeline on it and returns the LedgerError's
 * problems. Fails when the run succeeds or throws anything but a LedgerError.
 */
export async function problemsAfter(edits: Edits, options: Partial<PipelineOptions> = {}): Promise<LedgerProblem[]> {
  return withLedger(async (ledger) => {
    await ledger.edit(edits);
    let result: PipelineResult;
    try {
      result = await ledger.run(options);
    } catch (err) {
      if (err instanceof LedgerError) return err.problems;
      throw err;
    }
    throw new Error(`expected a LedgerError, but the pipeline succeeded (${result.figures} figures)`);
  });
}

/** The problem the pipeline should report at the only occurrence of `needle` (+ offset) in `text`. */
export function at(
  file: string,
  text: string,
  needle: string,
  offset: number,
  field: string | undefined,
  message: string,
): LedgerProblem {
  const { line, column } = positionOf(text, needle, offset);
  return field === undefined ? { file, line, column, message } : { file, line, column, field, message };
}

/** Runs the edits to one file, and also returns the edited text of that file for computing positions. */
export async function problemsAndText(
  file: DataFileName,
  edit: (t: string) => string,
  options: Partial<PipelineOptions> = {},
  otherEdits: Edits = {},
): Promise<{ problems: LedgerProblem[]; text: string }> {
  let edited = "";
  const problems = await problemsAfter(
    {
      ...otherEdits,
      [file]: (t: string) => {
        edited = edit(t);
        return edited;
      },
    },
    options,
  );
  return { problems, text: edited };
}

/** File name → SHA-256 of every file in a folder (not recursive); null when the folder does not exist. */
export async function snapshotDir(dir: string): Promise<Map<string, string> | null> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  const out = new Map<string, string>();
  for (const name of names.sort())
    out.set(
      name,
      createHash("sha256")
        .update(await readFile(path.join(dir, name)))
        .digest("hex"),
    );
  return out;
}

interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
}

/**
 * Checks that an output folder is one complete dataset set: a manifest whose every
 * listed file exists with that size and hash, and no file the manifest does not list.
 * Returns a list of discrepancies (empty when complete).
 */
export async function manifestDiscrepancies(dir: string): Promise<string[]> {
  const problems: string[] = [];
  let manifest: { files: ManifestFile[] };
  try {
    manifest = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as { files: ManifestFile[] };
  } catch (err) {
    return [`manifest.json unreadable: ${(err as Error).message}`];
  }
  const present = new Set(await readdir(dir));
  present.delete("manifest.json");
  for (const f of manifest.files) {
    if (!present.delete(f.name)) {
      problems.push(`${f.name} is listed but missing`);
      continue;
    }
    const bytes = await readFile(path.join(dir, f.name));
    if (bytes.length !== f.bytes) problems.push(`${f.name} has ${bytes.length} bytes, manifest says ${f.bytes}`);
    const sha = createHash("sha256").update(bytes).digest("hex");
    if (sha !== f.sha256) problems.push(`${f.name} has SHA-256 ${sha}, manifest says ${f.sha256}`);
  }
  for (const extra of present) problems.push(`${extra} is not in the manifest`);
  return problems;
}

/** Names in `dir` that look like a temporary or superseded output folder left behind. */
export async function leftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.includes(".tmp-") || n.includes(".old-"));
}
