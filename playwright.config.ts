import { defineConfig } from "@playwright/test";

/**
 * Browser tests run against the production build (`vite preview`) in Debian's
 * Chromium: test tools cannot download browsers on this machine.
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Software WebGL so MapLibre can draw without a GPU.
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

// E2E_PORT and E2E_OUT_DIR let two runs share a machine (another port, another build folder).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const OUT_DIR = process.env.E2E_OUT_DIR ? ` --outDir ${process.env.E2E_OUT_DIR}` : "";

export default defineConfig({
  testDir: "test/e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
    trace: "off",
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort${OUT_DIR}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
