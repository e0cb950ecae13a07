/**
 * The size of an element in CSS px, kept up to date (ResizeObserver). Zero until it is
 * measured, in the layout effect after the first commit: the server and the hydrating
 * browser render the same (unmeasured) markup.
 */
import { startTransition, useLayoutEffect, useRef, useState } from "react";

export interface ElementSizeOptions {
  /**
   * Measure in a transition: for an element whose size draws something heavy (the map),
   * so that drawing it does not run as one long synchronous render after the commit.
   */
  transition?: boolean;
  /** Read its font size too (`fontSize`, px; 0 otherwise): for drawings whose type follows the CSS. */
  fontSize?: boolean;
}

export function useElementSize<T extends HTMLElement>({
  transition = false,
  fontSize = false,
}: ElementSizeOptions = {}) {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0, fontSize: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      // Hidden (display: none, a slide not on screen): keep the last size, or none.
      if (el.checkVisibility?.() === false) return;
      const r = el.getBoundingClientRect();
      // jsdom (tests) has no layout: fall back to a typical size.
      const width = Math.round(r.width) || 640;
      const height = Math.round(r.height) || 400;
      const font = fontSize ? parseFloat(getComputedStyle(el).fontSize) || 0 : 0;
      setSize((s) =>
        s.width === width && s.height === height && s.fontSize === font ? s : { width, height, fontSize: font },
      );
    };
    const update = transition ? () => startTransition(measure) : measure;
    update();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [transition, fontSize]);
  return [ref, size] as const;
}
