/**
 * The real ledger in data/ against the real archived texts: every quote verified,
 * every printed number meaning its value, and no number in the articles left
 * unaccounted for. The sources folder is SOURCES_DIR (CI) or ../shared/sources; when
 * it is missing these tests fail with a message saying so, they are never skipped.
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FiguresDataset, type FiguresDataset as FiguresData } from "../schema/datasets.ts";
import { LedgerError } from "./LedgerError.ts";
import { normaliseText } from "./normalise.ts";
import { parsePrinted } from "./numbers.ts";
import { runPipeline, type PipelineResult } from "./runPipeline.ts";
import { DATA_DIR, requireSourcesDir, SOURCES_DIR, tempDir, withLedger } from "./testLedger.ts";

describe("the sources folder", () => {
  it("exists (set SOURCES_DIR when it is not at ../shared/sources)", () => {
    expect(requireSourcesDir()).toBe(SOURCES_DIR);
  });

  it("a missing folder is a clear test failure, not a skip", () => {
    expect(() => requireSourcesDir("/nonexistent/sources")).toThrow(
      "archived sources folder not found at /nonexistent/sources: quotes cannot be verified. Set SOURCES_DIR",
    );
  });

  it("the pipeline given a wrong folder reports every archive as not found", async () => {
    const err = await runPipeline({
      dataDir: DATA_DIR,
      outDir: "/nonexistent/out",
      sourcesDir: "/nonexistent/sources",
      check: true,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerError);
    const problems = (err as LedgerError).problems;
    expect(problems.map((p) => p.field)).toEqual([0, 1, 2, 3, 4].map((i) => `sources[${i}].file`));
    for (const p of problems)
      expect(p.message).toMatch(/^archived text "\d{3}_[0-9a-f]{16}\.txt" not found in \/nonexistent\/sources$/);
  });
});

describe("the real ledger", () => {
  let root: string;
  let result: PipelineResult;
  let figures: FiguresData;
  let sourcesDir: string;

  beforeAll(async () => {
    sourcesDir = requireSourcesDir();
    root = await tempDir("real-ledger-");
    result = await runPipeline({ dataDir: DATA_DIR, outDir: path.join(root, "out"), sourcesDir });
    figures = FiguresDataset.parse(JSON.parse(await readFile(path.join(root, "out", "figures.json"), "utf8")));
  });
  afterAll(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

  it("verifies cleanly, with every figure of figures.yaml in the output", async () => {
    expect(result.verified).toBe(true);
    const ledger = parse(await readFile(path.join(DATA_DIR, "figures.yaml"), "utf8")) as { figures: { id: string }[] };
    expect(result.figures).toBe(ledger.figures.length);
    // The ledger's figures, then the force ratios the pipeline makes as figures of their own.
    const ids = figures.figures.map((f) => f.id);
    expect(ids.slice(0, ledger.figures.length)).toEqual(ledger.figures.map((f) => f.id));
    for (const id of ids.slice(ledger.figures.length)) expect(id).toMatch(/^forces-[a-z0-9-]+-ratio$/);
    expect(figures.verification).toMatchObject({ status: "verified", by: "archive", unverified: 0 });
  });

  it("marks every figure verified (or derived, when we computed it)", () => {
    const notVerified = figures.figures.filter(
      (f) => f.verification !== (f.basis === "derived" ? "derived" : "verified"),
    );
    expect(notVerified.map((f) => `${f.id}: ${f.verification}`)).toEqual([]);
  });

  it("every reported or context figure with a value has a quote that prints its number", () => {
    for (const f of figures.figures) {
      if (f.basis === "derived" || f.value === null) continue;
      expect(f.citations.length, f.id).toBeGreaterThan(0);
      expect(f.printed, f.id).not.toBeNull();
      expect(parsePrinted(f.printed!), `${f.id}: "${f.printed}"`).toBe(f.value);
      for (const c of f.citations)
        expect(normaliseText(c.quote).toLowerCase(), f.id).toContain(normaliseText(f.printed!).toLowerCase());
    }
  });

  it("every quote in figures.json occurs in its archived text (checked independently here)", async () => {
    const texts = new Map<string, string>();
    for (const s of figures.sources)
      texts.set(s.id, normaliseText(await readFile(path.join(sourcesDir, s.file), "utf8")));
    const missing: string[] = [];
    for (const f of figures.figures)
      for (const c of f.citations)
        if (!texts.get(c.source)?.includes(normaliseText(c.quote))) missing.push(`${f.id}: ${c.quote}`);
    for (const e of figures.events)
      for (const c of e.citations)
        if (!texts.get(c.source)?.includes(normaliseText(c.quote))) missing.push(`${e.id}: ${c.quote}`);
    expect(missing).toEqual([]);
  });

  it("leaves no number in the articles unaccounted for (coverage report)", async () => {
    const out = path.join(root, "coverage-out");
    const report = await runPipeline({ dataDir: DATA_DIR, outDir: out, sourcesDir, coverage: [] });
    const rows = report.coverage!;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(figures.sources.map((s) => s.id)));
    const unaccounted = rows
      .filter((r) => r.status === "unaccounted")
      .map((r) => `${r.source}: "${r.number}" in ${r.sentence}`);
    expect(unaccounted).toEqual([]);
    for (const r of rows) expect(r.by, `${r.source} ${r.number}`).not.toBe("");
  });

  it("a coverage report limited to one source lists only that source", async () => {
    const report = await runPipeline({
      dataDir: DATA_DIR,
      outDir: path.join(root, "x"),
      sourcesDir,
      coverage: ["alaska-boat"],
    });
    expect(new Set(report.coverage!.map((r) => r.source))).toEqual(new Set(["alaska-boat"]));
    const byFile = await runPipeline({
      dataDir: DATA_DIR,
      outDir: path.join(root, "x"),
      sourcesDir,
      coverage: ["000_03dad1200ff45a92.txt"],
    });
    expect(byFile.coverage).toEqual(report.coverage);
  });

  it("without a sources folder, verifies every quote by the committed lock, and says so", async () => {
    const out = path.join(root, "by-lock");
    const r = await runPipeline({ dataDir: DATA_DIR, outDir: out });
    expect(r.verified).toBe(true);
    expect(r.lock.state).toBe("used");
    expect(r.quoteChecks).toEqual({ verified: r.quotes, unverified: 0 });
    const data = FiguresDataset.parse(JSON.parse(await readFile(path.join(out, "figures.json"), "utf8")));
    expect(data.verification).toMatchObject({ status: "verified", by: "lock", unverified: 0 });
    expect(data.verification.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Set(data.figures.map((f) => f.verification))).toEqual(new Set(["verified", "derived"]));
    const sha = new Map(data.sources.map((s) => [s.id, s.sha256]));
    for (const f of data.figures)
      for (const c of f.citations)
        expect(c.verified, `${f.id}: ${c.quote}`).toEqual({ date: expect.any(String), sha256: sha.get(c.source) });
    const manifest = JSON.parse(await readFile(path.join(out, "manifest.json"), "utf8")) as { verification: unknown };
    expect(manifest.verification).toMatchObject({ status: "verified", by: "lock", unverified: 0 });
  });

  it("with neither the archives nor a lock, runs but marks every dataset unverified", async () => {
    await withLedger(async (ledger) => {
      await ledger.edit({ "quotes.lock.json": null });
      const r = await ledger.run();
      expect(r.verified).toBe(false);
      expect(r.lock.state).toBe("missing");
      const data = FiguresDataset.parse(JSON.parse(await readFile(path.join(ledger.outDir, "figures.json"), "utf8")));
      expect(data.verification).toEqual({ status: "unverified", by: null, date: null, unverified: expect.any(Number) });
      expect(data.verification.unverified).toBeGreaterThan(0);
      expect(new Set(data.figures.map((f) => f.verification))).toEqual(new Set(["unverified", "derived"]));
      for (const f of data.figures) for (const c of f.citations) expect(c.verified).toBeNull();
      const manifest = JSON.parse(await readFile(path.join(ledger.outDir, "manifest.json"), "utf8")) as {
        verification: { status: string };
      };
      expect(manifest.verification.status).toBe("unverified");
    });
  });
});
