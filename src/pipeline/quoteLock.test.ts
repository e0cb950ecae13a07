/**
 * The committed quote lock (data/quotes.lock.json): held to the archives when they
 * are given (a stale lock is a located problem), rewritten by --update-lock with
 * dates kept or set to an injected today, and standing in for the archives when they
 * are not given (quotes verified "by lock", or not at all).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FiguresDataset } from "../schema/datasets.ts";
import { LedgerError, type LedgerProblem } from "./LedgerError.ts";
import { LOCK_FILE, QuoteLock, serialiseLock, UPDATE_LOCK } from "./quoteLock.ts";
import {
  at,
  indexOfId,
  positionOf,
  problemsAndText,
  replaceInRecord,
  replaceOnce,
  requireSourcesDir,
  withLedger,
  type TempLedger,
} from "./testLedger.ts";

const TODAY = "2030-01-15";
const QUEUE = "More than 9 miles of traffic congestion stretch from North Ossetia in Russia to the Georgian border.";
const SHORTER = "More than 9 miles of traffic congestion stretch from North Ossetia";

/** Where the lock entry holding this quote starts (its opening brace), as the pipeline reports it. */
function entryAt(lock: string, quote: string): { line: number; column: number } {
  const q = lock.indexOf(`"quote": ${JSON.stringify(quote)}`);
  const brace = lock.lastIndexOf("{", q);
  const before = lock.slice(0, brace);
  return { line: before.split("\n").length, column: brace - before.lastIndexOf("\n") };
}
const entryIndex = (lock: string, quote: string) =>
  (JSON.parse(lock) as QuoteLock).quotes.findIndex((e) => e.quote === quote);

async function failure(ledger: TempLedger, options: Parameters<TempLedger["run"]>[0]): Promise<LedgerProblem[]> {
  const err = await ledger.run(options).catch((e: unknown) => e);
  if (!(err instanceof LedgerError)) throw new Error(`expected a LedgerError, got ${String(err)}`);
  return err.problems;
}

describe("with the archives: the committed lock must be current", () => {
  it("a changed quote is missing from the lock, and its old entry is used by nothing", async () => {
    const sourcesDir = requireSourcesDir();
    const i = await indexOfId("figures.yaml", "figures", "georgia-queue");
    await withLedger(async (ledger) => {
      const committed = await ledger.read("quotes.lock.json");
      let figures = "";
      await ledger.edit({ "figures.yaml": (t) => (figures = replaceOnce(t, `quote: ${QUEUE}`, `quote: ${SHORTER}`)) });
      expect(await failure(ledger, { sourcesDir })).toEqual([
        {
          file: LOCK_FILE,
          ...entryAt(committed, QUEUE),
          field: `quotes[${entryIndex(committed, QUEUE)}]`,
          message: `no ledger quote uses this entry ("${QUEUE}", source "us-openness"): ${UPDATE_LOCK}`,
        },
        at(
          "figures.yaml",
          figures,
          `quote: ${SHORTER}\n`,
          7,
          `figures[${i}].citations[0].quote`,
          `is not in the committed lock (data/quotes.lock.json, source "us-openness"): ${UPDATE_LOCK}`,
        ),
      ]);
    });
  });

  it("an entry whose archive SHA-256 or offset differs", async () => {
    const sourcesDir = requireSourcesDir();
    await withLedger(async (ledger) => {
      const committed = await ledger.read("quotes.lock.json");
      const k = entryIndex(committed, QUEUE);
      const entry = (JSON.parse(committed) as QuoteLock).quotes[k]!;
      const edited = replaceOnce(
        committed,
        `"quote": ${JSON.stringify(QUEUE)},\n      "offset": ${entry.offset},`,
        `"quote": ${JSON.stringify(QUEUE)},\n      "offset": ${entry.offset + 1},`,
      );
      const both = edited.replace(
        new RegExp(
          `"sha256": "${entry.sha256}",\\n(\\s+)"quote": ${JSON.stringify(QUEUE).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
        ),
        (_m, indent: string) => `"sha256": "${"0".repeat(64)}",\n${indent}"quote": ${JSON.stringify(QUEUE)}`,
      );
      await ledger.write("quotes.lock.json", both);
      expect(await failure(ledger, { sourcesDir })).toEqual([
        {
          file: LOCK_FILE,
          ...positionOf(both, `"${"0".repeat(64)}"`),
          field: `quotes[${k}].sha256`,
          message: `records archive SHA-256 ${"0".repeat(64)}, but the quote is now verified against ${entry.sha256}: ${UPDATE_LOCK}`,
        },
        {
          file: LOCK_FILE,
          ...positionOf(both, `"offset": ${entry.offset + 1},`, 10),
          field: `quotes[${k}].offset`,
          message: `is ${entry.offset + 1}, but the quote is now at ${entry.offset} in the normalised archived text: ${UPDATE_LOCK}`,
        },
      ]);
    });
  });

  it("a lock whose sources disagree with sources.yaml", async () => {
    const sourcesDir = requireSourcesDir();
    await withLedger(async (ledger) => {
      const edited = replaceOnce(
        await ledger.read("quotes.lock.json"),
        '"file": "000_03dad1200ff45a92.txt"',
        '"file": "000_renamed.txt"',
      );
      await ledger.write("quotes.lock.json", edited);
      expect(await failure(ledger, { sourcesDir })).toEqual([
        {
          file: LOCK_FILE,
          ...positionOf(edited, '"000_renamed.txt"'),
          field: "sources.alaska-boat.file",
          message: `is "000_renamed.txt", but sources.yaml records "000_03dad1200ff45a92.txt": ${UPDATE_LOCK}`,
        },
      ]);
    });
  });

  it("a lock not in the form data:verify writes", async () => {
    const sourcesDir = requireSourcesDir();
    await withLedger(async (ledger) => {
      const lock = QuoteLock.parse(JSON.parse(await ledger.read("quotes.lock.json")));
      await ledger.write("quotes.lock.json", JSON.stringify({ ...lock, quotes: [...lock.quotes].reverse() }, null, 4));
      expect(await failure(ledger, { sourcesDir })).toEqual([
        {
          file: LOCK_FILE,
          line: 1,
          column: 1,
          message: `is not in the form npm run data:verify writes (order, formatting or a field out of place): ${UPDATE_LOCK}`,
        },
      ]);
    });
  });

  it("a missing lock, and a lock that is not JSON", async () => {
    const sourcesDir = requireSourcesDir();
    await withLedger(async (ledger) => {
      await ledger.edit({ "quotes.lock.json": null });
      expect(await failure(ledger, { sourcesDir })).toEqual([
        { file: LOCK_FILE, message: `does not exist in ${ledger.dataDir}: ${UPDATE_LOCK}` },
      ]);
      await ledger.write("quotes.lock.json", '{ "version": 1, ');
      const problems = await failure(ledger, {});
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: LOCK_FILE, line: 1, column: 1 });
      expect(problems[0]!.message).toMatch(/^not valid JSON: /);
    });
  });

  it("a quote the archive does not have is reported as such, not as a stale lock", async () => {
    const sourcesDir = requireSourcesDir();
    const i = await indexOfId("figures.yaml", "figures", "georgia-queue");
    const { problems, text } = await problemsAndText(
      "figures.yaml",
      (t) => replaceOnce(t, `quote: ${QUEUE}`, `quote: ${QUEUE.replace("Georgian", "Georgia")}`),
      { sourcesDir },
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "quote: More than 9 miles",
        7,
        `figures[${i}].citations[0].quote`,
        'quote not found in 003_8d95c0665bcc7826.txt (source "us-openness")',
      ),
    ]);
  });
});

describe("--update-lock (npm run data:verify)", () => {
  it("rewrites the lock: unchanged entries keep their date, a new quote gets today's; the run then passes", async () => {
    const sourcesDir = requireSourcesDir();
    await withLedger(async (ledger) => {
      const before = QuoteLock.parse(JSON.parse(await ledger.read("quotes.lock.json")));
      await ledger.edit({ "figures.yaml": (t) => replaceOnce(t, `quote: ${QUEUE}`, `quote: ${SHORTER}`) });
      await expect(ledger.run({ sourcesDir, updateLock: true })).rejects.toThrow("needs today's date");
      await expect(ledger.run({ updateLock: true, today: TODAY })).rejects.toThrow("needs the archived texts");
      const result = await ledger.run({ sourcesDir, updateLock: true, today: TODAY });
      expect(result.lock).toMatchObject({ state: "written", entries: before.quotes.length });
      const text = await ledger.read("quotes.lock.json");
      const after = QuoteLock.parse(JSON.parse(text));
      expect(serialiseLock(after)).toBe(text);
      const added = after.quotes.filter((e) => e.verified === TODAY);
      expect(added.map((e) => e.quote)).toEqual([SHORTER]);
      expect(after.quotes.map((e) => e.quote)).not.toContain(QUEUE);
      const kept = after.quotes.filter((e) => e.quote !== SHORTER);
      expect(kept).toEqual(before.quotes.filter((e) => e.quote !== QUEUE));
      const again = await ledger.run({ sourcesDir });
      expect(again.lock.state).toBe("current");
    });
  });

  it("rewrites a lock that is not JSON", async () => {
    const sourcesDir = requireSourcesDir();
    await withLedger(async (ledger) => {
      const before = await ledger.read("quotes.lock.json");
      await ledger.write("quotes.lock.json", "not json");
      await ledger.run({ sourcesDir, updateLock: true, today: TODAY });
      const after = QuoteLock.parse(JSON.parse(await ledger.read("quotes.lock.json")));
      // With nothing to keep, every entry is dated today.
      expect(new Set(after.quotes.map((e) => e.verified))).toEqual(new Set([TODAY]));
      expect(after.quotes.map((e) => [e.source, e.quote, e.offset])).toEqual(
        QuoteLock.parse(JSON.parse(before)).quotes.map((e) => [e.source, e.quote, e.offset]),
      );
    });
  });
});

describe("without the archives: verified by lock, or not at all", () => {
  it("a quote the lock does not record is unverified, and the datasets say how many", async () => {
    await withLedger(async (ledger) => {
      await ledger.edit({ "figures.yaml": (t) => replaceOnce(t, `quote: ${QUEUE}`, `quote: ${SHORTER}`) });
      const result = await ledger.run();
      expect(result.verified).toBe(false);
      expect(result.quoteChecks).toEqual({ verified: result.quotes - 1, unverified: 1 });
      expect(result.verification).toMatchObject({ status: "unverified", by: "lock", unverified: 1 });
      const figures = FiguresDataset.parse(
        JSON.parse(await readFile(path.join(ledger.outDir, "figures.json"), "utf8")),
      );
      expect(figures.verification).toMatchObject({ status: "unverified", by: "lock", unverified: 1 });
      const queue = figures.figures.find((f) => f.id === "georgia-queue")!;
      expect(queue.verification).toBe("unverified");
      expect(queue.citations[0]!.verified).toBeNull();
      // The map draws the Georgia route, whose related figure is the queue: its header says so.
      const map = JSON.parse(await readFile(path.join(ledger.outDir, "exit-routes.json"), "utf8")) as {
        meta: { verification: unknown };
      };
      expect(map.meta.verification).toMatchObject({ status: "unverified", by: "lock", unverified: 1 });
      // The forces chart relies on none of it.
      const forces = JSON.parse(await readFile(path.join(ledger.outDir, "forces.json"), "utf8")) as {
        meta: { verification: unknown };
      };
      expect(forces.meta.verification).toMatchObject({ status: "verified", by: "lock", unverified: 0 });
    });
  });

  it("a source whose archive changed since the lock was written vouches for none of its quotes", async () => {
    await withLedger(async (ledger) => {
      await ledger.edit({
        "sources.yaml": (t) =>
          replaceInRecord(
            t,
            "neighbors-shun",
            "sha256: 422400b45fb6b54ad835fe85b5a1ecc4b47389d5c1fac377a706f00b4dd57dd7",
            `sha256: ${"ab".repeat(32)}`,
          ),
      });
      const result = await ledger.run();
      const lock = QuoteLock.parse(JSON.parse(await ledger.read("quotes.lock.json")));
      const fromIt = lock.quotes.filter((e) => e.source === "neighbors-shun").length;
      expect(fromIt).toBeGreaterThan(0);
      expect(result.verification).toMatchObject({ status: "unverified", unverified: fromIt });
    });
  });
});
