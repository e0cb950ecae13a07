/**
 * Static first: every page reads completely from its HTML (JavaScript off), the app
 * takes it over without a word from React (hydration warnings or errors), without
 * downloading a dataset the HTML carries, and without moving anything on screen
 * (layout shifts summed at the widths readers use, in both themes).
 */
import { expect, test, type Page } from "@playwright/test";
import { GRAPHIC_IDS } from "../../src/graphics/registry.ts";
import { PAGES } from "../../src/pages/pages.ts";
import { interactive, saveShot } from "./support.ts";

const CHARTS = GRAPHIC_IDS.filter((g) => g !== "exit-routes");

/** A number each graphic prints, with its qualifier where it has one: drawn, not fetched. */
const SAMPLE_NUMBER: Record<(typeof GRAPHIC_IDS)[number], RegExp> = {
  "exit-routes": /98,000/,
  "border-stops": /9,376/,
  "week-breakdown": /53,000/,
  forces: /13,367/,
};

/** Every graphic on the page is drawn from its HTML: marks, numbers, source line, text alternative and table. */
async function expectGraphicReadsWithoutScript(page: Page, graphic: (typeof GRAPHIC_IDS)[number]) {
  const figure = page.locator(`figure[data-graphic=${graphic}]`).first();
  await expect(figure.locator(".graphic__title")).not.toBeEmpty();
  await expect(figure.locator(".graphic__chart svg:visible").first()).toBeVisible();
  await expect(figure.locator(".graphic__chart")).toContainText(SAMPLE_NUMBER[graphic]);
  await expect(figure.locator(".graphic__source")).toContainText(/Sources?: “/);
  // The text alternative and the table are in the page, one click (no script) away.
  await expect(figure.locator(".graphic__description p")).toContainText(SAMPLE_NUMBER[graphic]);
  await figure.getByRole("radio", { name: "Table" }).check();
  // The map's table view has two tables (routes, then governments' stances): its first shows the number.
  await expect(figure.locator(".graphic__table table").first()).toBeVisible();
  await expect(figure.locator(".graphic__chart")).toBeHidden();
  await expect(figure.locator(".graphic__table table").first()).toContainText(SAMPLE_NUMBER[graphic]);
  await figure.getByRole("radio", { name: "Chart" }).check();
  await expect(figure.locator(".graphic__chart svg:visible").first()).toBeVisible();
  // The data behind it, as plain links.
  await figure.getByText("Get the data").click();
  await expect(figure.getByRole("link", { name: "CSV" })).toHaveAttribute("href", new RegExp(`data/${graphic}\\.csv$`));
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the explorer: headline, every graphic with its numbers, source lines, tables and the sources", async ({
    page,
  }) => {
    await page.goto("/");
    expect(await page.evaluate(() => document.documentElement.className)).not.toContain("js");
    await expect(page.getByRole("heading", { level: 1, name: "Leaving Russia in 2022" })).toBeVisible();
    for (const g of GRAPHIC_IDS) await expectGraphicReadsWithoutScript(page, g);
    await expect(page.locator("ol.sources > li")).toHaveCount(5);
    // Controls only a script can work are not offered.
    await expect(page.getByRole("button", { name: "Embed" })).toHaveCount(0);
    await expect(page.getByRole("group", { name: "Colour theme" })).toBeHidden();
    await saveShot(page, "static-explorer-nojs-1280");
  });

  test("the map is drawn from the HTML: basemap, routes, dots and labels, at a phone's and a column's width", async ({
    page,
  }) => {
    for (const width of [360, 680]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto("/embed/exit-routes.html");
      const map = page.locator(".exit-map__static svg:visible");
      await expect(map).toHaveCount(1);
      await expect(map).toHaveAttribute("aria-label", /Map of the routes/);
      // The shared basemap, drawn through <use>.
      const basemap = await map.locator("use").evaluate((u) => u.getBoundingClientRect());
      expect(basemap.width).toBeGreaterThan(width / 2);
      expect(await map.locator("[data-route]").count()).toBeGreaterThan(5);
      for (const place of ["Kazakhstan", "Finland", "Russia"])
        await expect(map.locator("text", { hasText: place }).first()).toBeVisible();
      await expect(map.locator("text", { hasText: "Kazakhstan" })).toContainText("98,000");
    }
    await saveShot(page, "static-map-embed-nojs-680");
  });

  for (const graphic of GRAPHIC_IDS) {
    test(`the ${graphic} embed page draws its graphic`, async ({ page }) => {
      await page.goto(`/embed/${graphic}.html`);
      await expect(page.getByRole("heading", { level: 1 })).not.toBeEmpty();
      await expectGraphicReadsWithoutScript(page, graphic);
    });
  }

  test("the presentation is a page to read: every step, its text, numbers, quote and graphic", async ({ page }) => {
    await page.goto("/present.html?step=alaska");
    const slides = page.locator("article.slide");
    const count = await slides.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) {
      const slide = slides.nth(i);
      await expect(slide).toBeVisible();
      await expect(slide.locator(".slide__title")).not.toBeEmpty();
      await expect(slide.locator(".slide__count")).toHaveText(`Step ${i + 1} of ${count}`);
      await expect(slide.locator("figure[data-graphic] svg").first()).toBeAttached();
    }
    // Every map step is drawn on its basemap (countries filled), not on bare water.
    const maps = page.locator(".slide .print-map__frame svg");
    expect(await maps.count()).toBeGreaterThan(1);
    for (const map of await maps.all()) {
      const name = (await map.getAttribute("aria-label")) ?? "a map";
      expect(await map.locator('path[fill^="var(--land"]').count(), name).toBeGreaterThan(0);
      // The whole drawing, filling its frame: not cut at the frame's edge, no band of empty sea under it.
      const [svg, frame] = await map.evaluate((el) =>
        [el, el.closest(".print-map__frame")!].map((e) => e.getBoundingClientRect().toJSON() as DOMRect),
      );
      expect(Math.abs(svg!.height - frame!.height), name).toBeLessThan(4);
      expect(svg!.width, name).toBeLessThanOrEqual(frame!.width + 1);
    }
    // Story numbers come from the ledger, with their qualifiers.
    await expect(
      page.locator(".slide[data-step=mobilization] .story-figure[data-figure=exodus-week-total]"),
    ).toContainText(/more than 194,000/);
    await expect(page.getByRole("button", { name: /Next/ })).toBeHidden();
    await saveShot(page, "static-presentation-nojs");
  });

  test("embed.html lists the graphics as links", async ({ page }) => {
    await page.goto("/embed.html?graphic=forces");
    const links = page.locator("main a[data-graphic]");
    await expect(links).toHaveCount(GRAPHIC_IDS.length);
    await expect(links.first()).toHaveAttribute("href", /embed\/exit-routes\.html$/);
  });
});

/** Console messages a page logs while it loads and is taken over. */
function recordConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
  return messages;
}

/** Resolves once the app has taken the page over (React attaches its root). */
async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const root = document.getElementById("root");
    return !!root && Object.keys(root).some((k) => k.startsWith("__reactContainer"));
  });
}

for (const spec of PAGES.filter((p) => p.kind !== "previewer" && p.kind !== "embed-chooser")) {
  test(`${spec.file}: hydrates without a React warning or error and fetches none of the ${spec.datasets.length} datasets it carries`, async ({
    page,
  }) => {
    const messages = recordConsole(page);
    const fetched: string[] = [];
    page.on("request", (r) => {
      const m = /\/data\/([a-z-]+)\.json/.exec(r.url());
      if (m) fetched.push(m[1]!);
    });
    // The presentation opened on a map step: the slide React hydrates is a map's.
    await page.goto(`/${spec.file}${spec.kind === "presentation" ? "?step=mobilization" : ""}`);
    await hydrated(page);
    await page.waitForLoadState("networkidle");
    expect(messages).toEqual([]);
    expect(fetched.filter((name) => (spec.datasets as readonly string[]).includes(name))).toEqual([]);
  });
}

/** The sum of layout shifts since the page started, as Chrome's CLS counts them (no recent input). */
async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!e.hadRecentInput) sum += e.value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(sum), 300);
      }),
  );
}

const CLS_PAGES = ["/", "/embed/border-stops.html", "/embed/forces.html", "/embed/exit-routes.html", "/present.html"];
for (const theme of ["light", "dark"] as const) {
  for (const width of [320, 375, 600, 900, 1280]) {
    test(`nothing moves when the app takes over at ${width} px (${theme})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: theme });
      for (const path of CLS_PAGES) {
        await page.goto(path);
        await hydrated(page);
        await page.waitForLoadState("networkidle");
        expect(await layoutShift(page), `layout shift on ${path}`).toBeLessThanOrEqual(0.01);
      }
    });
  }
}

for (const path of [
  "/",
  "/embed/border-stops.html",
  "/embed/forces.html",
  "/embed/week-breakdown.html",
  "/present.html",
])
  test(`${path}: no script but boot.js is fetched before the first paint, and the app then starts`, async ({
    page,
  }) => {
    await page.goto(path);
    await interactive(page);
    const { before, after } = await page.evaluate(() => {
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]!.startTime;
      const scripts = performance
        .getEntriesByType("resource")
        .filter((e) => new URL(e.name).pathname.endsWith(".js"))
        .map((e) => ({ path: new URL(e.name).pathname, early: e.startTime < fcp }));
      return {
        before: scripts.filter((s) => s.early).map((s) => s.path),
        after: scripts.filter((s) => !s.early).length,
      };
    });
    expect(before).toEqual(["/boot.js"]);
    expect(after).toBeGreaterThan(0);
  });

test("a chosen theme applies before the first paint, from the HTML's own script", async ({ page }) => {
  // Block the app's script: whatever shows was painted from HTML, CSS and boot.js.
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
  await page.goto("/embed/forces.html?theme=dark", { waitUntil: "domcontentloaded" });
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe("rgb(18, 18, 18)");
  await expect(page.locator("figure[data-graphic=forces] svg:visible").first()).toBeVisible();
});

test("the chart embeds draw from their HTML when their script is blocked", async ({ page }) => {
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
  for (const graphic of CHARTS) {
    await page.goto(`/embed/${graphic}.html`, { waitUntil: "domcontentloaded" });
    await expect(page.locator(`figure[data-graphic=${graphic}] .graphic__chart`)).toContainText(SAMPLE_NUMBER[graphic]);
  }
});

test("every page has its own title, description, canonical URL, link-preview tags and image; graphic pages cite their articles", async ({
  request,
}) => {
  const titles = new Set<string>();
  for (const page of PAGES) {
    const html = await (await request.get(`/${page.file}`)).text();
    const tag = (re: RegExp) => re.exec(html)?.[1];
    const title = tag(/<title>([^<]+)<\/title>/);
    expect(title, page.file).toBeTruthy();
    expect(titles.has(title!), `${page.file} shares its title`).toBe(false);
    titles.add(title!);
    const description = tag(/<meta name="description" content="([^"]+)"/);
    expect(description, page.file).toBeTruthy();
    expect(tag(/<link rel="canonical" href="([^"]+)"/), page.file).toMatch(
      new RegExp(`/${page.file === "index.html" ? "" : page.file}$`),
    );
    expect(tag(/<meta property="og:title" content="([^"]+)"/)).toBe(title);
    expect(tag(/<meta property="og:description" content="([^"]+)"/)).toBe(description);
    expect(tag(/<meta name="twitter:card" content="([^"]+)"/)).toBe("summary_large_image");
    // The link-preview image: a 1200 × 630 PNG drawn from the graphic, with words for it.
    const image = tag(/<meta property="og:image" content="([^"]+)"/);
    expect(image, page.file).toBe(`/og/${page.id}.png`);
    expect(tag(/<meta name="twitter:image" content="([^"]+)"/)).toBe(image);
    expect(tag(/<meta property="og:image:alt" content="([^"]+)"/), page.file).toMatch(/^.*(Map|Chart): .+\.$/);
    const png = await request.get(image!);
    expect(png.headers()["content-type"]).toBe("image/png");
    const bytes = await png.body();
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], page.file).toEqual([1200, 630]);
    expect(tag(/<meta property="og:image:width" content="([^"]+)"/)).toBe("1200");
    expect(tag(/<meta property="og:image:height" content="([^"]+)"/)).toBe("630");
    const ld = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1]!),
    );
    if (page.kind === "embed") {
      expect(ld, page.file).toHaveLength(1);
      expect(ld[0]["@type"]).toBe("Dataset");
      expect(ld[0].isBasedOn.length).toBeGreaterThan(0);
      for (const a of ld[0].isBasedOn) expect(a.headline).toBeTruthy();
      expect(html).toContain(`href="/oembed/${page.graphic}.json"`);
    }
    if (page.kind === "explorer") expect(ld[0]["@graph"]).toHaveLength(GRAPHIC_IDS.length);
  }
});

test("the app's SVG map takes the prerendered one's place once it has its basemap", async ({ page }) => {
  await page.goto("/embed/exit-routes.html");
  await expect(page.locator(".exit-map")).toHaveAttribute("data-map-ready", "true");
  await expect(page.locator(".exit-map__static")).toHaveCount(0);
  await expect(page.locator(".exit-map svg[data-export]")).toBeVisible();
});

test("a link to another view does not show the page's default map while the basemap loads", async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/assets/countries-*.json", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/embed/exit-routes.html?camera=caucasus-central-asia");
  // The live map, at the asked-for camera, without its basemap for now.
  await expect(page.locator(".exit-map svg[data-export]")).toBeVisible();
  await expect(page.locator(".exit-map__static")).toHaveCount(0);
  release();
  await expect(page.locator(".exit-map")).toHaveAttribute("data-map-ready", "true");
});

for (const [width, height] of [
  [390, 844],
  [1280, 600],
  [1280, 1000],
] as const)
  test(`the page's map and the live map put each place at the same point (${width}x${height})`, async ({ browser }) => {
    // The page's artboards are drawn for a few frame shapes; the frame's own shape is
    // not known until the page is laid out. The artboard shows the camera's bounds fitted
    // inside the frame as the live map fits them, so the world does not move or zoom when
    // the live map takes over.
    const dots = async (javaScriptEnabled: boolean) => {
      const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/");
      if (javaScriptEnabled) await expect(page.locator(".exit-map__static")).toHaveCount(0);
      const selector = javaScriptEnabled ? ".exit-map svg[data-export]" : ".exit-map__static .artboard svg";
      // In the frame's coordinates: the page above the map is not the same with and without scripts.
      const centres = await page.locator(`${selector} circle[data-place]`).evaluateAll((circles) =>
        circles
          .map((c) => ({
            id: c.getAttribute("data-place")!,
            box: c.getBoundingClientRect(),
            frame: c.closest(".exit-map")!.getBoundingClientRect(),
          }))
          .filter(({ box }) => box.width > 0)
          .map(
            ({ id, box, frame }) => [id, box.x + box.width / 2 - frame.x, box.y + box.height / 2 - frame.y] as const,
          ),
      );
      await context.close();
      return new Map(centres.map(([id, x, y]) => [id, [x, y]]));
    };
    const still = await dots(false);
    const live = await dots(true);
    // A phone's map shows the world view's narrow view: Tijuana is in an inset, not on it.
    for (const place of ["russia", "kazakhstan", "georgia", "finland", width < 640 ? "mongolia" : "tijuana"]) {
      const [a, b] = [still.get(place), live.get(place)];
      expect(a, place).toBeDefined();
      expect(b, place).toBeDefined();
      expect(Math.abs(a![0]! - b![0]!), `${place} x`).toBeLessThan(1.5);
      expect(Math.abs(a![1]! - b![1]!), `${place} y`).toBeLessThan(1.5);
    }
  });
