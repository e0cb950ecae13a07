/**
 * Property-based tests: random edits of the real ledger's YAML (the slips a person
 * makes in an editor) must never crash the pipeline with a stack trace. Every run
 * ends either in success or in a LedgerError whose every problem names a file, says
 * what is wrong and, for a YAML file, gives the line. And the output folder is never
 * left half-written: it holds either the previous complete dataset set or the new one.
 *
 * fast-check runs with a fixed seed so a failure reproduces; set FC_SEED to explore
 * other seeds (the seed of a failing run is printed in the failure report).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEDGER_FILE_NAMES, type LedgerFileName } from "../schema/ledger.ts";
import { LedgerError } from "./LedgerError.ts";
import {
  copyLedger,
  leftovers,
  manifestDiscrepancies,
  readRealLedger,
  requireSourcesDir,
  snapshotDir,
  type TempLedger,
} from "./testLedger.ts";

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 40);
const SEED = Number(process.env.FC_SEED ?? 20220921);

/** A random edit, as plain data so that fast-check prints a failing case readably. */
type Mutation =
  | { kind: "delete"; at: number }
  | { kind: "duplicate"; at: number }
  | { kind: "swap"; at: number; with: number }
  | { kind: "truncate"; at: number }
  | { kind: "replace"; at: number; value: string };

/** Picks an index in [0, n) from a fraction in [0, 1). */
const pick = (n: number, f: number) => Math.min(n - 1, Math.floor(f * n));

/** Applies a mutation to a file's text. */
function apply(m: Mutation, text: string): string {
  const ls = text.split("\n");
  switch (m.kind) {
    case "delete":
      ls.splice(pick(ls.length, m.at), 1);
      break;
    case "duplicate": {
      const i = pick(ls.length, m.at);
      ls.splice(i, 0, ls[i]!);
      break;
    }
    case "swap": {
      const i = pick(ls.length, m.at);
      const j = pick(ls.length, m.with);
      [ls[i], ls[j]] = [ls[j]!, ls[i]!];
      break;
    }
    case "truncate":
      return text.slice(0, Math.floor(m.at * text.length));
    case "replace": {
      // The value of a random `key: value` line, block or flow style.
      const candidates = ls.flatMap((l, i) => (/^\s*(?:- )?[\w-]+: \S/.test(l) ? [i] : []));
      if (candidates.length === 0) return text;
      const i = candidates[pick(candidates.length, m.at)]!;
      ls[i] = ls[i]!.replace(/^(\s*(?:- )?[\w-]+: ).*$/, (_m, key: string) => key + m.value);
      break;
    }
  }
  return ls.join("\n");
}

const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** What a slip of the keyboard or a bad paste puts where a value was. */
const randomValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double({ noNaN: true }).map(String),
  fc.constantFrom(
    "",
    "null",
    "~",
    "0",
    "-1",
    "1.5",
    "1e999",
    "2022-02-30",
    "2022-13",
    "2020/2019",
    "[",
    "{",
    "'",
    '"',
    "*sold-out",
    "&x",
    "!!int",
    "- x",
    "a: b",
    "yes",
    "NaN",
    ".inf",
  ),
);

const deleteLine = unit.map((at): Mutation => ({ kind: "delete", at }));
const duplicateLine = unit.map((at): Mutation => ({ kind: "duplicate", at }));
const swapLines = fc.tuple(unit, unit).map(([at, w]): Mutation => ({ kind: "swap", at, with: w }));
const truncate = unit.map((at): Mutation => ({ kind: "truncate", at }));
const replaceScalar = fc.tuple(unit, randomValue).map(([at, value]): Mutation => ({ kind: "replace", at, value }));

const file = fc.constantFrom(...LEDGER_FILE_NAMES);

describe("random edits of the ledger", () => {
  let real: Record<LedgerFileName, string>;
  let ledger: TempLedger;
  let sourcesDir: string;

  beforeAll(async () => {
    sourcesDir = requireSourcesDir();
    real = await readRealLedger();
    ledger = await copyLedger();
    await ledger.run({ sourcesDir }); // a complete previous output to protect
  });
  afterAll(() => ledger?.cleanup());

  /** Applies one mutation to one file, runs the pipeline and checks every promise. */
  async function check(name: LedgerFileName, mutation: Mutation): Promise<void> {
    const mutated = apply(mutation, real[name]);
    await ledger.write(name, mutated);
    const before = await snapshotDir(ledger.outDir);
    try {
      let outcome: "ok" | LedgerError;
      try {
        const result = await ledger.run({ sourcesDir });
        outcome = "ok";
        expect(result.files.length).toBeGreaterThan(0);
        expect(await manifestDiscrepancies(ledger.outDir)).toEqual([]);
        expect([...(await snapshotDir(ledger.outDir))!.keys()].sort()).toEqual([...result.files].sort());
      } catch (err) {
        if (!(err instanceof LedgerError)) {
          throw new Error(
            `not a LedgerError after editing ${name}: ${(err as Error)?.stack ?? String(err)}\n--- edited ${name} ---\n${mutated}`,
          );
        }
        outcome = err;
      }
      if (outcome !== "ok") {
        expect(outcome.problems.length).toBeGreaterThan(0);
        for (const p of outcome.problems) {
          expect(p.file, JSON.stringify(p)).toMatch(/\S/);
          expect(p.message.trim(), JSON.stringify(p)).not.toBe("");
          if (p.file.endsWith(".yaml")) {
            expect(LEDGER_FILE_NAMES, JSON.stringify(p)).toContain(p.file);
            expect(Number.isInteger(p.line) && p.line! >= 1, JSON.stringify(p)).toBe(true);
            const text = p.file === name ? mutated : real[p.file as LedgerFileName];
            expect(p.line!, JSON.stringify(p)).toBeLessThanOrEqual(text.split("\n").length + 1);
          }
        }
        // The previous complete output is untouched.
        expect(await snapshotDir(ledger.outDir)).toEqual(before);
        expect(await manifestDiscrepancies(ledger.outDir)).toEqual([]);
      }
      expect(await leftovers(ledger.root)).toEqual([]);
    } finally {
      await ledger.write(name, real[name]);
    }
  }

  const params = { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true };
  // About 60 ms a run on two cores; generous, so that a larger FC_NUM_RUNS does not time out.
  const timeout = 20_000 + NUM_RUNS * 400;

  it(
    "deleting a random line",
    async () => {
      await fc.assert(fc.asyncProperty(file, deleteLine, check), params);
    },
    timeout,
  );

  it(
    "duplicating a random line",
    async () => {
      await fc.assert(fc.asyncProperty(file, duplicateLine, check), params);
    },
    timeout,
  );

  it(
    "replacing a random value with a random string, number or nothing",
    async () => {
      await fc.assert(fc.asyncProperty(file, replaceScalar, check), params);
    },
    timeout,
  );

  it(
    "swapping two random lines",
    async () => {
      await fc.assert(fc.asyncProperty(file, swapLines, check), params);
    },
    timeout,
  );

  it(
    "truncating a file at a random point",
    async () => {
      await fc.assert(fc.asyncProperty(file, truncate, check), params);
    },
    timeout,
  );
});
