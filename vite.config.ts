/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { parseBasePath } from "./src/deploy/basePath.ts";
import { staticHostHeaders } from "./src/deploy/headersFile.ts";
import { precompress } from "./src/deploy/precompress.ts";
import { START_CHUNK, staticPages } from "./src/prerender/prerenderPlugin.ts";
import { contentSecurityPolicy, CSP_HEADER_POLICY } from "./src/security/csp.ts";

// The pages (the explorer, one embed page per graphic, embed.html, the embed previewer,
// the presentation) come from the graphic registry: staticPages() generates their
// shells and entries, builds the browser and prerenderer bundles, and prerenders every
// page into dist/ (src/prerender/prerenderPlugin.ts).
export default defineConfig({
  // The URL path the app is served under: BASE_PATH=/exodus/ npm run build (default "/").
  // Every URL the app writes starts with it (src/deploy/basePath.ts; README, Deployment).
  base: parseBasePath(process.env.BASE_PATH),
  // PUBLIC_URL (the site's public address, README "Embedding") reaches the app as
  // import.meta.env.PUBLIC_URL, for the addresses it prints (src/pages/site.ts).
  envPrefix: ["VITE_", "PUBLIC_URL"],
  // The Content Security Policy (src/security/csp.ts): a <meta> in every built page,
  // and in `vite preview` also a header with a report endpoint. Not in the dev server.
  // Once the pages are final: staticHostHeaders() writes dist/_headers (the server's
  // headers for static hosts), precompress() a .gz and a .br beside every text file.
  plugins: [react(), staticPages(), contentSecurityPolicy(), staticHostHeaders(), precompress()],
  preview: {
    headers: { "Content-Security-Policy": CSP_HEADER_POLICY },
  },
  build: {
    target: "es2022",
    // Every browser the build targets supports modulepreload: no polyfill, so no inline script.
    modulePreload: { polyfill: false },
    // dist/.vite/manifest.json: the byte-budget test (test/budget) walks it to find
    // what each entry point downloads, and the prerenderer to preload each page's graphics.
    manifest: true,
    rollupOptions: {
      treeshake: {
        // The ledger schemas are pure definitions. A page that imports a name the
        // ledger merely re-exports (Mode, from ./primitives.ts) must not bundle the
        // ledger's classic-Zod schemas with it; other modules keep the default.
        moduleSideEffects: (id) => (/\/src\/schema\/(ledger|period)\.ts$/.test(id) ? false : undefined),
      },
      output: {
        codeSplitting: {
          groups: [
            // A graphic's `start` module (src/graphics/registry.ts) in a chunk of its own,
            // and what it imports in another: left to the automatic split, the start would
            // be folded into the entry and run after every module it imports, React
            // included, or its imports into a chunk with React. Its own chunk is imported
            // by its entry only, so other pages do not run it.
            // (A group takes the modules it captures' imports too, unless another group,
            // with a higher priority, took them first.)
            // Vite's preload helper stays a chunk of its own, which every page loads anyway,
            // rather than going with the map's early modules to pages without a map.
            { name: "preload-helper", test: /vite\/preload-helper/, priority: 3 },
            { name: "map-early", test: /\/src\/map\/(glEarly|webgl|basemapLoader)\.ts$/, priority: 2 },
            { name: START_CHUNK, test: /\/src\/map\/glEarlyStart\.ts$/, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/unit/**/*.test.{ts,tsx}"],
    environment: "node",
    setupFiles: ["test/unit/setup.ts"],
    testTimeout: 20_000,
  },
});
