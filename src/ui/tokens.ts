/**
 * The design tokens, written once: the light and dark palettes and the type families.
 * `tokens.css` is generated from this module (`npm run tokens`; tokens.test.ts fails
 * when it is out of date), the MapLibre map's fallback palette and the link-preview
 * images read it directly. Components use only the CSS variables.
 *
 * The dark palette applies on screens only (paper always gets the light one), either
 * chosen (`<html data-theme="dark">`) or, with no choice made, following the system.
 * CSS cannot say "chosen dark, or system dark and no choice" in one selector, so the
 * generated file writes the dark block twice; this module is what people edit.
 *
 * Contrast (tokens.test.ts, both themes): text colours ≥ 4.5:1 on the page and on
 * surfaces, data colours ≥ 3:1 on the page and on the map's water (WCAG 1.4.3, 1.4.11).
 */

export const LIGHT = {
  "--bg": "#ffffff",
  "--surface": "#f4f4f1",
  "--fg": "#1a1a1a",
  "--muted": "#595959",
  "--rule": "#d0d0cc",
  "--focus": "#0b57d0",
  "--link": "#0b57d0",
  "--russia": "#b3261e",
  "--ukraine": "#1f5fa8",
  "--flow": "#b3261e",
  "--flights": "#6b4ca3",
  "--unquantified": "#5f5f5f",
  "--refuse": "#c2410c",
  "--refuse-fill": "#fbd9c7",
  "--welcome": "#15803d",
  "--welcome-fill": "#cdebd5",
  "--land": "#e9e7e1",
  "--land-focus": "#dcd8cf",
  "--water": "#f7fafc",
  "--border": "#a8a49b",
  "--derived": "#7a7a7a",
} as const;

export type ColourToken = keyof typeof LIGHT;

export const DARK: Readonly<Record<ColourToken, string>> = {
  "--bg": "#121212",
  "--surface": "#1e1e1e",
  "--fg": "#ececec",
  "--muted": "#b0b0b0",
  "--rule": "#3a3a3a",
  "--focus": "#8ab4f8",
  "--link": "#8ab4f8",
  "--russia": "#f28b82",
  "--ukraine": "#8ab4f8",
  "--flow": "#f28b82",
  "--flights": "#c3a6f5",
  "--unquantified": "#a8a8a8",
  "--refuse": "#fdba74",
  "--refuse-fill": "#5a2a12",
  "--welcome": "#86efac",
  "--welcome-fill": "#163d24",
  "--land": "#2a2a2a",
  "--land-focus": "#383838",
  "--water": "#161b22",
  "--border": "#5c5c5c",
  "--derived": "#9a9a9a",
};

export const FONTS = {
  "--font": 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  "--font-num": 'ui-monospace, "SF Mono", Menlo, Consolas, monospace',
} as const;

/** Every token of the light theme, the one paper and link-preview images use. */
export const LIGHT_TOKENS: ReadonlyMap<string, string> = new Map([...Object.entries(LIGHT), ...Object.entries(FONTS)]);

const declarations = (tokens: Readonly<Record<string, string>>, indent: string) =>
  Object.entries(tokens)
    .map(([name, value]) => `${indent}${name}: ${value};`)
    .join("\n");

/** The stylesheet tokens.css holds. */
export function tokensCss(): string {
  return `/* Generated from src/ui/tokens.ts by \`npm run tokens\`: edit that file, not this one. */
:root {
  color-scheme: light;
${declarations(LIGHT, "  ")}
${declarations(FONTS, "  ")}
}
/* Dark tokens apply on screens only: paper always gets the light palette. */
@media screen {
  :root[data-theme="dark"] {
    color-scheme: dark;
${declarations(DARK, "    ")}
  }
}
@media screen and (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {
    color-scheme: dark;
${declarations(DARK, "    ")}
  }
}
`;
}
