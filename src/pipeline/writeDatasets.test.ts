/**
 * The written output: deterministic (same ledger, same bytes), described by a
 * manifest whose hashes match, and replaced atomically (a failed run leaves the
 * previous output byte-identical and no temporary folders behind).
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DATASETS, Manifest, type DatasetName } from "../schema/datasets.ts";
import { LedgerError } from "./LedgerError.ts";
import { runPipeline } from "./runPipeline.ts";
import {
  copyLedger,
  DATA_DIR,
  leftovers,
  manifestDiscrepancies,
  replaceInRecord,
  replaceOnce,
  requireSourcesDir,
  snapshotDir,
  tempDir,
  type TempLedger,
} from "./testLedger.ts";
import { toCsv, writeAtomically } from "./writeDatasets.ts";

const cleanup: string[] = [];
afterEach(async () => {
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function scratch(): Promise<string> {
  const dir = await tempDir("datasets-test-");
  cleanup.push(dir);
  return dir;
}
async function ledgerCopy(): Promise<TempLedger> {
  const ledger = await copyLedger();
  cleanup.push(ledger.root);
  return ledger;
}

describe("determinism", () => {
  it("two runs on the real ledger write byte-identical files", async () => {
    const sourcesDir = requireSourcesDir();
    const root = await scratch();
    const a = path.join(root, "a");
    const b = path.join(root, "b");
    const ra = await runPipeline({ dataDir: DATA_DIR, outDir: a, sourcesDir });
    const rb = await runPipeline({ dataDir: DATA_DIR, outDir: b, sourcesDir });
    expect(rb.files).toEqual(ra.files);

    const names = (await readdir(a)).sort();
    expect((await readdir(b)).sort()).toEqual(names);
    expect(names).toEqual([...ra.files].sort());
    for (const name of names) {
      const [x, y] = await Promise.all([readFile(path.join(a, name)), readFile(path.join(b, name))]);
      expect(x.equals(y), `${name} differs between two runs`).toBe(true);
    }
  });

  it("the manifest lists every other file with its size and SHA-256, sorted by name", async () => {
    const sourcesDir = requireSourcesDir();
    const out = path.join(await scratch(), "out");
    await runPipeline({ dataDir: DATA_DIR, outDir: out, sourcesDir });
    const manifest = Manifest.parse(JSON.parse(await readFile(path.join(out, "manifest.json"), "utf8")));
    expect(manifest.verification).toMatchObject({ status: "verified", by: "archive", unverified: 0 });
    const names = manifest.files.map((f) => f.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual((await readdir(out)).filter((n) => n !== "manifest.json").sort());
    for (const f of manifest.files) {
      const bytes = await readFile(path.join(out, f.name));
      expect(f.bytes).toBe(bytes.length);
      expect(f.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
    expect(await manifestDiscrepancies(out)).toEqual([]);
  });

  it("every JSON dataset parses with the schema the app loads it with", async () => {
    const out = path.join(await scratch(), "out");
    await runPipeline({ dataDir: DATA_DIR, outDir: out, sourcesDir: requireSourcesDir() });
    for (const name of Object.keys(DATASETS) as DatasetName[]) {
      const json: unknown = JSON.parse(await readFile(path.join(out, `${name}.json`), "utf8"));
      const parsed = DATASETS[name].safeParse(json);
      expect(parsed.success, `${name}.json: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("manifestDiscrepancies notices a changed, a missing and an extra file", async () => {
    const out = path.join(await scratch(), "out");
    await runPipeline({ dataDir: DATA_DIR, outDir: out });
    await writeFile(path.join(out, "forces.csv"), "changed\n");
    await rm(path.join(out, "story.json"));
    await writeFile(path.join(out, "stray.txt"), "");
    const found = await manifestDiscrepancies(out);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^forces\.csv has 8 bytes/),
        "story.json is listed but missing",
        "stray.txt is not in the manifest",
      ]),
    );
  });
});

describe("atomic replacement", () => {
  it("a run that fails on a broken ledger leaves the previous output byte-identical", async () => {
    const sourcesDir = requireSourcesDir();
    const ledger = await ledgerCopy();
    await ledger.run({ sourcesDir });
    const before = await snapshotDir(ledger.outDir);
    expect(before?.size).toBeGreaterThan(0);

    await ledger.edit({
      "figures.yaml": (t) => replaceInRecord(t, "stops-2020", "    value: 467\n", '    value: "abc"\n'),
    });
    await expect(ledger.run({ sourcesDir })).rejects.toBeInstanceOf(LedgerError);
    expect(await snapshotDir(ledger.outDir)).toEqual(before);
    expect(await leftovers(ledger.root)).toEqual([]);
  });

  it("a run that fails only at quote verification also leaves it untouched", async () => {
    const sourcesDir = requireSourcesDir();
    const ledger = await ledgerCopy();
    await ledger.run({ sourcesDir });
    const before = await snapshotDir(ledger.outDir);
    await ledger.edit({
      "figures.yaml": (t) => replaceOnce(t, "US-Mexico border in 2020\n", "US-Mexico border in 2019\n"),
    });
    await expect(ledger.run({ sourcesDir })).rejects.toBeInstanceOf(LedgerError);
    expect(await snapshotDir(ledger.outDir)).toEqual(before);
    expect(await leftovers(ledger.root)).toEqual([]);
  });

  it("a successful run replaces the whole folder: files from an older run do not linger", async () => {
    const ledger = await ledgerCopy();
    await ledger.run();
    await writeFile(path.join(ledger.outDir, "old-dataset.json"), "{}\n");
    await ledger.run();
    expect(await readdir(ledger.outDir)).not.toContain("old-dataset.json");
    expect(await manifestDiscrepancies(ledger.outDir)).toEqual([]);
    expect(await leftovers(ledger.root)).toEqual([]);
  });

  it("check and coverage runs write nothing", async () => {
    const sourcesDir = requireSourcesDir();
    const ledger = await ledgerCopy();
    const checked = await ledger.run({ sourcesDir, check: true });
    expect(checked.files.length).toBeGreaterThan(0);
    await ledger.run({ sourcesDir, coverage: [] });
    expect(await snapshotDir(ledger.outDir)).toBeNull();
    expect(await readdir(ledger.root)).toEqual(["data"]);
  });

  it("writeAtomically creates a missing output folder and its parents", async () => {
    const out = path.join(await scratch(), "deep", "er", "out");
    await writeAtomically(out, new Map([["a.json", "1\n"]]));
    expect(await readdir(out)).toEqual(["a.json"]);
  });

  it("writeAtomically leaves the previous output and no temporary folder when a write fails", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await mkdir(out);
    await writeFile(path.join(out, "keep.json"), "previous\n");
    // A name with a folder in it cannot be written into the flat temporary folder.
    const files = new Map([
      ["a.json", "new\n"],
      ["missing-folder/b.json", "new\n"],
    ]);
    await expect(writeAtomically(out, files)).rejects.toThrow(/ENOENT/);
    expect(await readdir(out)).toEqual(["keep.json"]);
    expect(await readFile(path.join(out, "keep.json"), "utf8")).toBe("previous\n");
    expect(await readdir(root)).toEqual(["out"]);
  });
});

describe("CSV twins", () => {
  it("give each row's caveat, source and quote; the map's rows our placements; figures.csv caveat, measure, corrections", async () => {
    const out = path.join(await scratch(), "out");
    await runPipeline({ dataDir: DATA_DIR, outDir: out });
    const rows = async (name: string) => {
      const [head, ...lines] = (await readFile(path.join(out, name), "utf8")).trimEnd().split("\n");
      return { head: head!.split(","), lines };
    };
    const map = await rows("exit-routes.csv");
    expect(map.head.slice(-4)).toEqual(["caveat", "source", "quote", "placement"]);
    const alaska = map.lines.find((l) => l.startsWith("to-alaska,"))!;
    expect(alaska).toContain(
      "Two Russians fleeing Ukraine military service land in Alaska, seek asylum in US, outlet not named, 2022-10-06",
    );
    expect(alaska).toContain("Russian coast: The article says the two left by boat");
    expect(alaska).toContain(" | Alaska: The article names no city");
    const mongolia = map.lines.find((l) => l.startsWith("to-mongolia,"))!;
    expect(mongolia).toContain(
      "Some are traveling to Mongolia, according to Daily Mail. | long lines at Russia's borders",
    );
    for (const name of ["border-stops.csv", "forces.csv", "week-breakdown.csv"])
      expect((await rows(name)).head.slice(-3), name).toEqual(["caveat", "source", "quote"]);
    const forces = await rows("forces.csv");
    expect(forces.head).toContain("comparable");
    expect(forces.lines.find((l) => l.startsWith("Air,Helicopters,"))).toContain("worded differently");
    const figures = await rows("figures.csv");
    expect(figures.head).toEqual(expect.arrayContaining(["caveat", "measure", "corrections"]));
    expect(figures.lines.find((l) => l.startsWith("ru-helicopters,"))).toMatch(/,forces-unlike-measures$/);
    // Sources by headline, outlet and date, never by the ledger's ids.
    expect(figures.head).toEqual(expect.arrayContaining(["source", "quote"]));
    expect(figures.head).not.toContain("sources");
    const stops = figures.lines.find((l) => l.startsWith("stops-2020,"))!;
    expect(stops).toContain(
      "Conscription fears grip Russia as thousands try to claim US asylum, outlet not named, 2022-02-27",
    );
    expect(stops).not.toMatch(/,conscription-fears,/);
  });
});

describe("toCsv", () => {
  it("writes a header and one line per row, quoting only cells that need it (RFC 4180)", () => {
    const csv = toCsv([
      { id: "a", value: 13367, note: "plain", flag: true },
      { id: "b", value: null, note: 'has "quotes", a comma\nand a line break', flag: false },
    ]);
    expect(csv).toBe('id,value,note,flag\na,13367,plain,true\nb,,"has ""quotes"", a comma\nand a line break",false\n');
  });

  it("writes nothing for no rows", () => {
    expect(toCsv([])).toBe("");
  });
});
