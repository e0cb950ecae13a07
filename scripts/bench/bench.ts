/**
 * npm run bench [-- --runs 7 --lighthouse-runs 3 --skip lighthouse,pipeline,map --skip-build]
 *
 * Builds the app and the reference pages, then measures them side by side in one run,
 * in headless Debian Chromium, and prints a table (stdout; progress goes to stderr).
 * Writes results/bench/bench.json and results/bench/bench.md.
 *
 *   1. Bytes: the HTML, JS and CSS (raw, gzip) each page downloads, recorded from the
 *      browser's requests and checked against the Vite manifest; the JS requested
 *      before the first paint (resource timing).
 *   2. Times: first paint (FCP); drawn (a graphic in the HTML as delivered is drawn with
 *      the first paint; one drawn by script when it is in the page; MapLibre `idle`);
 *      interactive (the `exodus:interactive` mark, and a click on a chart number right
 *      after it must open the number's record); median of --runs interleaved loads,
 *      each in a fresh context.
 *   3. Reference pages built with Vite from bench/pages/: the border-stop chart in
 *      bare d3, bare React + d3-scale, Vega-Lite and Chart.js; a bare MapLibre page
 *      with the same basemap. Their chart is drawn when it is in the page (as ever) and
 *      painted when its text is presented (Element Timing); the app's paint-time figures
 *      are compared with their paint.
 *   4. Lighthouse (mobile defaults) for the explorer, every embed page, the presentation.
 *   5. Pipeline scaling: the real ledger and generated ledgers of 1,000 to 100,000
 *      figures, each run in a child process (time, peak RSS); flags superlinear growth.
 *   6. Map scaling: the map embed prerendered with the real flows and generated ones;
 *      MapLibre `idle` on each.
 * Times are reported, never asserted; the byte budgets are asserted by test/budget.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CHROMIUM_ARGS } from "../../playwright.config.ts";
import { isGraphicId } from "../../src/graphics/registry.ts";
import { REFERENCE_PAGES } from "../../bench/referencePages.ts";
import {
  BrowserRunner,
  interleaved,
  type EarlyScript,
  type LoadResult,
  type PageSpec,
  type RequestRecord,
} from "./browserRuns.ts";
import {
  CHART_EMBEDS,
  CHART_NUMBER,
  ENTRY_POINTS,
  firstStepDrawn,
  GL_MAP_READY,
  RECORD_OPEN,
  SVG_MAP_READY,
  type EntryPoint,
} from "./entryPoints.ts";
import { parseHtml, selectorsInHtml } from "./htmlCheck.ts";
import { generateLedger } from "./ledgerGen.ts";
import { lighthouseFlags, lighthouseRun, type LighthouseResult } from "./lighthouseRuns.ts";
import { entryDownloads, fileBytes, KiB, readManifest, sum, type Bytes } from "./manifestBytes.ts";
import { writeMapScalingPages } from "./mapScaling.ts";
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
const MAP_DIST = path.join(OUT, "map-scaling");
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
}

// ------------------------------------------------------------------ 2. pages

interface Page extends PageSpec {
  kind: "app" | "reference" | "map-scaling";
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

// The presentation's first step: its graphic, from the story the build drew.
const story = JSON.parse(readFileSync(path.join(APP_DIST, "data/story.json"), "utf8")) as {
  steps: { graphic: string }[];
};
const firstStepGraphic = story.steps[0]?.graphic;
if (!isGraphicId(firstStepGraphic)) throw new Error(`story.json: the first step's graphic is ${firstStepGraphic}`);
const openRecord = { number: CHART_NUMBER, record: RECORD_OPEN };

const appPages: Page[] = ENTRY_POINTS.filter((e) => e.drawn.length > 0).map((e) => {
  const drawn = e.kind === "presentation" ? [firstStepDrawn(firstStepGraphic)] : e.drawn;
  const hasChart =
    e.kind === "explorer" ||
    (e.kind === "presentation" ? firstStepGraphic !== "exit-routes" : e.graphic !== "exit-routes");
  return {
    id: e.id,
    label: e.label,
    path: e.path,
    drawn,
    ...(e.firstDrawn ? { firstDrawn: e.firstDrawn } : {}),
    interactive: true,
    ...(hasChart ? { openRecord } : {}),
    kind: "app" as const,
    entry: e,
  };
});
const refPages: Page[] = REFERENCE_PAGES.map((p) => ({
  id: `ref-${p}`,
  label: REFERENCE_LABELS[p],
  path: `/bench/${p}.html`,
  drawn: ["html[data-bench-drawn]"],
  elementTiming: true,
  kind: "reference",
}));

let mapPages: Page[] = [];
if (!SKIP.has("map")) {
  log("map scaling pages: the map embed prerendered with generated flows → results/bench/map-scaling");
  rmSync(MAP_DIST, { recursive: true, force: true });
  const counts = await writeMapScalingPages(ROOT, APP_DIST, MAP_DIST, MAP_FLOWS);
  mapPages = counts.map((flows, i) => ({
    id: `map-${flows}`,
    label: `map embed, ${flows.toLocaleString("en-GB")} flows${i === 0 ? " (real)" : ""}`,
    // engine=maplibre: MapLibre starts at once, not when the reader reaches for the map.
    path: `/map-scaling/${flows}/embed/exit-routes.html?engine=maplibre`,
    drawn: [GL_MAP_READY],
    firstDrawn: [SVG_MAP_READY],
    interactive: true,
    kind: "map-scaling",
    flows,
  }));
}
const pages = [...appPages, ...refPages, ...mapPages];

const server = await serveStatic({ "/": APP_DIST, "/bench/": PAGES_DIST, "/map-scaling/": MAP_DIST });

// Which "drawn" selectors the HTML holds as the server delivers it (before any script).
for (const p of pages.filter((x) => x.kind !== "reference")) {
  const html = await (await fetch(server.origin + p.path)).text();
  p.inHtml = selectorsInHtml(parseHtml(html), [...new Set([...p.drawn, ...(p.firstDrawn ?? [])])]);
}

const runner = await BrowserRunner.launch(server.origin, {
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
  viewport: VIEWPORT,
  timeout: LOAD_TIMEOUT,
});
const chromiumVersion = runner.version();
log(`Chromium ${chromiumVersion}, ${pages.length} pages, serving ${server.origin}`);

// One untimed load per page: its requests (bytes are the same on every load), and a warm-up.
// Not for the map scaling pages, whose loads take up to half a minute: their HTML's
// size is read from the file, and the rest is the real map embed's.
const requests = new Map<string, RequestRecord[]>();
for (const page of [...appPages, ...refPages]) {
  try {
    const r = await runner.load(page, true);
    requests.set(page.id, r.requests);
    log(`${page.id}: drawn at ${ms(r.drawn)} ms, ${r.requests.length} requests`);
  } catch (err) {
    log(`${page.id}: FAILED: ${(err as Error).message.split("\n")[0]}`);
  }
}
log(`bytes recorded; ${RUNS} interleaved rounds of ${appPages.length + refPages.length} loads`);

const progress =
  (set: readonly Page[], rounds: number) => (page: PageSpec, round: number, result: LoadResult | Error) => {
    if (result instanceof Error) log(`round ${round + 1}: ${page.id} FAILED: ${result.message.split("\n")[0]}`);
    else if (page === set[(set.length - 1 + round) % set.length]) log(`round ${round + 1}/${rounds} done`);
  };
const mainPages = [...appPages, ...refPages];
const loads = await interleaved(runner, mainPages, RUNS, progress(mainPages, RUNS));
if (mapPages.length > 0 && SCALING_RUNS > 0) {
  log(`map scaling: ${SCALING_RUNS} interleaved rounds of ${mapPages.length} loads`);
  for (const [id, ls] of await interleaved(runner, mapPages, SCALING_RUNS, progress(mapPages, SCALING_RUNS)))
    loads.set(id, ls);
}
await runner.close();

// ------------------------------------------------------------------ 3. Lighthouse

const LH_PAGES = appPages.filter((p) => p.entry?.lighthouse);
const lighthouse = new Map<string, LighthouseResult[]>(LH_PAGES.map((p) => [p.id, []]));
if (!SKIP.has("lighthouse") && LH_RUNS > 0) {
  log(`Lighthouse: ${LH_RUNS} rounds × ${LH_PAGES.length} pages`);
  for (let r = 0; r < LH_RUNS; r++) {
    for (let i = 0; i < LH_PAGES.length; i++) {
      const page = LH_PAGES[(i + r) % LH_PAGES.length]!;
      try {
        lighthouse
          .get(page.id)!
          .push(await lighthouseRun(server.origin + page.path, CHROMIUM, lighthouseFlags(CHROMIUM_ARGS)));
      } catch (err) {
        log(`Lighthouse ${page.id} failed: ${(err as Error).message}`);
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
    html: Bytes;
    js: Bytes;
    css: Bytes;
    data: Bytes;
    requests: number;
    /** From the Vite manifest: JS and CSS to become interactive, and on demand after. */
    manifest?: { interactiveJs: Bytes; afterJs: Bytes; interactiveCss: Bytes; afterCss: Bytes };
    /** JS files the browser loaded that the manifest does not list for this page, and the reverse. */
    notInManifest?: string[];
    notLoaded?: string[];
    files: RequestRecord[];
  };
  /** Gzip bytes of JS per load: requested before the first paint, downloaded by then, render-blocking. */
  jsBeforePaint: { requested: Summary; downloaded: Summary; blocking: Summary; blockingFiles: string[] };
  /** The drawn selectors the HTML as delivered holds. */
  inHtml: string[];
  fcp: Summary;
  firstDrawn: Summary;
  drawn: Summary;
  painted: Summary;
  interactive: Summary;
  /** Loads in which every graphic was drawn with the first paint. */
  drawnAtFirstPaint: number;
  /** Loads in which a chart number clicked right after the mark opened its record. */
  record?: { opened: number; loads: number; figure: string; ms: Summary };
  loads: number;
  failures: number;
}

const manifest = readManifest(APP_DIST);
const results: PageResult[] = pages.map((p) => {
  const rs = requests.get(p.id) ?? [];
  const ls: LoadResult[] = loads.get(p.id) ?? [];
  const gzipOf = (url: string) => rs.find((r) => r.url === url)?.gzip ?? Number.NaN;
  const early = (pick: (s: EarlyScript) => boolean) =>
    summarise(ls.map((l) => l.earlyScripts.filter(pick).reduce((a, s) => a + gzipOf(s.url), 0)));
  const records = ls.flatMap((l) => (l.record ? [l.record] : []));
  const result: PageResult = {
    id: p.id,
    label: p.label,
    kind: p.kind,
    bytes: {
      html: kinds(rs, "html"),
      js: kinds(rs, "js"),
      css: kinds(rs, "css"),
      data: kinds(rs, "data"),
      requests: rs.length,
      files: rs,
    },
    jsBeforePaint: {
      requested: early(() => true),
      downloaded: early((s) => s.downloaded),
      blocking: early((s) => s.blocking),
      blockingFiles: [...new Set(ls.flatMap((l) => l.earlyScripts.filter((s) => s.blocking).map((s) => s.url)))],
    },
    inHtml: [...(p.inHtml ?? [])],
    fcp: summarise(ls.map((l) => l.fcp ?? Number.NaN)),
    firstDrawn: summarise(ls.map((l) => l.firstDrawn)),
    drawn: summarise(ls.map((l) => l.drawn)),
    painted: summarise(ls.map((l) => l.painted ?? Number.NaN)),
    interactive: summarise(ls.map((l) => l.interactive ?? Number.NaN)),
    drawnAtFirstPaint: ls.filter((l) => l.drawnAtFirstPaint).length,
    ...(p.openRecord
      ? {
          record: {
            opened: records.filter((r) => r.opened).length,
            loads: records.length,
            figure: records[0]?.figure ?? "",
            ms: summarise(records.map((r) => r.ms)),
          },
        }
      : {}),
    loads: ls.length,
    failures: (p.kind === "map-scaling" ? SCALING_RUNS : RUNS) - ls.length,
  };
  if (p.entry) {
    const d = entryDownloads(APP_DIST, manifest, p.entry);
    result.bytes.manifest = {
      interactiveJs: sum(d.interactive.js),
      afterJs: sum(d.after.js),
      interactiveCss: sum(d.interactive.css),
      afterCss: sum(d.after.css),
    };
    // Everything needed to become interactive must have loaded; nothing may load that
    // the manifest does not list for the page (on demand files may or may not have).
    const needed = d.interactive.js.map((f) => `/${f.file}`);
    const listed = new Set([...needed, ...d.after.js.map((f) => `/${f.file}`)]);
    const loaded = new Set(rs.filter((r) => r.type === "js").map((r) => r.url));
    result.bytes.notInManifest = [...loaded].filter((f) => !listed.has(f));
    result.bytes.notLoaded = needed.filter((f) => !loaded.has(f));
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
      benchmarkIndex: summarise(rs.map((r) => r.benchmarkIndex)),
      lcpElement: [...new Set(rs.map((r) => r.lcpElement))],
      renderBlocking: [...new Set(rs.flatMap((r) => r.renderBlocking))],
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
type Timed = "fcp" | "firstDrawn" | "drawn" | "painted" | "interactive";
const median = (r: PageResult | undefined, k: Timed) => r?.[k].median ?? Number.NaN;
/** "123 ms", or "–". */
const msOf = (v: number) => (Number.isFinite(v) ? `${ms(v)} ms` : "–");

// Budgets from the issue: measured against the same run's reference pages.
interface BudgetRow {
  budget: string;
  target: string;
  measured: string;
  met: boolean | null;
}
const budgets: BudgetRow[] = [];
const check = (budget: string, target: string, measured: string, met: boolean | null) =>
  budgets.push({ budget, target, measured, met });
const known = (v: number, ok: (v: number) => boolean): boolean | null => (Number.isFinite(v) ? ok(v) : null);

const d3Painted = median(ref("ref-d3"), "painted");
const reactDrawn = median(ref("ref-react"), "drawn");
for (const e of CHART_EMBEDS) {
  const r = byId.get(e.id);
  if (!r) continue;
  const drawn = median(r, "drawn");
  const vsD3 = ratio(drawn, d3Painted);
  check(
    `${r.label}: drawn (its SVG and numbers painted) vs bare d3 painted`,
    "≤ 0.70×",
    `${times(vsD3)} (${msOf(drawn)} vs ${msOf(d3Painted)})`,
    known(vsD3, (v) => v <= 0.7),
  );
  check(
    `${r.label}: first paint is the drawn chart`,
    "every load",
    `${r.drawnAtFirstPaint}/${r.loads} loads: the chart is in the HTML as delivered and in the page at the first paint`,
    r.loads > 0 ? r.drawnAtFirstPaint === r.loads : null,
  );
  const jb = r.jsBeforePaint;
  check(
    `${r.label}: JavaScript before the chart is drawn`,
    "0 bytes",
    `${kib(jb.blocking.median)} KiB render-blocking (${jb.blockingFiles.join(", ") || "none"}); the chart needs no JS (test/budget); ${kib(jb.requested.median)} KiB of JS requested before the first paint, ${kib(jb.downloaded.median)} KiB of it downloaded by then`,
    r.loads > 0 ? jb.blocking.median === 0 && r.drawnAtFirstPaint === r.loads : null,
  );
  const interactive = median(r, "interactive");
  const vsReact = ratio(interactive, reactDrawn);
  const rec = r.record;
  check(
    `${r.label}: interactive (a number opens its record) vs bare React drawn`,
    "≤ 1.15×",
    `${times(vsReact)} (${msOf(interactive)} vs ${msOf(reactDrawn)}); a number clicked right after it opened its record in ${rec?.opened ?? 0}/${rec?.loads ?? 0} loads`,
    Number.isFinite(vsReact) ? vsReact <= 1.15 && rec !== undefined && rec.opened === rec.loads : null,
  );
}
{
  const explorer = byId.get("explorer");
  const v = ratio(median(explorer, "drawn"), d3Painted);
  check(
    "explorer: all four graphics drawn vs bare d3 painted",
    "≤ 1.50×",
    `${times(v)} (${msOf(median(explorer, "drawn"))} vs ${msOf(d3Painted)}; the charts with the first paint at ${msOf(median(explorer, "fcp"))}, the SVG map once hydrated)`,
    known(v, (x) => x <= 1.5),
  );
  const present = byId.get("present");
  const w = ratio(median(present, "drawn"), d3Painted);
  check(
    "presentation: first step drawn vs bare d3 painted",
    "≤ 0.80×",
    `${times(w)} (${msOf(median(present, "drawn"))} vs ${msOf(d3Painted)}${present && present.drawnAtFirstPaint === present.loads ? "; with the first paint" : ""})`,
    known(w, (x) => x <= 0.8),
  );
}
const realMap = mapPages[0] ? byId.get(mapPages[0].id) : undefined;
{
  const bare = median(ref("ref-maplibre"), "drawn");
  const v = ratio(median(realMap, "drawn"), bare);
  check(
    "map embed, engine=maplibre: `idle` vs bare MapLibre",
    "≤ 1.10×",
    `${times(v)} (${msOf(median(realMap, "drawn"))} vs ${msOf(bare)})`,
    known(v, (x) => x <= 1.1),
  );
}
for (const p of LH_PAGES) {
  const s = lhSummary[p.id];
  if (!s || s.runs === 0) continue;
  check(
    `${p.label}: Lighthouse mobile`,
    "100; LCP ≤ 1,200 ms; CLS ≤ 0.01",
    `${num(s.score.median)}; LCP ${ms(s.lcp.median)} ms; CLS ${num(s.cls.median, 3)} (FCP ${ms(s.fcp.median)} ms, TBT ${ms(s.tbt.median)} ms)`,
    s.score.median >= 100 && s.lcp.median <= 1200 && s.cls.median <= 0.01,
  );
}
{
  const explorer = byId.get("explorer");
  if (explorer) {
    const e = ENTRY_POINTS.find((x) => x.id === "explorer")!;
    const first = entryDownloads(APP_DIST, manifest, e).interactive.js;
    const glInFirst = first.some((f) => /maplibre/i.test(f.file));
    const gl = explorer.bytes.files.find((f) => /MapLibreExitRouteMap-.*\.js$/.test(f.url));
    check(
      "explorer: first paint does not wait for maplibre-gl",
      "MapLibre after FCP",
      `maplibre-gl not in the JS to become interactive (${kib(sum(first).gzip)} KiB); FCP ${msOf(median(explorer, "fcp"))}; ${gl ? `MapLibre chunk loaded at ${ms(gl.end)} ms` : "MapLibre not loaded until the reader reaches for the map"}`,
      !glInFirst && (gl === undefined || median(explorer, "fcp") < gl.end),
    );
  }
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
for (const e of ENTRY_POINTS) {
  const d = entryDownloads(APP_DIST, manifest, e);
  const b = e.budget;
  const interactive = sum(d.interactive.js).gzip;
  const html = fileBytes(APP_DIST, e.html).gzip;
  check(`${e.label}: HTML gzip (test/budget)`, `≤ ${b.htmlKiB} KiB`, `${kib(html)} KiB`, html <= b.htmlKiB * KiB);
  check(
    `${e.label}: JS to become interactive, gzip (test/budget)`,
    `≤ ${b.interactiveKiB} KiB`,
    `${kib(interactive)} KiB`,
    interactive <= b.interactiveKiB * KiB,
  );
  if (b.totalKiB !== undefined) {
    const total = interactive + sum(d.after.js).gzip;
    check(
      `${e.label}: JS with what loads on demand, gzip (test/budget)`,
      `≤ ${b.totalKiB} KiB`,
      `${kib(total)} KiB`,
      total <= b.totalKiB * KiB,
    );
  }
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

const md: string[] = [];
md.push(`# npm run bench — ${date.slice(0, 16).replace("T", " ")} UTC`);
md.push("");
md.push(
  `${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium} (headless, SwiftShader WebGL), viewport ${VIEWPORT.width}×${VIEWPORT.height}. ` +
    `Load average (1 min) before/after: ${machine.loadAverage.before[0]} / ${machine.loadAverage.after[0]}. Median of ${RUNS} interleaved runs per page (${SCALING_RUNS} for map scaling), each in a fresh browser context; served gzip-compressed from 127.0.0.1.`,
);
md.push("");

const app = results.filter((r) => r.kind === "app");
const chartRefs = REFS.filter((id) => id !== "ref-maplibre");
const refCols = (ids: readonly string[]) => ids.map((id) => `× ${byId.get(id)?.label.replace(/^ref: /, "") ?? id}`);

md.push("## Bytes each page downloads (KiB; gzip at zlib's default level, as Vite reports)");
md.push("");
md.push(
  table(
    ["page", "HTML gzip", "JS gzip", "JS raw", "JS to interactive", "CSS gzip", "data gzip", "requests"],
    results
      .filter((r) => r.kind !== "map-scaling")
      .map((r) => [
        r.label,
        kib(r.bytes.html.gzip),
        kib(r.bytes.js.gzip),
        kib(r.bytes.js.raw),
        r.bytes.manifest ? kib(r.bytes.manifest.interactiveJs.gzip) : "",
        kib(r.bytes.css.gzip),
        kib(r.bytes.data.gzip),
        String(r.bytes.requests),
      ]),
    ["left", "right", "right", "right", "right", "right", "right", "right"],
  ),
);
md.push("");
md.push(
  "Every file the browser downloaded until the network was quiet. JS to interactive: from the Vite manifest, boot.js, the entry chunk, its static imports and the `import()`s the page awaits before it hydrates (what test/budget checks); none of it is needed to paint a graphic that is in the HTML.",
);
md.push("");
md.push(`## JavaScript before the first paint (gzip KiB, median of ${RUNS} loads; resource timing)`);
md.push("");
md.push(
  table(
    ["page", "requested before FCP", "downloaded by FCP", "render-blocking", "blocking files"],
    results
      .filter((r) => r.kind !== "map-scaling")
      .map((r) => [
        r.label,
        kib(r.jsBeforePaint.requested.median),
        kib(r.jsBeforePaint.downloaded.median),
        kib(r.jsBeforePaint.blocking.median),
        r.jsBeforePaint.blockingFiles.join(", "),
      ]),
    ["left", "right", "right", "right", "left"],
  ),
);
md.push("");
md.push(
  "Requested: every script whose fetch started before the first contentful paint. Render-blocking: the browser held the first paint for it (`renderBlockingStatus`).",
);
md.push("");

md.push(`## Times (ms from navigation start; median of ${RUNS})`);
md.push("");
md.push(
  table(
    [
      "page",
      "first paint (FCP)",
      "drawn",
      "drawn with the first paint",
      "painted",
      "interactive",
      "record opened",
      "drawn min–max",
      "failed loads",
    ],
    results
      .filter((r) => r.kind !== "map-scaling")
      .map((r) => [
        r.label,
        ms(r.fcp.median),
        ms(r.drawn.median),
        r.kind === "app" ? `${r.drawnAtFirstPaint}/${r.loads}` : "",
        r.kind === "reference" ? ms(r.painted.median) : "",
        ms(r.interactive.median),
        r.record ? `${r.record.opened}/${r.record.loads} (${ms(r.record.ms.median)} ms)` : "",
        `${ms(r.drawn.min)}–${ms(r.drawn.max)}`,
        String(r.failures),
      ]),
    ["left", "right", "right", "right", "right", "right", "right", "right", "right"],
  ),
);
md.push("");
md.push(
  "Drawn, on the app's pages: a graphic whose selector the HTML as delivered already matches (parsed without scripts) and that was in the page when the first paint was made is drawn at the first paint (FCP); one drawn by script (the SVG map, after hydration) when its selector first matched, as on the reference pages. " +
    'The app\'s selectors: a chart\'s SVG in its panel; the map `data-map-ready="true"` (with `data-map-engine="maplibre"`, MapLibre\'s `idle`). ' +
    "Reference pages: drawn when the chart (or map) is in the page; painted when its SVG text was presented (Element Timing; Chart.js's canvas: the first paint). " +
    "Interactive: the `exodus:interactive` mark; record opened: a chart number clicked right after it opened the figure's record (loads where it did, and the time from the click).",
);
md.push("");
md.push("### Drawn ÷ the reference pages' paint, interactive ÷ their drawn time");
md.push("");
md.push(
  table(
    ["page", ...refCols(chartRefs).map((c) => `drawn ${c} painted`), `interactive × React drawn`],
    app.map((r) => [
      r.label,
      ...chartRefs.map((id) => times(ratio(r.drawn.median, median(byId.get(id), "painted")))),
      times(ratio(r.interactive.median, reactDrawn)),
    ]),
    ["left", ...chartRefs.map(() => "right" as const), "right"],
  ),
);
md.push("");

if (Object.values(lhSummary).some((s) => s.runs > 0)) {
  md.push(`## Lighthouse (mobile defaults: simulated slow 4G, 4× CPU slowdown; median of ${LH_RUNS})`);
  md.push("");
  md.push(
    table(
      ["page", "performance", "FCP ms", "LCP ms", "TBT ms", "CLS", "Speed Index ms", "runs", "LCP element"],
      Object.entries(lhSummary).map(([id, s]) => [
        byId.get(id)!.label,
        num(s.score.median),
        ms(s.fcp.median),
        ms(s.lcp.median),
        ms(s.tbt.median),
        num(s.cls.median, 3),
        ms(s.speedIndex.median),
        String(s.runs),
        s.lcpElement.join(" / "),
      ]),
      ["left", "right", "right", "right", "right", "right", "right", "right", "left"],
    ),
  );
  md.push("");
  const bi = summarise(Object.values(lhSummary).flatMap((s) => s.benchmarkIndex.values));
  md.push(
    `Lighthouse's benchmark index of this machine during the runs: ${num(bi.min)}–${num(bi.max)} (an idle desktop: 1,500–2,500; the simulation multiplies the CPU time it observes, so a loaded machine scores lower).`,
  );
  md.push("");
  const blocking = [...new Set(Object.values(lhSummary).flatMap((s) => s.renderBlocking))];
  if (blocking.length > 0) {
    md.push(`Render-blocking requests Lighthouse names: ${blocking.join(", ")}.`);
    md.push("");
  }
}

if (mapPages.length > 0) {
  const real = byId.get(mapPages[0]!.id)!;
  md.push(
    `## Map scaling (the map embed prerendered with the real and generated flows, engine=maplibre; median of ${SCALING_RUNS} interleaved runs)`,
  );
  md.push("");
  md.push(
    table(
      [
        "flows",
        "HTML gzip KiB",
        "SVG map drawn ms",
        "interactive ms",
        "MapLibre idle ms",
        "× real flows",
        "× bare MapLibre",
      ],
      mapPages.map((p) => {
        const r = byId.get(p.id)!;
        return [
          `${p.flows!.toLocaleString("en-GB")}${p === mapPages[0] ? " (real)" : ""}`,
          kib(fileBytes(MAP_DIST, `${p.flows}/embed/exit-routes.html`).gzip),
          ms(r.firstDrawn.median),
          ms(r.interactive.median),
          ms(r.drawn.median),
          times(ratio(r.drawn.median, real.drawn.median)),
          times(ratio(r.drawn.median, median(ref("ref-maplibre"), "drawn"))),
        ];
      }),
      ["right", "right", "right", "right", "right", "right", "right"],
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
md.push(
  table(
    ["budget", "target", "measured", "met"],
    budgets.map((b) => [b.budget, b.target, b.measured, b.met === null ? "–" : b.met ? "yes" : "NO"]),
    ["left", "left", "left", "left"],
  ),
);
md.push("");

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
    },
    null,
    2,
  ) + "\n",
);
console.log(report);
log(`wrote ${path.relative(ROOT, path.join(OUT, "bench.json"))} and bench.md`);
