/**
 * npm run bench [-- --runs 7 --lighthouse-runs 3 --skip lighthouse,pipeline,map --skip-build]
 *
 * Builds the app and the reference pages, then measures them side by side in one run,
 * in headless Debian Chromium, and prints a table (stdout; progress goes to stderr).
 * Writes results/bench/bench.json and results/bench/bench.md.
 *
 *   1. Bytes: JS and CSS (raw, gzip) each entry point downloads, recorded from the
 *      browser's requests and checked against the Vite manifest.
 *   2. Times: first paint (FCP), graphics first drawn, drawn (chart SVG in the page;
 *      MapLibre `idle`), median of --runs interleaved loads, each in a fresh context.
 *   3. Reference pages built with Vite from bench/pages/: the border-stop chart in
 *      bare d3, bare React + d3-scale, Vega-Lite and Chart.js; a bare MapLibre page
 *      with the same basemap. Every figure is also given as a ratio to them.
 *   4. Lighthouse (mobile defaults) for the explorer, a chart embed, the presentation.
 *   5. Pipeline scaling: the real ledger and generated ledgers of 1,000 to 100,000
 *      figures, each run in a child process (time, peak RSS); flags superlinear growth.
 *   6. Map scaling: MapLibre `idle` with the real flows and with generated ones.
 * Times are reported, never asserted; the byte budgets are asserted by test/budget.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CHROMIUM_ARGS } from "../../playwright.config.ts";
import type { ExitRoutesDataset } from "../../src/schema/datasets.ts";
import { REFERENCE_PAGES } from "../../bench/referencePages.ts";
import { BrowserRunner, interleaved, type LoadResult, type PageSpec, type RequestRecord } from "./browserRuns.ts";
import { CHART_EMBED_TARGET_KIB, ENTRY_POINTS, GL_MAP_READY, SVG_MAP_READY, type EntryPoint } from "./entryPoints.ts";
import { withGeneratedFlows } from "./flows.ts";
import { generateLedger } from "./ledgerGen.ts";
import { lighthouseFlags, lighthouseRun, type LighthouseResult } from "./lighthouseRuns.ts";
import { entryDownloads, KiB, readManifest, sum, type Bytes } from "./manifestBytes.ts";
import { serveStatic } from "./staticServer.ts";
import { growthExponent, ratio, summarise, type Summary } from "./stats.ts";
import { kib, ms, num, table, times } from "./table.ts";

const USAGE = `usage: npm run bench -- [--runs N] [--scaling-runs N] [--lighthouse-runs N] [--pipeline-sizes 1000,10000,100000] [--map-flows 1000,5000] [--skip lighthouse,pipeline,map] [--skip-build]`;

const { values: opts } = parseArgs({
  options: {
    runs: { type: "string", default: "7" },
    "scaling-runs": { type: "string", default: "3" },
    "lighthouse-runs": { type: "string", default: "3" },
    "pipeline-sizes": { type: "string", default: "1000,10000,100000" },
    "map-flows": { type: "string", default: "1000,5000" },
    skip: { type: "string", default: "" },
    "skip-build": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (opts.help) {
  console.error(USAGE);
  process.exit(0);
}
const RUNS = Number(opts.runs);
const LH_RUNS = Number(opts["lighthouse-runs"]);
// The scaling experiments (5,000 flows, 100,000 figures) take tens of seconds a run:
// fewer runs, so that the whole bench stays within ten minutes on two cores.
const SCALING_RUNS = Number(opts["scaling-runs"]);
const PIPELINE_SIZES = opts["pipeline-sizes"].split(",").filter(Boolean).map(Number);
const MAP_FLOWS = opts["map-flows"].split(",").filter(Boolean).map(Number);
const SKIP = new Set(opts.skip.split(",").filter(Boolean));
if (
  ![RUNS, SCALING_RUNS, LH_RUNS, ...PIPELINE_SIZES, ...MAP_FLOWS].every((n) => Number.isInteger(n) && n >= 0) ||
  RUNS < 1
) {
  console.error(USAGE);
  process.exit(2);
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const OUT = path.join(ROOT, "results/bench");
const APP_DIST = path.join(OUT, "app");
const PAGES_DIST = path.join(OUT, "pages");
const BIN = path.join(ROOT, "node_modules/.bin");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SOURCES =
  process.env.SOURCES_DIR ??
  (existsSync(path.join(ROOT, "../shared/sources")) ? path.join(ROOT, "../shared/sources") : undefined);
const VIEWPORT = { width: 1280, height: 800 };
const LOAD_TIMEOUT = 120_000;

const started = Date.now();
const log = (...a: unknown[]) =>
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);

function sh(cmd: string, args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ["ignore", 2, 2], env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status})`);
}

// ------------------------------------------------------------------ 1. build

const loadBefore = loadavg();
if (!opts["skip-build"]) {
  log(
    `pipeline → public/data ${SOURCES ? `(quotes verified against ${path.relative(ROOT, SOURCES)})` : "(quotes not verified: no SOURCES_DIR)"}`,
  );
  sh(path.join(BIN, "tsx"), ["src/pipeline/cli.ts", ...(SOURCES ? ["--sources", SOURCES] : [])]);
  log("vite build → results/bench/app");
  sh(path.join(BIN, "vite"), ["build", "--outDir", APP_DIST, "--emptyOutDir", "--logLevel", "warn"]);
  log("reference pages → results/bench/pages");
  rmSync(PAGES_DIST, { recursive: true, force: true });
  for (const page of REFERENCE_PAGES)
    sh(path.join(BIN, "vite"), ["build", "-c", "bench/vite.config.ts"], { BENCH_PAGE: page });
  log("what-if page (border-stops embed on preact/compat) → results/bench/pages");
  sh(path.join(BIN, "vite"), ["build", "-c", "bench/vite.preact.config.ts"]);
}

// ------------------------------------------------------------------ 2. pages

interface Page extends PageSpec {
  /** what-if: the app's own page built another way (bench/vite.preact.config.ts). */
  kind: "app" | "reference" | "what-if" | "map-scaling";
  entry?: EntryPoint;
  flows?: number;
}

const REFERENCE_LABELS: Record<(typeof REFERENCE_PAGES)[number], string> = {
  d3: "ref: bare d3",
  react: "ref: React + d3-scale",
  "vega-lite": "ref: Vega-Lite",
  chartjs: "ref: Chart.js",
  maplibre: "ref: bare MapLibre",
};
const REFS = REFERENCE_PAGES.map((p) => `ref-${p}`);

const appPages: Page[] = ENTRY_POINTS.map((e) => ({
  id: e.id,
  label: e.label,
  path: e.path,
  drawn: e.drawn,
  ...(e.firstDrawn ? { firstDrawn: e.firstDrawn } : {}),
  kind: "app",
  entry: e,
}));
const refPages: Page[] = REFERENCE_PAGES.map((p) => ({
  id: `ref-${p}`,
  label: REFERENCE_LABELS[p],
  path: `/bench/${p}.html`,
  drawn: ["html[data-bench-drawn]"],
  kind: "reference",
}));

const borderStopsEmbed = ENTRY_POINTS.find((e) => e.id === "embed-border-stops")!;
const whatIfPages: Page[] = [
  {
    id: "what-if-preact",
    label: "what-if: border-stops embed on preact/compat",
    path: "/bench/embed/border-stops.html",
    drawn: borderStopsEmbed.drawn,
    kind: "what-if",
  },
];

const realRoutes = JSON.parse(readFileSync(path.join(APP_DIST, "data/exit-routes.json"), "utf8")) as ExitRoutesDataset;
const mapPages: Page[] = SKIP.has("map")
  ? []
  : [realRoutes.routes.length, ...MAP_FLOWS.filter((n) => n > realRoutes.routes.length)].map((flows) => {
      const data = flows === realRoutes.routes.length ? realRoutes : withGeneratedFlows(realRoutes, flows);
      return {
        id: `map-${flows}`,
        label: `map embed, ${flows.toLocaleString("en-GB")} flows${flows === realRoutes.routes.length ? " (real)" : ""}`,
        // engine=maplibre: MapLibre starts at once, not when the reader reaches for the map.
        path: "/embed/exit-routes.html?engine=maplibre",
        drawn: [GL_MAP_READY],
        firstDrawn: [SVG_MAP_READY],
        routes: { "**/data/exit-routes.json": JSON.stringify(data) },
        kind: "map-scaling",
        flows,
      };
    });
const pages = [...appPages, ...refPages, ...whatIfPages, ...mapPages];

const server = await serveStatic({
  "/": APP_DIST,
  "/bench/": PAGES_DIST,
  "/preact-assets/": path.join(PAGES_DIST, "preact-assets"),
});
const runner = await BrowserRunner.launch(server.origin, {
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
  viewport: VIEWPORT,
  timeout: LOAD_TIMEOUT,
});
const chromiumVersion = runner.version();
log(`Chromium ${chromiumVersion}, ${pages.length} pages, serving ${server.origin}`);

// One untimed load per page: its requests (bytes are the same on every load), and a warm-up.
const requests = new Map<string, RequestRecord[]>();
for (const page of pages) {
  try {
    const r = await runner.load(page, true);
    requests.set(page.id, r.requests);
    log(`${page.id}: drawn at ${ms(r.drawn)} ms, ${r.requests.length} requests`);
  } catch (err) {
    log(`${page.id}: FAILED: ${(err as Error).message.split("\n")[0]}`);
  }
}
log(`bytes recorded; ${RUNS} interleaved rounds of ${pages.length} loads`);

const progress =
  (set: readonly Page[], rounds: number) => (page: PageSpec, round: number, result: LoadResult | Error) => {
    if (result instanceof Error) log(`round ${round + 1}: ${page.id} FAILED: ${result.message.split("\n")[0]}`);
    else if (page === set[(set.length - 1 + round) % set.length]) log(`round ${round + 1}/${rounds} done`);
  };
const mainPages = [...appPages, ...refPages, ...whatIfPages];
const loads = await interleaved(runner, mainPages, RUNS, progress(mainPages, RUNS));
if (mapPages.length > 0 && SCALING_RUNS > 0) {
  log(`map scaling: ${SCALING_RUNS} interleaved rounds of ${mapPages.length} loads`);
  for (const [id, ls] of await interleaved(runner, mapPages, SCALING_RUNS, progress(mapPages, SCALING_RUNS)))
    loads.set(id, ls);
}
await runner.close();

// ------------------------------------------------------------------ 3. Lighthouse

const LH_PAGES = ["explorer", "embed-border-stops", "present"] as const;
const lighthouse = new Map<string, LighthouseResult[]>(LH_PAGES.map((id) => [id, []]));
if (!SKIP.has("lighthouse") && LH_RUNS > 0) {
  log(`Lighthouse: ${LH_RUNS} rounds × ${LH_PAGES.length} pages`);
  for (let r = 0; r < LH_RUNS; r++) {
    for (let i = 0; i < LH_PAGES.length; i++) {
      const id = LH_PAGES[(i + r) % LH_PAGES.length]!;
      const page = pages.find((p) => p.id === id)!;
      try {
        lighthouse
          .get(id)!
          .push(await lighthouseRun(server.origin + page.path, CHROMIUM, lighthouseFlags(CHROMIUM_ARGS)));
      } catch (err) {
        log(`Lighthouse ${id} failed: ${(err as Error).message}`);
      }
    }
    log(`Lighthouse round ${r + 1}/${LH_RUNS} done`);
  }
}
await server.close();

// ------------------------------------------------------------------ 4. pipeline scaling

interface PipelineRun {
  wallMs: number;
  runMs: number;
  figures: number;
  maxRssKiB: number;
}

function pipelineChild(dataDir: string, outDir: string): Promise<PipelineRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(path.join(BIN, "tsx"), ["scripts/bench/pipelineChild.ts", dataDir, outDir, SOURCES ?? ""], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (err += d));
    child.on("close", (code) => {
      const wallMs = performance.now() - t0;
      if (code !== 0) return reject(new Error(`pipeline child exited ${code}: ${err.slice(-500)}`));
      const r = JSON.parse(out.trim().split("\n").pop()!) as { ms: number; figures: number; maxRssKiB: number };
      resolve({ wallMs, runMs: r.ms, figures: r.figures, maxRssKiB: r.maxRssKiB });
    });
  });
}

const pipelineRuns = new Map<number, PipelineRun[]>();
let realFigures = 0;
if (!SKIP.has("pipeline")) {
  const tmp = path.join(tmpdir(), `exodus-bench-${process.pid}`);
  try {
    const sizes = [0, ...PIPELINE_SIZES];
    const dirs = new Map<number, string>();
    for (const extra of sizes) {
      const dir = path.join(tmp, `ledger-${extra}`);
      const figures = await generateLedger(path.join(ROOT, "data"), dir, extra);
      if (extra === 0) realFigures = figures;
      dirs.set(extra, dir);
      pipelineRuns.set(extra, []);
    }
    // Large ledgers take tens of seconds a run: fewer runs as they grow.
    const runsFor = (extra: number) => (extra <= 1000 ? RUNS : extra <= 10_000 ? SCALING_RUNS : 1);
    log(
      `pipeline: ${sizes.map((s) => `${(realFigures + s).toLocaleString("en-GB")} figures × ${runsFor(s)}`).join(", ")}${SOURCES ? ", quotes verified" : ""}`,
    );
    for (let r = 0; r < RUNS; r++) {
      for (const extra of sizes) {
        if (r >= runsFor(extra)) continue;
        pipelineRuns.get(extra)!.push(await pipelineChild(dirs.get(extra)!, path.join(tmp, `out-${extra}`)));
      }
    }
    log("pipeline done");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ 5. results

const loadAfter = loadavg();

const kinds = (rs: readonly RequestRecord[], type: RequestRecord["type"]): Bytes =>
  sum(rs.filter((r) => r.type === type));

interface PageResult {
  id: string;
  label: string;
  kind: Page["kind"];
  bytes: {
    js: Bytes;
    css: Bytes;
    data: Bytes;
    requests: number;
    /** From the Vite manifest: JS and CSS before the graphics first appear, and after. */
    manifest?: { drawJs: Bytes; afterJs: Bytes; drawCss: Bytes; afterCss: Bytes };
    /** JS files the browser loaded that the manifest does not list for this page, and the reverse. */
    notInManifest?: string[];
    notLoaded?: string[];
    files: RequestRecord[];
  };
  fcp: Summary;
  firstDrawn: Summary;
  drawn: Summary;
  failures: number;
}

const manifest = readManifest(APP_DIST);
const results: PageResult[] = pages.map((p) => {
  const rs = requests.get(p.id) ?? [];
  const ls: LoadResult[] = loads.get(p.id) ?? [];
  const result: PageResult = {
    id: p.id,
    label: p.label,
    kind: p.kind,
    bytes: { js: kinds(rs, "js"), css: kinds(rs, "css"), data: kinds(rs, "data"), requests: rs.length, files: rs },
    fcp: summarise(ls.map((l) => l.fcp ?? Number.NaN)),
    firstDrawn: summarise(ls.map((l) => l.firstDrawn)),
    drawn: summarise(ls.map((l) => l.drawn)),
    failures: (p.kind === "map-scaling" ? SCALING_RUNS : RUNS) - ls.length,
  };
  if (p.entry) {
    const d = entryDownloads(APP_DIST, manifest, p.entry);
    result.bytes.manifest = {
      drawJs: sum(d.draw.js),
      afterJs: sum(d.after.js),
      drawCss: sum(d.draw.css),
      afterCss: sum(d.after.css),
    };
    const listed = new Set([...d.draw.js, ...d.after.js].map((f) => `/${f.file}`));
    const loaded = new Set(rs.filter((r) => r.type === "js").map((r) => r.url));
    result.bytes.notInManifest = [...loaded].filter((f) => !listed.has(f));
    result.bytes.notLoaded = [...listed].filter((f) => !loaded.has(f));
  }
  return result;
});
const byId = new Map(results.map((r) => [r.id, r]));

const lhSummary = Object.fromEntries(
  [...lighthouse].map(([id, rs]) => [
    id,
    {
      runs: rs.length,
      score: summarise(rs.map((r) => r.score)),
      fcp: summarise(rs.map((r) => r.fcp)),
      lcp: summarise(rs.map((r) => r.lcp)),
      tbt: summarise(rs.map((r) => r.tbt)),
      cls: summarise(rs.map((r) => r.cls)),
      speedIndex: summarise(rs.map((r) => r.speedIndex)),
      warnings: [...new Set(rs.flatMap((r) => r.warnings))],
    },
  ]),
);

const pipeline = [...pipelineRuns].map(([extra, rs]) => ({
  figures: rs[0]?.figures ?? realFigures + extra,
  generated: extra,
  runs: rs.length,
  runMs: summarise(rs.map((r) => r.runMs)),
  wallMs: summarise(rs.map((r) => r.wallMs)),
  peakRssMiB: summarise(rs.map((r) => r.maxRssKiB / 1024)),
}));
const pipelineRows = pipeline.map((p, i) => {
  const prev = i > 0 ? pipeline[i - 1]! : undefined;
  const exponent =
    prev && p.figures >= 1000 && prev.figures >= 1000
      ? growthExponent(prev.figures, prev.runMs.median, p.figures, p.runMs.median)
      : Number.NaN;
  return {
    ...p,
    usPerFigure: (p.runMs.median * 1000) / p.figures,
    growthExponent: exponent,
    superlinear: exponent > 1.25,
  };
});

const ref = (id: string) => byId.get(id);
const median = (r: PageResult | undefined, k: "fcp" | "firstDrawn" | "drawn") => r?.[k].median ?? Number.NaN;

// Budgets from the issue: measured against the same run's reference pages.
interface BudgetRow {
  budget: string;
  target: string;
  measured: string;
  met: boolean | null;
}
const budgets: BudgetRow[] = [];
const check = (budget: string, target: string, measured: string, met: boolean | null, rows = budgets) =>
  rows.push({ budget, target, measured, met });
/** The three chart-embed budgets for one page's results. */
function checkChartEmbed(r: PageResult, rows = budgets): void {
  check(
    `${r.label}: gzip JS`,
    `≤ ${CHART_EMBED_TARGET_KIB} KiB`,
    `${kib(r.bytes.js.gzip)} KiB`,
    r.bytes.js.gzip <= CHART_EMBED_TARGET_KIB * KiB,
    rows,
  );
  const vsReact = ratio(median(r, "drawn"), median(ref("ref-react"), "drawn"));
  check(
    `${r.label}: drawn vs bare React`,
    "≤ 1.15×",
    times(vsReact),
    Number.isFinite(vsReact) ? vsReact <= 1.15 : null,
    rows,
  );
  const vsVega = ratio(median(r, "drawn"), median(ref("ref-vega-lite"), "drawn"));
  check(
    `${r.label}: drawn vs Vega-Lite`,
    "≤ 0.60×",
    times(vsVega),
    Number.isFinite(vsVega) ? vsVega <= 0.6 : null,
    rows,
  );
}
for (const id of ["embed-border-stops", "embed-forces", "embed-week-breakdown"]) checkChartEmbed(byId.get(id)!);
/** The same budgets for the what-if pages: not the product's, reported apart. */
const whatIfBudgets: BudgetRow[] = [];
for (const p of whatIfPages) checkChartEmbed(byId.get(p.id)!, whatIfBudgets);
const explorer = byId.get("explorer")!;
const lhExplorer = lhSummary["explorer"];
if (lhExplorer && lhExplorer.runs > 0) {
  check(
    "explorer: Lighthouse performance (mobile)",
    "≥ 95",
    num(lhExplorer.score.median),
    lhExplorer.score.median >= 95,
  );
  check("explorer: Lighthouse TBT", "≤ 200 ms", `${ms(lhExplorer.tbt.median)} ms`, lhExplorer.tbt.median <= 200);
  check("explorer: Lighthouse CLS", "≤ 0.02", num(lhExplorer.cls.median, 3), lhExplorer.cls.median <= 0.02);
}
{
  const drawJs = explorer.bytes.manifest?.drawJs.gzip ?? Number.NaN;
  const glInFirst = ENTRY_POINTS.find((e) => e.id === "explorer")!.draw.some((k) => k.includes("MapLibre"));
  const gl = explorer.bytes.files.find((f) => /MapLibreExitRouteMap-.*\.js$/.test(f.url));
  check(
    "explorer: first paint does not wait for maplibre-gl",
    "MapLibre after FCP",
    `maplibre-gl not in the first-paint JS (${kib(drawJs)} KiB); FCP ${ms(median(explorer, "fcp"))} ms; ${gl ? `MapLibre chunk loaded at ${ms(gl.end)} ms` : "MapLibre not loaded until the reader reaches for the map"}`,
    !glInFirst && (gl === undefined || median(explorer, "fcp") < gl.end),
  );
}
const realMap = mapPages[0] ? byId.get(mapPages[0].id) : undefined;
{
  const v = ratio(median(realMap, "drawn"), median(ref("ref-maplibre"), "drawn"));
  check(
    "map: MapLibre idle with all real flows vs bare MapLibre",
    "≤ 1.10×",
    times(v),
    Number.isFinite(v) ? v <= 1.1 : null,
  );
}
const realPipeline = pipelineRows[0];
if (realPipeline) {
  check(
    "pipeline: real ledger, load → write (runPipeline, fresh process)",
    "< 1,000 ms",
    `${ms(realPipeline.runMs.median)} ms (process wall time with Node and tsx start-up: ${ms(realPipeline.wallMs.median)} ms)`,
    realPipeline.runMs.median < 1000,
  );
  check(
    "pipeline: linear growth",
    "exponent ≤ 1.25",
    pipelineRows
      .map((p) => (Number.isFinite(p.growthExponent) ? p.growthExponent.toFixed(2) : null))
      .filter(Boolean)
      .join(", ") || "–",
    pipelineRows.every((p) => !p.superlinear),
  );
}
for (const p of appPages) {
  const r = byId.get(p.id)!;
  const b = p.entry!.budget;
  const m = r.bytes.manifest!;
  check(
    `${r.label}: first-paint gzip JS (test/budget)`,
    `≤ ${b.drawKiB} KiB`,
    `${kib(m.drawJs.gzip)} KiB`,
    m.drawJs.gzip <= b.drawKiB * KiB,
  );
  if (b.totalKiB !== undefined)
    check(
      `${r.label}: total gzip JS (test/budget)`,
      `≤ ${b.totalKiB} KiB`,
      `${kib(m.drawJs.gzip + m.afterJs.gzip)} KiB`,
      m.drawJs.gzip + m.afterJs.gzip <= b.totalKiB * KiB,
    );
}

// ------------------------------------------------------------------ 6. report

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${process.platform} ${release()}`,
  node: process.version,
  chromium: chromiumVersion,
  loadAverage: {
    before: loadBefore.map((l) => Number(l.toFixed(2))),
    after: loadAfter.map((l) => Number(l.toFixed(2))),
  },
};
const date = new Date().toISOString();

const budgetTable = (rows: readonly BudgetRow[]) =>
  table(
    ["budget", "target", "measured", "met"],
    rows.map((b) => [b.budget, b.target, b.measured, b.met === null ? "–" : b.met ? "yes" : "NO"]),
    ["left", "left", "left", "left"],
  );

const md: string[] = [];
md.push(`# npm run bench — ${date.slice(0, 16).replace("T", " ")} UTC`);
md.push("");
md.push(
  `${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium} (headless, SwiftShader WebGL), viewport ${VIEWPORT.width}×${VIEWPORT.height}. ` +
    `Load average before/after: ${machine.loadAverage.before[0]} / ${machine.loadAverage.after[0]}. Median of ${RUNS} interleaved runs per page (${SCALING_RUNS} for map scaling), each in a fresh browser context; served uncompressed from 127.0.0.1.`,
);
md.push("");

const refCols = REFS.map((id) => `× ${byId.get(id)?.label.replace(/^ref: /, "") ?? id}`);
const comparedToRefs = (r: PageResult) => r.kind === "app" || r.kind === "what-if";
const ratios = (value: (r: PageResult) => number, r: PageResult) =>
  REFS.map((id) => times(ratio(value(r), value(byId.get(id)!))));

md.push("## Bytes each page downloads (KiB; gzip at zlib's default level, as Vite reports)");
md.push("");
md.push(
  table(
    ["page", "JS gzip", "JS raw", "first-paint JS gzip", "CSS gzip", "CSS raw", "data gzip", "requests"],
    results
      .filter((r) => r.kind !== "map-scaling")
      .map((r) => [
        r.label,
        kib(r.bytes.js.gzip),
        kib(r.bytes.js.raw),
        r.bytes.manifest ? kib(r.bytes.manifest.drawJs.gzip) : "",
        kib(r.bytes.css.gzip),
        kib(r.bytes.css.raw),
        kib(r.bytes.data.gzip),
        String(r.bytes.requests),
      ]),
    ["left", "right", "right", "right", "right", "right", "right", "right"],
  ),
);
md.push("");
md.push(
  "JS and CSS: every file the browser downloaded until the network was quiet (the map's MapLibre chunk and worker included). First-paint JS: the Vite manifest's entry chunk, static imports and the `import()`s needed to draw the graphics before MapLibre (what test/budget checks).",
);
md.push("");
md.push("### JS gzip as a ratio to the reference pages");
md.push("");
md.push(
  table(
    ["page", ...refCols],
    results.filter(comparedToRefs).map((r) => [r.label, ...ratios((x) => x.bytes.js.gzip, r)]),
    ["left", ...REFS.map(() => "right" as const)],
  ),
);
md.push("");

md.push(`## Times (ms from navigation start; median of ${RUNS})`);
md.push("");
md.push(
  table(
    ["page", "first paint (FCP)", "graphics first drawn", "drawn", "drawn min–max", "failed loads"],
    results
      .filter((r) => r.kind !== "map-scaling")
      .map((r) => [
        r.label,
        ms(r.fcp.median),
        ms(r.firstDrawn.median),
        ms(r.drawn.median),
        `${ms(r.drawn.min)}–${ms(r.drawn.max)}`,
        String(r.failures),
      ]),
    ["left", "right", "right", "right", "right", "right"],
  ),
);
md.push("");
md.push(
  'Drawn: every chart\'s SVG in the page; for the map, MapLibre\'s `idle` (data-map-ready="true" with data-map-engine="maplibre"). Graphics first drawn: the same with the SVG map instead of MapLibre. A reference page is drawn when its chart or map is rendered.',
);
md.push("");
md.push("### Drawn time as a ratio to the reference pages");
md.push("");
md.push(
  table(
    ["page", ...refCols],
    results.filter(comparedToRefs).map((r) => [r.label, ...ratios((x) => x.drawn.median, r)]),
    ["left", ...REFS.map(() => "right" as const)],
  ),
);
md.push("");
md.push("### First paint as a ratio to the reference pages");
md.push("");
md.push(
  table(
    ["page", ...refCols],
    results.filter(comparedToRefs).map((r) => [r.label, ...ratios((x) => x.fcp.median, r)]),
    ["left", ...REFS.map(() => "right" as const)],
  ),
);
md.push("");

if (Object.values(lhSummary).some((s) => s.runs > 0)) {
  md.push(`## Lighthouse (mobile defaults: simulated slow 4G, 4× CPU slowdown; median of ${LH_RUNS})`);
  md.push("");
  md.push(
    table(
      ["page", "performance", "FCP ms", "LCP ms", "TBT ms", "CLS", "Speed Index ms", "runs"],
      Object.entries(lhSummary).map(([id, s]) => [
        byId.get(id)!.label,
        num(s.score.median),
        ms(s.fcp.median),
        ms(s.lcp.median),
        ms(s.tbt.median),
        num(s.cls.median, 3),
        ms(s.speedIndex.median),
        String(s.runs),
      ]),
      ["left", "right", "right", "right", "right", "right", "right", "right"],
    ),
  );
  md.push("");
}

if (mapPages.length > 0) {
  const real = byId.get(mapPages[0]!.id)!;
  md.push(`## Map scaling (map embed, exit-routes.json replaced; median of ${SCALING_RUNS} interleaved runs)`);
  md.push("");
  md.push(
    table(
      ["flows", "SVG map drawn ms", "MapLibre idle ms", "× real flows", "× bare MapLibre", "exit-routes.json gzip KiB"],
      mapPages.map((p) => {
        const r = byId.get(p.id)!;
        const data = r.bytes.files.find((f) => f.url.startsWith("/data/exit-routes.json"));
        return [
          `${p.flows!.toLocaleString("en-GB")}${p === mapPages[0] ? " (real)" : ""}`,
          ms(r.firstDrawn.median),
          ms(r.drawn.median),
          times(ratio(r.drawn.median, real.drawn.median)),
          times(ratio(r.drawn.median, median(ref("ref-maplibre"), "drawn"))),
          kib(data?.gzip ?? Number.NaN),
        ];
      }),
      ["right", "right", "right", "right", "right", "right"],
    ),
  );
  md.push("");
}

if (pipelineRows.length > 0) {
  md.push(`## Pipeline scaling (load → validate → cross-check → verify → derive → write; fresh process per run)`);
  md.push("");
  md.push(
    table(
      ["figures", "runs", "runPipeline ms", "process wall ms", "µs per figure", "growth exponent", "peak RSS MiB"],
      pipelineRows.map((p) => [
        p.figures.toLocaleString("en-GB"),
        String(p.runs),
        ms(p.runMs.median),
        ms(p.wallMs.median),
        num(p.usPerFigure),
        Number.isFinite(p.growthExponent) ? `${p.growthExponent.toFixed(2)}${p.superlinear ? " SUPERLINEAR" : ""}` : "",
        num(p.peakRssMiB.median),
      ]),
      ["right", "right", "right", "right", "right", "right", "right"],
    ),
  );
  md.push("");
  md.push(
    `Growth exponent k between a size and the one before (t ∝ figures^k): 1 is linear; above 1.25 is flagged. ${SOURCES ? "Quotes verified against the archived texts." : "Quotes not verified (no SOURCES_DIR)."}`,
  );
  md.push("");
}

md.push("## Budgets");
md.push("");
md.push(budgetTable(budgets));
md.push("");

if (whatIfBudgets.length > 0) {
  md.push("## What-if: the chart-embed budgets with preact/compat instead of React");
  md.push("");
  md.push(
    "The app's own embed/border-stops.html, source unchanged, built with react and react-dom aliased to Preact's compatibility layer (bench/vite.preact.config.ts). The app ships on React 19, the chosen stack; this row measures what the lighter runtime would give.",
  );
  md.push("");
  md.push(budgetTable(whatIfBudgets));
  md.push("");
}

const mismatches = results.filter((r) => (r.bytes.notInManifest?.length ?? 0) + (r.bytes.notLoaded?.length ?? 0) > 0);
if (mismatches.length > 0) {
  md.push("## Requests vs the Vite manifest");
  md.push("");
  for (const r of mismatches) {
    if (r.bytes.notInManifest!.length)
      md.push(`- ${r.label}: loaded, but not in its manifest closure: ${r.bytes.notInManifest!.join(", ")}`);
    if (r.bytes.notLoaded!.length)
      md.push(`- ${r.label}: in its manifest closure, but not loaded: ${r.bytes.notLoaded!.join(", ")}`);
  }
  md.push("");
}
md.push(`Total bench time: ${Math.round((Date.now() - started) / 1000)} s.`);

const report = md.join("\n") + "\n";
mkdirSync(OUT, { recursive: true });
writeFileSync(path.join(OUT, "bench.md"), report);
writeFileSync(
  path.join(OUT, "bench.json"),
  JSON.stringify(
    {
      date,
      machine,
      settings: {
        runs: RUNS,
        scalingRuns: SCALING_RUNS,
        lighthouseRuns: LH_RUNS,
        viewport: VIEWPORT,
        chromiumArgs: CHROMIUM_ARGS,
        sourcesVerified: Boolean(SOURCES),
      },
      pages: results,
      lighthouse: lhSummary,
      mapScaling: mapPages.map((p) => ({ flows: p.flows, page: p.id })),
      pipeline: pipelineRows,
      budgets,
      whatIfBudgets,
    },
    null,
    2,
  ) + "\n",
);
console.log(report);
log(`wrote ${path.relative(ROOT, path.join(OUT, "bench.json"))} and bench.md`);
