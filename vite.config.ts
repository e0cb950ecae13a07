/// <reference types="vitest/config" />
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { contentSecurityPolicy, CSP_HEADER_POLICY } from "./src/security/csp.ts";

// Entry points: thin HTML shells over the same components. The explorer (index.html),
// the embed pages (embed/<graphic>.html, and embed.html?graphic=… for any of them), the
// embed previewer (embeds.html) and the presentation (present.html).
export default defineConfig({
  // The Content Security Policy (src/security/csp.ts): a <meta> in every built page,
  // and in `vite preview` also a header with a report endpoint. Not in the dev server.
  plugins: [react(), contentSecurityPolicy()],
  preview: {
    headers: { "Content-Security-Policy": CSP_HEADER_POLICY },
  },
  build: {
    target: "es2022",
    // Every browser the build targets supports modulepreload: no polyfill, so no inline script.
    modulePreload: { polyfill: false },
    // dist/.vite/manifest.json: the byte-budget test (test/budget) walks it to find
    // what each entry point downloads.
    manifest: true,
    rollupOptions: {
      treeshake: {
        // The ledger schemas are pure definitions. A page that imports a name the
        // ledger merely re-exports (Mode, from ./primitives.ts) must not bundle the
        // ledger's classic-Zod schemas with it; other modules keep the default.
        moduleSideEffects: (id) => (/\/src\/schema\/(ledger|period)\.ts$/.test(id) ? false : undefined),
      },
      input: {
        explorer: resolve(import.meta.dirname, "index.html"),
        embed: resolve(import.meta.dirname, "embed.html"),
        // One page per graphic, every HTML file in embed/ (the embed code's URLs): its code
        // and data load with the page.
        ...Object.fromEntries(
          readdirSync(resolve(import.meta.dirname, "embed"))
            .filter((f) => f.endsWith(".html"))
            .map((f) => [`embed-${f.replace(/\.html$/, "")}`, resolve(import.meta.dirname, "embed", f)]),
        ),
        embeds: resolve(import.meta.dirname, "embeds.html"),
        present: resolve(import.meta.dirname, "present.html"),
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
