/**
 * Page loads in headless Chromium (Playwright, the system browser), interleaved: each
 * round opens every page once, in a rotated order, each in a fresh browser context
 * (empty cache). Per load it records
 *   - first paint: the `first-contentful-paint` paint entry;
 *   - first drawn: every graphic on screen for the first time (the SVG map, the charts);
 *   - drawn: the page's graphic(s) finished (MapLibre `idle` for the map);
 *   - every response until the network is quiet: its URL, type, size and when it
 *     finished (bytes are raw and gzip at zlib's default level, as the build report).
 * Times are milliseconds from navigation start (performance.timeOrigin), read by a
 * MutationObserver installed before any page script runs.
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
  /** Responses to replace (map scaling): URL glob → body. */
  routes?: Record<string, string>;
}

export interface RequestRecord {
  url: string;
  type: "js" | "css" | "data" | "other";
  raw: number;
  gzip: number;
  /** When the response finished, ms from navigation start. */
  end: number;
}

export interface LoadResult {
  fcp: number | null;
  firstDrawn: number;
  drawn: number;
  requests: RequestRecord[];
}

export interface BrowserOptions {
  executablePath: string;
  args: readonly string[];
  viewport: { width: number; height: number };
  /** Per load, ms. */
  timeout: number;
}

/**
 * Runs in the page before its own scripts: notes when each selector first matches.
 * A string, not a function: tsx (esbuild, keepNames) would wrap a function's inner
 * functions in a `__name` helper that does not exist in the page.
 */
const watchScript = (selectors: readonly string[]) => `(() => {
  const selectors = ${JSON.stringify(selectors)};
  const state = { t: {} };
  window.__bench = state;
  const check = () => {
    const now = performance.now();
    for (const s of selectors) if (!(s in state.t) && document.querySelector(s)) state.t[s] = now;
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

type Bench = { __bench?: { t: Record<string, number> } };

const typeOf = (url: string, contentType: string): RequestRecord["type"] => {
  const p = new URL(url).pathname;
  if (p.endsWith(".js") || p.endsWith(".mjs") || contentType.includes("javascript")) return "js";
  if (p.endsWith(".css") || contentType.includes("text/css")) return "css";
  if (p.endsWith(".json") || p.endsWith(".csv")) return "data";
  return "other";
};

const gzipByUrl = new Map<string, { raw: number; gzip: number }>();

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
      await context.addInitScript(watchScript(selectors));
      for (const [glob, body] of Object.entries(spec.routes ?? {})) {
        await context.route(glob, (route) => route.fulfill({ status: 200, contentType: "application/json", body }));
      }
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
          {
            timeout: this.options.timeout,
            polling: 50,
          },
        )
        .catch(async (err: Error) => {
          const seen = await page
            .evaluate(() => Object.keys((window as unknown as Bench).__bench?.t ?? {}))
            .catch(() => []);
          throw new Error(
            `${spec.id} not drawn in ${this.options.timeout} ms (matched: ${seen.join(" | ") || "nothing"}): ${err.message.split("\n")[0]}`,
          );
        });
      // The first contentful paint is recorded at the paint after the graphic appears
      // (on pages whose first content is the graphic): wait for it.
      await page
        .waitForFunction(
          () => performance.getEntriesByType("paint").some((e) => e.name === "first-contentful-paint"),
          undefined,
          { timeout: 5000, polling: 20 },
        )
        .catch(() => undefined);
      const measured = await page.evaluate(() => ({
        t: (window as unknown as Bench).__bench!.t,
        timeOrigin: performance.timeOrigin,
        fcp: performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint")?.startTime ?? null,
      }));
      const at = (sels: readonly string[]) => Math.max(...sels.map((s) => measured.t[s] ?? Number.NaN));
      if (!bytes) return { fcp: measured.fcp, firstDrawn: at(first), drawn: at(spec.drawn), requests: [] };
      // Count everything the page downloads: wait for the network to be quiet for
      // QUIET_MS (at most SETTLE_MAX_MS after the graphic is drawn).
      const settleUntil = Date.now() + SETTLE_MAX_MS;
      while (Date.now() < settleUntil && (inflight > 0 || Date.now() - lastActivity < QUIET_MS))
        await page.waitForTimeout(50);
      const requests: RequestRecord[] = [];
      for (const r of finished) {
        const url = r.url();
        if (!url.startsWith(this.origin)) continue;
        const response = await r.response();
        if (!response) continue;
        // Replaced responses (spec.routes) differ per page: cache them per page.
        const key = spec.routes ? `${spec.id} ${url}` : url;
        let sizes = gzipByUrl.get(key);
        if (!sizes) {
          const body = await response.body().catch(() => null);
          if (!body) continue;
          sizes = { raw: body.length, gzip: gzipSize(body) };
          gzipByUrl.set(key, sizes);
        }
        const timing = r.timing();
        const end =
          timing.responseEnd >= 0
            ? timing.startTime + timing.responseEnd - measured.timeOrigin
            : Number.POSITIVE_INFINITY;
        requests.push({
          url: url.slice(this.origin.length),
          type: typeOf(url, (await response.allHeaders())["content-type"] ?? ""),
          ...sizes,
          end,
        });
      }
      return { fcp: measured.fcp, firstDrawn: at(first), drawn: at(spec.drawn), requests };
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
