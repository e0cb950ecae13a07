import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import {
  distinctColours,
  engageMap,
  expectNoAxeViolations,
  guardOrigin,
  openExplorer,
  saveShot,
  SHOTS,
  withoutPageData,
} from "./support.ts";

const GRAPHICS = ["exit-routes", "border-stops", "week-breakdown", "forces"] as const;

test("the explorer loads every graphic, draws the map, and asks nothing of other origins", async ({
  page,
  baseURL,
}) => {
  const foreign = guardOrigin(page, baseURL!);
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await openExplorer(page);
  // The SVG map is the map until the reader reaches for it: no MapLibre code before.
  await expect(page.locator("[data-map-engine=svg][data-map-ready=true]")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requests.filter((u) => /maplibre/i.test(u))).toEqual([]);
  await engageMap(page);
  expect(await distinctColours(page, "[data-map-engine=maplibre] canvas")).toBeGreaterThan(20);
  await expect(page.locator(".graphic__source").first()).toContainText("Quotes verified against the archived articles");
  expect(foreign).toEqual([]);
});

test("keyboard focus in the map's graphic starts MapLibre, whose canvas then takes focus", async ({ page }) => {
  await openExplorer(page);
  const list = page.locator(".route-list__item").first();
  // Tab through the page until the focus reaches the map's graphic (its view buttons come first).
  for (let i = 0; i < 40 && !(await page.evaluate(() => !!document.activeElement?.closest(".exit-routes"))); i++)
    await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest(".exit-routes"))).toBe(true);
  await expect(page.locator("[data-map-engine=maplibre][data-map-ready=true]")).toBeVisible({ timeout: 30_000 });
  await expect(list).toBeVisible();
  await page.locator("[data-map-engine=maplibre] canvas").focus();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("CANVAS");
});

test("the MapLibre map's labels are SVG over its canvas, follow the camera, and travel with its SVG export", async ({
  page,
}) => {
  await openExplorer(page);
  await engageMap(page);
  const label = (name: string) =>
    page.locator(".exit-map__labels text").filter({ has: page.locator("tspan", { hasText: new RegExp(`^${name}$`) }) });
  await expect(label("Kazakhstan")).toHaveCount(1);
  const before = Number(await label("Kazakhstan").getAttribute("x"));
  // A camera preset flies the map: the labels are laid out again for the new view.
  await page.getByRole("button", { name: "Caucasus and Central Asia" }).click();
  await expect(page.locator("[data-map-engine=maplibre][data-map-ready=true]")).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => Number(await label("Kazakhstan").getAttribute("x"))).not.toBe(before);

  const graphic = page.locator("[data-graphic=exit-routes]");
  await graphic.getByText("Get the data").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    graphic.getByRole("button", { name: "SVG image" }).click(),
  ]);
  const svg = readFileSync((await download.path())!, "utf8");
  expect(svg).toContain('href="data:image/png;base64,');
  expect(svg).toMatch(/<tspan[^>]*>Kazakhstan<\/tspan>/);
});

test("clicking a route shows its figure and quote; a number opens its record", async ({ page }) => {
  await openExplorer(page);
  await page.locator(".route-list__item[data-route=to-kazakhstan]").click();
  const card = page.locator(".route-card");
  await expect(card).toContainText("Russia to Kazakhstan");
  await expect(card).toContainText("98,000 of them heading to Kazakhstan");
  await card.locator(".route-card__figure").click();
  const dialog = page.getByRole("dialog", { name: "Where this number comes from" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Approximately 98,000 Russians reside in Kazakhstan"); // the ambiguity note
  await expect(dialog).toContainText("Quote verified against the archived article");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  // Read in the page (page.url() learns of a pushState asynchronously), and polled: the
  // store writes the URL after the dialog has closed.
  await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get("figure"))).toBeNull();
});

test("keyboard alone selects a route and opens a chart number's source", async ({ page }) => {
  await openExplorer(page);
  await page.locator(".route-list__item[data-route=to-georgia]").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".route-card")).toContainText(
    "53,000 Russian citizens have entered the nation in the past week",
  );
  const bar = page.locator("[data-graphic=border-stops]").getByRole("button", { name: /9,376/ }).first();
  await bar.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Where this number comes from" });
  await expect(dialog).toContainText("that figure jumped to 9,376 for 2021");
  await expect(dialog).toContainText("Conscription fears grip Russia");
});

test("a permalink restores the view, and back/forward step through views", async ({ page }) => {
  const query = "?period=mobilization&camera=caucasus-central-asia&route=to-georgia&table=forces";
  await openExplorer(page, query);
  const check = async () => {
    await expect(page.getByRole("radio", { name: "After the mobilization order" })).toBeChecked();
    await expect(page.locator(".route-card")).toContainText("Russia to Georgia");
    await expect(page.locator("[data-graphic=forces] table")).toBeVisible();
    await expect(page.getByRole("button", { name: "Caucasus and Central Asia" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  };
  await check();
  await page.reload();
  await check();
  expect(new URL(page.url()).search).toBe(query);

  const borderStops = page.locator("[data-graphic=border-stops]");
  await borderStops.getByRole("radio", { name: "Table" }).check();
  await expect(page).toHaveURL(/table=border-stops,forces/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${query.replace(/[?&]/g, "\\$&")}$`));
  await expect(borderStops.locator("svg:visible").first()).toBeVisible();
  await expect(borderStops.locator("table")).toBeHidden();
  await expect(borderStops.getByRole("radio", { name: "Chart" })).toBeChecked();
  await page.goForward();
  await expect(borderStops.locator("table")).toBeVisible();
  await expect(borderStops.getByRole("radio", { name: "Table" })).toBeChecked();
});

test("unknown and hostile URL values fall back to defaults", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openExplorer(
    page,
    "?route=to-atlantis&figure=%3Cscript%3Ealert(1)%3C/script%3E&period=javascript:alert(1)&camera=" + "x".repeat(3000),
  );
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("radio", { name: "All" })).toBeChecked();
  expect(dialogs).toEqual([]);
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no violations (${theme})`, async ({ page }) => {
    // Two full-page axe runs over every graphic: about 30 s alone, more on a busy machine.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    await openExplorer(page);
    await expectNoAxeViolations(page, `explorer ${theme}`);
    await page.locator(".route-list__item[data-route=to-finland]").click();
    await page.locator(".route-card__figure").click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoAxeViolations(page, `provenance dialog ${theme}`);
  });
}

test("no horizontal scrolling at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await openExplorer(page);
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll).toBeLessThanOrEqual(inner);
});

test("a dataset answering 500 breaks only its own panel, and retry recovers", async ({ page }) => {
  // The page carries its datasets; only a page without its data block fetches them.
  await withoutPageData(page, "/");
  let fail = true;
  await page.route("**/data/forces.json", (route) =>
    fail ? route.fulfill({ status: 500, body: "boom" }) : route.fallback(),
  );
  await page.goto("/");
  const panel = page.locator("[data-panel=forces]");
  await expect(panel.getByRole("alert")).toContainText("could not be loaded", { timeout: 20_000 });
  await expect(panel).toContainText("HTTP 500");
  await expect(page.locator("[data-graphic=border-stops] svg:visible").first()).toBeVisible();
  await expect(page.locator("[data-map-ready=true]")).toBeVisible({ timeout: 30_000 });
  fail = false;
  await panel.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator("[data-graphic=forces] svg:visible").first()).toBeVisible();
});

test("screenshots of each graphic, desktop and 320 px, light and dark", async ({ page }) => {
  test.setTimeout(180_000);
  for (const theme of ["light", "dark"] as const) {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: theme });
      await openExplorer(page);
      await page.waitForTimeout(500);
      for (const g of GRAPHICS)
        await page.locator(`[data-graphic=${g}]`).screenshot({ path: `${SHOTS}/${g}-${width}-${theme}.png` });
      await saveShot(page, `explorer-${width}-${theme}`);
    }
  }
});
