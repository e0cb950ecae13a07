/** The presentation (present.html): steps, keys, URL, presenter window, print, accessibility. */
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pageById } from "../../src/pages/pages.ts";
import type { ExitRoutesDataset, StoryDataset } from "../../src/schema/datasets.ts";
import { expectNoAxeViolations, guardOrigin, SHOTS } from "./support.ts";

// The same datasets the build serves (written by the pipeline before the build).
const dataset = <T>(name: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/data/${name}.json`), "utf8")) as T;
const story = dataset<StoryDataset>("story");
const cameras = dataset<ExitRoutesDataset>("exit-routes").cameras;
const steps = story.steps;
const stepById = (id: string) => steps.find((s) => s.id === id)!;
const indexOf = (id: string) => steps.findIndex((s) => s.id === id);

/** Every step's slide is in the page; once the app has taken over, the one on screen is `.slide--current`. */
const currentSlide = (page: Page) => page.locator("article.slide.slide--current");
const slideTitle = (page: Page) => currentSlide(page).locator(".slide__title");

/** Opens the deck and waits until the app has taken it over (`.deck--live`), a current slide on screen. */
async function openDeck(page: Page, query = "") {
  await page.goto(`/present.html${query}`);
  await expect(page.locator(".deck.deck--live")).toBeAttached({ timeout: 30_000 });
  await expect(slideTitle(page)).toBeVisible();
}

async function expectStep(page: Page, id: string) {
  const i = indexOf(id);
  await expect(slideTitle(page)).toHaveText(stepById(id).title);
  await expect(currentSlide(page)).toHaveAttribute("data-step", id);
  await expect(currentSlide(page)).toHaveAttribute("aria-current", "step");
  await expect(currentSlide(page).locator(".slide__count")).toHaveText(`Step ${i + 1} of ${steps.length}`);
  // On screen, the current step's slide is the only one.
  await expect(page.locator("article.slide:visible")).toHaveCount(1);
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", String(i + 1));
  await expect(page).toHaveURL(new RegExp(`[?&]step=${id}(&|$)`));
}

/** Waits until the current step's graphic has drawn (the map: on its own basemap) and the slide has faded in. */
async function graphicReady(page: Page) {
  const slide = currentSlide(page);
  const kind = await slide.getAttribute("data-graphic-kind");
  if (kind === "exit-routes")
    await expect(slide.locator(".print-map [data-map-ready=true] svg[data-export]")).toBeVisible({ timeout: 30_000 });
  else await expect(slide.locator(`[data-graphic=${kind}] svg[data-export]:visible`).first()).toBeVisible();
  // Let the fade-in end before measuring contrast or taking a picture.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

test("the deck fetches none of the datasets its HTML carries, from its first step to its last", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (r) => {
    const m = /\/data\/([a-z-]+)\.json$/.exec(new URL(r.url()).pathname);
    if (m) fetched.push(m[1]!);
  });
  await openDeck(page);
  // The story, its figures and every slide's graphic travel in the page's data block…
  const carried = await page.evaluate(() =>
    Object.keys(JSON.parse(document.getElementById("exodus-data")!.textContent!)),
  );
  expect(carried.sort()).toEqual([...pageById("present")!.datasets].sort());
  // …so walking through the whole story downloads none of them.
  for (let i = 1; i < steps.length; i++) {
    await page.keyboard.press("ArrowRight");
    await expectStep(page, steps[i]!.id);
  }
  await page.waitForLoadState("networkidle");
  expect(fetched).toEqual([]);
});

test("a map slide drawn after the deck goes live keeps the basemap the page drew while its own downloads", async ({
  page,
}) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/assets/countries-*.json", async (route) => {
    await held;
    await route.continue();
  });
  await openDeck(page);
  const mapStep = steps.find((s, i) => i > 0 && s.graphic === "exit-routes")!;
  while ((await page.locator(".slide--current").getAttribute("data-step")) !== mapStep.id)
    await page.keyboard.press("ArrowRight");
  // React has drawn the slide (it is current), the topology is still on its way.
  const basemap = page.locator(`.slide[data-step=${mapStep.id}] #basemap-${mapStep.id}`);
  // (basemapMarkup writes the countries as a few long paths.)
  const drawn = () =>
    basemap.evaluate((g) =>
      [...g.querySelectorAll("path")].reduce((n, p) => n + (p.getAttribute("d")?.length ?? 0), 0),
    );
  await expect(basemap).toHaveCount(1);
  expect(await drawn()).toBeGreaterThan(2_000);
  await expect(page.locator(`.slide[data-step=${mapStep.id}] .exit-map`)).toHaveAttribute("data-map-ready", "false");
  release();
  await expect(page.locator(`.slide[data-step=${mapStep.id}] .exit-map`)).toHaveAttribute("data-map-ready", "true");
  expect(await drawn()).toBeGreaterThan(2_000);
});

test("a slide map is drawn at its frame's size on screen, at the print frame's when printing, and not while hidden", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openDeck(page, "?step=mobilization");
  await graphicReady(page);
  const svg = (step: string) => page.locator(`.slide[data-step=${step}] .print-map__frame > svg`);
  const size = async (step: string) => [await svg(step).getAttribute("width"), await svg(step).getAttribute("height")];
  const frame = (await page.locator(".slide--current .print-map__frame").boundingBox())!;
  await expect
    .poll(() => size("mobilization"))
    .toEqual([String(Math.round(frame.width)), String(Math.round(frame.height))]);
  // The slides not on screen, woken by the deck a few seconds in, are not measured while hidden.
  await expect(page.locator(".slide[data-step=alaska] .exit-map")).toHaveAttribute("data-map-ready", "true", {
    timeout: 15_000,
  });
  expect(await size("alaska")).toEqual(["720", "340"]);
  // Printing from the browser's menu: the drawing the print CSS frames, then back.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  expect(await size("mobilization")).toEqual(["720", "340"]);
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect
    .poll(() => size("mobilization"))
    .toEqual([String(Math.round(frame.width)), String(Math.round(frame.height))]);
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

/**
 * The map a step shows is in the step's saved view: named for its camera ("Map: Bering
 * Strait"), with the step's route drawn at full strength and the others dimmed.
 */
async function expectMapView(page: Page, camera: string, route: string) {
  const map = currentSlide(page).locator(".print-map svg[data-export]");
  await expect(map).toHaveAttribute("aria-label", `Map: ${cameras.find((c) => c.id === camera)!.label}`);
  await expect(map.locator(`g[data-route=${route}]`).first()).toHaveAttribute("opacity", "1");
  for (const other of await map.locator(`g[data-route]:not([data-route=${route}])`).all())
    expect(Number(await other.getAttribute("opacity"))).toBeLessThan(1);
}

test("each step shows its text, figures, quote and graphic in its saved state", async ({ page }) => {
  await openDeck(page, "?step=mobilization");
  await graphicReady(page);
  // {exodus-week-total} is the figure with its qualifier and its caveat's marker, and opens its record.
  const figure = currentSlide(page).locator(".slide__body .story-figure[data-figure=exodus-week-total]");
  const marker = stepById("mobilization").caveats.find((c) => c.figures.includes("exodus-week-total"))!.marker;
  await expect(figure).toHaveText(`more than 194,000${marker}`);
  // The step's saved view (data/story.yaml): the three countries its text names, Kazakhstan's route highlighted.
  await expectMapView(page, "finland-to-kazakhstan", "to-kazakhstan");
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
  const quote = currentSlide(page).locator(".slide-quote");
  await expect(quote.locator("blockquote")).toContainText(stepById("invasion").quote!.quote);
  await expect(quote.locator("figcaption")).toContainText("Conscription fears grip Russia");
  await expect(quote.locator("figcaption")).toContainText("27 Feb 2022");
  await graphicReady(page);
  await expectMapView(page, "north-america", "via-mexico");

  // A chart step: the chart shows; the map steps' slides are out of sight, so out of the tab order.
  await page.keyboard.press("ArrowRight");
  await expectStep(page, "forces");
  await graphicReady(page);
  for (const s of steps.filter((s) => s.id !== "forces"))
    await expect(page.locator(`article.slide[data-step=${s.id}]`)).toBeHidden();
});

test("keys are left to form controls: a button", async ({ page }) => {
  await openDeck(page, "?step=alaska");
  await graphicReady(page);
  // A slide carries no web controls (no Chart/Table switch): the deck's own buttons remain.
  await expect(currentSlide(page).getByRole("radio")).toHaveCount(0);
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
    currentSlide(page)
      .locator(".slide__text")
      .evaluate(
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

/** A step's graphic, drawn: the map on its own basemap, or the chart (the artboard on the page). */
const drawnGraphic = (step: (typeof steps)[number], { basemap = true } = {}) =>
  step.graphic === "exit-routes"
    ? `.print-map ${basemap ? "[data-map-ready=true]" : ""} svg[data-export]:visible`
    : `[data-graphic=${step.graphic}] .graphic__chart svg[data-export]:visible`;

/** Every step's slide shows in print media, in order, with its text, quote and graphic, and ends its page. */
async function expectEverySlidePrinted(page: Page, { basemaps = true } = {}) {
  await expect(page.locator("article.slide")).toHaveCount(steps.length);
  for (const [i, step] of steps.entries()) {
    const slide = page.locator(`article.slide[data-step=${step.id}]`);
    await expect(slide, step.id).toBeVisible();
    await expect(slide.locator(".slide__count")).toHaveText(`Step ${i + 1} of ${steps.length}`);
    await expect(slide.locator(".slide__title")).toHaveText(step.title);
    await expect(slide.locator(drawnGraphic(step, { basemap: basemaps })).first(), step.id).toBeVisible();
    if (step.quote) await expect(slide.locator("blockquote")).toContainText(step.quote.quote);
    // The screen's controls are not printed; whose handout it is, and the step's address, are.
    await expect(slide.locator(".graphic__toolbar")).toBeHidden();
    await expect(slide.locator(".slide__credit")).toBeVisible();
    await expect(slide.locator(".slide__credit")).toHaveText(
      new RegExp(`^Leaving Russia in 2022 · \\S*/present\\.html\\?step=${step.id}$`),
    );
    const breaks = await slide.evaluate((el) => {
      const s = getComputedStyle(el);
      return { breakAfter: s.breakAfter, pageBreakAfter: s.getPropertyValue("page-break-after") };
    });
    expect(
      breaks.breakAfter === "page" || breaks.pageBreakAfter === "always",
      `${step.id}: ${JSON.stringify(breaks)}`,
    ).toBe(true);
  }
  // Figures print with their qualifier, and the marker of their caveat (printed with the slide).
  await expect(page.locator("article.slide[data-step=mobilization] [data-figure=exodus-week-total]")).toHaveText(
    /^more than 194,000\W$/,
  );
}

/** The number of pages in a PDF. */
const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;

test("print media shows every step's slide with its graphic drawn, one per page; the PDF has a page per step", async ({
  page,
}) => {
  await openDeck(page, "?step=forces");
  // Every step's slide is in the page from the start, and each map fetches its own
  // basemap at once: with a chart step on screen, every map is ready to print.
  for (const step of mapSteps)
    await expect(page.locator(`article.slide[data-step=${step.id}] .print-map [data-map-ready=true]`)).toBeAttached({
      timeout: 30_000,
    });
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".deck-bar")).toBeHidden();
  await expect(page.locator(".deck-progress")).toBeHidden();
  await expect(page.locator(".deck-nav")).toBeHidden();
  await expectEverySlidePrinted(page);
  for (const step of mapSteps)
    await expect(page.locator(`article.slide[data-step=${step.id}] .print-map__frame`)).not.toHaveAttribute(
      "data-basemap",
      "none",
    );

  mkdirSync("results", { recursive: true });
  const pdf = await page.pdf({ path: "results/presentation-handout.pdf", printBackground: true });
  expect(pdfPages(pdf)).toBe(steps.length);

  // Back on screen: the current step alone.
  await page.emulateMedia({ media: "screen" });
  await expectStep(page, "forces");
});

test("before the app takes over, the deck shows the ?step= slide and prints every slide; then the app takes it over", async ({
  page,
}) => {
  // Hold the page's script back: what shows meanwhile is the HTML, its CSS and boot.js.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/present-[^/]*\.js$/, async (route) => {
    await held;
    await route.fallback();
  });
  await page.goto("/present.html?step=week", { waitUntil: "commit" });
  // boot.js and the deck's own CSS show the step the URL names, from the first paint.
  await expect(page.locator("article.slide[data-step=week]")).toBeVisible();
  await expect(page.locator("article.slide:visible")).toHaveCount(1);
  await expect(page.locator("article.slide[data-step=week] svg[data-export]:visible").first()).toBeVisible();
  await expect(page.locator(".deck--live")).toHaveCount(0);
  await page.emulateMedia({ media: "print" });
  // The maps, drawn by the prerenderer, show their routes (their basemap comes with the app).
  await expectEverySlidePrinted(page, { basemaps: false });
  expect(pdfPages(await page.pdf())).toBe(steps.length);
  await page.emulateMedia({ media: "screen" });
  release();
  await expect(page.locator(".deck.deck--live")).toBeAttached({ timeout: 30_000 });
  await expectStep(page, "week");
});

test("the Print handout button prints at once, every step's graphic in the page; Ctrl+P is left to the browser", async ({
  page,
  context,
}) => {
  await openDeck(page, "?step=invasion");
  await page.evaluate(() => {
    const w = window as unknown as { prints: { slides: number; drawn: number }[] };
    w.prints = [];
    window.print = () => {
      const slides = [...document.querySelectorAll("article.slide")];
      w.prints.push({ slides: slides.length, drawn: slides.filter((s) => s.querySelector("svg[data-export]")).length });
    };
  });
  const prints = () => page.evaluate(() => (window as unknown as { prints: unknown[] }).prints);
  const button = page.getByRole("button", { name: "Print handout" });
  await button.click();
  await expect.poll(prints).toEqual([{ slides: steps.length, drawn: steps.length }]);
  await button.click();
  await expect.poll(prints).toHaveLength(2);

  // Ctrl+P is the browser's print: the deck takes it neither for P (the presenter view) nor for a step.
  const opened: string[] = [];
  context.on("page", (p) => opened.push(p.url()));
  await page.keyboard.press("Control+P");
  await page.waitForTimeout(500);
  expect(opened).toEqual([]);
  await expectStep(page, "invasion");
});

test("the first paint waits for the ?step= slide to be parsed, not for the whole deck", async ({ page }) => {
  // What the page held when its first frame was drawn (the first animation frame runs
  // right before it).
  await page.addInitScript(() => {
    requestAnimationFrame(() => {
      const slide = document.getElementById("slide-week");
      (window as unknown as { firstFrame: unknown }).firstFrame = {
        slide: slide !== null,
        chart: slide?.querySelector(".slide__graphic svg") != null,
        sources: slide?.querySelector(".slide__sources") != null,
      };
    });
  });
  await page.goto("/present.html?step=week");
  // Held until what follows the slide has started (the next step's slide).
  await expect(page.locator('link[rel="expect"][data-deck]')).toHaveAttribute("href", "#slide-refusals");
  await page.waitForFunction(() => "firstFrame" in window);
  expect(await page.evaluate(() => (window as unknown as { firstFrame: unknown }).firstFrame)).toEqual({
    slide: true,
    chart: true,
    sources: true,
  });
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
  const text = currentSlide(page).locator(".slide__text");
  expect(await text.evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
  await page.emulateMedia({ reducedMotion: "no-preference" });
  expect(await text.evaluate((el) => getComputedStyle(el).animationName)).toBe("slide-in");
});

test("F asks for full screen and a refusal is harmless", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await openDeck(page);
  await page.keyboard.press("f");
  await page.keyboard.press("f");
  await page.getByRole("button", { name: "Full screen" }).click();
  // In full screen the deck's toolbar, its button included, is hidden; F leaves it.
  await page.keyboard.press("f");
  await expect(page.getByRole("button", { name: "Full screen" })).toBeVisible();
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

/**
 * At the reader's size: every step fits the screen, nothing of it below the footer or
 * off to the side and nothing to scroll, at a laptop's, a full-HD and a 4:3
 * projector's size; its graphic carries no web controls; at 1920×1080 the slide's
 * text (not the chart's SVG, which scales with its room) is at least 18 px.
 */
const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
] as const;
for (const { width, height } of SCREENS) {
  test(`every marker on a map step's map has its note beside it, and no note points off a regional map, at ${width}×${height}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    for (const step of steps.filter((s) => s.graphic === "exit-routes")) {
      await openDeck(page, `?step=${step.id}`);
      await graphicReady(page);
      const { drawn, notes } = await page.evaluate(() => {
        const slide = document.querySelector(".slide--current")!;
        const frame = slide.querySelector(".exit-map")!.getBoundingClientRect();
        // The markers in the map's labels that are inside its frame (a label may hang off its edge).
        const drawn = [...slide.querySelectorAll(".exit-map svg text")]
          .filter((t) => {
            const r = t.getBoundingClientRect();
            return (
              r.width > 0 &&
              r.right > frame.left &&
              r.left < frame.right &&
              r.bottom > frame.top &&
              r.top < frame.bottom
            );
          })
          .flatMap((t) => [...(t.textContent ?? "").matchAll(/[*†‡§‖¶]/g)].map((m) => m[0]));
        const notes = [...slide.querySelectorAll(".slide__graphic [data-caveat-marker]")].map(
          (n) => n.getAttribute("data-caveat-marker") ?? "",
        );
        return { drawn: [...new Set(drawn)].sort(), notes: [...notes].sort() };
      });
      // Every marker on the map has its note…
      expect(
        drawn.filter((m) => !notes.includes(m)),
        `${step.id}: markers on the map without a note`,
      ).toEqual([]);
      // …and a regional view lists no note for a place off its map. (On the world view every
      // place is on the map, though a label may give way to a bigger one at a slide's size.)
      if (/camera=/.test(step.state))
        expect(
          notes.filter((m) => !drawn.includes(m)),
          `${step.id}: notes for markers not on the map`,
        ).toEqual([]);
    }
  });
}

for (const { width, height } of SCREENS) {
  test(`every step's slide fits a ${width}×${height} screen without scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openDeck(page, `?step=${steps[0]!.id}`);
    for (const [i, step] of steps.entries()) {
      if (i > 0) await page.keyboard.press("ArrowRight");
      await expect(currentSlide(page)).toHaveAttribute("data-step", step.id);
      await graphicReady(page);
      const report = await page.evaluate(() => {
        const slide = document.querySelector(".slide--current")!;
        const footer = document.querySelector(".deck-footer")!.getBoundingClientRect();
        const out: string[] = [];
        const scroller = document.scrollingElement!;
        if (scroller.scrollHeight > innerHeight + 1) out.push(`page scrolls: ${scroller.scrollHeight} px tall`);
        if (scroller.scrollWidth > innerWidth + 1) out.push(`page scrolls sideways: ${scroller.scrollWidth} px wide`);
        // Every element but an SVG's insides (a map's shapes run on past its edge, clipped).
        for (const el of slide.querySelectorAll(":not(svg *)")) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0 || !el.checkVisibility() || el.closest(".visually-hidden, dialog"))
            continue;
          if (r.bottom > footer.top + 1 || r.right > innerWidth + 1)
            out.push(
              `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""} ends at ${Math.round(r.right)}×${Math.round(r.bottom)}`,
            );
        }
        // A box that scrolls hides what is below its fold from the room: the map's key, the
        // caveats, the footnotes and sources must show whole.
        for (const el of slide.querySelectorAll<HTMLElement>(":not(svg *)")) {
          const { overflowY } = getComputedStyle(el);
          if (overflowY !== "visible" && el.scrollHeight > el.clientHeight + 1 && !el.closest(".visually-hidden"))
            out.push(`${el.getAttribute("class") ?? el.tagName} cut: ${el.scrollHeight} in ${el.clientHeight} px`);
        }
        const controls = [...slide.querySelectorAll(".graphic__toolbar, .graphic__description, .maplibregl-ctrl")];
        for (const c of controls) if (c.getClientRects().length > 0) out.push(`web control shown: ${c.className}`);
        return out.slice(0, 8);
      });
      expect(report, `${step.id} at ${width}×${height}`).toEqual([]);
      if (width === 1920) {
        const small = await currentSlide(page).evaluate((slide) =>
          [...slide.querySelectorAll<HTMLElement>(".slide__text *, .graphic__title, .graphic__source, .map-legend *")]
            .filter(
              (el) =>
                el.getClientRects().length > 0 &&
                [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
            )
            .filter((el) => parseFloat(getComputedStyle(el).fontSize) < 18)
            .map((el) => `${el.className || el.tagName}: ${getComputedStyle(el).fontSize}`),
        );
        expect(small, `text under 18 px in ${step.id} at 1920×1080`).toEqual([]);
        // The graphic's own SVG type, as shown (font size × the SVG's scale): a map is drawn
        // at its frame's size with names at the slide's type size, a chart laid out narrower
        // and scaled up (--type-scale), the forces chart in its room layout (forcesRoom.ts).
        const inSvg = await currentSlide(page).evaluate((slide) =>
          [...slide.querySelectorAll<SVGTextContentElement>(".slide__graphic svg text, .slide__graphic svg tspan")]
            .filter(
              (t) =>
                t.getClientRects().length > 0 &&
                [...t.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
            )
            .map((t) => [t.textContent, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM()!.a] as const),
        );
        expect(inSvg.length, `${step.id}: its graphic's labels`).toBeGreaterThan(0);
        const smallInSvg = inSvg
          .filter(([, size]) => size < 17.95)
          .map(([text, size]) => `${text}: ${size.toFixed(1)} px`);
        expect(smallInSvg, `graphic labels under 18 px in ${step.id} at 1920×1080`).toEqual([]);
      }
      if (i === 0 || step.id === "forces" || step.id === "invasion")
        await page.screenshot({ path: `${SHOTS}/slide-${step.id}-${width}x${height}.png` });
    }
  });
}
