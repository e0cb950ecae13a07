/** Shared browser-test helpers: an origin guard, axe, pixel counting, screenshots, hydration, the page's data block. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Frame, type Page, type Route } from "@playwright/test";
import { mkdirSync } from "node:fs";

/** Records every request that leaves the page's origin (data: and blob: URLs are local). */
export function guardOrigin(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on("request", (req) => {
    const url = req.url();
    if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith(origin)) return;
    foreign.push(url);
  });
  return foreign;
}

export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    // Off by default in axe-core 4.14 (marked experimental); WCAG 2.5.3 Label in Name is
    // a promise of ours (chart numbers are buttons named by what they show), so it runs.
    // Before withTags: AxeBuilder.options() replaces every option, the tags included.
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join("\n    ")}`,
  );
  expect(summary, `axe violations (${label})`).toEqual([]);
}

/** Counts distinct colours in an element's screenshot: a blank canvas has one or two. */
export async function distinctColours(page: Page, selector: string): Promise<number> {
  const png = await page.locator(selector).first().screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 16) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return seen.size;
  }, png.toString("base64"));
}

/** Screenshot artifacts (kept across runs; Playwright empties test-results/ each run). */
export const SHOTS = "results/screenshots";

export async function saveShot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

export async function setTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
}

/**
 * The map draws with SVG until the reader reaches for it; this moves the pointer onto
 * it, which starts MapLibre (where WebGL works), and waits until MapLibre has drawn.
 */
export async function engageMap(scope: Page, options: { expectMapLibre?: boolean } = {}): Promise<void> {
  // The SVG map is in the HTML; only the app, once it has taken over, hears the pointer.
  await interactive(scope);
  const map = scope.locator(".exit-map").first();
  await map.hover();
  if (options.expectMapLibre ?? true)
    await expect(scope.locator("[data-map-engine=maplibre][data-map-ready=true]").first()).toBeVisible({
      timeout: 30_000,
    });
}

/**
 * Resolves once the app has taken the prerendered page over: its React tree has
 * committed and marked `exodus:interactive` (src/entries/mount.tsx). Every graphic is
 * on screen from the HTML before this; clicks and keys only work after it.
 */
export async function interactive(scope: Page | Frame): Promise<void> {
  await scope.waitForFunction(() => performance.getEntriesByName("exodus:interactive").length > 0, null, {
    timeout: 30_000,
  });
}

/** Opens the explorer and waits until the app has taken it over and every graphic has drawn. */
export async function openExplorer(page: Page, query = "") {
  await page.goto(`/${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "Leaving Russia in 2022" })).toBeVisible();
  await interactive(page);
  await expect(page.locator("[data-map-ready=true]")).toBeVisible({ timeout: 30_000 });
  // The chart, or its table where the URL asks for it (the other is hidden).
  for (const g of ["border-stops", "week-breakdown", "forces"])
    await expect(page.locator(`[data-graphic=${g}] :is(svg, table):visible`).first()).toBeVisible();
}

/** The page's data block (src/data/pageData.ts), as the prerenderer writes it. */
const DATA_BLOCK = /<script type="application\/json" id="exodus-data">([\s\S]*?)<\/script>/;

/** Whether a request is for the page at `pathname` ("/" is also "/index.html"). */
const isPage = (pathname: string) => (url: URL) =>
  url.pathname === pathname || (pathname === "/" && url.pathname === "/index.html");

/**
 * The page as the server sends it, asked again once if the connection was reset: `vite
 * preview` on a loaded machine has dropped a connection the test itself opened
 * (ECONNRESET from route.fetch), which says nothing about the page.
 */
async function fetchPage(route: Route) {
  try {
    return await route.fetch();
  } catch (err) {
    if (!/ECONNRESET/.test(String(err))) throw err;
    return route.fetch();
  }
}

/**
 * Serves the page at `pathname` with its data block rewritten by `rewrite` (given the
 * block's JSON text; null removes the block). Fails the test if the page has no block,
 * so a test meant to run without the data it carries cannot pass with it.
 */
export async function rewritePageData(
  page: Page,
  pathname: string,
  rewrite: (json: string) => string | null,
): Promise<void> {
  await page.route(isPage(pathname), async (route) => {
    if (route.request().resourceType() !== "document") return route.fallback();
    const response = await fetchPage(route);
    const html = await response.text();
    const block = DATA_BLOCK.exec(html);
    if (!block) throw new Error(`${pathname} has no exodus-data block to rewrite`);
    const json = rewrite(block[1]!);
    const body = html.replace(DATA_BLOCK, () =>
      json === null ? "" : `<script type="application/json" id="exodus-data">${json}</script>`,
    );
    await route.fulfill({ response, body });
  });
}

/**
 * Serves the page at `pathname` without its data block, so it renders afresh and
 * fetches its datasets: the only way a dataset's failure can reach a prerendered page.
 */
export const withoutPageData = (page: Page, pathname: string) => rewritePageData(page, pathname, () => null);
