/** A pixel coordinate to a tenth of a pixel: finer than a screen shows, and short in the page's HTML and SVG exports. */
export const r1 = (v: number): number => Math.round(v * 10) / 10;
