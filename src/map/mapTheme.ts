/**
 * The map's colours follow the light/dark theme: `useMapPalette` re-reads the CSS
 * variables (palette.ts) when <html data-theme> or the system colour scheme changes.
 */
import { useSyncExternalStore } from "react";
import { FALLBACK_PALETTE, PALETTE_VARS, readPalette, type Palette } from "./palette.ts";

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
