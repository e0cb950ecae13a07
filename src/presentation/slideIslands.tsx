/**
 * Slides the reader has not seen yet stay as the prerendered page drew them.
 *
 * Hydrating the deck meant hydrating every step's slide (its text, its graphic at six
 * artboard widths, its map): seconds of main-thread work on a phone, for slides that
 * are hidden. While the app takes the deck over, React hydrates only the slide the CSS
 * shows; every other slide is given its own prerendered HTML, which React adopts as it
 * is without hydrating it (an island, as PrerenderedMap does for the map). A slide is
 * drawn by React the first time it becomes current, and, a few seconds after the deck
 * has gone live, the rest are drawn one at a time while the browser is idle, so that a
 * print from the browser's menu finds every map on its own basemap (which a step's map
 * fetches once it is drawn: the deck's first load downloads only the current step's).
 */
import { createElement, startTransition, useEffect, useState } from "react";
import { isHydrating } from "../ui/hydration.ts";

/** A slide as the page's HTML holds it: its element's name, attributes and content. */
export interface PrerenderedSlide {
  tag: string;
  /** Its attributes as React props (`class` as `className`). */
  props: Record<string, string>;
  html: string;
  /** The CSS shows it (the step ?step= names, or the first). */
  shown: boolean;
}

/** The prerendered slides by step id, read while hydrating; null where there are none (the server, the dev server). */
function readPrerenderedSlides(): Map<string, PrerenderedSlide> | null {
  if (typeof document === "undefined") return null;
  const slides = new Map<string, PrerenderedSlide>();
  for (const el of document.querySelectorAll<HTMLElement>("#root .slide[data-step]")) {
    const props: Record<string, string> = {};
    for (const { name, value } of el.attributes) props[name === "class" ? "className" : name] = value;
    slides.set(el.dataset.step!, {
      tag: el.localName,
      props,
      html: el.innerHTML,
      shown: el.getBoundingClientRect().height > 0,
    });
  }
  return slides.size > 0 ? slides : null;
}

/** A slide kept as the page drew it. */
export function StaticSlide({ slide }: { slide: PrerenderedSlide }) {
  return createElement(slide.tag, { ...slide.props, dangerouslySetInnerHTML: { __html: slide.html } });
}

/** How long after the deck goes live the hidden slides start to be drawn (ms). */
const WAKE_AFTER_MS = 2000;

/**
 * Which slides are still islands: `island(id)` is the prerendered slide to keep, or
 * null when React draws the step's slide. `current`: the current step's id; `live`:
 * the app has taken the deck over.
 */
export function useSlideIslands(
  stepIds: readonly string[],
  current: string | undefined,
  live: boolean,
): (id: string) => PrerenderedSlide | null {
  // Only while hydrating: a deck drawn afresh over its HTML (a data block that failed
  // its schema) draws every slide from the data.
  const [prerendered] = useState(() => (isHydrating() ? readPrerenderedSlides() : null));
  const [awake, setAwake] = useState<ReadonlySet<string>>(
    () => new Set([...(prerendered ?? [])].filter(([, s]) => s.shown).map(([id]) => id)),
  );
  // The current step is drawn by React in the same render that makes it current.
  if (live && current && prerendered?.has(current) && !awake.has(current)) setAwake(new Set(awake).add(current));

  const next = prerendered && live ? stepIds.find((id) => prerendered.has(id) && !awake.has(id)) : undefined;
  const first = awake.size <= 1;
  useEffect(() => {
    if (!next) return;
    let idle = 0;
    const wake = () => {
      idle = requestIdle(() => startTransition(() => setAwake((a) => new Set(a).add(next))));
    };
    const timer = window.setTimeout(wake, first ? WAKE_AFTER_MS : 0);
    return () => {
      window.clearTimeout(timer);
      cancelIdle(idle);
    };
  }, [next, first]);

  return (id) => (prerendered && !awake.has(id) ? (prerendered.get(id) ?? null) : null);
}

const hasIdle = () => typeof window.requestIdleCallback === "function";
const requestIdle = (cb: () => void): number =>
  hasIdle() ? window.requestIdleCallback(cb, { timeout: 2000 }) : window.setTimeout(cb, 50);
const cancelIdle = (handle: number) => (hasIdle() ? window.cancelIdleCallback(handle) : window.clearTimeout(handle));
