/**
 * Verification that travels with the repository: data/quotes.lock.json records, for
 * every distinct (source, normalised quote) in the ledger, the archive it was found in
 * (its SHA-256), where (the offset in the normalised archived text) and the day it was
 * first verified there. A fresh clone has no archives; with the lock, a quote whose
 * source record still names the archive it was verified against counts as verified
 * "by lock", and says so.
 *
 * With the archives, the pipeline verifies every quote as before and then holds the
 * committed lock to what it found: a stale lock fails the run until `npm run
 * data:verify` (--update-lock) rewrites it. Unchanged entries keep their date; new or
 * changed ones get today's (UTC, injected by the caller).
 */
import { z } from "zod";
import { IsoDate, Sha256, type Ledger, type LedgerFileName } from "../schema/ledger.ts";
import { collectCitations, type FoundCitation } from "./checkLedger.ts";
import type { LedgerProblem } from "./LedgerError.ts";
import { problemAt, type LoadedFile, type LocatedFile } from "./loadLedger.ts";
import { normaliseText } from "./normalise.ts";

export const LOCK_FILE = "quotes.lock.json";
/** What to do about a stale lock, said at the end of every lock problem. */
export const UPDATE_LOCK = "run npm run data:verify and commit data/quotes.lock.json";

const LockEntry = z.strictObject({
  source: z.string(),
  /** SHA-256 of the archive the quote was found in. */
  sha256: Sha256,
  /** The quote, normalised (whitespace, typographic quotes, dashes). */
  quote: z.string(),
  /** Where it starts in the normalised archived text. */
  offset: z.number().int().nonnegative(),
  /** The day it was verified there (first, for this archive and offset). */
  verified: IsoDate,
});
export type LockEntry = z.infer<typeof LockEntry>;

export const QuoteLock = z.strictObject({
  version: z.literal(1),
  sources: z.record(z.string(), z.strictObject({ file: z.string(), sha256: Sha256 })),
  quotes: z.array(LockEntry),
});
export type QuoteLock = z.infer<typeof QuoteLock>;

/** A lock entry's identity: one per distinct (source, normalised quote). */
const keyOf = (source: string, quote: string) => `${source}\u0000${quote}`;

/** The lock as data:verify writes it: sources by id, quotes by source then offset, keys in a fixed order. */
export function serialiseLock(lock: QuoteLock): string {
  const sources = Object.fromEntries(
    Object.keys(lock.sources)
      .sort()
      .map((id) => [id, { file: lock.sources[id]!.file, sha256: lock.sources[id]!.sha256 }]),
  );
  const quotes = [...lock.quotes]
    .sort((a, b) =>
      a.source !== b.source
        ? a.source < b.source
          ? -1
          : 1
        : a.offset !== b.offset
          ? a.offset - b.offset
          : a.quote < b.quote
            ? -1
            : a.quote > b.quote
              ? 1
              : 0,
    )
    .map((e) => ({ source: e.source, sha256: e.sha256, quote: e.quote, offset: e.offset, verified: e.verified }));
  return JSON.stringify({ version: 1, sources, quotes }, null, 2) + "\n";
}

/** An entry found in the archives; `verified` is null when it is new or changed (today's date is due). */
export type FoundEntry = Omit<LockEntry, "verified"> & { verified: string | null };

/**
 * The lock the archives give for the ledger as it is: every distinct quote, where it
 * is, in which archive; dated as in `previous` when the same quote is at the same
 * offset of the same archive there, else null. Call it only when every quote
 * verified (`texts`: normalised archived text by source id).
 */
export function lockFromArchives(
  ledger: Ledger,
  texts: ReadonlyMap<string, string>,
  previous: QuoteLock | null,
): { sources: QuoteLock["sources"]; quotes: FoundEntry[] } {
  const before = new Map((previous?.quotes ?? []).map((e) => [keyOf(e.source, e.quote), e]));
  const sha = new Map(ledger.sources.map((s) => [s.id, s.sha256]));
  const quotes = new Map<string, FoundEntry>();
  for (const c of collectCitations(ledger)) {
    const quote = normaliseText(c.quote);
    const key = keyOf(c.source, quote);
    const text = texts.get(c.source);
    if (quotes.has(key) || text === undefined) continue;
    const offset = text.indexOf(quote);
    if (offset === -1) continue;
    const sha256 = sha.get(c.source)!;
    const old = before.get(key);
    const verified = old && old.sha256 === sha256 && old.offset === offset ? old.verified : null;
    quotes.set(key, { source: c.source, sha256, quote, offset, verified });
  }
  const sources: QuoteLock["sources"] = {};
  for (const s of ledger.sources) if (texts.has(s.id)) sources[s.id] = { file: s.file, sha256: s.sha256 };
  return { sources, quotes: [...quotes.values()] };
}

/** Fills the dates due: what data:verify writes. */
export function datedLock(found: ReturnType<typeof lockFromArchives>, today: string): QuoteLock {
  return {
    version: 1,
    sources: found.sources,
    quotes: found.quotes.map((e) => ({ ...e, verified: e.verified ?? today })),
  };
}

export interface LockRecord {
  value: QuoteLock;
  file: LocatedFile;
  text: string;
}

/**
 * Every way the committed lock differs from what the archives give, each located (at
 * the ledger quote the lock lacks, or at the lock's own entry), each saying what to
 * run. Empty when the lock is current, in the form data:verify writes.
 */
export function compareLock(
  found: ReturnType<typeof lockFromArchives>,
  committed: LockRecord,
  ledger: Ledger,
  files: Record<LedgerFileName, LoadedFile>,
): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const lock = committed.value;
  const at = (p: (string | number)[], message: string) =>
    problems.push(problemAt(committed.file, p, `${message}: ${UPDATE_LOCK}`));

  for (const [id, s] of Object.entries(found.sources)) {
    const old = lock.sources[id];
    if (!old) at(["sources"], `has no entry for source "${id}"`);
    else
      for (const field of ["file", "sha256"] as const)
        if (old[field] !== s[field])
          at(["sources", id, field], `is "${old[field]}", but sources.yaml records "${s[field]}"`);
  }
  for (const id of Object.keys(lock.sources))
    if (!(id in found.sources)) at(["sources", id], `names source "${id}", which sources.yaml does not have`);

  const first = new Map<string, FoundCitation>();
  for (const c of collectCitations(ledger)) {
    const key = keyOf(c.source, normaliseText(c.quote));
    if (!first.has(key)) first.set(key, c);
  }
  const expected = new Map(found.quotes.map((e) => [keyOf(e.source, e.quote), e]));
  const seen = new Set<string>();
  lock.quotes.forEach((e, i) => {
    const key = keyOf(e.source, e.quote);
    const want = expected.get(key);
    if (seen.has(key)) {
      at(["quotes", i], "repeats an entry");
      return;
    }
    seen.add(key);
    if (!want) {
      at(["quotes", i], `no ledger quote uses this entry ("${e.quote}", source "${e.source}")`);
      return;
    }
    if (want.sha256 !== e.sha256)
      at(
        ["quotes", i, "sha256"],
        `records archive SHA-256 ${e.sha256}, but the quote is now verified against ${want.sha256}`,
      );
    if (want.offset !== e.offset)
      at(
        ["quotes", i, "offset"],
        `is ${e.offset}, but the quote is now at ${want.offset} in the normalised archived text`,
      );
  });
  for (const [key, e] of expected)
    if (!seen.has(key)) {
      const c = first.get(key)!;
      problems.push(
        problemAt(
          files[c.file],
          [...c.path, "quote"],
          `is not in the committed lock (data/quotes.lock.json, source "${e.source}"): ${UPDATE_LOCK}`,
        ),
      );
    }
  if (problems.length === 0 && serialiseLock(datedLock(found, "1970-01-01")) !== committed.text)
    problems.push({
      file: committed.file.name,
      line: 1,
      column: 1,
      message: `is not in the form npm run data:verify writes (order, formatting or a field out of place): ${UPDATE_LOCK}`,
    });
  return problems;
}

/** When a quote was verified, and in which archive; null when it is not. */
export interface QuoteCheck {
  date: string;
  sha256: string;
}

/** How the run verified quotes, and each quote's check. */
export interface QuoteVerifier {
  /** archive: checked against the archived texts in this run; lock: found in the committed lock; null: neither. */
  by: "archive" | "lock" | null;
  check(source: string, quote: string): QuoteCheck | null;
}

/** Quotes checked through a lock: a hit needs the same source and quote, and the archive the ledger records now. */
export function lockVerifier(ledger: Ledger, lock: QuoteLock | null, by: "archive" | "lock"): QuoteVerifier {
  const sha = new Map(ledger.sources.map((s) => [s.id, s.sha256]));
  const entries = new Map((lock?.quotes ?? []).map((e) => [keyOf(e.source, e.quote), e]));
  return {
    by: lock ? by : null,
    check(source, quote) {
      const e = entries.get(keyOf(source, normaliseText(quote)));
      return e && e.sha256 === sha.get(source) ? { date: e.verified, sha256: e.sha256 } : null;
    },
  };
}

export const UNVERIFIED: QuoteVerifier = { by: null, check: () => null };
