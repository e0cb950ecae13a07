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
