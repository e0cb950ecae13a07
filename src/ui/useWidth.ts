import { useLayoutEffect, useRef, useState } from "react";

/**
 * Width of an element in CSS pixels, kept current with a ResizeObserver; null until it
 * has been measured (in the layout effect after the first commit, before any paint),
 * so that nothing is drawn at a guessed width only to be drawn again.
 * Without layout (jsdom), `fallback`.
 */
export function useWidth<T extends HTMLElement>(fallback = 640) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.getBoundingClientRect().width) || fallback);
    const ro = new ResizeObserver(([entry]) => {
      const w = Math.floor(entry!.contentRect.width);
      if (w > 0) setWidth((old) => (old === w ? old : w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [fallback]);
  return [ref, width] as const;
}
