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
