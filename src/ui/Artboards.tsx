/**
 * Width without a script, as the NYT's ai2html artboards do it: a chart is laid out at
 * a few fixed widths, every one of them is in the prerendered HTML, and a container
 * query shows the one for the width the page gives it (artboards.css). Each artboard's
 * SVG scales to fill that width (at most ARTBOARD_STEP times its own, so type grows by
 * at most a quarter and never shrinks below its design size, 320 px aside).
 *
 * When the app takes over, the first render is the same markup, but React hydrates only
 * the artboard the CSS is showing: the others (hidden, and five times the work) are
 * given their own prerendered HTML, which React adopts as it is without hydrating it
 * (as PrerenderedMap does for the map). A chart that is not shown at all (a slide
 * that is not on screen) keeps all of them so. Right after, the frame is measured and
 * only the artboard the CSS was already showing stays mounted. The reader sees no
 * change: the same SVG at the same size. Later resizes, and a hidden chart shown,
 * switch artboards the same way (the new one drawn by React).
 *
 * A frame can ask for type larger than the charts' own (`--type-scale` in its CSS: the
 * slides on a projector do): the app then shows the artboard for its width divided by
 * that, scaled up to the frame. There the reader does see a change as the app takes
 * over: the page's HTML shows the artboard for the full width (a container query cannot
 * divide by the scale), and the app swaps in the narrower one, in the same box.
 */
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { ARTBOARD_WIDTHS, artboardFor } from "./artboardWidths.ts";
import "./artboards.css";

export { ARTBOARD_WIDTHS, artboardFor };

/** The artboards as the page's HTML holds them, read while hydrating. */
interface Prerendered {
  /** The artboard the CSS shows (null: the chart is not shown, e.g. on a hidden slide). */
  shown: number | null;
  /** Each artboard's markup, by width. */
  markup: Map<number, string>;
}

function readPrerendered(id: string): Prerendered | null {
  const el = typeof document === "undefined" ? null : document.getElementById(id);
  if (!el) return null;
  const markup = new Map<number, string>();
  for (const child of el.children) {
    const width = Number((child as HTMLElement).dataset.artboard);
    if (width) markup.set(width, child.innerHTML);
  }
  const width = el.getBoundingClientRect().width;
  return { shown: width > 0 ? artboardFor(width) : null, markup };
}

/**
 * `render(width)` draws the chart laid out at `width`; its root SVG must scale to its
 * box (a viewBox, width 100%, height auto: ChartSvg does this).
 */
export function Artboards({ render }: { render: (width: number) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const id = `ab${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  // While hydrating: what the page holds (null on the server, and where there is no markup).
  const [prerendered] = useState(() => readPrerendered(id));
  // null while hydrating (every artboard, as in the HTML); then the measured one.
  const [shown, setShown] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = el.getBoundingClientRect().width;
      // A frame may ask for larger type (--type-scale, a slide on a big screen): the
      // chart is then laid out narrower and scaled up to the frame, its type with it.
      const typeScale = parseFloat(getComputedStyle(el).getPropertyValue("--type-scale")) || 1;
      // No layout (jsdom, a hidden parent): keep what is there.
      if (width > 0) setShown(artboardFor(width / typeScale));
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const widths = shown === null ? ARTBOARD_WIDTHS : [shown];
  const island = (w: number) =>
    shown === null && prerendered !== null && w !== prerendered.shown ? prerendered.markup.get(w) : undefined;
  return (
    <div ref={ref} id={id} className={shown === null ? "artboards" : "artboards artboards--measured"}>
      {widths.map((w) => {
        const markup = island(w);
        return markup === undefined ? (
          <div key={w} className={`artboard artboard--${w}`} data-artboard={w}>
            {render(w)}
          </div>
        ) : (
          // Its own key: once drawn by React, it is a new element, not this one refilled.
          <div
            key={`island-${w}`}
            className={`artboard artboard--${w}`}
            data-artboard={w}
            dangerouslySetInnerHTML={{ __html: markup }}
          />
        );
      })}
    </div>
  );
}
