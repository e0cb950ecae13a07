/**
 * Lighthouse (npm `lighthouse`), default settings: mobile form factor, simulated
 * throttling (slow 4G, 4× CPU slowdown), performance category only. Each run launches
 * the system Chromium afresh through chrome-launcher, with the browser tests' flags
 * (playwright.config.ts CHROMIUM_ARGS) but `--headless=new` for `--headless`.
 */
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";

export interface LighthouseResult {
  /** 0–100. */
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
  /** The LCP element (its CSS selector's last part), from the LCP breakdown insight. */
  lcpElement: string;
  /** Paths of the requests Lighthouse counts as render-blocking (render-blocking insight). */
  renderBlocking: string[];
  /** Lighthouse's CPU benchmark of the machine at the time (an idle desktop: 1,500–2,500). */
  benchmarkIndex: number;
  /** Lighthouse's warnings (e.g. the page was still busy). */
  warnings: string[];
}

export const lighthouseFlags = (chromiumArgs: readonly string[]): string[] => [
  ...chromiumArgs.filter((a) => a !== "--headless"),
  "--headless=new",
];

export async function lighthouseRun(
  url: string,
  chromePath: string,
  chromeFlags: readonly string[],
): Promise<LighthouseResult> {
  const chrome = await launch({ chromePath, chromeFlags: [...chromeFlags], logLevel: "silent" });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      disableFullPageScreenshot: true,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const num = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    // The insights' details are loosely typed: read only what is there.
    type Item = { type?: string; selector?: string; url?: string };
    const items = (id: string): Item[] => (lhr.audits[id]?.details as { items?: Item[] } | undefined)?.items ?? [];
    const lcpNode = items("lcp-breakdown-insight").find((i) => i.type === "node");
    return {
      score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
      fcp: num("first-contentful-paint"),
      lcp: num("largest-contentful-paint"),
      tbt: num("total-blocking-time"),
      cls: num("cumulative-layout-shift"),
      speedIndex: num("speed-index"),
      benchmarkIndex: lhr.environment.benchmarkIndex,
      lcpElement: lcpNode?.selector?.split(" > ").pop() ?? "",
      renderBlocking: items("render-blocking-insight").flatMap((i) => (i.url ? [new URL(i.url).pathname] : [])),
      warnings: lhr.runWarnings,
    };
  } finally {
    chrome.kill();
  }
}
