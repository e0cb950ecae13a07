import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { expect, test, type Frame, type Page } from "@playwright/test";
import { GRAPHICS as REGISTRY } from "../../src/graphics/registry.ts";
import { expectNoAxeViolations, interactive, SHOTS } from "./support.ts";

const require = createRequire(import.meta.url);
const PYM = readFileSync(require.resolve("pym.js/dist/pym.v1.min.js"), "utf8");
const GRAPHICS = ["exit-routes", "border-stops", "forces", "week-breakdown"] as const;
const CHARTS = GRAPHICS.filter((g) => g !== "exit-routes");
/** Each graphic's chunk is named after its module ("ForcesGraphic-….js"). */
const GRAPHIC_MODULES = Object.fromEntries(
  GRAPHICS.map((g) => [g, REGISTRY[g].module.replace(/\.tsx$/, "")]),
) as Record<(typeof GRAPHICS)[number], string>;
/**
 * A newsroom's article page: a second server on another loopback port, so the embed
 * is cross-origin to its host as in real life (Chromium will not let a "public" page
 * frame loopback, so the host cannot be a routed fake domain).
 */
const pages = new Map<string, string>();
let server: Server;
let hostOrigin = "";

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const body = pages.get(req.url ?? "");
    res.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  hostOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function hostPage(page: Page, body: string) {
  const path = `/article-${pages.size}.html`;
  pages.set(
    path,
    `<!doctype html><html lang="en"><head><title>Article</title></head><body style="margin:0">${body}</body></html>`,
  );
  await page.goto(`${hostOrigin}${path}`);
}

async function embedFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector("iframe");
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector("[data-graphic] :is(svg, table), [data-map-ready=true]", { timeout: 30_000 });
  return frame;
}

/** The iframe's height follows its content's height. */
async function expectHeightFollowsContent(frame: Frame, { timeout = 15_000 } = {}) {
  const iframe = await frame.frameElement();
  await expect
    .poll(
      async () => {
        const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
        const box = await iframe.boundingBox();
        return Math.abs((box?.height ?? 0) - content);
      },
      { timeout },
    )
    .toBeLessThanOrEqual(2);
}

/**
 * Every iframe on the page once its chart has drawn and its app has taken it over (so
 * it has reported its height), scrolled to in turn: Chromium does not render off-screen
 * cross-origin frames.
 */
async function drawnChartFrames(page: Page): Promise<Frame[]> {
  const frames: Frame[] = [];
  for (const iframe of await page.locator("iframe").elementHandles()) {
    await iframe.scrollIntoViewIfNeeded();
    const frame = (await iframe.contentFrame())!;
    await frame.waitForSelector("[data-graphic] svg");
    await interactive(frame);
    frames.push(frame);
  }
  return frames;
}

for (const graphic of GRAPHICS) {
  test(`Pym.js parent: the ${graphic} embed's height follows its content at 320, 600 and 900 px`, async ({
    page,
    baseURL,
  }) => {
    await hostPage(
      page,
      `<div id="container" style="width:900px"></div><script>${PYM}</script><script>window.pymParent = new pym.Parent("container", "${baseURL}/embed.html?graphic=${graphic}", { title: "${graphic}" });</script>`,
    );
    const frame = await embedFrame(page);
    for (const width of [900, 600, 320]) {
      await page.evaluate((w) => {
        document.getElementById("container")!.style.width = `${w}px`;
        (window as unknown as { pymParent: { sendWidth: () => void } }).pymParent.sendWidth();
      }, width);
      await expectHeightFollowsContent(frame);
      const box = await page.locator("iframe").boundingBox();
      expect(box!.width).toBe(width);
      if (width === 320) await page.locator("iframe").screenshot({ path: `${SHOTS}/embed-${graphic}-pym-320.png` });
    }
  });
}

test("our own parent script resizes every embed on a page without Pym.js", async ({ page, baseURL }) => {
  const frames = CHARTS.map(
    (g) =>
      `<iframe src="${baseURL}/embed.html?graphic=${g}" title="${g}" width="100%" height="150" style="border:0;width:100%" data-exodus-embed></iframe>`,
  ).join("");
  await hostPage(page, `<div style="width:600px">${frames}</div><script src="${baseURL}/embed-parent.js"></script>`);
  const drawn = await drawnChartFrames(page);
  expect(drawn).toHaveLength(CHARTS.length);
  for (const frame of drawn) {
    await (await frame.frameElement()).scrollIntoViewIfNeeded();
    await expectHeightFollowsContent(frame, { timeout: 5_000 });
  }
});

test("the parent script, arriving after the one-graphic pages have drawn, still sizes them", async ({
  page,
  baseURL,
}) => {
  const frames = CHARTS.map(
    (g) =>
      `<iframe src="${baseURL}/embed/${g}.html" title="${g}" width="100%" height="150" style="border:0;width:100%" data-exodus-embed></iframe>`,
  ).join("");
  await hostPage(page, `<div style="width:600px">${frames}</div>`);
  const drawn = await drawnChartFrames(page);
  expect(drawn).toHaveLength(CHARTS.length);
  // Late: the embeds reported their heights before anyone listened; the script asks them again.
  await page.addScriptTag({ url: `${baseURL}/embed-parent.js` });
  for (const frame of drawn) {
    await (await frame.frameElement()).scrollIntoViewIfNeeded();
    await expectHeightFollowsContent(frame, { timeout: 5_000 });
  }
});

test("an AMP page gets embed-size messages that match the content height", async ({ page, baseURL }) => {
  await hostPage(
    page,
    `<iframe src="${baseURL}/embed.html?graphic=forces" title="forces" width="600" height="150" style="border:0"></iframe>
     <script>window.ampHeights = []; addEventListener("message", (e) => { if (e.data && e.data.sentinel === "amp" && e.data.type === "embed-size") window.ampHeights.push(e.data.height); });</script>`,
  );
  const frame = await embedFrame(page);
  const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { ampHeights: number[] }).ampHeights.at(-1)))
    .toBe(content);
});

test("malformed and foreign resize messages are ignored", async ({ page, baseURL }) => {
  await hostPage(
    page,
    `<div style="width:600px"><iframe src="${baseURL}/embed.html?graphic=week-breakdown" title="w" width="100%" height="150" style="border:0;width:100%" data-exodus-embed></iframe></div><script src="${baseURL}/embed-parent.js"></script>`,
  );
  const frame = await embedFrame(page);
  await expectHeightFollowsContent(frame);
  const before = (await page.locator("iframe").boundingBox())!.height;
  // From the embed's own window (right source, right origin), but malformed:
  await frame.evaluate(() => {
    for (const m of [
      "pymxPYMxexodus-week-breakdownxPYMxheightxPYMx99999",
      "pymxPYMxexodus-week-breakdownxPYMxheightxPYMx-5",
      "pymxPYMxexodus-week-breakdownxPYMxheightxPYMxabc",
      "garbage",
      "",
      { sentinel: "amp", type: "embed-size", height: 1e9 },
      { sentinel: "amp", type: "embed-size", height: "12" },
      null,
      42,
    ])
      window.parent.postMessage(m, "*");
  });
  // Well formed, but from a window that is not the embed:
  await page.evaluate(() => {
    window.postMessage("pymxPYMxexodus-week-breakdownxPYMxheightxPYMx40", "*");
    window.postMessage({ sentinel: "amp", type: "embed-size", height: 40 }, "*");
  });
  await page.waitForTimeout(300);
  expect((await page.locator("iframe").boundingBox())!.height).toBe(before);
});

for (const graphic of CHARTS) {
  for (const path of [`/embed/${graphic}.html`, `/embed.html?graphic=${graphic}`]) {
    test(`${path} draws ${graphic} from its HTML, fetches no dataset, and requests no maplibre code, basemap or other graphic`, async ({
      page,
    }) => {
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(`${path}${path.includes("?") ? "&" : "?"}theme=dark`);
      await expect(page.locator(`[data-graphic=${graphic}] svg:visible`).first()).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
      await page.waitForLoadState("networkidle");
      expect(requests.filter((u) => /maplibre|countries-\d+m|ExitRoutes|preloadMap/i.test(u))).toEqual([]);
      const others = CHARTS.filter((g) => g !== graphic).map((g) => GRAPHIC_MODULES[g]);
      expect(requests.filter((u) => others.some((o) => u.includes(o)))).toEqual([]);
      // The page carries its dataset in its HTML: nothing to fetch.
      expect(requests.filter((u) => /\/data\/[a-z-]+\.json/.test(u))).toEqual([]);
    });
  }
}

test("engine=maplibre: the page's first module starts MapLibre and its basemap, and the app adopts that map", async ({
  page,
}) => {
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  const problems: string[] = [];
  page.on("console", (m) => {
    // Chromium's software GL reports its own performance notes as warnings ("GPU stall due to ReadPixels").
    if ((m.type() === "error" || m.type() === "warning") && !m.text().includes("GL Driver Message"))
      problems.push(m.text());
  });
  await page.goto("/embed/exit-routes.html?engine=maplibre&period=mobilization");
  await expect(page.locator("[data-map-engine=maplibre][data-map-ready=true]")).toBeVisible({ timeout: 30_000 });
  const map = await page.evaluate(() => ({
    started: performance.getEntriesByName("exodus:map-started").length,
    maps: [...document.querySelectorAll(".maplibregl-map")].map((m) => m.closest(".exit-map") !== null),
    name: document.querySelector(".maplibregl-canvas")?.getAttribute("aria-label"),
  }));
  // One map, the one the page started, now in the app's frame under the app's name for it.
  expect(map).toEqual({ started: 1, maps: [true], name: expect.stringContaining("Map of the routes") });
  // (That the module starting it runs before React is checked on the build: test/budget.)
  expect(requests.filter((u) => /countries-110m/.test(u))).toHaveLength(1);
  // The app's labels over it are the URL's period's (that nothing is sent to the adopted
  // map twice is MapLibreExitRouteMap.test.tsx's to check).
  await expect(page.locator(".exit-map__labels")).toContainText("Kazakhstan");
  expect(problems).toEqual([]);
});

test("engine=maplibre: when the app's own script fails to load, the page makes no MapLibre map", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  // The entry fails; the page's first module (its own chunk) still loads and starts MapLibre.
  await page.route(/\/assets\/embed-exit-routes-[^/]*\.js$/, (route) => route.abort());
  await page.goto("/embed/exit-routes.html?engine=maplibre");
  // boot.js leaves the page as its HTML drew it: the prerendered SVG map, read as without scripts.
  await expect(page.locator("html")).not.toHaveClass(/\bjs\b/);
  await expect(page.locator(".exit-map__static .artboard > svg:visible")).toHaveCount(1);
  // The page's first module asked for MapLibre's code, and then made no map: none runs
  // hidden in the page with no app to show it (glEarly.ts; a failure after the map is made
  // removes it: MapLibreExitRouteMap.test.tsx).
  await expect.poll(() => requests.some((u) => /\/glStart-[^/]*\.js$/.test(u)), { timeout: 15_000 }).toBe(true);
  await page.waitForLoadState("networkidle");
  await expect(page.locator(".maplibregl-map")).toHaveCount(0);
  expect(await page.evaluate(() => performance.getEntriesByName("exodus:map-started").length)).toBe(0);
});

const HOSTILE = [
  "graphic=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E",
  "graphic=forces&theme=javascript:window.__xss=1",
  "graphic=exit-routes&route=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E",
  "graphic=exit-routes&camera=1e309&period=NaN&mode=Infinity",
  `graphic=border-stops&childId=${"x".repeat(5000)}`,
  "graphic=forces&view=%3Csvg%20onload%3Dwindow.__xss%3D1%3E&childId=%22%3E%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E",
];

for (const query of HOSTILE) {
  test(`hostile embed parameters execute nothing and fall back to defaults: ${query.slice(0, 60)}`, async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`/embed.html?${query}`);
    const asked = new URLSearchParams(query).get("graphic");
    if ((GRAPHICS as readonly string[]).includes(asked ?? "")) {
      // A known graphic: its own page, whatever else the URL says.
      await expect(page.locator(`figure[data-graphic=${asked}] :is(svg, table)`).first()).toBeAttached({
        timeout: 30_000,
      });
      await expect(page).toHaveURL(new RegExp(`/embed/${asked}\\.html`));
    } else {
      // An unknown one: named as unknown (as text, never markup), with the list of graphics; no graphic shown.
      await expect(page.getByRole("status")).toContainText("There is no graphic");
      await expect(page.locator("main a[data-graphic]")).toHaveCount(GRAPHICS.length);
      await expect(page.locator("figure[data-graphic]")).toHaveCount(0);
    }
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator("img[src=x], script:not([src]):not([type])").count()).toBe(0);
  });
}

for (const graphic of GRAPHICS) {
  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no violations in the ${graphic} embed (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`/embed.html?graphic=${graphic}`);
      await expect(page.locator("[data-graphic] svg").first()).toBeVisible({ timeout: 30_000 });
      // What the reader uses: the page once the app has taken it over.
      await interactive(page);
      if (graphic === "exit-routes")
        await expect(page.locator("[data-map-ready=true]")).toBeVisible({ timeout: 30_000 });
      await expectNoAxeViolations(page, `${graphic} embed ${theme}`);
    });
  }
}

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no violations in embed.html naming an unknown graphic (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto("/embed.html?graphic=nope");
    await expect(page.getByRole("status")).toContainText("There is no graphic “nope”");
    await expectNoAxeViolations(page, `embed chooser ${theme}`);
  });
}

test("the embed previewer shows every embed at 320, 600 and 900 px", async ({ page }) => {
  await page.goto("/embeds.html");
  await expect(page.locator("iframe[data-exodus-embed]")).toHaveCount(GRAPHICS.length * 3);
  for (const w of [320, 600, 900]) await expect(page.locator(`iframe[width="${w}"]`)).toHaveCount(GRAPHICS.length);
});

test("the explorer's Embed action shows the code, copies it and previews it", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  // The button is in the HTML; it works once the app has taken the page over.
  await interactive(page);
  const panel = page.locator("[data-graphic=forces]");
  await panel.getByRole("button", { name: "Embed" }).click();
  const dialog = page.getByRole("dialog", { name: /Embed/ });
  const code = await dialog.getByRole("textbox").inputValue();
  expect(code).toContain(`<iframe src="${baseURL}/embed/forces.html"`);
  expect(code).toContain('loading="lazy"');
  expect(code).toContain("embed-parent.js");
  await dialog.getByRole("button", { name: "Copy code" }).click();
  await expect(dialog.getByRole("status")).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  const preview = (await dialog.locator("iframe").elementHandle())!;
  await (await preview.contentFrame())!.waitForSelector("[data-graphic=forces] svg");
});

test("the Embed dialog's code keeps the view, in the form the CMS takes, and previews exactly that", async ({
  page,
  baseURL,
}) => {
  await page.goto("/?period=mobilization&camera=caucasus-central-asia&route=to-georgia&theme=dark");
  await interactive(page);
  await page.locator("[data-graphic=exit-routes]").getByRole("button", { name: "Embed" }).click();
  const dialog = page.getByRole("dialog", { name: /Embed/ });
  const src = `${baseURL}/embed/exit-routes.html?period=mobilization&camera=caucasus-central-asia&route=to-georgia&theme=dark`;
  const code = () => dialog.getByRole("textbox").inputValue();
  expect(await code()).toContain(`<iframe src="${src.replaceAll("&", "&amp;")}"`);
  expect(await code()).toContain("embed-parent.js");
  await expect(dialog).toContainText("it keeps the period, the map's view, the selected route and the dark theme");
  // The preview is the pasted URL, drawn as the code will draw it.
  await expect(dialog.locator("iframe")).toHaveAttribute("src", src);
  const frame = page.frameLocator(".embed-dialog iframe");
  await expect(frame.locator("html")).toHaveAttribute("data-theme", "dark");
  // The selected route at full strength, the others dimmed.
  const map = frame.locator(".exit-map svg[data-export]").first();
  await expect(map.locator("g[data-route=to-georgia]").first()).toHaveAttribute("opacity", "1");
  expect(Number(await map.locator("g[data-route=to-kazakhstan]").first().getAttribute("opacity"))).toBeLessThan(1);

  await dialog.getByRole("radio", { name: "Light" }).check();
  expect(await code()).toContain("theme=light");
  await dialog.getByRole("radio", { name: "The reader's setting" }).check();
  expect(await code()).not.toContain("theme=");
  await dialog.getByRole("radio", { name: "Plain iframe" }).check();
  expect(await code()).not.toContain("<script");
  expect(await code()).toMatch(/^<iframe [^>]*height="720"/);
  await dialog.getByRole("radio", { name: "AMP" }).check();
  expect(await code()).toMatch(/^<amp-iframe [^>]*layout="responsive"[^>]*resizable/);
  expect(await code()).toContain("placeholder");
});

for (const g of GRAPHICS) {
  test(`the ${g} page's oEmbed JSON is a rich response whose iframe works on another site`, async ({
    page,
    request,
    baseURL,
  }) => {
    await page.goto(`/embed/${g}.html`);
    const href = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute("href");
    const response = await request.get(new URL(href!, baseURL).href);
    expect(response.headers()["content-type"]).toMatch(/json/);
    const o = (await response.json()) as Record<string, unknown>;
    expect(o).toMatchObject({ type: "rich", version: "1.0", provider_name: "Leaving Russia in 2022" });
    expect(o.title).toBe(await page.locator("h1").first().textContent());
    expect(Number(o.width)).toBeGreaterThan(0);
    expect(Number(o.height)).toBe(REGISTRY[g].embedHeight);
    // Built without PUBLIC_URL, the iframe's address is root-relative: resolve it as a CMS given the page URL would.
    const html = String(o.html).replace(/src="\//, `src="${baseURL}/`);
    await hostPage(page, html);
    const frame = await embedFrame(page);
    await expect(frame.locator(`figure[data-graphic="${g}"]`)).toBeVisible();
  });
}

test("an embed far down an article reports its height before the reader scrolls to it", async ({ page, baseURL }) => {
  // Its frames are not drawn out of view, so it has no first paint to start its app
  // after: boot.js starts it anyway once the page is parsed (public/boot.js).
  await page.setViewportSize({ width: 800, height: 700 });
  await hostPage(
    page,
    `<p style="height:6000px">Article text.</p><div style="width:600px"><iframe src="${baseURL}/embed/week-breakdown.html" title="week" width="100%" height="150" style="border:0;width:100%" data-exodus-embed></iframe></div><script src="${baseURL}/embed-parent.js"></script>`,
  );
  const frame = await embedFrame(page);
  await interactive(frame);
  await expectHeightFollowsContent(frame);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

/**
 * At the reader's size: a number's record in a 320–366 px article column takes the
 * graphic's place, whole (every quote readable, nothing wider than the column), the
 * iframe grows to show it, and "Back to the graphic" brings the graphic and the focus back.
 */
const RECORD_CASES = [
  // The name starts with the number as shown, its caveat's marker included ("~900,000*").
  { graphic: "forces", query: "", number: /900,000\W?, Russia/, quote: "900,000" },
  { graphic: "exit-routes", query: "?route=to-georgia", number: /53,000/, quote: "53,000" },
] as const;
for (const { graphic, query, number, quote } of RECORD_CASES) {
  for (const width of [320, 366]) {
    test(`a figure record fits the ${graphic} embed at ${width} px and the iframe grows to show it`, async ({
      page,
      baseURL,
    }) => {
      await page.setViewportSize({ width: 400, height: 700 });
      await hostPage(
        page,
        `<p style="height:300px">Article text.</p><div style="width:${width}px"><iframe src="${baseURL}/embed/${graphic}.html${query}" title="${graphic}" width="100%" height="150" style="border:0;width:100%" data-exodus-embed></iframe></div><p style="height:900px">More text.</p><script src="${baseURL}/embed-parent.js"></script>`,
      );
      const frame = await embedFrame(page);
      await interactive(frame);
      await expectHeightFollowsContent(frame);
      const opener = frame.getByRole("button", { name: number }).first();
      await opener.scrollIntoViewIfNeeded();
      await opener.click();

      const record = frame.getByRole("dialog", { name: "Where this number comes from" });
      await expect(record.locator(".record blockquote").first()).toContainText(quote);
      // The record replaces the graphic, and the iframe grows (or shrinks) to it.
      await expect(frame.locator("main.embed")).toBeHidden();
      await expectHeightFollowsContent(frame);
      const iframe = (await page.locator("iframe").boundingBox())!;
      const fits = await frame.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const out: string[] = [];
        if (document.documentElement.scrollWidth > vw + 1)
          out.push(`page ${document.documentElement.scrollWidth} px wide`);
        for (const el of document.querySelectorAll<HTMLElement>("dialog.provenance, dialog.provenance *")) {
          const r = el.getBoundingClientRect();
          if (r.width === 0) continue;
          if (r.left < -1 || r.right > vw + 1) out.push(`${el.tagName}.${el.className} ${r.left}–${r.right}`);
        }
        return { out, height: document.body.getBoundingClientRect().height };
      });
      expect(fits.out).toEqual([]);
      // Every quote is inside the iframe's box: readable without scrolling inside it.
      for (const q of await record.locator("blockquote").all()) {
        const box = (await q.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(iframe.y + iframe.height + 1);
        expect(box.x + box.width).toBeLessThanOrEqual(iframe.x + iframe.width + 1);
      }
      // Focus went to the way back, and the host page scrolled the record's top into view.
      const back = record.getByRole("button", { name: "Back to the graphic" });
      await expect(back).toBeFocused();
      const backBox = (await back.boundingBox())!;
      expect(backBox.y).toBeGreaterThanOrEqual(0);
      expect(backBox.y + backBox.height).toBeLessThanOrEqual(700);
      if (width === 320) await page.locator("iframe").screenshot({ path: `${SHOTS}/embed-${graphic}-record-320.png` });

      await back.click();
      await expect(record).toBeHidden();
      await expect(frame.locator("main.embed")).toBeVisible();
      await expect(opener).toBeFocused();
      await expectHeightFollowsContent(frame);
    });
  }
}

/**
 * At the reader's size: the map embed is compact by default (the map, its key and the
 * source line), one phone screen (360×800) tall in a 360 px column; the filters, view
 * buttons and route list come with controls=full.
 */
test("the map embed is compact by default, under one phone screen at 360 px, and full with controls=full", async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 400, height: 800 });
  await hostPage(
    page,
    `<div style="width:360px"><iframe src="${baseURL}/embed/exit-routes.html" title="map" width="100%" height="150" style="border:0;width:100%" data-exodus-embed></iframe></div><script src="${baseURL}/embed-parent.js"></script>`,
  );
  const frame = await embedFrame(page);
  await interactive(frame);
  await expectHeightFollowsContent(frame);
  await expect(frame.locator(".exit-map")).toBeVisible();
  await expect(frame.getByRole("group", { name: "Map key" })).toBeVisible();
  await expect(frame.locator(".graphic__source")).toBeVisible();
  await expect(frame.locator(".map-controls")).toBeHidden();
  await expect(frame.locator(".route-list")).toBeHidden();
  const compact = (await page.locator("iframe").boundingBox())!.height;
  // The caveats of what the map draws are printed with it, whatever the width (README,
  // "What readers see"): the rest (map, key, source line) is one phone screen.
  const notes = await frame.locator("[data-notes]").evaluate((el) => {
    const s = getComputedStyle(el);
    return el.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom);
  });
  expect(compact - notes).toBeLessThanOrEqual(800);
  await page.locator("iframe").screenshot({ path: `${SHOTS}/embed-exit-routes-compact-360.png` });

  await page.locator("iframe").evaluate((f: HTMLIFrameElement) => (f.src += "?controls=full"));
  await expect(frame.locator(".route-list")).toBeVisible({ timeout: 30_000 });
  await expect(frame.locator(".map-controls")).toBeVisible();
  await expectHeightFollowsContent(frame);
  expect((await page.locator("iframe").boundingBox())!.height).toBeGreaterThan(compact + 300);
});
