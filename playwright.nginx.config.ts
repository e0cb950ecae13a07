import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./playwright.config.ts";

/**
 * The deployment tests: Debian's nginx serving a build made for /exodus/ (dist-nginx/)
 * with the server block from `npm run deploy:config`, and a newsroom's article on a
 * second origin embedding a graphic (test/nginx/nginxServer.ts). `npm run test:nginx`
 * builds, then runs these in Debian's Chromium.
 */
export default defineConfig({
  testDir: "test/nginx",
  outputDir: "test-results/nginx",
  globalSetup: "./test/nginx/globalSetup.ts",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
    trace: "off",
  },
});
