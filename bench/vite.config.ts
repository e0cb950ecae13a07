/**
 * The reference pages of `npm run bench` (scripts/bench/): the border-stop chart drawn
 * with bare d3 modules, bare React + d3-scale, Vega-Lite and Chart.js, and a bare
 * MapLibre page with the app's embedded basemap. Built with Vite like the app
 * (same target, same minifier), so their bytes compare with the app's.
 *
 * Served by the bench under /bench/, beside the app's build (which provides /data/).
 * Each page is built on its own (BENCH_PAGE=d3 vite build -c bench/vite.config.ts),
 * so no page shares a chunk with another: a shared chunk would make the bare d3 page
 * download the parts of d3 that Vega also uses.
 */
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { REFERENCE_PAGES } from "./referencePages.ts";

const pages = resolve(import.meta.dirname, "pages");

const page = process.env.BENCH_PAGE ?? "d3";
if (!(REFERENCE_PAGES as readonly string[]).includes(page))
  throw new Error(`BENCH_PAGE must be one of ${REFERENCE_PAGES.join(", ")}`);

export default defineConfig({
  root: pages,
  base: "/bench/",
  publicDir: false,
  plugins: [react()],
  logLevel: "warn",
  build: {
    target: "es2022",
    modulePreload: { polyfill: false },
    outDir: resolve(import.meta.dirname, "../results/bench/pages"),
    // The bench builds the pages one after the other into one folder (it empties it first).
    emptyOutDir: false,
    manifest: `manifest-${page}.json`,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { [page]: resolve(pages, `${page}.html`) },
    },
  },
});
