/**
 * The map's colours come from the CSS variables (ui/tokens.ts), so the SVG map (which
 * uses `var(--…)` directly) and the MapLibre map (which needs concrete colours in its
 * paint properties) follow the same light/dark theme. `useMapPalette` re-reads the
 * variables when <html data-theme> or the system colour scheme changes.
 */
import { useSyncExternalStore } from "react";
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

let snapshot: Palette | null = null;
let snapshotKey = "";

function getSnapshot(): Palette {
  const next = readPalette();
  const key = PALETTE_VARS.map((v) => next[v]).join("|");
  if (key !== snapshotKey || !snapshot) {
    snapshot = next;
    snapshotKey = key;
  }
  return snapshot;
}

function subscribe(onChange: () => void): () => void {
  if (typeof document === "undefined") return () => {};
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "class", "style"] });
  const media = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
  media?.addEventListener("change", onChange);
  return () => {
    observer.disconnect();
    media?.removeEventListener("change", onChange);
  };
}

/** The current palette; components re-render when the theme changes. */
export function useMapPalette(): Palette {
  return useSyncExternalStore(subscribe, getSnapshot, () => FALLBACK_PALETTE);
}

function subscribeReducedMotion(onChange: () => void): () => void {
  if (typeof matchMedia !== "function") return () => {};
  const media = matchMedia("(prefers-reduced-motion: reduce)");
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

/** True when the reader asked for less motion: camera changes jump instead of flying. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReducedMotion,
    () => typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches,
    () => false,
  );
}
