/**
 * Byte budgets, from the production build in dist/: each page's gzip HTML, and the gzip
 * JavaScript it downloads to become interactive (boot.js, the entry chunk, its static
 * imports, the `import()`s it awaits before hydrating) and with what it loads on demand
 * (MapLibre, an embed's figure record). The Vite manifest gives the JS;
 * scripts/bench/entryPoints.ts gives the pages and their budgets, README.md
 * ("Performance budgets") the reasons.
 *
 * And the chart embeds' first paint: each one's HTML, read without scripts, holds its
 * chart (every artboard's SVG) and its numbers, so the chart paints without JavaScript.
 *
 * Bytes and markup are deterministic, so this is a test; times are only reported, by
 * `npm run bench`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHART_EMBEDS, ENTRY_POINTS, graphicModule, viewName } from "../../scripts/bench/entryPoints.ts";
import { chartHtmlProblems, parseHtml } from "../../scripts/bench/htmlCheck.ts";
import { GRAPHICS } from "../../src/graphics/registry.ts";
import { START_CHUNK } from "../../src/prerender/prerenderPlugin.ts";
import {
  closure,
  entryDownloads,
  fileBytes,
  KiB,
  readManifest,
  sum,
  type FileBytes,
} from "../../scripts/bench/manifestBytes.ts";

// BUDGET_DIST: check another build folder (as E2E_OUT_DIR for the browser tests).
const DIST = path.resolve(process.env.BUDGET_DIST ?? path.join(import.meta.dirname, "../../dist"));
const built = existsSync(path.join(DIST, ".vite", "manifest.json"));
const manifest = built ? readManifest(DIST) : {};
const list = (files: readonly FileBytes[]) => files.map((f) => `${f.file} ${(f.gzip / KiB).toFixed(1)} KiB`).join(", ");

describe("byte budgets (gzip HTML and JavaScript per page)", () => {
  it("has a production build with a Vite manifest", () => {
    expect(built, `no ${path.relative(process.cwd(), DIST)}/.vite/manifest.json: run \`npm run build\` first`).toBe(
      true,
    );
  });

  describe.runIf(built).each(ENTRY_POINTS.map((e) => [e.label, e] as const))("%s", (_label, entry) => {
    // A skipped describe's body still runs to collect its tests: without a build, the first test says so.
    if (!built) return;
    const downloads = entryDownloads(DIST, manifest, entry);
    const interactive = sum(downloads.interactive.js).gzip;
    const total = interactive + sum(downloads.after.js).gzip;

    it(`is at most ${entry.budget.htmlKiB} KiB of gzip HTML`, () => {
      const html = fileBytes(DIST, entry.html);
      expect(html.gzip / KiB, `${entry.html}: ${(html.raw / KiB).toFixed(1)} KiB raw`).toBeLessThanOrEqual(
        entry.budget.htmlKiB,
      );
    });

    it(`becomes interactive with at most ${entry.budget.interactiveKiB} KiB of gzip JS`, () => {
      expect(interactive / KiB, `to interactive: ${list(downloads.interactive.js)}`).toBeLessThanOrEqual(
        entry.budget.interactiveKiB,
      );
    });

    if (entry.budget.totalKiB !== undefined) {
      const totalKiB = entry.budget.totalKiB;
      it(`loads at most ${totalKiB} KiB of gzip JS with what it loads on demand`, () => {
        expect(total / KiB, `on demand: ${list(downloads.after.js)}`).toBeLessThanOrEqual(totalKiB);
      });
    }

    if (entry.after.some((k) => /MapLibre/.test(k))) {
      it("does not wait for maplibre-gl: MapLibre is not in the JS it needs to become interactive", () => {
        const first = closure(manifest, [entry.html, ...entry.interactive]).js;
        const gl = closure(manifest, entry.after).js;
        const maplibre = [...gl].filter((f) => /maplibre/i.test(f));
        expect(maplibre.length).toBeGreaterThan(0);
        expect(maplibre.filter((f) => first.has(f))).toEqual([]);
      });
    }
  });

  it.runIf(built)("keeps every chart embed apart from the other graphics' code", () => {
    // A graphic's code: the chunks named after its module (the one the pages that load it
    // lazily import, and the one holding its code, which an embed page imports statically).
    const chunks = (e: (typeof CHART_EMBEDS)[number]) =>
      [...closure(manifest, [graphicModule(e.graphic!)]).js].filter((f) =>
        path.basename(f).startsWith(`${viewName(e.graphic!)}-`),
      );
    for (const e of CHART_EMBEDS) {
      const files = closure(manifest, [e.html, ...e.interactive]).js;
      expect(
        chunks(e).filter((f) => files.has(f)),
        `${e.label} loads ${graphicModule(e.graphic!)}`,
      ).not.toEqual([]);
      const others = CHART_EMBEDS.filter((o) => o !== e).flatMap(chunks);
      expect(
        [...files].filter((f) => others.includes(f)),
        e.label,
      ).toEqual([]);
      expect(
        [...files].filter((f) => /maplibre|ExitRoutesGraphic/i.test(f)),
        e.label,
      ).toEqual([]);
    }
  });
});

describe.runIf(built)("a graphic's start module runs before React and the schemas are evaluated", () => {
  const starters = Object.values(GRAPHICS).filter((g) => g.start !== undefined);
  it.each(starters.map((g) => [g.id, g] as const))("%s", (id) => {
    const entry = manifest[`embed/${id}.html`]!;
    // Its chunk is the entry's first import, so it is evaluated first…
    const first = entry.imports?.[0];
    expect(first && manifest[first]!.name, `embed/${id}.html imports ${entry.imports?.join(", ")}`).toBe(START_CHUNK);
    // …and nothing it imports holds React or a schema, which would be evaluated before it.
    const files = [...closure(manifest, [first!]).js];
    for (const file of files) {
      const code = readFileSync(path.join(DIST, file), "utf8");
      expect(code.includes("react.transitional.element"), `${file} holds React`).toBe(false);
      expect(/\$Zod[A-Z]/.test(code), `${file} holds a schema`).toBe(false);
    }
  });
});

describe.runIf(built)("a chart embed paints its chart without JavaScript", () => {
  it.each(CHART_EMBEDS.map((e) => [e.label, e] as const))(
    "%s: its HTML holds the chart's SVG and every number of its dataset",
    (_label, e) => {
      const doc = parseHtml(readFileSync(path.join(DIST, e.html), "utf8"));
      const dataset: unknown = JSON.parse(readFileSync(path.join(DIST, "data", `${e.graphic}.json`), "utf8"));
      expect(chartHtmlProblems(doc, e.graphic!, dataset)).toEqual([]);
    },
    // jsdom reads the forces embed's six artboards in about 3 s on two idle cores, and
    // past 5 s on a loaded machine: a byte check, not a timed one.
    30_000,
  );
});
