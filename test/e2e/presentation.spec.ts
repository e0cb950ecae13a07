/** The presentation (present.html): steps, keys, URL, presenter window, print, accessibility. */
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { StoryDataset } from "../../src/schema/datasets.ts";
import { engageMap, expectNoAxeViolations, guardOrigin, SHOTS } from "./support.ts";

// The same story.json the build serves (written by the pipeline before the build).
const story = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../public/data/story.json"), "utf8"),
) as StoryDataset;
const steps = story.steps;
const stepById = (id: string) => steps.find((s) => s.id === id)!;
const indexOf = (id: string) => steps.findIndex((s) => s.id === id);

const slideTitle = (page: Page) => page.locator(".slide__title");

async function openDeck(page: Page, query = "") {
  await page.goto(`/present.html${query}`);
  await expect(slideTitle(page)).toBeVisible();
}

async function expectStep(page: Page, id: string) {
  const i = indexOf(id);
  await expect(slideTitle(page)).toHaveText(stepById(id).title);
  await expect(page.locator(".deck-bar__count")).toHaveText(`Step ${i + 1} of ${steps.length}`);
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", String(i + 1));
  await expect(page).toHaveURL(new RegExp(`[?&]step=${id}(&|$)`));
}

/** Waits until the current step's graphic has drawn (the map: its current engine is ready) and the slide has faded in. */
async function graphicReady(page: Page) {
  const kind = await page.locator(".slide").getAttribute("data-graphic-kind");
  if (kind === "exit-routes")
    await expect(page.locator(".slide__graphic--map:not(.slide__graphic--parked) [data-map-ready=true]")).toBeVisible({
      timeout: 30_000,
    });
  else
    await expect(
      page.locator(`.slide__graphic:not(.slide__graphic--map) [data-graphic=${kind}] svg`).first(),
    ).toBeVisible();
  // A graphic can draw within the fade-in (its data comes with the story): let it end before measuring contrast or taking a picture.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

test("the deck downloads its story and figures once, preloaded by its HTML", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto("/present.html");
  await expect(page.locator(".slide__title")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requests.filter((u) => u === "/data/story.json")).toHaveLength(1);
  expect(requests.filter((u) => u === "/data/figures.json")).toHaveLength(1);
  // Requested by the <link rel=preload>, before the app's code ran, and reused by its fetch.
  const initiators = await page.evaluate(() =>
    ["story", "figures"].map(
      (n) =>
        (
          performance.getEntriesByName(new URL(`/data/${n}.json`, location.href).href)[0] as
            PerformanceResourceTiming | undefined
        )?.initiatorType,
    ),
  );
  expect(initiators).toEqual(["link", "link"]);
});

test("the keyboard walks through every step forward and back", async ({ page, baseURL }) => {
  const foreign = guardOrigin(page, baseURL!);
  await openDeck(page);
  await expectStep(page, steps[0]!.id);
  expect(steps.length).toBeGreaterThan(2);
  const live = page.locator(".deck-live");
  for (let i = 1; i < steps.length; i++) {
    await page.keyboard.press("ArrowRight");
    await expectStep(page, steps[i]!.id);
    await expect(live).toHaveText(`Step ${i + 1} of ${steps.length}: ${steps[i]!.title}`);
  }
  await page.keyboard.press("ArrowRight"); // no wrap past the end
  await expectStep(page, steps.at(-1)!.id);
  for (let i = steps.length - 2; i >= 0; i--) {
    await page.keyboard.press("ArrowLeft");
    await expectStep(page, steps[i]!.id);
  }
  // The other keys.
  await page.keyboard.press("End");
  await expectStep(page, steps.at(-1)!.id);
  await page.keyboard.press("Home");
  await expectStep(page, steps[0]!.id);
  await page.keyboard.press("Space");
  await expectStep(page, steps[1]!.id);
  await page.keyboard.press("PageDown");
  await expectStep(page, steps[2]!.id);
  await page.keyboard.press("ArrowDown");
  await expectStep(page, steps[3]!.id);
  await page.keyboard.press("Shift+Space");
  await expectStep(page, steps[2]!.id);
  await page.keyboard.press("PageUp");
  await expectStep(page, steps[1]!.id);
  await page.keyboard.press("ArrowUp");
  await expectStep(page, steps[0]!.id);
  expect(foreign).toEqual([]);
});

test("each step shows its text, figures, quote and graphic in its saved state", async ({ page }) => {
  await openDeck(page, "?step=mobilization");
  await graphicReady(page);
  // {exodus-week-total} is the figure with its qualifier, and opens its record.
  const figure = page.locator(".slide__body .story-figure[data-figure=exodus-week-total]");
  await expect(figure).toHaveText("more than 194,000");
  const map = page.locator(".slide__graphic--map");
  await expect(map).toHaveAttribute("data-camera", "caucasus-central-asia");
  await expect(map).toHaveAttribute("data-route", "to-kazakhstan");
  await figure.click();
  const dialog = page.getByRole("dialog", { name: "Where this number comes from" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("194,000");
  // Keys belong to the dialog while it is open.
  await page.keyboard.press("ArrowRight");
  await expect(slideTitle(page)).toHaveText(stepById("mobilization").title);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(figure).toBeFocused();

  // The quote, with its article's headline and date.
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await expectStep(page, "invasion");
  const quote = page.locator(".slide .slide-quote");
  await expect(quote.locator("blockquote")).toContainText(stepById("invasion").quote!.quote);
  await expect(quote.locator("figcaption")).toContainText("Conscription fears grip Russia");
  await expect(quote.locator("figcaption")).toContainText("27 Feb 2022");
  await expect(map).toHaveAttribute("data-camera", "north-america");
  await expect(map).toHaveAttribute("data-route", "via-mexico");
  await graphicReady(page);

  // A chart step: the chart shows, the map is parked out of sight and out of the tab order.
  await page.keyboard.press("ArrowRight");
  await expectStep(page, "forces");
  await graphicReady(page);
  await expect(map).toHaveClass(/slide__graphic--parked/);
  await expect(map).toHaveAttribute("inert", "");
});

test("keys are left to the map and to form controls", async ({ page }) => {
  await openDeck(page, "?step=alaska");
  await graphicReady(page);
  // With WebGL (software in CI) the map becomes MapLibre once reached for, whose canvas pans with the arrow keys.
  await engageMap(page);
  const map = page.locator(
    ".slide__graphic--map:not(.slide__graphic--parked) .exit-map[data-map-engine=maplibre][data-map-ready=true]",
  );
  await expect(map).toBeVisible({ timeout: 30_000 });
  const canvas = map.locator("canvas.maplibregl-canvas");
  await canvas.focus();
  await expect(canvas).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("End");
  await expect(slideTitle(page)).toHaveText(stepById("alaska").title);
  await expectStep(page, "alaska");
  await page.locator(".deck-bar__tools").getByRole("button", { name: "Dark" }).focus();
  await page.keyboard.press("Space"); // activates the button, not "next"
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(slideTitle(page)).toHaveText(stepById("alaska").title);
  await page.keyboard.press("ArrowLeft"); // arrows still navigate from a button
  await expectStep(page, "refusals");
});

test("Previous and Next buttons, and swipes, navigate", async ({ page }) => {
  await openDeck(page, "?step=before");
  const next = page.getByRole("button", { name: "Next", exact: true });
  const prev = page.getByRole("button", { name: "Previous", exact: true });
  await expect(prev).toHaveAttribute("aria-disabled", "true");
  await next.click();
  await expectStep(page, steps[1]!.id);
  await next.focus();
  await page.keyboard.press("Enter");
  await expectStep(page, steps[2]!.id);
  await page.keyboard.press("Space"); // Space on the focused Next button: one step, not two
  await expectStep(page, steps[3]!.id);
  await prev.click();
  await expectStep(page, steps[2]!.id);

  const swipe = (fromX: number, toX: number) =>
    page.locator(".slide__text").evaluate(
      (el, [a, b]) => {
        const opts = { bubbles: true, pointerType: "touch", isPrimary: true, pointerId: 7, clientY: 200 };
        el.dispatchEvent(new PointerEvent("pointerdown", { ...opts, clientX: a }));
        el.dispatchEvent(new PointerEvent("pointerup", { ...opts, clientX: b }));
      },
      [fromX, toX],
    );
  await swipe(300, 120);
  await expectStep(page, steps[3]!.id);
  await swipe(100, 300);
  await expectStep(page, steps[2]!.id);
  await swipe(300, 280); // too short
  await expectStep(page, steps[2]!.id);
});

test("the step is in the URL: a reload or a shared link lands on it", async ({ page }) => {
  await openDeck(page, "?step=alaska");
  await expectStep(page, "alaska");
  await page.reload();
  await expectStep(page, "alaska");
  await page.keyboard.press("ArrowLeft");
  await expectStep(page, "refusals");
  await page.reload();
  await expectStep(page, "refusals");
  // replaceState: stepping does not fill the history.
  expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(2);

  await openDeck(page, "?step=nowhere");
  await expectStep(page, steps[0]!.id);
  await openDeck(page, "?step=%3Cscript%3E&period=mobilization&figure=kazakhstan-week");
  await expectStep(page, steps[0]!.id);
  // Read in the page (page.url() learns of a replaceState asynchronously): explorer parameters are not the deck's.
  expect(await page.evaluate(() => location.search)).toBe(`?step=${steps[0]!.id}`);
  await expect(page.getByRole("dialog")).toBeHidden();
});

test("the presenter window follows the audience window, and the other way round", async ({ page, context }) => {
  await openDeck(page, "?step=invasion");
  const [presenter] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("p")]);
  await presenter.waitForLoadState();
  expect(new URL(presenter.url()).searchParams.get("presenter")).toBe("1");
  const title = presenter.locator(".presenter__title");
  await expect(title).toHaveText(stepById("invasion").title);
  await expect(presenter.locator(".presenter__notes")).toHaveText(stepById("invasion").notes);
  await expect(presenter.locator(".presenter__next-title")).toHaveText(steps[indexOf("invasion") + 1]!.title);
  await expect(presenter.getByRole("timer")).toHaveText(/^\d\d:\d\d$/);

  // Audience → presenter.
  await page.keyboard.press("ArrowRight");
  await expectStep(page, "forces");
  await expect(title).toHaveText(stepById("forces").title);
  await expect(presenter).toHaveURL(/[?&]step=forces(&|$)/);

  // Presenter → audience, by button and by key.
  await presenter.getByRole("button", { name: "Next", exact: true }).click();
  await expect(title).toHaveText(stepById("mobilization").title);
  await expectStep(page, "mobilization");
  await presenter.keyboard.press("End");
  await expectStep(page, steps.at(-1)!.id);
  await expect(presenter.locator(".presenter__next-title")).toHaveText("End of the story");
  await presenter.getByRole("button", { name: new RegExp(stepById("week").title) }).click();
  await expectStep(page, "week");

  // Malformed or unknown messages are ignored.
  await presenter.evaluate(() => {
    const c = new BroadcastChannel("exodus-presentation");
    c.postMessage({ type: "step", id: "<img src=x>" });
    c.postMessage({ type: "step", id: "nowhere" });
    c.postMessage("alaska");
    c.postMessage({ type: "goto", id: "alaska" });
    c.close();
  });
  await page.waitForTimeout(300);
  await expectStep(page, "week");

  // The button opens (or focuses) the presenter window too.
  await presenter.close();
  const [again] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("button", { name: "Presenter view" }).click(),
  ]);
  await expect(again.locator(".presenter__title")).toHaveText(stepById("week").title);
  await page.keyboard.press("ArrowLeft");
  await expect(again.locator(".presenter__title")).toHaveText(steps[indexOf("week") - 1]!.title);
  await expectNoAxeViolations(again, "presenter view");
});

const mapSteps = steps.filter((s) => s.graphic === "exit-routes");

/** Waits until the page has fetched what printing from the menu needs: the charts' data (with the story) and, once idle, the print map's chunk. */
async function handoutPrefetched(page: Page) {
  const wanted = [
    /\/PrintMap-[^/]*\.js$/,
    ...["border-stops", "forces", "week-breakdown"].map((d) => new RegExp(`/data/${d}\\.json$`)),
  ];
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          performance
            .getEntriesByType("resource")
            .map((e) => (e as PerformanceResourceTiming).responseEnd > 0 && e.name),
        ),
      { timeout: 15_000 },
    )
    .toEqual(expect.arrayContaining(wanted.map((re) => expect.stringMatching(re))));
  await page.waitForTimeout(500); // the chunk and the data are parsed in the tasks that follow
}

/** Replaces window.print with a recorder of what the handout looked like when it was called. */
async function recordPrints(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { prints: { ready?: string; maps: number }[] };
    w.prints = [];
    window.print = () => {
      const h = document.querySelector<HTMLElement>(".handout");
      w.prints.push({
        ready: h?.dataset["ready"],
        maps: h?.querySelectorAll(".print-map [data-map-ready=true]").length ?? 0,
      });
    };
  });
  return () => page.evaluate(() => (window as unknown as { prints: { ready?: string; maps: number }[] }).prints);
}

test("at start-up the print handout is not mounted and the 50m basemap is not fetched", async ({ page }) => {
  const basemaps: string[] = [];
  page.on("request", (r) => {
    if (/countries-\d+m[^/]*\.json$/.test(r.url())) basemaps.push(r.url());
  });
  await openDeck(page);
  await graphicReady(page);
  await handoutPrefetched(page);
  await expect(page.locator(".handout")).toHaveCount(0);
  await expect(page.locator(".print-map")).toHaveCount(0);
  expect(basemaps.filter((u) => u.includes("countries-50m"))).toEqual([]);
  expect(basemaps.length).toBeGreaterThan(0); // the slides' 110m one
});

test("print media mounts the handout: one step per page, every graphic drawn, a PDF with one page per step", async ({
  page,
}) => {
  const fetched50m = page.waitForRequest(/countries-50m[^/]*\.json$/);
  await openDeck(page, "?step=forces");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".deck-stage")).toBeHidden();
  await expect(page.locator(".deck-nav")).toBeHidden();
  await expect(page.locator(".deck-bar")).toBeHidden();
  const sections = page.locator(".handout__step");
  await expect(sections).toHaveCount(steps.length);
  // The handout says when every graphic in it has drawn, the maps on their own basemap.
  await expect(page.locator(".handout")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  await fetched50m;
  for (const step of steps) {
    const section = page.locator(`.handout__step[data-step=${step.id}]`);
    await expect(section).toBeVisible();
    await expect(section.locator(".handout__title")).toHaveText(step.title);
    const drawn =
      step.graphic === "exit-routes" ? ".print-map [data-map-ready=true] svg" : ".graphic__body svg[data-export]";
    await expect(section.locator(drawn)).toBeVisible();
    if (step.quote) await expect(section.locator("blockquote")).toContainText(step.quote.quote);
    const breaks = await section.evaluate((el) => {
      const s = getComputedStyle(el);
      return { breakAfter: s.breakAfter, pageBreakAfter: s.getPropertyValue("page-break-after") };
    });
    expect(
      breaks.breakAfter === "page" || breaks.pageBreakAfter === "always",
      `${step.id}: ${JSON.stringify(breaks)}`,
    ).toBe(true);
  }
  // Figures print as text with their qualifier.
  await expect(page.locator(".handout__step[data-step=mobilization] .story-figure")).toHaveText("more than 194,000");
  // Each map step prints its own view: as many print maps as map steps.
  await expect(page.locator(".handout .print-map")).toHaveCount(mapSteps.length);

  mkdirSync("results", { recursive: true });
  const pdf = await page.pdf({ path: "results/presentation-handout.pdf", printBackground: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)\b/g) ?? [];
  expect(pages.length).toBe(steps.length);

  // It stays: back on screen it is hidden, not unmounted.
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(".slide__title")).toBeVisible();
  await expect(page.locator(".handout")).toBeHidden();
  await expect(sections).toHaveCount(steps.length);
});

test("beforeprint (the browser's Print menu) mounts the handout in the same task, charts and maps drawn", async ({
  page,
}) => {
  await openDeck(page, "?step=week");
  await graphicReady(page);
  await handoutPrefetched(page);
  // Nothing can be awaited between beforeprint and the print snapshot: count in the same task.
  const now = await page.evaluate(() => {
    window.dispatchEvent(new Event("beforeprint"));
    const h = document.querySelector(".handout");
    return {
      sections: h?.querySelectorAll(".handout__step").length,
      charts: h?.querySelectorAll(".handout__step:not([data-graphic-kind=exit-routes]) .graphic__body svg[data-export]")
        .length,
      // On the basemap already fetched: the slides' 110m one, or their own.
      maps: h?.querySelectorAll(".print-map [data-basemap$=m] svg[data-export]").length,
      loading: h?.querySelectorAll(".panel-loading").length,
    };
  });
  expect(now).toEqual({
    sections: steps.length,
    charts: steps.length - mapSteps.length,
    maps: mapSteps.length,
    loading: 0,
  });
  // Then the maps that wanted a finer basemap redraw on it.
  await expect(page.locator(".handout")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
});

test("the Print handout button and Ctrl+P print once every graphic is drawn, and again at once", async ({ page }) => {
  await openDeck(page, "?step=invasion");
  const prints = await recordPrints(page);
  const button = page.getByRole("button", { name: "Print handout" });
  await button.click();
  await expect.poll(prints, { timeout: 30_000 }).toEqual([{ ready: "true", maps: mapSteps.length }]);
  await expect(button).toHaveText("Print handout");
  await button.click();
  expect(await prints()).toHaveLength(2);

  // Ctrl+P: held back until the handout has drawn (the browser's dialog would otherwise open now).
  await openDeck(page, "?step=before");
  const keyPrints = await recordPrints(page);
  await page.keyboard.press("Control+P");
  await expectStep(page, "before"); // P without Ctrl opens the presenter view: not here
  await expect.poll(keyPrints, { timeout: 30_000 }).toEqual([{ ready: "true", maps: mapSteps.length }]);
});

test("at 412 × 823 nothing moves while the first slide loads (layout shift)", async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: { value: number; sources: string[] }[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; sources: { node?: Node | null }[] }[]) {
        w.shifts.push({
          value: e.value,
          sources: e.sources.map((s) =>
            s.node instanceof Element ? `${s.node.tagName}.${s.node.className}` : String(s.node?.nodeName),
          ),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  // The first step (what present.html opens), a map step with figures and one with a quote.
  for (const query of ["", "?step=mobilization", "?step=invasion"]) {
    await openDeck(page, query);
    await graphicReady(page);
    await page.waitForTimeout(1000);
    const shifts = await page.evaluate(
      () => (window as unknown as { shifts: { value: number; sources: string[] }[] }).shifts,
    );
    const cls = shifts.reduce((sum, s) => sum + s.value, 0);
    expect(cls, `${query || "first step"}: ${JSON.stringify(shifts)}`).toBeLessThan(0.02);
  }
});

for (const theme of ["light", "dark"] as const) {
  test(`no axe violations in the ${theme} theme, on a map step and a chart step`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    for (const id of ["invasion", "before"]) {
      await openDeck(page, `?step=${id}`);
      await graphicReady(page);
      await expectNoAxeViolations(page, `${theme}, ${id}`);
    }
    // ?theme= overrides the system preference.
    const other = theme === "light" ? "dark" : "light";
    await openDeck(page, `?step=week&theme=${other}`);
    await expect(page.locator("html")).toHaveAttribute("data-theme", other);
    await graphicReady(page);
    await expectNoAxeViolations(page, `${other} via ?theme, week`);
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(new RegExp(`theme=${other}`));
    await expect(page.locator("html")).toHaveAttribute("data-theme", other);
  });
}

test("at 320 px every step fits without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openDeck(page);
  for (const step of steps) {
    await expectStep(page, step.id);
    await graphicReady(page);
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll, step.id).toBeLessThanOrEqual(client);
    await page.keyboard.press("ArrowRight");
  }
});

test("reduced motion: no fade between steps", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openDeck(page);
  expect(await page.locator(".slide__text").evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
  await page.emulateMedia({ reducedMotion: "no-preference" });
  expect(await page.locator(".slide__text").evaluate((el) => getComputedStyle(el).animationName)).toBe("slide-in");
});

test("F asks for full screen and a refusal is harmless", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await openDeck(page);
  await page.keyboard.press("f");
  await page.keyboard.press("f");
  await page.getByRole("button", { name: "Full screen" }).click();
  await page.getByRole("button", { name: "Full screen" }).click();
  await expectStep(page, steps[0]!.id);
  expect(errors).toEqual([]);
});

test("screenshots: map and chart steps, light and dark, wide and narrow, and the presenter view", async ({
  page,
  context,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const shots: [string, number, number, "light" | "dark", string][] = [
    ["present-1280-light-map", 1280, 720, "light", "mobilization"],
    ["present-1280-dark-map", 1280, 720, "dark", "invasion"],
    ["present-1280-light-chart", 1280, 720, "light", "before"],
    ["present-1280-dark-chart", 1280, 720, "dark", "week"],
    ["present-320-light-map", 320, 640, "light", "alaska"],
    ["present-320-dark-chart", 320, 640, "dark", "before"],
  ];
  await page.emulateMedia({ reducedMotion: "reduce" });
  for (const [name, width, height, theme, id] of shots) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: theme });
    await openDeck(page, `?step=${id}`);
    await graphicReady(page);
    await page.screenshot({ path: `${SHOTS}/${name}.png` });
  }
  const [presenter] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("p")]);
  await presenter.setViewportSize({ width: 1024, height: 700 });
  await expect(presenter.locator(".presenter__title")).toBeVisible();
  await presenter.screenshot({ path: `${SHOTS}/present-presenter.png` });
});
