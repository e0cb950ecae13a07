/**
 * Width without a script, as the NYT's ai2html artboards do it: a chart is laid out at
 * a few fixed widths, every one of them is in the prerendered HTML, and a container
 * query shows the one for the width the page gives it (artboards.css). Each artboard's
 * SVG scales to fill that width (at most ARTBOARD_STEP times its own, so type grows by
 * at most a quarter and never shrinks below its design size, 320 px aside).
 *
 * When the app takes over, the first render is the same markup (React hydrates it);
 * right after, the frame is measured and only the artboard the CSS was already showing
 * stays mounted. The reader sees no change: the same SVG at the same size. Later
 * resizes switch artboards the same way.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import "./artboards.css";

/**
 * Layout widths in CSS px, narrowest first: each is shown from its own width up to the
 * next one's (artboards.css must say the same; a unit test holds the two together).
 * Below 320 px the narrowest is scaled down.
 */
export const ARTBOARD_WIDTHS = [320, 400, 500, 640, 800, 1000] as const;

/** The artboard a frame of `width` CSS px shows: the widest that is not wider than it. */
export function artboardFor(width: number, widths: readonly number[] = ARTBOARD_WIDTHS): number {
  let chosen = widths[0]!;
  for (const w of widths) if (w <= width) chosen = w;
  return chosen;
}

/**
 * `render(width)` draws the chart laid out at `width`; its root SVG must scale to its
 * box (a viewBox, width 100%, height auto: ChartSvg does this).
 */
export function Artboards({ render }: { render: (width: number) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // null while hydrating (every artboard, as in the HTML); then the measured one.
  const [shown, setShown] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = el.getBoundingClientRect().width;
      // No layout (jsdom, a hidden parent): keep what is there.
      if (width > 0) setShown(artboardFor(width));
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const widths = shown === null ? ARTBOARD_WIDTHS : [shown];
  return (
    <div ref={ref} className={shown === null ? "artboards" : "artboards artboards--measured"}>
      {widths.map((w) => (
        <div key={w} className={`artboard artboard--${w}`} data-artboard={w}>
          {render(w)}
        </div>
      ))}
    </div>
  );
}
