/**
 * The command line as a newsroom runs it: `npx tsx src/pipeline/cli.ts`. A broken
 * ledger exits 1 and prints each problem as `file:line:column: field: message` on
 * stderr, leaving the previous datasets where they were; a good one exits 0.
 */
import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  copyLedger,
  leftovers,
  lineOf,
  manifestDiscrepancies,
  MAIN_DIR,
  replaceInRecord,
  replaceOnce,
  requireSourcesDir,
  snapshotDir,
  type TempLedger,
} from "./testLedger.ts";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.SOURCES_DIR; // only what the arguments say
    const child = spawn("npx", ["tsx", "src/pipeline/cli.ts", ...args], {
      cwd: MAIN_DIR,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** stderr without npm's own notices (e.g. "npm warn Unknown user config"). */
const ownLines = (stderr: string) => stderr.split("\n").filter((l) => l !== "" && !l.startsWith("npm "));

describe("cli", { timeout: 60_000 }, () => {
  let ledger: TempLedger;
  let sourcesDir: string;

  beforeAll(async () => {
    sourcesDir = requireSourcesDir();
    ledger = await copyLedger();
  });
  afterAll(() => ledger?.cleanup());

  it("exits 0 on the real ledger, writes the datasets and says every quote was verified", async () => {
    const run = await cli(["--sources", sourcesDir, "--data", ledger.dataDir, "--out", ledger.outDir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/✓ \d+ figures, \d+ quotes: every quote verified against /);
    expect(run.stderr).toContain(`✓ wrote 12 files to ${ledger.outDir}`);
    expect(await manifestDiscrepancies(ledger.outDir)).toEqual([]);
  });

  it("exits 1 on a broken ledger, printing file:line:column: field: message for every problem", async () => {
    const before = await snapshotDir(ledger.outDir);
    expect(before).not.toBeNull(); // written by the test above
    let figures = "";
    let routes = "";
    await ledger.edit({
      "figures.yaml": (t) => (figures = replaceInRecord(t, "stops-2020", "    value: 467\n", '    value: "abc"\n')),
      "routes.yaml": (t) => (routes = replaceOnce(t, "    figure: georgia-week\n", "    figure: Georgia Week\n")),
    });

    const run = await cli(["--sources", sourcesDir, "--data", ledger.dataDir, "--out", ledger.outDir]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe("");
    expect(ownLines(run.stderr)).toEqual([
      `figures.yaml:${lineOf(figures, 'value: "abc"')}:12: figures[0].value: Invalid input: expected number, received string`,
      `routes.yaml:${lineOf(routes, "figure: Georgia Week")}:13: routes[0].figure: must be lower-case words joined by hyphens, e.g. georgia-week`,
      "✗ 2 problems; nothing written, previous datasets left as they were.",
    ]);

    expect(await snapshotDir(ledger.outDir)).toEqual(before);
    expect(await leftovers(ledger.root)).toEqual([]);
  });

  it("without the archives, says plainly that the committed lock verified the quotes", async () => {
    const fresh = await copyLedger();
    try {
      const run = await cli(["--data", fresh.dataDir, "--out", fresh.outDir]);
      expect(run.code, run.stderr).toBe(0);
      expect(ownLines(run.stderr)).toContainEqual(
        expect.stringMatching(
          /^✓ \d+ quotes verified by the committed lock \(\S*quotes\.lock\.json, archived copies last checked \d{4}-\d{2}-\d{2}\); 0 not verified\.$/,
        ),
      );
      expect(run.stderr).not.toContain("NOT VERIFIED");

      // A quote the lock does not record: still written, but shouted about.
      await fresh.edit({
        "figures.yaml": (t) =>
          replaceOnce(
            t,
            "quote: More than 9 miles of traffic congestion stretch from North Ossetia in Russia to the Georgian border.",
            "quote: More than 9 miles of traffic congestion stretch from North Ossetia",
          ),
      });
      const partly = await cli(["--data", fresh.dataDir, "--out", fresh.outDir]);
      expect(partly.code, partly.stderr).toBe(0);
      expect(ownLines(partly.stderr)).toContainEqual(
        expect.stringMatching(/ quotes verified by the committed lock .*; 1 not verified\.$/),
      );
      expect(partly.stderr).toContain("! 1 QUOTES NOT VERIFIED");

      // With the archives, that lock is stale: the run fails and says what to run.
      const stale = await cli(["--sources", sourcesDir, "--data", fresh.dataDir, "--out", fresh.outDir]);
      expect(stale.code).toBe(1);
      expect(stale.stderr).toContain("run npm run data:verify and commit data/quotes.lock.json");
    } finally {
      await fresh.cleanup();
    }
  });

  it("exits 2 on an unknown option, and on --coverage without a sources folder", async () => {
    const [bad, coverage, lock, publish] = await Promise.all([
      cli(["--no-such-option"]),
      cli(["--coverage", "--data", ledger.dataDir]),
      cli(["--update-lock", "--data", ledger.dataDir]),
      cli(["--publish", "--data", ledger.dataDir]),
    ]);
    expect(lock.code).toBe(2);
    expect(lock.stderr).toContain("--update-lock needs the archived texts");
    expect(publish.code).toBe(2);
    expect(publish.stderr).toContain("--publish needs the archived texts");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("usage: npm run data --");
    expect(coverage.code).toBe(2);
    expect(coverage.stderr).toContain("--coverage needs the archived texts");
    expect(await readdir(ledger.root)).toEqual(["data", "out"]);
  });
});
