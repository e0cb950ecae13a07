/**
 * The byte-budget test: run after a production build (`npm test` runs it after
 * test:e2e, which builds). `npm run test:budget` on its own needs `npm run build` first,
 * or BUDGET_DIST=folder for a build made with `vite build --outDir folder`.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: new URL("../..", import.meta.url).pathname,
  test: {
    include: ["test/budget/**/*.test.ts"],
    environment: "node",
  },
});
