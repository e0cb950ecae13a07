/**
 * The map's colours, read from the CSS variables (ui/tokens.ts): the SVG map uses
 * `var(--…)` directly, the MapLibre map needs them as values for its paint properties.
 * Free of React, as the map a page starts before its app reads them too (glStart.ts);
 * the hook that follows theme changes is mapTheme.ts's.
 */
import { LIGHT } from "../ui/tokens.ts";

export const PALETTE_VARS = [
  "--flow",
  "--flights",
  "--unquantified",
  "--refuse",
  "--refuse-fill",
  "--welcome",
  "--welcome-fill",
  "--land",
  "--land-focus",
  "--water",
  "--border",
  "--fg",
  "--muted",
  "--focus",
] as const;
export type PaletteVar = (typeof PALETTE_VARS)[number];
export type Palette = Readonly<Record<PaletteVar, string>>;

/** The light theme's values, used when the stylesheet is absent (tests, a bare embed). */
export const FALLBACK_PALETTE: Palette = Object.fromEntries(PALETTE_VARS.map((v) => [v, LIGHT[v]])) as Palette;

export function readPalette(
  element: Element | null = typeof document === "undefined" ? null : document.documentElement,
): Palette {
  if (!element || typeof getComputedStyle !== "function") return FALLBACK_PALETTE;
  const style = getComputedStyle(element);
  const out = {} as Record<PaletteVar, string>;
  for (const v of PALETTE_VARS) out[v] = style.getPropertyValue(v).trim() || FALLBACK_PALETTE[v];
  return out;
}
