/**
 * Hardening, in the production build served by `vite preview`:
 * 1. the Content Security Policy holds on every entry point and nothing the app does violates it;
 * 2. every URL parameter of every entry point, fed hostile values, executes nothing,
 *    breaks nothing and falls back to its default;
 * 3. each dataset failing (404, 500, invalid JSON, wrong schema, slow), a graphic
 *    throwing while it draws, and the map's code or basemap failing each degrade only
 *    their own panel, with a clear message and a retry, while the rest stays usable.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test, type Frame, type Page, type Route } from "@playwright/test";
import { pageById } from "../../src/pages/pages.ts";
import type { StoryDataset } from "../../src/schema/datasets.ts";
import { CSP_POLICY, CSP_REPORT_PATH, inlineScriptProblems } from "../../src/security/csp.ts";
import { engageMap, interactive, rewritePageData, saveShot, withoutPageData } from "./support.ts";

const story = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../public/data/story.json"), "utf8"),
) as StoryDataset;
const exitRoutes = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../public/data/exit-routes.json"), "utf8"),
) as { routes: { id: string; path: string[] }[] };
const GRAPHICS = ["exit-routes", "border-stops", "forces", "week-breakdown"] as const;
const CHARTS = ["border-stops", "forces", "week-breakdown"] as const;
const ENTRY_PAGES = ["/", "/embed.html", "/embeds.html", "/present.html"];

// ------------------------------------------------------------------ watching a page

interface Watch {
  dialogs: string[];
  pageErrors: string[];
  cspConsole: string[];
}

/**
 * Records what must not happen: dialogs (alert/confirm/prompt), uncaught errors, and
 * Content Security Policy violations, both as console messages and (in every frame)
 * as `securitypolicyviolation` events kept in window.__cspViolations.
 */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { dialogs: [], pageErrors: [], cspConsole: [] };
  page.on("dialog", (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("pageerror", (e) => w.pageErrors.push(e.message));
  page.on("console", (m) => {
    if (/Content.Security.Policy|unsafe-eval|unsafe-inline/i.test(m.text()))
      w.cspConsole.push(`${m.type()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__cspViolations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      );
    });
  });
  return w;
}

/** CSP violations recorded in every frame of the page. */
async function violations(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const frame of page.frames()) {
    if (frame.url() === "about:blank") continue;
    const v = await frame
      .evaluate(
        () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ["(init script did not run)"],
      )
      .catch(() => [] as string[]);
    out.push(...v.map((s) => `${frame.url()}: ${s}`));
  }
  return out;
}

async function expectClean(page: Page, w: Watch, label: string) {
  expect(await violations(page), `CSP violation events (${label})`).toEqual([]);
  expect(w.cspConsole, `CSP console messages (${label})`).toEqual([]);
  expect(w.pageErrors, `uncaught errors (${label})`).toEqual([]);
  expect(w.dialogs, `dialogs (${label})`).toEqual([]);
}

/** Violation reports the preview server received (report-uri in the header policy). */
async function serverReports(page: Page): Promise<{ report: { "csp-report"?: Record<string, string> } }[]> {
  const res = await page.request.get(CSP_REPORT_PATH);
  return (await res.json()) as { report: { "csp-report"?: Record<string, string> } }[];
}

const mapReady = (scope: Page | Frame, engine?: "maplibre" | "svg") =>
  scope.locator(`[data-map-ready=true]${engine ? `[data-map-engine=${engine}]` : ""}`);

/** The title of the deck's current slide, once the app has taken the deck over (every slide is in the page). */
const currentTitle = (page: Page) => page.locator(".deck--live .slide--current .slide__title");

// ------------------------------------------------------------------ 1. Content Security Policy

test.describe("Content Security Policy", () => {
  test("every built page carries the policy in a <meta>, has no inline script, and preview sends it as a header", async ({
    page,
  }) => {
    expect(CSP_POLICY).not.toMatch(/unsafe-eval|frame-ancestors|report-uri/);
    expect(CSP_POLICY).toMatch(/script-src 'self'(;|$)/);
    for (const path of ENTRY_PAGES) {
      const res = await page.request.get(path);
      const html = await res.text();
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
      expect(meta?.[1], `${path}: meta policy`).toBe(CSP_POLICY);
      // The meta must come before the first script it governs.
      expect(html.indexOf("Content-Security-Policy"), path).toBeLessThan(html.indexOf("<script"));
      expect(inlineScriptProblems(html), `${path}: inline scripts`).toEqual([]);
      const header = res.headers()["content-security-policy"] ?? "";
      expect(header.startsWith(CSP_POLICY), `${path}: header policy`).toBe(true);
      expect(header).toContain(`report-uri ${CSP_REPORT_PATH}`);
      // Embeds must stay frameable by any site.
      expect(header).not.toContain("frame-ancestors");
      expect(res.headers()["x-frame-options"]).toBeUndefined();
    }
  });

  test("the policy is in force: injected inline script, handlers, javascript: URLs and eval do not run", async ({
    page,
  }) => {
    await watch(page);
    // A URL the app leaves alone, so the server's reports for this probe can be told apart.
    await page.goto("/embed.html?graphic=forces&probe=csp-enforcement");
    await expect(page.locator("[data-graphic=forces] svg").first()).toBeVisible();
    const result = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = true";
      document.head.append(s);
      const div = document.createElement("div");
      div.setAttribute("onclick", "window.__handlerRan = true");
      document.body.append(div);
      div.click();
      const a = document.createElement("a");
      a.href = "javascript:window.__jsUrlRan = true";
      document.body.append(a);
      a.click();
      // DevTools evaluation (page.evaluate itself) is exempt from the policy: try eval
      // from an ordinary task of the page instead.
      await new Promise<void>((done) =>
        setTimeout(() => {
          try {
            (0, eval)("window.__evalRan = true");
          } catch {
            w.__evalBlocked = true;
          }
          try {
            new Function("window.__functionRan = true")();
          } catch {
            w.__functionBlocked = true;
          }
          done();
        }, 0),
      );
      return {
        inline: w.__inlineRan,
        handler: w.__handlerRan,
        jsUrl: w.__jsUrlRan,
        evalRan: w.__evalRan,
        functionRan: w.__functionRan,
        evalBlocked: w.__evalBlocked,
        functionBlocked: w.__functionBlocked,
      };
    });
    await page.waitForTimeout(200);
    expect(result).toEqual({ evalBlocked: true, functionBlocked: true });
    expect(await page.evaluate(() => (window as unknown as { __jsUrlRan?: boolean }).__jsUrlRan)).toBeUndefined();
    // The page's own listener saw each attempt…
    const seen = await violations(page);
    expect(seen.filter((v) => v.includes("script-src")).length).toBeGreaterThanOrEqual(4);
    // …and the header policy reported them to the preview server.
    await expect
      .poll(
        async () =>
          (await serverReports(page)).filter((r) =>
            r.report["csp-report"]?.["document-uri"]?.includes("probe=csp-enforcement"),
          ).length,
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(1);
  });

  test("the explorer, with MapLibre drawing, violates nothing; the map's worker is a same-origin file", async ({
    page,
    baseURL,
  }) => {
    const w = await watch(page);
    const workers: string[] = [];
    page.on("worker", (wk) => workers.push(wk.url()));
    await page.goto("/");
    await engageMap(page);
    for (const g of CHARTS) await expect(page.locator(`[data-graphic=${g}] svg:visible`).first()).toBeVisible();
    // Interact: select a route, open a record, switch views and theme.
    await page.locator(".route-list__item[data-route=to-finland]").click();
    await page.locator(".route-card__figure").click();
    await expect(page.getByRole("dialog")).toContainText("The quote");
    await page.keyboard.press("Escape");
    await page.locator("[data-graphic=forces]").getByRole("radio", { name: "Table" }).check();
    await expect(page.locator("[data-graphic=forces] table")).toBeVisible();
    await page.getByRole("button", { name: "Dark" }).click();
    await page.getByRole("button", { name: "Caucasus and Central Asia" }).click();
    await expect(mapReady(page, "maplibre")).toBeVisible({ timeout: 30_000 });
    expect(workers.length).toBeGreaterThan(0);
    for (const u of workers) expect(u).toMatch(new RegExp(`^${baseURL}/assets/maplibre-gl-worker-[\\w-]+\\.js`));
    await expectClean(page, w, "explorer");
  });

  test("each embed and the embed previewer violate nothing", async ({ page }) => {
    test.setTimeout(120_000);
    const w = await watch(page);
    for (const g of GRAPHICS) {
      for (const path of [`/embed.html?graphic=${g}`, `/embed/${g}.html`]) {
        await page.goto(path);
        if (g === "exit-routes") await engageMap(page);
        else await expect(page.locator(`[data-graphic=${g}] svg:visible`).first()).toBeVisible();
        // What runs is the app: check once it has taken the page over.
        await interactive(page);
        await expectClean(page, w, `embed ${path}`);
      }
    }
    // The previewer: its own script and twelve frames (MapLibre was checked above; SVG maps here keep it quick).
    await svgMapOnly(page);
    await page.goto("/embeds.html");
    const frames = page.locator("iframe[data-exodus-embed]");
    await expect(frames).toHaveCount(GRAPHICS.length * 3);
    for (let i = 0; i < GRAPHICS.length * 3; i++) {
      const handle = (await frames.nth(i).elementHandle())!;
      await handle.scrollIntoViewIfNeeded();
      const frame = (await handle.contentFrame())!;
      await frame.waitForSelector("[data-graphic] svg, [data-map-ready=true]", { timeout: 30_000 });
      await interactive(frame);
    }
    await expectClean(page, w, "embed previewer");
  });

  test("the presentation, through every step, and the presenter view violate nothing", async ({ page }) => {
    test.setTimeout(120_000);
    const w = await watch(page);
    await page.goto("/present.html");
    await expect(currentTitle(page)).toHaveText(story.steps[0]!.title);
    for (const [i, step] of story.steps.entries()) {
      if (i > 0) await page.keyboard.press("ArrowRight");
      await expect(currentTitle(page)).toHaveText(step.title);
      if (step.graphic === "exit-routes")
        await expect(page.locator(".slide--current [data-map-ready=true]")).toBeVisible({ timeout: 30_000 });
    }
    await expectClean(page, w, "presentation");
    await page.goto("/present.html?presenter=1");
    await expect(page.locator("body")).toContainText(story.steps[0]!.title);
    await expectClean(page, w, "presenter view");
  });
});

// ------------------------------------------------------------------ 2. URL parameter fuzzing

/** 10,000 characters. */
const LONG = "x".repeat(10_000);
const PAYLOADS = [
  "<script>window.__xss=1</script>",
  '"><img src=x onerror="window.__xss=1">',
  '" onmouseover=alert(1) x="',
  "<svg/onload=window.__xss=1>",
  "javascript:window.__xss=1",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "",
  "\u202Eevil\u202C\u200B\uFEFF",
  "\u0000",
  "%00",
  "__proto__",
  "constructor",
  "{{7*7}}${alert(1)},,,road,sea,air,foot,unstated",
];

const EXPLORER_PARAMS = ["period", "mode", "camera", "route", "figure", "table", "theme"];
const EMBED_PARAMS = ["graphic", "theme", "view", "childId", "period", "mode", "camera", "route", "engine"];
const PRESENTATION_PARAMS = ["step", "theme", "presenter"];

/**
 * Hostile queries for one entry point. Query i sets every parameter to payload i, except
 * that for the first queries one parameter in turn gets the payload followed by 10,000
 * characters (one long value per URL: servers cap the request line near 16 kB). Then raw
 * encodings (%00, an RTL override, a malformed escape), every parameter repeated with two
 * hostile values, and bracket/__proto__ keys.
 */
function hostileQueries(params: readonly string[]): string[] {
  return [
    ...PAYLOADS.map((v, i) =>
      params.map((p, j) => `${p}=${encodeURIComponent(i < params.length && i === j ? v + LONG : v)}`).join("&"),
    ),
    ...params.slice(PAYLOADS.length).map((p) => `${p}=${LONG}`),
    params.map((p) => `${p}=%00%E2%80%AE%ZZ%`).join("&"),
    params
      .map(
        (p) =>
          `${p}=${encodeURIComponent("<script>window.__xss=1</script>")}&${p}=${encodeURIComponent("javascript:alert(1)")}`,
      )
      .join("&"),
    params.map((p) => `${p}[]=1&${p}.__proto__=1&__proto__[${p}]=1&constructor[prototype][${p}]=1`).join("&"),
  ];
}

/**
 * Keeps the map on its SVG engine (MapLibre's chunk does not load): the URL and data
 * paths under test are the same, and the tests do not spend a software-WebGL map per page.
 */
const svgMapOnly = (page: Page) => page.route("**/assets/MapLibreExitRouteMap-*.js", (route) => route.abort());

/** Nothing executed and no hostile markup made it into the DOM. */
async function expectInert(page: Page, w: Watch, label: string) {
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
    `window.__xss (${label})`,
  ).toBeUndefined();
  expect(
    await page.evaluate(() => (Object.prototype as unknown as Record<string, unknown>)["1"] ?? null),
    `prototype polluted (${label})`,
  ).toBeNull();
  expect(
    await page
      // The scripts without src are data, never run: the page's data block (src/data/pageData.ts)
      // and, in the head, the build's JSON-LD citation (src/pages/publishing.ts).
      .locator(
        "script:not([src]):not(#exodus-data[type='application/json']):not(head > script[type='application/ld+json']), [onerror], [onload], [onmouseover], [onfocus], a[href^='javascript:' i], img[src=x]",
      )
      .count(),
    `hostile markup (${label})`,
  ).toBe(0);
  expect(await page.locator(".panel-message").count(), `a panel failed (${label})`).toBe(0);
  expect(w.dialogs, label).toEqual([]);
  expect(w.pageErrors, label).toEqual([]);
}

test.describe("URL parameter fuzzing", () => {
  test("explorer: hostile values in every parameter execute nothing and canonicalise to the default view", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const w = await watch(page);
    await svgMapOnly(page);
    for (const q of hostileQueries(EXPLORER_PARAMS)) {
      const label = `/?${q.slice(0, 80)}`;
      await page.goto(`/?${q}`);
      await expect(page.getByRole("heading", { level: 1, name: "Leaving Russia in 2022" }), label).toBeVisible();
      // The HTML draws the default view; what is under test is the app reading the URL.
      await interactive(page);
      await expect(mapReady(page), label).toBeVisible({ timeout: 30_000 });
      for (const g of CHARTS)
        await expect(page.locator(`[data-graphic=${g}] svg:visible`).first(), label).toBeVisible();
      // Defaults: the address bar is canonicalised back to the default view.
      await expect(page, label).toHaveURL(`${baseURL}/`);
      await expect(page.getByRole("radio", { name: "All" }), label).toBeChecked();
      await expect(page.getByRole("button", { name: "Auto" }), label).toHaveAttribute("aria-pressed", "true");
      expect(await page.evaluate(() => document.documentElement.dataset.theme ?? null), label).toBeNull();
      await expect(page.getByRole("dialog"), label).toBeHidden();
      await expectInert(page, w, label);
    }
    await expectClean(page, w, "explorer fuzz");
  });

  test("explorer: a repeated parameter takes its first value, and only a valid one", async ({ page, baseURL }) => {
    await watch(page);
    await svgMapOnly(page);
    await page.goto(
      `/?period=${encodeURIComponent("<script>")}&period=mobilization&table=forces&table=${encodeURIComponent('" onmouseover=alert(1) x="')}&theme=dark&theme=light`,
    );
    await expect(page).toHaveURL(`${baseURL}/?table=forces&theme=dark`);
    await expect(page.locator("[data-graphic=forces] table")).toBeVisible();
  });

  test("embed: hostile values in every parameter execute nothing and fall back to defaults", async ({ page }) => {
    test.setTimeout(120_000);
    const w = await watch(page);
    await svgMapOnly(page);
    const queries = hostileQueries(EMBED_PARAMS);
    for (const [i, q] of queries.entries()) {
      // Alternate: a hostile graphic, and each chart with hostile options. Every other
      // query goes to a graphic's own page, embed/<graphic>.html (the map's for a hostile
      // graphic), which ignores graphic=; the rest to embed.html, which names a hostile
      // graphic as unknown and sends a known one on to its own page.
      const graphic = i % 2 === 0 ? null : CHARTS[(i >> 1) % CHARTS.length]!;
      const ownPage = (i >> 1) % 2 === 1;
      const url = ownPage
        ? `/embed/${graphic ?? "exit-routes"}.html?${q}`
        : `/embed.html?${graphic ? `graphic=${graphic}&${q.replace(/(^|&)graphic=/g, "$1x-graphic=")}` : q}`;
      const label = url.slice(0, 100);
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 }), label).toBeVisible();
      if (!ownPage && !graphic) {
        // No graphic shown: the list of graphics, and the hostile name (if any) as text.
        const asked = new URLSearchParams(q).get("graphic");
        await expect(page.getByRole("status"), label).toContainText(
          asked === null ? "Choose a graphic" : "There is no graphic",
        );
        await expect(page.locator("main a[data-graphic]"), label).toHaveCount(GRAPHICS.length);
        await expect(page.locator("figure[data-graphic]"), label).toHaveCount(0);
      } else {
        const expected = graphic ?? "exit-routes";
        await expect(page, label).toHaveURL(new RegExp(`/embed/${expected}\\.html`));
        await expect(page.locator(`figure[data-graphic=${expected}]`), label).toBeVisible({ timeout: 30_000 });
        await interactive(page);
        if (expected === "exit-routes") await expect(mapReady(page), label).toBeVisible({ timeout: 30_000 });
        // view=<hostile> is not "table": the chart shows.
        else await expect(page.locator(`[data-graphic=${expected}] svg:visible`).first(), label).toBeVisible();
      }
      expect(await page.evaluate(() => document.documentElement.dataset.theme ?? null), label).toBeNull();
      await expectInert(page, w, label);
    }
    await expectClean(page, w, "embed fuzz");
  });

  test("presentation: hostile step, theme and presenter values execute nothing and land on the first step", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const w = await watch(page);
    await svgMapOnly(page);
    const first = story.steps[0]!;
    for (const q of hostileQueries(PRESENTATION_PARAMS)) {
      const label = `/present.html?${q.slice(0, 80)}`;
      await page.goto(`/present.html?${q}`);
      await expect(currentTitle(page), label).toHaveText(first.title);
      await expect.poll(() => new URL(page.url()).search, { message: label }).toBe(`?step=${first.id}`);
      expect(await page.evaluate(() => document.documentElement.dataset.theme ?? null), label).toBeNull();
      await expectInert(page, w, label);
    }
    await expectClean(page, w, "presentation fuzz");
  });
});

// ------------------------------------------------------------------ 3. Fault injection
//
// A page carries the datasets it draws in its HTML, in a JSON data block, and fetches
// none of them (src/data/pageData.ts). A dataset's failure can only reach a page whose
// block is missing or unusable: the app then draws afresh and fetches what it lacks. So
// the dataset faults are injected into pages served without their block
// (withoutPageData); what can fail with the block in place follows them: a graphic's
// code, the block itself, MapLibre's code and the basemap.

type Fault = "404" | "500" | "invalid JSON" | "wrong schema" | "slow";
const FAULTS: readonly Fault[] = ["404", "500", "invalid JSON", "wrong schema", "slow"];
const DETAIL: Record<Exclude<Fault, "slow">, RegExp> = {
  "404": /could not be loaded \(HTTP 404\)/,
  "500": /could not be loaded \(HTTP 500\)/,
  "invalid JSON": /is not valid JSON/,
  "wrong schema": /does not match its schema/,
};
const SLOW_MS = 5000;

/** Makes one dataset fail in one way; returns the undo. */
async function inject(page: Page, dataset: string, fault: Fault): Promise<() => Promise<void>> {
  const pattern = `**/data/${dataset}.json`;
  const handler = async (route: Route) => {
    switch (fault) {
      case "404":
        return route.fulfill({
          status: 404,
          contentType: "text/html",
          body: "<!doctype html><title>Not found</title><h1>Not found</h1>",
        });
      case "500":
        return route.fulfill({ status: 500, contentType: "text/plain", body: "Internal Server Error" });
      case "invalid JSON":
        return route.fulfill({
          status: 200,
          contentType: "application/json",
          body: '{"version": 1, "meta": {"title": "trunc',
        });
      case "wrong schema":
        return route.fulfill({ status: 200, contentType: "application/json", body: '{"version":1}' });
      case "slow":
        await new Promise((r) => setTimeout(r, SLOW_MS));
        return route.fallback().catch(() => undefined);
    }
  };
  await page.route(pattern, handler);
  return () => page.unroute(pattern, handler);
}

const NAMES: Record<string, string> = {
  "exit-routes": "the exit-route map",
  "border-stops": "the border-stop chart",
  forces: "the force comparison",
  "week-breakdown": "the first-week breakdown",
};

/** A number button in a working chart: its record opens in the provenance dialog. */
const NUMBER: Record<(typeof CHARTS)[number], RegExp> = {
  "border-stops": /9,376/,
  "week-breakdown": /53,000/,
  forces: /13,367/,
};

/**
 * The rest of the explorer works while `broken` is down (or, given null, all of it):
 * other graphics draw and respond, records open.
 */
async function expectRestUsable(page: Page, broken: string | null, label: string) {
  const others = GRAPHICS.filter((g) => g !== broken);
  for (const g of others) {
    if (g === "exit-routes") await expect(mapReady(page), label).toBeVisible({ timeout: 30_000 });
    else await expect(page.locator(`[data-graphic=${g}] svg:visible`).first(), label).toBeVisible();
  }
  const chart = CHARTS.find((g) => g !== broken)!;
  // Another graphic's view switch works…
  const panel = page.locator(`[data-graphic=${chart}]`);
  await panel.getByRole("radio", { name: "Table" }).check();
  await expect(panel.locator("table"), label).toBeVisible();
  await panel.getByRole("radio", { name: "Chart" }).check();
  await expect(panel.locator("svg:visible").first(), label).toBeVisible();
  // …and the provenance dialog opens from one of its numbers.
  await panel.getByRole("button", { name: NUMBER[chart] }).first().click();
  const dialog = page.getByRole("dialog", { name: "Where this number comes from" });
  await expect(dialog, label).toBeVisible();
  if (broken !== "figures") await expect(dialog, label).toContainText("The quote");
  await page.keyboard.press("Escape");
  await expect(dialog, label).toBeHidden();
}

test.describe("fault injection", () => {
  for (const dataset of GRAPHICS) {
    test(`${dataset}.json failing or slow breaks only its own panel, says why, and retry recovers`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const w = await watch(page);
      await svgMapOnly(page);
      await withoutPageData(page, "/");
      const name = NAMES[dataset]!;
      const panel = page.locator(`[data-panel=${dataset}]`);
      for (const fault of FAULTS) {
        const label = `${dataset} ${fault}`;
        const undo = await inject(page, dataset, fault);
        await page.goto("/");
        await expect(page.getByRole("heading", { level: 1, name: "Leaving Russia in 2022" })).toBeVisible();
        if (fault === "slow") {
          await expect(panel.getByRole("status"), label).toHaveText(`Loading ${name}…`);
          await expect(panel.getByRole("status"), label).toHaveText(`Still loading ${name}…`, { timeout: SLOW_MS });
          await expectRestUsable(page, dataset, label);
          await expect(
            panel.locator(dataset === "exit-routes" ? "[data-map-ready=true]" : "svg:visible").first(),
            label,
          ).toBeVisible({ timeout: 15_000 });
          await undo();
          continue;
        }
        const alert = panel.getByRole("alert");
        await expect(alert, label).toContainText(`Sorry, ${name} could not be loaded.`);
        await expect(alert, label).toContainText(DETAIL[fault]);
        await expectRestUsable(page, dataset, label);
        await undo();
        await alert.getByRole("button", { name: "Try again" }).click();
        await expect(
          panel.locator(dataset === "exit-routes" ? "[data-map-ready=true]" : "svg:visible").first(),
          label,
        ).toBeVisible({ timeout: 30_000 });
        await expect(panel.getByRole("alert"), label).toHaveCount(0);
      }
      expect(w.pageErrors).toEqual([]);
      expect(w.dialogs).toEqual([]);
    });
  }

  test("figures.json failing or slow shows only in the provenance dialog and the sources list, with a retry", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const w = await watch(page);
    await svgMapOnly(page);
    await withoutPageData(page, "/");
    const sources = page.locator("ol.sources");
    for (const fault of FAULTS) {
      const label = `figures ${fault}`;
      const undo = await inject(page, "figures", fault);
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: "Leaving Russia in 2022" })).toBeVisible();
      if (fault === "slow") {
        await expect(page.getByText("Loading sources…"), label).toBeVisible();
        await expectRestUsable(page, "figures", label);
        await expect(sources.locator("li").first(), label).toBeVisible({ timeout: 15_000 });
        await undo();
        continue;
      }
      const sourcesAlert = page.locator("#sources ~ [role=alert]").first();
      await expect(sourcesAlert, label).toContainText("Sorry, the list of sources could not be loaded.");
      await expect(sourcesAlert, label).toContainText(DETAIL[fault]);
      // Every graphic still draws and works; no graphic panel shows an error.
      await expectRestUsable(page, "figures", label);
      await expect(page.locator("[data-panel] [role=alert]"), label).toHaveCount(0);
      // The dialog says the records are unavailable, and offers a retry.
      await page
        .locator("[data-graphic=border-stops]")
        .getByRole("button", { name: NUMBER["border-stops"] })
        .first()
        .click();
      const dialog = page.getByRole("dialog", { name: "Where this number comes from" });
      await expect(dialog.getByRole("alert"), label).toContainText("could not be loaded");
      await undo();
      await dialog.getByRole("button", { name: "Try again" }).click();
      await expect(dialog, label).toContainText("that figure jumped to 9,376 for 2021");
      await page.keyboard.press("Escape");
      // The shared query recovered: the sources list too.
      await expect(sources.locator("li"), label).toHaveCount(5);
    }
    // A failure while the sources list is on screen recovers with its own retry.
    const undo = await inject(page, "figures", "500");
    await page.goto("/");
    const sourcesAlert = page.locator("#sources ~ [role=alert]").first();
    await expect(sourcesAlert).toContainText("HTTP 500");
    // Let the graphics draw first: the map's route card asks for the figures as it
    // mounts, which retries them by itself (TanStack's retryOnMount) and would answer
    // before the button is pressed.
    await expect(mapReady(page)).toBeVisible({ timeout: 30_000 });
    for (const g of CHARTS) await expect(page.locator(`[data-graphic=${g}] svg:visible`).first()).toBeVisible();
    await undo();
    await sourcesAlert.getByRole("button", { name: "Try again" }).click();
    await expect(sources.locator("li")).toHaveCount(5);
    expect(w.pageErrors).toEqual([]);
  });

  test("story.json failing or slow: the presentation says so and retry recovers", async ({ page }) => {
    test.setTimeout(120_000);
    const w = await watch(page);
    await svgMapOnly(page);
    await withoutPageData(page, "/present.html");
    for (const fault of FAULTS) {
      const label = `story ${fault}`;
      const undo = await inject(page, "story", fault);
      await page.goto("/present.html");
      if (fault === "slow") {
        await expect(page.getByRole("status").first(), label).toContainText("Loading the story");
        await expect(currentTitle(page), label).toHaveText(story.steps[0]!.title, { timeout: 15_000 });
        await undo();
        continue;
      }
      const alert = page.getByRole("alert");
      await expect(alert, label).toContainText("Sorry, the story could not be loaded.");
      await expect(alert, label).toContainText(DETAIL[fault]);
      await undo();
      await alert.getByRole("button", { name: "Try again" }).click();
      await expect(currentTitle(page), label).toHaveText(story.steps[0]!.title);
    }
    expect(w.pageErrors).toEqual([]);
  });

  test("a dataset that passes its schema but makes the map throw breaks only the map panel; retry recovers", async ({
    page,
  }) => {
    const w = await watch(page);
    await svgMapOnly(page);
    // Schema-valid, inconsistent: a route through a place the dataset does not list.
    const broken = structuredClone(exitRoutes);
    broken.routes[0]!.path = [broken.routes[0]!.path[0]!, "atlantis", ...broken.routes[0]!.path.slice(1)];
    const raw = JSON.parse(
      readFileSync(resolve(import.meta.dirname, "../../public/data/exit-routes.json"), "utf8"),
    ) as Record<string, unknown>;
    const body = JSON.stringify({ ...raw, routes: broken.routes });
    const handler = (route: Route) => route.fulfill({ status: 200, contentType: "application/json", body });
    await withoutPageData(page, "/");
    await page.route("**/data/exit-routes.json", handler);
    await page.goto("/");
    const panel = page.locator("[data-panel=exit-routes]");
    const alert = panel.getByRole("alert");
    await expect(alert).toContainText("Sorry, the exit-route map could not be drawn.");
    await expect(alert).toContainText('"atlantis"');
    await expectRestUsable(page, "exit-routes", "map throws");
    await page.unroute("**/data/exit-routes.json", handler);
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(mapReady(page)).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByRole("alert")).toHaveCount(0);
    expect(w.pageErrors).toEqual([]);
  });

  for (const path of ["/embed.html?graphic=forces", "/embed/forces.html"]) {
    test(`the embed (${path}): a failing dataset shows the message and retry recovers; a slow one says it is loading`, async ({
      page,
    }) => {
      // embed.html?graphic=forces goes on to embed/forces.html: the page whose block is removed.
      await withoutPageData(page, "/embed/forces.html");
      let undo = await inject(page, "forces", "500");
      await svgMapOnly(page);
      await page.goto(path);
      const alert = page.getByRole("alert");
      await expect(alert).toContainText("Sorry, the force comparison could not be loaded.");
      await undo();
      await alert.getByRole("button", { name: "Try again" }).click();
      await expect(page.locator("[data-graphic=forces] svg:visible").first()).toBeVisible();

      // Slow: the embed says it is loading the data, then draws it.
      undo = await inject(page, "forces", "slow");
      await page.goto(path);
      await expect(page.locator("[data-panel=forces] [role=status]")).toContainText(/loading the force comparison/i, {
        timeout: SLOW_MS - 1000,
      });
      await expect(page.locator("[data-graphic=forces] svg:visible").first()).toBeVisible({
        timeout: SLOW_MS + 10_000,
      });
      await undo();
    });
  }

  // A graphic's code failing to download: the page cannot be taken over, so it stays as
  // its HTML drew it and reads as it does without scripts, rather than offering controls
  // that do nothing. Shown with the force comparison's chunk on each page that draws it.
  for (const path of ["/", "/embed/forces.html", "/present.html?step=forces"]) {
    test(`${path}: the force comparison's code failing to load leaves the page as its HTML drew it, readable`, async ({
      page,
    }) => {
      const w = await watch(page);
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await page.route("**/assets/ForcesGraphic-*.js", (route) => route.abort());
      await page.goto(path);
      // Without its code the page reads as without scripts: controls only the app works are not offered.
      await expect(page.locator("html")).not.toHaveClass(/(^|\s)js(\s|$)/);
      await expect(page.locator(".needs-js:visible")).toHaveCount(0);
      await expect.poll(() => page.evaluate(() => performance.getEntriesByName("exodus:interactive").length)).toBe(0);
      // The graphic is as the prerenderer drew it: its numbers, and its table one click away (CSS).
      const forces = page.locator("figure[data-graphic=forces]");
      await expect(forces.locator(".graphic__chart svg:visible").first()).toBeVisible();
      await expect(forces.locator(".graphic__chart")).toContainText(NUMBER.forces);
      await expect(forces.locator(".graphic__source")).toContainText(/Sources?: “/);
      // (A slide's graphic has no chart/table switch: its numbers are in the chart.)
      if (!path.startsWith("/present.html")) {
        await forces.getByRole("radio", { name: "Table" }).check();
        await expect(forces.locator(".graphic__table table")).toContainText(NUMBER.forces);
        await expect(forces.locator(".graphic__chart")).toBeHidden();
      }
      // Nothing else was taken down with it.
      if (path === "/") {
        for (const g of GRAPHICS.filter((g) => g !== "forces"))
          await expect(page.locator(`figure[data-graphic=${g}] .graphic__chart svg:visible`).first()).toBeVisible();
        await expect(page.locator("ol.sources > li")).toHaveCount(5);
      }
      // The deck becomes a page to read: every step's slide, in order.
      if (path.startsWith("/present.html"))
        await expect(page.locator("article.slide:visible")).toHaveCount(story.steps.length);
      // Reported, not thrown: no uncaught error, no failed panel, nothing the policy blocked.
      expect(errors.some((e) => /could not be loaded|Failed to load resource/.test(e))).toBe(true);
      expect(await page.locator(".panel-message").count()).toBe(0);
      await expectClean(page, w, `${path} without the forces chunk`);
    });
  }

  /** The datasets a page requests, by name, from now on. */
  function recordDatasetFetches(page: Page): string[] {
    const fetched: string[] = [];
    page.on("request", (r) => {
      const m = /\/data\/([a-z-]+)\.json$/.exec(new URL(r.url()).pathname);
      if (m) fetched.push(m[1]!);
    });
    return fetched;
  }

  /** The block's JSON with some datasets replaced, escaped as the prerenderer escapes it. */
  const withDatasets = (json: string, replaced: Record<string, unknown>) =>
    JSON.stringify({ ...(JSON.parse(json) as object), ...replaced }).replace(/</g, "\\u003c");

  // The data block tampered with (a proxy rewriting the page, a hand-edited file): the
  // app cannot hydrate from it, so it draws afresh, fetching exactly what the block no
  // longer gives it, and the page works as usual.
  const TAMPERED_PAGES = [
    { path: "/", page: "explorer", dataset: "forces" },
    { path: "/embed/forces.html", page: "embed-forces", dataset: "forces" },
    { path: "/present.html", page: "present", dataset: "story" },
  ] as const;
  const TAMPERINGS = {
    "is not JSON": { rewrite: (json: string) => json.slice(0, Math.floor(json.length / 2)), fetchesAll: true },
    "has a dataset failing its schema": { rewrite: null, fetchesAll: false },
  } as const;
  for (const { path, page: id, dataset } of TAMPERED_PAGES) {
    for (const [how, { rewrite, fetchesAll }] of Object.entries(TAMPERINGS)) {
      test(`${path}: a data block that ${how} makes the page draw afresh from the files, and work`, async ({
        page,
      }) => {
        const w = await watch(page);
        await svgMapOnly(page);
        const fetched = recordDatasetFetches(page);
        await rewritePageData(page, path, rewrite ?? ((json) => withDatasets(json, { [dataset]: { version: 1 } })));
        await page.goto(path);
        await interactive(page);
        if (id === "explorer") {
          await expectRestUsable(page, null, `${path} ${how}`);
          await expect(page.locator("ol.sources > li")).toHaveCount(5);
        } else if (id === "embed-forces") {
          const forces = page.locator("figure[data-graphic=forces]");
          await expect(forces.locator(".graphic__chart")).toContainText(NUMBER.forces);
          await forces.getByRole("radio", { name: "Table" }).check();
          await expect(forces.locator(".graphic__table table")).toContainText(NUMBER.forces);
        } else {
          await expect(currentTitle(page)).toHaveText(story.steps[0]!.title);
          await page.keyboard.press("ArrowRight");
          await expect(currentTitle(page)).toHaveText(story.steps[1]!.title);
        }
        await expect(page.locator("[role=alert]")).toHaveCount(0);
        await page.waitForLoadState("networkidle");
        expect(fetched.sort()).toEqual(fetchesAll ? [...pageById(id)!.datasets].sort() : [dataset]);
        await expectClean(page, w, `${path} ${how}`);
      });
    }
  }

  test("a dataset failing its schema in the block and in its file: its panel, and only its panel, says why", async ({
    page,
  }) => {
    const w = await watch(page);
    await svgMapOnly(page);
    await rewritePageData(page, "/", (json) => withDatasets(json, { forces: { version: 1 } }));
    const undo = await inject(page, "forces", "wrong schema");
    await page.goto("/");
    const alert = page.locator("[data-panel=forces]").getByRole("alert");
    await expect(alert).toContainText("Sorry, the force comparison could not be loaded.");
    await expect(alert).toContainText(DETAIL["wrong schema"]);
    await expectRestUsable(page, "forces", "forces broken in block and file");
    await expect(page.locator("[role=alert]")).toHaveCount(1);
    await undo();
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(page.locator("[data-graphic=forces] .graphic__chart")).toContainText(NUMBER.forces);
    await expectClean(page, w, "forces broken in block and file");
  });

  test("MapLibre's code failing to load keeps the SVG map; a missing basemap still draws the routes", async ({
    page,
  }) => {
    const w = await watch(page);
    await page.route("**/assets/MapLibreExitRouteMap-*.js", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto("/");
    const map = page.locator("[data-map-engine=svg][data-map-ready=true]");
    await expect(map).toBeVisible({ timeout: 30_000 });
    await engageMap(page, { expectMapLibre: false });
    await expect(map.locator(".exit-map__note")).toBeVisible();
    await page.locator(".route-list__item[data-route=to-alaska]").click();
    await expect(page.locator(".route-card")).toContainText("Alaska");
    await expectRestUsable(page, "exit-routes", "no maplibre");

    await page.route("**/assets/countries-*.json", (route) => route.fulfill({ status: 500, body: "" }));
    await page.goto("/");
    // The page's own map already has a basemap: at the default view it stays.
    await expect(page.locator(".exit-map[data-map-ready=true] .exit-map__static")).toBeVisible();
    await expect(page.locator(".exit-map__note--error")).toHaveCount(0);
    // Another view is drawn live, routes without the basemap, and says so.
    await page.locator(".route-list__item[data-route=to-georgia]").click();
    await expect(page.locator(".exit-map__static")).toHaveCount(0);
    await expect(page.locator(".exit-map__note--error")).toContainText("The basemap could not be loaded");
    await expect(page.locator(".exit-map svg [data-route=to-georgia]").first()).toBeVisible();
    await expectRestUsable(page, "exit-routes", "no basemap");
    expect(w.pageErrors).toEqual([]);
  });

  for (const theme of ["light", "dark"] as const) {
    test(`screenshot: the explorer with one panel failing (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width: 1280, height: 900 });
      await withoutPageData(page, "/");
      await inject(page, "border-stops", "500");
      await page.goto("/");
      await expect(page.locator("[data-panel=border-stops] [role=alert]")).toBeVisible();
      await expect(mapReady(page)).toBeVisible({ timeout: 30_000 });
      await expect(page.locator("[data-graphic=week-breakdown] svg:visible").first()).toBeVisible();
      await page.locator("[data-panel=border-stops]").scrollIntoViewIfNeeded();
      await saveShot(page, `hardening-panel-failing-${theme}`);
      await page
        .locator("[data-panel=border-stops]")
        .screenshot({ path: `results/screenshots/hardening-panel-failing-${theme}-panel.png` });
    });
  }
});
