/**
 * Page loads in headless Chromium (Playwright, the system browser), interleaved: each
 * round opens every page once, in a rotated order, each in a fresh browser context
 * (empty cache). Per load it records, in ms from navigation start (performance.timeOrigin):
 *
 *   - first paint: the `first-contentful-paint` entry (its startTime, when the frame was
 *     presented; and its paintTime, when the main thread painted it);
 *   - when each "drawn" selector first matched in the page (a MutationObserver
 *     installed before any page script runs);
 *   - drawn: every selector drawn. A selector that the HTML as delivered already holds
 *     (`inHtml`, checked by the bench before the runs) and that was in the page when the
 *     first paint was made is drawn at the first paint: the graphic is painted with it.
 *     Any other is drawn when it first matched (a graphic drawn by script, which its
 *     paint follows in the next frame), as the reference pages' charts are;
 *   - painted (`elementTiming` pages, the reference pages): when the first SVG text of
 *     the page was presented, from Element Timing (the script below marks each SVG
 *     <text> as it appears), or, on a page with no SVG text (Chart.js draws on a
 *     canvas), the first paint if it came after the chart was drawn;
 *   - interactive: the page's `exodus:interactive` mark (src/entries/mount.tsx), and
 *     (with `openRecord`) whether a click on a chart number right after it opened the
 *     number's record;
 *   - the scripts requested, downloaded and render-blocking before the first paint
 *     (resource timing);
 *   - with `bytes`: every response until the network is quiet: its URL, type, size and
 *     when it finished (bytes are raw and gzip at zlib's default level, as the build
 *     report).
 */
import { chromium, type Browser, type BrowserContext, type Request } from "@playwright/test";
import { gzipSize } from "./manifestBytes.ts";

export interface PageSpec {
  id: string;
  label: string;
  /** Path and query from the server's origin. */
  path: string;
  /** Selectors that must all match for the page to count as drawn. */
  drawn: readonly string[];
  /** Selectors for the first paint of every graphic (default: `drawn`). */
  firstDrawn?: readonly string[];
  /** The selectors (of `drawn` and `firstDrawn`) that the page's HTML, as delivered, already holds. */
  inHtml?: readonly string[];
  /** Time the paint of the page's SVG text with Element Timing (the reference pages). */
  elementTiming?: boolean;
  /** Wait for the `exodus:interactive` mark (the app's pages). */
  interactive?: boolean;
  /** After the mark, click the first visible number printed in a mark matching `number`, and wait for its record. */
  openRecord?: { number: string; record: (figureId: string) => string };
}

export interface RequestRecord {
  url: string;
  type: "html" | "js" | "css" | "data" | "other";
  raw: number;
  gzip: number;
  /** When the response finished, ms from navigation start. */
  end: number;
}

/** A script the page requested before its first paint (resource timing). */
export interface EarlyScript {
  url: string;
  /** Its response had ended before the first paint. */
  downloaded: boolean;
  /** The browser held the first paint for it (renderBlockingStatus "blocking": a classic script in <head>). */
  blocking: boolean;
}

export interface LoadResult {
  /** first-contentful-paint: startTime (presented) and paintTime (painted on the main thread). */
  fcp: number | null;
  fcpPaint: number | null;
  /** When each selector first matched. */
  matched: Record<string, number>;
  firstDrawn: number;
  drawn: number;
  /** Every drawn selector was in the HTML and in the page at the first paint. */
  drawnAtFirstPaint: boolean;
  /** `elementTiming` pages: when the drawn chart was presented. */
  painted: number | null;
  interactive: number | null;
  /** `openRecord`: the number clicked, whether its record opened, and how long after the click. */
  record?: { figure: string; opened: boolean; ms: number };
  earlyScripts: EarlyScript[];
  requests: RequestRecord[];
}

export interface BrowserOptions {
  executablePath: string;
  args: readonly string[];
  viewport: { width: number; height: number };
  /** Per load, ms. */
  timeout: number;
}

const ELEMENT_TIMING_ID = "bench-drawn";
export const INTERACTIVE_MARK = "exodus:interactive";

/**
 * Runs in the page before its own scripts: notes when each selector first matches and,
 * with `tagText`, marks every SVG <text> for Element Timing as soon as it is in the page
 * (before it is painted). A string, not a function: tsx (esbuild, keepNames) would wrap
 * a function's inner functions in a `__name` helper that does not exist in the page.
 */
const watchScript = (selectors: readonly string[], tagText: boolean) => `(() => {
  const selectors = ${JSON.stringify(selectors)};
  const tagText = ${JSON.stringify(tagText)};
  const state = { t: {}, painted: [] };
  window.__bench = state;
  if (tagText) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.identifier === ${JSON.stringify(ELEMENT_TIMING_ID)}) state.painted.push(e.renderTime || e.startTime);
    }).observe({ type: "element", buffered: true });
  }
  const check = () => {
    const now = performance.now();
    for (const s of selectors) if (!(s in state.t) && document.querySelector(s)) state.t[s] = now;
    if (tagText)
      for (const e of document.querySelectorAll("svg text:not([elementtiming])")) e.setAttribute("elementtiming", ${JSON.stringify(ELEMENT_TIMING_ID)});
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-map-ready", "data-map-engine", "data-bench-drawn"],
  });
})();`;

const QUIET_MS = 500;
const SETTLE_MAX_MS = 10_000;
const RECORD_TIMEOUT_MS = 10_000;

type Bench = { __bench?: { t: Record<string, number>; painted: number[] } };

const typeOf = (url: string, contentType: string): RequestRecord["type"] => {
  const p = new URL(url).pathname;
  if (p.endsWith(".html") || p.endsWith("/") || contentType.includes("text/html")) return "html";
  if (p.endsWith(".js") || p.endsWith(".mjs") || contentType.includes("javascript")) return "js";
  if (p.endsWith(".css") || contentType.includes("text/css")) return "css";
  if (p.endsWith(".json") || p.endsWith(".csv")) return "data";
  return "other";
};

const gzipByUrl = new Map<string, { raw: number; gzip: number }>();

/**
 * Drawn, as the header says: a selector the HTML holds, in the page by the first paint,
 * is drawn at the first paint; any other when it first matched.
 */
export function drawnAt(
  selectors: readonly string[],
  inHtml: ReadonlySet<string>,
  matched: Readonly<Record<string, number>>,
  fcp: number | null,
  fcpPaint: number | null,
): { at: number; atFirstPaint: boolean } {
  let at = Number.NEGATIVE_INFINITY;
  let atFirstPaint = selectors.length > 0;
  for (const s of selectors) {
    const t = matched[s] ?? Number.NaN;
    const withFirstPaint = inHtml.has(s) && fcp !== null && t <= (fcpPaint ?? fcp);
    if (!withFirstPaint) atFirstPaint = false;
    at = Math.max(at, withFirstPaint ? fcp : t);
  }
  return { at: Number.isFinite(at) ? at : Number.NaN, atFirstPaint };
}

export class BrowserRunner {
  private constructor(
    private readonly browser: Browser,
    private readonly origin: string,
    private readonly options: BrowserOptions,
  ) {}

  static async launch(origin: string, options: BrowserOptions): Promise<BrowserRunner> {
    const browser = await chromium.launch({ executablePath: options.executablePath, args: [...options.args] });
    return new BrowserRunner(browser, origin, options);
  }

  version(): string {
    return this.browser.version();
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /**
   * One load of one page in a fresh context. With `bytes`, waits for the network to
   * be quiet and records every response (bytes do not change between loads: the bench
   * asks for them once per page, outside the timed rounds).
   */
  async load(spec: PageSpec, bytes = false): Promise<LoadResult> {
    const context: BrowserContext = await this.browser.newContext({
      viewport: this.options.viewport,
      deviceScaleFactor: 1,
    });
    try {
      const first = spec.firstDrawn ?? spec.drawn;
      const selectors = [...new Set([...spec.drawn, ...first, "html[data-bench-drawn]"])];
      await context.addInitScript(watchScript(selectors, spec.elementTiming ?? false));
      const finished: Request[] = [];
      let inflight = 0;
      let lastActivity = Date.now();
      context.on("request", () => {
        inflight++;
        lastActivity = Date.now();
      });
      context.on("requestfinished", (r) => {
        finished.push(r);
        inflight--;
        lastActivity = Date.now();
      });
      context.on("requestfailed", () => {
        inflight--;
        lastActivity = Date.now();
      });
      const page = await context.newPage();
      await page.goto(this.origin + spec.path, { waitUntil: "commit", timeout: this.options.timeout });
      // Functions, not strings: the app's Content Security Policy forbids eval in the page.
      // (No named inner functions either: see watchScript.)
      await page
        .waitForFunction(
          (sels) => sels.every((s) => s in ((window as unknown as Bench).__bench?.t ?? {})),
          [...spec.drawn],
          { timeout: this.options.timeout, polling: 50 },
        )
        .catch(async (err: Error) => {
          const seen = await page
            .evaluate(() => Object.keys((window as unknown as Bench).__bench?.t ?? {}))
            .catch(() => []);
          throw new Error(
            `${spec.id} not drawn in ${this.options.timeout} ms (matched: ${seen.join(" | ") || "nothing"}): ${err.message.split("\n")[0]}`,
          );
        });
      // The first contentful paint comes with the graphic, or the frame after it: wait for it.
      await page
        .waitForFunction(
          () => performance.getEntriesByType("paint").some((e) => e.name === "first-contentful-paint"),
          undefined,
          { timeout: 5000, polling: 20 },
        )
        .catch(() => undefined);
      if (spec.interactive)
        await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, INTERACTIVE_MARK, {
          timeout: this.options.timeout,
          polling: 20,
        });
      // Element Timing reports a paint a frame or two after it: give it a moment.
      if (spec.elementTiming) await page.waitForTimeout(100);
      const measured = await page.evaluate((mark) => {
        const fcp = performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint") as
          (PerformanceEntry & { paintTime?: number }) | undefined;
        const fcpAt = fcp?.startTime ?? null;
        const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((e) => e.initiatorType === "script" || /\.m?js$/.test(new URL(e.name).pathname))
          .filter((e) => fcpAt !== null && e.fetchStart < fcpAt)
          .map((e) => ({
            url: new URL(e.name).pathname,
            downloaded: fcpAt !== null && e.responseEnd > 0 && e.responseEnd <= fcpAt,
            blocking:
              (e as PerformanceResourceTiming & { renderBlockingStatus?: string }).renderBlockingStatus === "blocking",
          }));
        return {
          t: (window as unknown as Bench).__bench!.t,
          painted: (window as unknown as Bench).__bench!.painted,
          timeOrigin: performance.timeOrigin,
          fcp: fcpAt,
          fcpPaint: fcp?.paintTime ?? fcpAt,
          interactive: performance.getEntriesByName(mark)[0]?.startTime ?? null,
          scripts,
        };
      }, INTERACTIVE_MARK);
      const inHtml = new Set(spec.inHtml ?? []);
      const drawn = drawnAt(spec.drawn, inHtml, measured.t, measured.fcp, measured.fcpPaint);
      const firstDrawn = drawnAt(first, inHtml, measured.t, measured.fcp, measured.fcpPaint);
      const drawnDom = Math.max(...spec.drawn.map((s) => measured.t[s] ?? Number.NaN));
      let painted: number | null = null;
      if (spec.elementTiming) {
        const after = measured.painted.filter((t) => t >= 0);
        painted =
          after.length > 0
            ? Math.min(...after)
            : measured.fcp !== null && measured.fcp >= drawnDom
              ? measured.fcp // no SVG text (a canvas): the first paint, if it came with the chart
              : null;
      }
      const result: LoadResult = {
        fcp: measured.fcp,
        fcpPaint: measured.fcpPaint,
        matched: measured.t,
        firstDrawn: firstDrawn.at,
        drawn: drawn.at,
        drawnAtFirstPaint: drawn.atFirstPaint,
        painted,
        interactive: measured.interactive,
        earlyScripts: measured.scripts,
        requests: [],
      };
      if (spec.openRecord && !bytes) {
        // A number, clicked right after the mark, opens its record (loading the record's code and data).
        // The printed number itself (a mark's text with a digit), not the middle of its mark.
        const number = page.locator(`${spec.openRecord.number} text`).filter({ visible: true, hasText: /\d/ }).first();
        const figure = await number.evaluate((e) => e.closest("[data-figure]")?.getAttribute("data-figure") ?? "");
        const t0 = Date.now();
        await number.click();
        const opened = await page
          .locator(spec.openRecord.record(figure))
          .waitFor({ state: "visible", timeout: RECORD_TIMEOUT_MS })
          .then(() => true)
          .catch(() => false);
        result.record = { figure, opened, ms: Date.now() - t0 };
      }
      if (!bytes) return result;
      // Count everything the page downloads: wait for the network to be quiet for
      // QUIET_MS (at most SETTLE_MAX_MS after the graphic is drawn).
      const settleUntil = Date.now() + SETTLE_MAX_MS;
      while (Date.now() < settleUntil && (inflight > 0 || Date.now() - lastActivity < QUIET_MS))
        await page.waitForTimeout(50);
      for (const r of finished) {
        const url = r.url();
        if (!url.startsWith(this.origin)) continue;
        const response = await r.response();
        if (!response) continue;
        let sizes = gzipByUrl.get(url);
        if (!sizes) {
          const body = await response.body().catch(() => null);
          if (!body) continue;
          sizes = { raw: body.length, gzip: gzipSize(body) };
          gzipByUrl.set(url, sizes);
        }
        const timing = r.timing();
        const end =
          timing.responseEnd >= 0
            ? timing.startTime + timing.responseEnd - measured.timeOrigin
            : Number.POSITIVE_INFINITY;
        result.requests.push({
          url: new URL(url).pathname,
          type: typeOf(url, (await response.allHeaders())["content-type"] ?? ""),
          ...sizes,
          end,
        });
      }
      return result;
    } finally {
      await context.close();
    }
  }
}

/** Interleaved rounds: round r opens the pages in order rotated by r. */
export async function interleaved(
  runner: BrowserRunner,
  pages: readonly PageSpec[],
  rounds: number,
  onLoad?: (page: PageSpec, round: number, result: LoadResult | Error) => void,
): Promise<Map<string, LoadResult[]>> {
  const out = new Map<string, LoadResult[]>(pages.map((p) => [p.id, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < pages.length; i++) {
      const page = pages[(i + r) % pages.length]!;
      let result: LoadResult | Error;
      try {
        result = await runner.load(page, false);
        out.get(page.id)!.push(result);
      } catch (err) {
        result = err as Error;
      }
      onLoad?.(page, r, result);
    }
  }
  return out;
}
