import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist",
      ".ssr",
      "dist-nginx",
      "dist-perf",
      "public/data",
      "node_modules",
      "test-results",
      "playwright-report",
      "results",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain browser scripts served as they are (the embed parent script).
    files: ["public/**/*.js"],
    languageOptions: { globals: globals.browser, sourceType: "script" },
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
