/**
 * Swipe → action, pure. A swipe is a mostly horizontal pointer movement of at least
 * `threshold` CSS px (default 60) finished within `maxMs` (default 800): right-to-left
 * goes forward, left-to-right back, like turning a page.
 */
import type { NavAction } from "./stepModel.ts";

export interface PointerSample {
  x: number;
  y: number;
  /** Milliseconds (event.timeStamp). */
  t: number;
}

export interface SwipeOptions {
  /** Minimum horizontal travel in CSS px. Default 60. */
  threshold?: number;
  /** Maximum duration in ms. Default 800. */
  maxMs?: number;
  /** Horizontal travel must exceed vertical travel by this factor. Default 1.5. */
  ratio?: number;
}

export function swipeAction(start: PointerSample, end: PointerSample, options: SwipeOptions = {}): NavAction | null {
  const { threshold = 60, maxMs = 800, ratio = 1.5 } = options;
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  if (![dx, dy, end.t - start.t].every(Number.isFinite)) return null;
  if (end.t - start.t > maxMs) return null;
  if (Math.abs(dx) < threshold || Math.abs(dx) < ratio * Math.abs(dy)) return null;
  return dx < 0 ? "next" : "prev";
}
