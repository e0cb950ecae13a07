import { expect, test } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../playwright.config.ts";
import { engageMap, openExplorer } from "./support.ts";

// A browser without WebGL: the map must fall back to SVG with the same layers and interactions.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS.filter((a) => !a.includes("swiftshader")), "--disable-webgl", "--disable-3d-apis"],
  },
});

test("without WebGL the SVG map appears and works", async ({ page }) => {
  await openExplorer(page);
  const map = page.locator("[data-map-engine=svg][data-map-ready=true]");
  await expect(map).toBeVisible();
  // Reaching for the map finds no WebGL: it stays SVG, and says so.
  await engageMap(page, { expectMapLibre: false });
  await expect(map).toContainText("Simplified map");
  expect(await map.locator("svg path").count()).toBeGreaterThan(20);
  await page.locator(".route-list__item[data-route=to-alaska]").click();
  await expect(page.locator(".route-card")).toContainText("arriving by boat in Alaska");
});
