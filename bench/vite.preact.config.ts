/**
 * A what-if for `npm run bench`: the app's own border-stop embed
 * (embed/border-stops.html, unchanged source) built with React swapped for Preact's
 * React compatibility layer (preact/compat). The app ships on React 19, the stack the
 * team chose; this page measures, in every bench run, what the lighter runtime would
 * give the chart embeds, whose byte and time budgets React 19 alone cannot meet
 * (react + react-dom are 67 of the 85 KiB).
 *
 * Served by the bench at /bench/embed/border-stops.html, beside the app's build: its
 * code under /preact-assets/, its dataset from the app's /data/, as the app's page.
 */
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { contentSecurityPolicy } from "../src/security/csp.ts";

const root = resolve(import.meta.dirname, "..");
const preact = resolve(root, "node_modules/preact");

export default defineConfig({
  root,
  publicDir: false,
  plugins: [react(), contentSecurityPolicy()],
  // The app's own build reports its warnings; these would repeat them.
  logLevel: "error",
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: resolve(preact, "compat/client.mjs") },
      { find: /^react\/jsx(-dev)?-runtime$/, replacement: resolve(preact, "jsx-runtime/dist/jsxRuntime.mjs") },
      { find: /^react(-dom)?$/, replacement: resolve(preact, "compat/dist/compat.mjs") },
    ],
  },
  build: {
    target: "es2022",
    modulePreload: { polyfill: false },
    assetsDir: "preact-assets",
    outDir: resolve(root, "results/bench/pages"),
    // Built after the reference pages, into the same folder.
    emptyOutDir: false,
    manifest: "manifest-preact-embed.json",
    rollupOptions: {
      input: { "preact-embed": resolve(root, "embed/border-stops.html") },
    },
  },
});
