/**
 * At the reader's size (issue 13): tables, figure records, slides, the map embed and
 * the phone explorer, checked at the sizes readers bring.
 */
import { expect, test, type Page } from "@playwright/test";
import { interactive, SHOTS } from "./support.ts";

const GRAPHICS = ["exit-routes", "border-stops", "forces", "week-breakdown"] as const;

/** Whatever sticks out of its table's frame, or of the page, sideways (empty: nothing). */
async function tableOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    for (const wrap of document.querySelectorAll<HTMLElement>(".graphic__table .data-table-wrap")) {
      if (wrap.getClientRects().length === 0) continue;
      const frame = wrap.getBoundingClientRect();
      if (wrap.scrollWidth > wrap.clientWidth + 1)
        out.push(`table ${wrap.scrollWidth} px in a ${wrap.clientWidth} px frame`);
      for (const cell of wrap.querySelectorAll<HTMLElement>("th, td, td > *, th > *")) {
        const r = cell.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.right > Math.min(frame.right, vw) + 1 || r.left < frame.left - 1)
          out.push(`"${cell.textContent!.slice(0, 30)}" at ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
    }
    if (document.documentElement.scrollWidth > vw + 1) out.push(`page ${document.documentElement.scrollWidth} px wide`);
    return out;
  });
}

for (const js of [true, false]) {
  test.describe(`tables, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });
    for (const graphic of GRAPHICS) {
      test(`the ${graphic} table shows every column without sideways scrolling at 320–680 px`, async ({ page }) => {
        await page.setViewportSize({ width: 320, height: 800 });
        await page.goto(`/embed/${graphic}.html`);
        if (js) await interactive(page);
        await page.getByRole("radio", { name: "Table" }).check();
        const table = page.locator(".graphic__table table").first();
        await expect(table).toBeVisible();
        for (const width of [320, 360, 400, 500, 560, 680]) {
          await page.setViewportSize({ width, height: 800 });
          expect(await tableOverflow(page), `${graphic} at ${width} px`).toEqual([]);
          // Every column's values are on screen: each labelled cell is visible.
          for (const cell of await page.locator(".graphic__table td[data-label]:not(:empty)").all())
            await expect(cell).toBeVisible();
          if (width === 320)
            await page.screenshot({
              path: `${SHOTS}/table-${graphic}-320-js-${js ? "on" : "off"}.png`,
              fullPage: true,
            });
        }
      });
    }
  });
}

for (const js of [true, false]) {
  test.describe(`phone explorer, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });
    test("at 390×844 the map starts in the first screen, its controls folded, every target 44 px tall", async ({
      page,
    }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/");
      if (js) await interactive(page);
      const map = page.locator("[data-graphic=exit-routes] .exit-map").first();
      await expect(map).toBeVisible();
      const box = (await map.boundingBox())!;
      // The map's top in the first screen, with at least 250 px of it on screen.
      expect(box.y).toBeLessThanOrEqual(844 - 250);
      const controls = page.locator("[data-graphic=exit-routes] details.map-controls");
      await expect(controls.locator("summary")).toBeVisible();
      await expect(controls.getByRole("radio").first()).toBeHidden();
      await page.screenshot({ path: `${SHOTS}/explorer-390x844-js-${js ? "on" : "off"}.png` });
      await controls.locator("summary").click();
      await expect(controls.getByRole("radio", { name: "After the mobilization order" })).toBeVisible();
      // Touch targets: the masthead's and the first graphic's controls.
      const small = await page.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement>(
            ".masthead button, [data-graphic=exit-routes] :is(.graphic__toolbar button, .graphic__toolbar summary, .view-switch label, .map-controls summary, .map-controls label, .map-controls button)",
          ),
        ]
          .filter((el) => el.checkVisibility({ contentVisibilityAuto: true }))
          .map((el) => ({ name: el.textContent!.trim().slice(0, 30), h: el.getBoundingClientRect().height }))
          .filter((t) => t.h < 44 - 0.5)
          .map((t) => `${t.name}: ${Math.round(t.h)} px`),
      );
      expect(small).toEqual([]);
    });
  });
}

test("on a phone, the route card's close button and related figures are 44 px targets", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/embed/exit-routes.html?route=to-alaska");
  await interactive(page);
  await expect(page.locator(".route-card")).toBeVisible();
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".route-card :is(button, a, summary)")]
      .map((el) => ({ name: el.textContent!.trim().slice(0, 30), h: el.getBoundingClientRect().height }))
      .filter((t) => t.h < 44 - 0.5)
      .map((t) => `${t.name}: ${Math.round(t.h)} px`),
  );
  expect(small).toEqual([]);
  // A related figure reads as a sentence, in body type.
  const related = page.locator(".route-card__related-button").first();
  await expect(related).toHaveCSS("text-align", "left");
});

test("on a wide screen the map's controls are all shown, with no fold", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  const controls = page.locator("[data-graphic=exit-routes] details.map-controls");
  await expect(controls.locator("summary")).toBeHidden();
  await expect(controls.getByRole("radio", { name: "After the mobilization order" })).toBeVisible();
});
