/**
 * npx tsx scripts/map-design/run.ts
 *
 * Renders every candidate map design at 320, 390, 680 and 1280 px (light theme) with
 * the real routes, screenshots each in headless Chromium, measures it, and writes:
 * - results/map-design/<design>-<width>.{svg,png} and results/map-design/report.{json,md};
 * - the PNGs docs/map-design.md shows, copied to docs/screenshots/map-design/.
 *
 * Empty frame: the share of the artboard's pixels that carry nothing: not a route, an
 * arrowhead, a dot, a label, an inset heading, nor the land of a country that holds a
 * route's place or a stance's place (the mask drawn by renderDesign).
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Topology } from "topojson-specification";
import { CHROMIUM_ARGS } from "../../playwright.config.ts";
import { basemapFromTopology } from "../../src/map/basemap.ts";
import { ExitRoutesDataset } from "../../src/schema/datasets.ts";
import { arctic, baseline, eurasia, type Design } from "./candidates.ts";
import { renderDesign, type Rendered } from "./renderDesign.ts";

const WIDTHS = [320, 390, 680, 1280] as const;
const OUT = path.resolve("results/map-design");
const DOCS = path.resolve("docs/screenshots/map-design");
/** The screenshots the design document shows. */
const SHOWN = new Set([
  "a-mercator-world-390",
  "b-arctic-azimuthal-390",
  "b-arctic-azimuthal-680",
  "c-eurasia-mercator-insets-390",
  "d-eurasia-conic-insets-320",
  "d-eurasia-conic-insets-390",
  "d-eurasia-conic-insets-680",
  "d-eurasia-conic-insets-1280",
]);

async function loadData(): Promise<ExitRoutesDataset> {
  const built = path.resolve("public/data/exit-routes.json");
  const file = existsSync(built) ? built : path.resolve("src/map/__fixtures__/exit-routes.json");
  console.error(`data: ${path.relative(process.cwd(), file)}`);
  return ExitRoutesDataset.parse(JSON.parse(await readFile(file, "utf8")));
}

async function loadBasemaps(data: ExitRoutesDataset) {
  const focus = [
    ...new Set(
      data.routes.flatMap((r) =>
        r.path.flatMap((id) => {
          const p = data.places.find((q) => q.id === id);
          return p?.kind === "country" && p.iso ? [p.iso] : [];
        }),
      ),
    ),
  ];
  const load = async (res: "110m" | "50m") => {
    const topology = JSON.parse(
      await readFile(path.resolve(`node_modules/world-atlas/countries-${res}.json`), "utf8"),
    ) as Topology;
    return basemapFromTopology(topology, res, data.stances, focus);
  };
  return { coarse: await load("110m"), fine: await load("50m") };
}

interface Row {
  design: string;
  name: string;
  width: number;
  height: number;
  empty: number;
  /** The same share within each panel. */
  panels: { id: string; empty: number }[];
  flows: Rendered["flows"];
  labels: Rendered["labels"];
  stubs: Rendered["stubs"];
}

async function main() {
  const data = await loadData();
  const basemaps = await loadBasemaps(data);
  const designs: Design[] = [baseline(data), arctic(data), eurasia(data, "mercator"), eurasia(data, "conic")];
  await mkdir(OUT, { recursive: true });
  await mkdir(DOCS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const rows: Row[] = [];
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const design of designs.filter((d) => !process.env.ONLY || d.id.startsWith(process.env.ONLY))) {
      for (const width of WIDTHS) {
        const frame = design.frame(width);
        const r = renderDesign(frame, data, basemaps);
        const name = `${design.id}-${width}`;
        await writeFile(path.join(OUT, `${name}.svg`), r.svg);
        await page.setViewportSize({ width, height: frame.height });
        await page.setContent(`<!doctype html><body style="margin:0">${r.svg}</body>`);
        await page.screenshot({
          path: path.join(OUT, `${name}.png`),
          clip: { x: 0, y: 0, width, height: frame.height },
        });
        if (SHOWN.has(name)) await copyFile(path.join(OUT, `${name}.png`), path.join(DOCS, `${name}.png`));
        // tsx names the functions it compiles with a helper the page does not have.
        await page.evaluate("window.__name = (f) => f");
        const [empty, ...panelEmpty] = await page.evaluate(emptyShare, {
          svg: r.mask,
          boxes: frame.panels.map((p) => p.box),
        });
        if (process.env.MASKS) {
          await page.setContent(`<!doctype html><body style="margin:0">${r.mask}</body>`);
          await page.screenshot({
            path: path.join(OUT, `${name}-mask.png`),
            clip: { x: 0, y: 0, width, height: frame.height },
          });
        }
        rows.push({
          design: design.id,
          name: design.name,
          width,
          height: frame.height,
          empty: empty!,
          panels: frame.panels.map((p, i) => ({ id: p.id, empty: panelEmpty[i]! })),
          flows: r.flows,
          labels: r.labels,
          stubs: r.stubs,
        });
        console.error(`${name}: ${frame.height} px tall, ${(empty! * 100).toFixed(1)}% empty`);
      }
    }
  } finally {
    await browser.close();
  }
  await writeFile(path.join(OUT, "report.json"), JSON.stringify(rows, null, 2) + "\n");
  const md = table(rows);
  await writeFile(path.join(OUT, "report.md"), md);
  console.log(md);
}

/** In the page: draws the mask SVG on a canvas; the share of its pixels left white, over the artboard and then in each box. */
async function emptyShare({
  svg,
  boxes,
}: {
  svg: string;
  boxes: { x0: number; y0: number; x1: number; y1: number }[];
}) {
  const img = new Image();
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext("2d")!;
  ctx.drawImage(img, 0, 0);
  const share = (x0: number, y0: number, x1: number, y1: number) => {
    const w = Math.round(x1 - x0);
    const h = Math.round(y1 - y0);
    const { data } = ctx.getImageData(Math.round(x0), Math.round(y0), w, h);
    let white = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! > 127) white++;
    return Math.round((white / (w * h)) * 1000) / 1000;
  };
  return [share(0, 0, img.width, img.height), ...boxes.map((b) => share(b.x0, b.y0, b.x1, b.y1))];
}

const FLOW_ORDER = ["Kazakhstan", "Georgia", "Finland", "St. Lawrence Island, Alaska"];

function table(rows: readonly Row[]): string {
  const out = [
    "| design | width | height | empty (main / insets) | counted flows: width / length px (Kaz · Geo · Fin · Alaska) | labels beside their dot | not | unstated path: stubs / noted |",
    "| --- | ---: | ---: | ---: | --- | ---: | --- | --- |",
  ];
  for (const r of rows) {
    const flows = FLOW_ORDER.map((d) => {
      const f = r.flows.find((x) => x.destination === d);
      return f ? `${f.width}/${f.length}` : "–";
    }).join(" · ");
    const ok = r.labels.filter((l) => l.status === "beside").length;
    const bad = r.labels
      .filter((l) => l.status !== "beside")
      .map((l) => `${l.name} (${l.status}${l.note ? `: ${l.note}` : ""})`)
      .join("; ");
    out.push(
      `| ${r.design} | ${r.width} | ${r.height} | ${Math.round(r.empty * 100)}%${r.panels.length > 1 ? ` (${r.panels.map((p) => Math.round(p.empty * 100) + "%").join(" / ")})` : ""} | ${flows} | ${ok}/${r.labels.length} | ${bad || "—"} | ${r.stubs.drawn ? `${r.stubs.drawn} / ${r.stubs.noted}` : "drawn as a line"} |`,
    );
  }
  return out.join("\n") + "\n";
}

await main();
