/** Shared browser-test helpers: an origin guard, axe, pixel counting, screenshots. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
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
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    // Off by default in axe-core 4.14 (marked experimental); WCAG 2.5.3 Label in Name is
    // a promise of ours (chart numbers are buttons named by what they show), so it runs.
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
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
  const map = scope.locator(".exit-map").first();
  await map.hover();
  if (options.expectMapLibre ?? true)
    await expect(scope.locator("[data-map-engine=maplibre][data-map-ready=true]").first()).toBeVisible({
      timeout: 30_000,
    });
}

/** Opens the explorer and waits until every graphic has drawn. */
export async function openExplorer(page: Page, query = "") {
  await page.goto(`/${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "Leaving Russia in 2022" })).toBeVisible();
  await expect(page.locator("[data-map-ready=true]")).toBeVisible({ timeout: 30_000 });
  for (const g of ["border-stops", "week-breakdown", "forces"])
    await expect(page.locator(`[data-graphic=${g}] :is(svg, table)`).first()).toBeVisible();
}
