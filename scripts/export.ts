/**
 * npm run export: every graphic as SVG and PNG (1× and 2×), and the presentation as
 * a PDF handout, rendered by headless Chromium from the production build, for
 * newsletters, print and slides. Output: results/export/.
 *
 * The SVG files come from each graphic's own "SVG image" export (the same code a
 * reader uses). The map's SVG is drawn by its SVG engine (WebGL off), so it is vector.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { CHROMIUM_ARGS } from "../playwright.config.ts";

const PORT = Number(process.env.EXPORT_PORT ?? 4179);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OUT = path.resolve("results/export");
const GRAPHICS = ["exit-routes", "border-stops", "forces", "week-breakdown"] as const;
const WIDTH = 900;
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function startServer(): Promise<ChildProcess> {
  const server = spawn(
    "node_modules/.bin/vite",
    ["preview", "--host", "127.0.0.1", "--port", String(PORT), "--strictPort"],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${ORIGIN}/`)).ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`vite preview did not start on ${ORIGIN}`);
}

async function openGraphic(page: Page, graphic: string) {
  await page.goto(`${ORIGIN}/embed.html?graphic=${graphic}&theme=light`);
  const drawn = graphic === "exit-routes" ? "[data-map-ready=true]" : "[data-graphic] svg[data-export]";
  await page.locator(drawn).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300); // settle fonts and the last map frame
}

async function exportSvg(page: Page, file: string) {
  await page.locator(".downloads summary").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "SVG image" }).click(),
  ]);
  await download.saveAs(file);
  await page.locator(".downloads summary").click();
}

async function pngs(browser: Browser, graphic: string) {
  for (const scale of [1, 2]) {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 }, deviceScaleFactor: scale });
    await openGraphic(page, graphic);
    await page
      .locator("[data-graphic]")
      .screenshot({ path: path.join(OUT, `${graphic}${scale === 1 ? "" : "@2x"}.png`) });
    await page.close();
  }
}

/**
 * The presentation's print handout. It is mounted only when the page is printed: print
 * media mounts it, as the browser's own printing does, and it sets data-ready="true"
 * once every step's graphic has drawn (maps: on their own basemap), which page.pdf()
 * could not wait for by itself.
 */
async function handoutPdf(browser: Browser): Promise<Buffer> {
  const deck = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await deck.goto(`${ORIGIN}/present.html?theme=light`);
  await deck.locator(".slide__title").waitFor();
  await deck.emulateMedia({ media: "print" });
  await deck.locator(".handout[data-ready=true]").waitFor({ timeout: 60_000 });
  await deck.waitForTimeout(300); // settle fonts
  const steps = await deck.locator(".handout__step").count();
  const pdf = await deck.pdf({ format: "A4", landscape: true, printBackground: true });
  await deck.close();
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)\b/g)?.length ?? 0;
  if (pages !== steps) throw new Error(`the handout PDF has ${pages} pages for ${steps} steps`);
  return pdf;
}

async function main() {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const server = await startServer();
  const gl = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const noGl = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS.filter((a) => !a.includes("swiftshader")), "--disable-webgl", "--disable-3d-apis"],
  });
  try {
    for (const g of GRAPHICS) {
      await pngs(gl, g);
      const page = await (g === "exit-routes" ? noGl : gl).newPage({
        viewport: { width: WIDTH, height: 900 },
        acceptDownloads: true,
      });
      await openGraphic(page, g);
      await exportSvg(page, path.join(OUT, `${g}.svg`));
      await page.close();
    }
    await writeFile(path.join(OUT, "presentation.pdf"), await handoutPdf(gl));
  } finally {
    await gl.close();
    await noGl.close();
    server.kill();
  }
  for (const f of [...GRAPHICS.flatMap((g) => [`${g}.svg`, `${g}.png`, `${g}@2x.png`]), "presentation.pdf"]) {
    const { size } = await stat(path.join(OUT, f));
    console.log(`${f.padEnd(28)} ${(size / 1024).toFixed(1).padStart(8)} KiB`);
  }
  console.log(`\nWrote ${OUT}`);
}

main().catch((err) => {
  console.error(`export failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
