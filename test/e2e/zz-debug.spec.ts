import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
test("dbg", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.route("**/data/figures.json", (r) => r.fulfill({ status: 200, contentType: "application/json", body: '{"version":1}' }));
  await page.goto("/");
  await expect(page.locator("#sources ~ [role=alert]")).toBeVisible();
  await page.locator("#sources").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/dbg/sources.png" });
  await page.locator("[data-graphic=border-stops]").getByRole("button", { name: /9,376/ }).first().click();
  await expect(page.getByRole("dialog").getByRole("alert")).toBeVisible();
  await page.screenshot({ path: "/tmp/dbg/dialog.png" });
});
test("dbg map throw", async ({ page }) => {
  const raw = JSON.parse(readFileSync("public/data/exit-routes.json", "utf8"));
  raw.routes[0].path.splice(1, 0, "atlantis");
  await page.route("**/data/exit-routes.json", (r) => r.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(raw) }));
  await page.goto("/");
  await expect(page.locator("[data-panel=exit-routes] [role=alert]")).toBeVisible();
  await page.screenshot({ path: "/tmp/dbg/mapthrow.png" });
});
