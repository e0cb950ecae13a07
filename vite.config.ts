/// <reference types="vitest/config" />
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Entry points: thin HTML shells over the same components. The explorer (index.html),
// one embed page for every graphic (embed.html?graphic=…), the embed previewer
// (embeds.html) and the presentation (present.html).
export default defineConfig({
  plugins: [react()],
  build: {
    target: "es2022",
    rollupOptions: {
      input: {
        explorer: resolve(import.meta.dirname, "index.html"),
        embed: resolve(import.meta.dirname, "embed.html"),
        embeds: resolve(import.meta.dirname, "embeds.html"),
        present: resolve(import.meta.dirname, "present.html"),
      },
    },
  },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/unit/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 20_000,
  },
});
