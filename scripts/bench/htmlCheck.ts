/**
 * What a built page's HTML holds before any script runs, read with jsdom (scripts off):
 * which "drawn" selectors already match, and whether a chart embed's HTML holds its
 * chart's SVG and numbers, so that its first paint needs no JavaScript.
 *
 * Used by the bench (a graphic in the HTML as delivered is drawn with the first paint)
 * and by the budget test (every chart embed paints its chart from its HTML).
 */
import { JSDOM } from "jsdom";
import type { GraphicId } from "../../src/graphics/registry.ts";

export const parseHtml = (html: string): Document => new JSDOM(html).window.document;

/** The selectors that match in the document. */
export const selectorsInHtml = (doc: Document, selectors: readonly string[]): string[] =>
  selectors.filter((s) => doc.querySelector(s) !== null);

/** Every figure a dataset draws: each object with a string `id` and a numeric `value`. */
export function datasetFigures(dataset: unknown): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.id === "string" && typeof o.value === "number") out.set(o.id, o.value);
      Object.values(o).forEach(walk);
    }
  };
  walk(dataset);
  return out;
}

/**
 * Problems with a chart's HTML, none when it paints whole without a script: the
 * graphic's chart has its artboards (src/ui/Artboards.tsx), each an SVG, and in each
 * every figure of its dataset is a number the reader can open (a mark with its figure
 * id, role=button), printed with its value (thousands grouped as the app prints them:
 * 9,376).
 */
export function chartHtmlProblems(doc: Document, graphic: GraphicId, dataset: unknown): string[] {
  const figures = datasetFigures(dataset);
  const chart = doc.querySelector(`figure[data-graphic="${graphic}"] .graphic__chart`);
  if (!chart) return [`no figure[data-graphic="${graphic}"] .graphic__chart in the HTML`];
  const artboards = [...chart.querySelectorAll("[data-artboard]")];
  if (artboards.length === 0) return ["the chart has no artboards in the HTML"];
  if (figures.size === 0) return [`the ${graphic} dataset has no figures`];
  const problems: string[] = [];
  for (const a of artboards) {
    const width = a.getAttribute("data-artboard");
    if (!a.querySelector("svg")) {
      problems.push(`artboard ${width}: no SVG`);
      continue;
    }
    for (const [id, value] of figures) {
      const marks = [...a.querySelectorAll(`svg [data-figure="${id}"][role="button"]`)];
      const printed = value.toLocaleString("en-US");
      if (marks.length === 0) problems.push(`artboard ${width}: no mark for the figure ${id}`);
      else if (!marks.some((m) => (m.textContent ?? "").includes(printed)))
        problems.push(`artboard ${width}: the figure ${id} does not print ${printed}`);
    }
  }
  return problems;
}
