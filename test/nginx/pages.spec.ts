/**
 * Every page under /exodus/ from nginx: loads with no failed request, no console error,
 * and asks for nothing outside /exodus/ (pages, scripts, data, the basemap, MapLibre's
 * worker, the embeds' frames all respect the build's base).
 */
import { expect, test, type Page } from "@playwright/test";
import { PAGES } from "../../src/pages/pages.ts";
import { engageMap } from "../e2e/support.ts";
import { APP_URL } from "./nginxServer.ts";

interface Watch {
  problems: string[];
  requests: string[];
  /** Requests under way, and when one last started or ended (ms since the epoch). */
  inFlight: Map<unknown, string>;
  lastActivity: number;
}

/** Records failed requests, error responses, console errors and uncaught errors, in every frame. */
function watch(page: Page): Watch {
  const w: Watch = { problems: [], requests: [], inFlight: new Map(), lastActivity: Date.now() };
  const done = (r: unknown) => {
    w.inFlight.delete(r);
    w.lastActivity = Date.now();
  };
  page.on("request", (r) => {
    w.requests.push(r.url());
    w.inFlight.set(r, r.url());
    w.lastActivity = Date.now();
  });
  page.on("requestfinished", done);
  page.on("requestfailed", (r) => {
    w.problems.push(`failed: ${r.url()} (${r.failure()?.errorText})`);
    done(r);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) w.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") w.problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => w.problems.push(`uncaught: ${e.message}`));
  return w;
}

/**
 * Until no request of the page or its frames has been under way for a second. Not
 * Playwright's "networkidle": on the previewer (twelve lazy iframes, whose apps start
 * after their first paint) under nginx on a loaded machine, it sometimes never came,
 * with nothing in flight for 20 s and every loaded preview interactive.
 */
async function quietNetwork(w: Watch) {
  // On a timeout the report names the requests still under way.
  await expect
    .poll(() => ({ pending: [...w.inFlight.values()], quiet: Date.now() - w.lastActivity > 1000 }), {
      timeout: 30_000,
      intervals: [250],
    })
    .toEqual({ pending: [], quiet: true });
}

function expectClean(w: Watch, label: string) {
  expect(w.problems, `${label}: failures`).toEqual([]);
  const outside = w.requests.filter((u) => !u.startsWith(APP_URL) && !/^(data|blob):/.test(u));
  expect(outside, `${label}: requests outside ${APP_URL}`).toEqual([]);
}

for (const spec of PAGES) {
  test(`${spec.file} loads under /exodus/ with nothing failing`, async ({ page }) => {
    const w = watch(page);
    await page.goto(`${APP_URL}${spec.file}`);
    await expect(page.locator("#root > *").first()).toBeVisible();
    switch (spec.kind) {
      case "explorer":
        await expect(page.locator("[data-map-ready=true]")).toBeVisible({ timeout: 30_000 });
        for (const g of ["border-stops", "week-breakdown", "forces"])
          await expect(page.locator(`[data-graphic=${g}] svg`).first()).toBeVisible();
        // MapLibre: its chunk, its worker (a same-origin file) and the basemap, all under /exodus/.
        await engageMap(page);
        expect(w.requests.some((u) => u.startsWith(`${APP_URL}assets/maplibre-gl-worker-`))).toBe(true);
        expect(w.requests.some((u) => u.startsWith(`${APP_URL}assets/countries-110m-`))).toBe(true);
        break;
      case "embed":
        await expect(
          page.locator(`[data-graphic=${spec.graphic}] :is(svg, [data-map-ready=true])`).first(),
        ).toBeVisible({ timeout: 30_000 });
        break;
      case "presentation":
        await expect(page.locator("[data-graphic] svg").first()).toBeVisible({ timeout: 30_000 });
        break;
      case "previewer": {
        // Each preview frame is an embed page under /exodus/, resized by embed-parent.js from /exodus/.
        const frames = page.locator("iframe[data-exodus-embed]");
        expect(await frames.count()).toBe(12);
        for (const src of await frames.evaluateAll((els) => els.map((e) => (e as HTMLIFrameElement).src)))
          expect(src.startsWith(`${APP_URL}embed/`), src).toBe(true);
        // The first preview, resized by embed-parent.js to its graphic's height.
        const first = (await (await frames.first().elementHandle())!.contentFrame())!;
        await expect(first.locator("[data-graphic]").first()).toBeVisible({ timeout: 30_000 });
        await expect
          .poll(async () => {
            const content = await first.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
            return Math.abs(((await frames.first().boundingBox())?.height ?? 0) - content);
          })
          .toBeLessThanOrEqual(2);
        expect(w.requests).toContain(`${APP_URL}embed-parent.js`);
        break;
      }
      case "embed-chooser":
        await expect(page.locator("#root a[href]").first()).toBeVisible();
        for (const href of await page
          .locator("#root a[href]")
          .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)))
          expect(href.startsWith(APP_URL), href).toBe(true);
        break;
    }
    await quietNetwork(w);
    expectClean(w, spec.file);
  });
}

test("embed.html?graphic= goes on to the graphic's own page under /exodus/", async ({ page }) => {
  const w = watch(page);
  await page.goto(`${APP_URL}embed.html?graphic=forces&theme=dark`);
  await expect(page).toHaveURL(`${APP_URL}embed/forces.html?theme=dark`);
  await expect(page.locator("[data-graphic=forces] svg").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expectClean(w, "embed.html?graphic=forces");
});

test("the explorer's embed code points at the app under /exodus/", async ({ page }) => {
  const w = watch(page);
  await page.goto(APP_URL);
  const panel = page.locator("[data-graphic=forces]").first();
  await expect(panel.locator("svg").first()).toBeVisible();
  await page.getByRole("button", { name: "Embed" }).nth(0).click();
  const code = await page.locator("dialog[open] textarea").inputValue();
  expect(code).toContain(`src="${APP_URL}embed/`);
  expect(code).toContain(`<script src="${APP_URL}embed-parent.js" async></script>`);
  // The dialog's live preview: the embed page under /exodus/, resized by embed-parent.js.
  await expect(page.frameLocator("dialog[open] iframe").locator("[data-graphic]").first()).toBeVisible({
    timeout: 30_000,
  });
  expect(w.requests).toContain(`${APP_URL}embed-parent.js`);
  expectClean(w, "embed dialog");
});

test("the site's own address without the slash is sent to /exodus/", async ({ page }) => {
  await page.goto(APP_URL.replace(/\/$/, ""));
  await expect(page).toHaveURL(APP_URL);
});
