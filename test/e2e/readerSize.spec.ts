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

/** The map's visible label texts, main map and insets (in the page's frame). */
const mapLabels = (page: Page) =>
  page.locator(".exit-map-wrap svg text").evaluateAll((texts) =>
    texts
      .filter((t) => {
        const r = t.getBoundingClientRect();
        const frame = (t.closest(".exit-map, .map-inset__frame") ?? t).getBoundingClientRect();
        return (
          r.width > 0 &&
          r.left >= frame.left - 1 &&
          r.right <= frame.right + 1 &&
          r.top >= frame.top - 1 &&
          r.bottom <= frame.bottom + 1
        );
      })
      .map((t) => t.textContent ?? ""),
  );

const NAMED = ["Finland", "Russia", "Kazakhstan", "Georgia", "Mongolia", "Armenia", "Turkey", "Azerbaijan", "Serbia"];
const INSET_NAMED = ["Russian coast", "Alaska", "San Diego", "Tijuana"];
const COUNTED = ["98,000 people", "53,000 people", "43,000 people", "2 people"];

for (const js of [true, false])
  // Phones, and an article column (680 px): the narrow view holds up to INSETS_BELOW (800 px).
  for (const width of [320, 360, 390, 430, 680])
    test(`the narrow map names every destination and counted flow, with the far places in insets (${width} px, JavaScript ${js ? "on" : "off"})`, async ({
      browser,
    }) => {
      const context = await browser.newContext({
        viewport: { width, height: 844 },
        javaScriptEnabled: js,
        hasTouch: true,
      });
      const page = await context.newPage();
      await page.goto("/embed/exit-routes.html");
      if (js) await expect(page.locator(".exit-map")).toHaveAttribute("data-map-ready", "true");
      const insets = page.locator(".map-inset");
      await expect(insets).toHaveCount(2);
      await expect(insets.locator(".map-inset__title")).toHaveText(["By boat to Alaska", "Mexico–US border"]);
      for (const inset of await insets.all()) await expect(inset).toBeVisible();
      const text = (await mapLabels(page)).join(" | ");
      for (const name of [...NAMED, ...INSET_NAMED, ...COUNTED]) expect(text, `${name} at ${width} px`).toContain(name);
      // The main map takes its view's shape: no band of empty sea above and below the routes.
      const frame = (await page.locator(".exit-map").boundingBox())!;
      expect(frame.height / frame.width).toBeLessThan(0.75);
      // The map and its insets in the first screen, under the title and the view switch.
      const wrap = (await page.locator(".exit-map-wrap").boundingBox())!;
      expect(wrap.y + wrap.height).toBeLessThan(844);
      if (js && width === 390)
        await page.locator(".exit-map-wrap").screenshot({ path: `${SHOTS}/map-phone-insets-390.png` });
      if (js && width === 680)
        await page.locator(".exit-map-wrap").screenshot({ path: `${SHOTS}/map-column-insets-680.png` });
      await context.close();
    });

test("the explorer on a 320 px phone (a 288 px map) names every destination and counted flow, insets included", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("[data-graphic=exit-routes] .exit-map")).toHaveAttribute("data-map-ready", "true");
  await expect(page.locator(".map-inset")).toHaveCount(2);
  const text = (await mapLabels(page)).join(" | ");
  for (const name of [...NAMED, ...INSET_NAMED, ...COUNTED]) expect(text, name).toContain(name);
  await context.close();
});

test("on a phone a link to another view keeps the page's map shape and insets when the app takes over", async ({
  browser,
}) => {
  const shape = async (javaScriptEnabled: boolean) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/embed/exit-routes.html?camera=nordics-baltics");
    if (javaScriptEnabled) await expect(page.locator(".exit-map")).toHaveAttribute("data-map-ready", "true");
    const frame = (await page.locator(".exit-map").boundingBox())!;
    const insets = await page.locator(".map-inset").count();
    await context.close();
    return { height: Math.round(frame.height), insets };
  };
  expect(await shape(true)).toEqual(await shape(false));
});

for (const width of [900, 1280])
  test(`a wide map has no insets: the world view names every place itself, across the embed's width (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/embed/exit-routes.html");
    await expect(page.locator(".exit-map")).toHaveAttribute("data-map-ready", "true");
    await expect(page.locator(".map-inset")).toHaveCount(0);
    const text = (await mapLabels(page)).join(" | ");
    for (const name of [...NAMED, ...INSET_NAMED, ...COUNTED]) expect(text, name).toContain(name);
    // The compact embed has no route list: no empty column beside the map.
    const map = (await page.locator(".exit-map").boundingBox())!;
    expect(map.width).toBeGreaterThan(width - 24);
  });

test("the explorer's desktop map names every place on the world view", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await expect(page.locator("[data-graphic=exit-routes] .exit-map")).toHaveAttribute("data-map-ready", "true");
  const text = (await mapLabels(page)).join(" | ");
  for (const name of [...NAMED, ...INSET_NAMED, ...COUNTED]) expect(text, name).toContain(name);
});

test("on a phone MapLibre draws the narrow view where the SVG map drew it, and the insets stay", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/embed/exit-routes.html");
  await expect(page.locator(".exit-map")).toHaveAttribute("data-map-ready", "true");
  const labelAt = (name: string) =>
    page
      .locator(".exit-map text", { hasText: name })
      .first()
      .evaluate((t) => {
        const r = t.getBoundingClientRect();
        const f = t.closest(".exit-map")!.getBoundingClientRect();
        return [r.x + r.width / 2 - f.x, r.y + r.height / 2 - f.y] as const;
      });
  const before = await labelAt("Kazakhstan");
  await page.goto("/embed/exit-routes.html?engine=maplibre");
  await expect(page.locator(".exit-map")).toHaveAttribute("data-map-engine", "maplibre", { timeout: 60_000 });
  await expect(page.locator(".exit-map")).toHaveAttribute("data-map-ready", "true", { timeout: 60_000 });
  const after = await labelAt("Kazakhstan");
  expect(Math.abs(after[0] - before[0])).toBeLessThan(24);
  expect(Math.abs(after[1] - before[1])).toBeLessThan(24);
  await expect(page.locator(".map-inset")).toHaveCount(2);
  await context.close();
});
