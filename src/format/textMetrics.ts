/**
 * Text measurement without a DOM: estimated widths and word wrapping, so the charts'
 * and the map's label layouts, and the exports' captions, are deterministic functions
 * of text and width (tested in Node) that agree with what the browser draws.
 */

/**
 * Advance widths of DejaVu Sans in thousandths of an em. The app's font stack starts
 * with system-ui, which varies by platform; DejaVu Sans (Linux) is the widest of the
 * usual candidates, so estimating with it means a label never overflows on macOS
 * (SF), Windows (Segoe UI) or Android (Roboto): they just leave a little spare room.
 */
const ADVANCE: Record<string, number> = {
  " ": 318,
  "!": 400,
  '"': 460,
  "#": 838,
  $: 636,
  "%": 950,
  "&": 780,
  "'": 275,
  "(": 390,
  ")": 390,
  "*": 500,
  "+": 838,
  ",": 318,
  "-": 361,
  ".": 318,
  "/": 337,
  ":": 337,
  ";": 337,
  "<": 838,
  "=": 838,
  ">": 838,
  "?": 531,
  "~": 838,
  "×": 838,
  "÷": 838,
  "≥": 838,
  "≤": 838,
  "–": 500,
  "—": 1000,
  "“": 518,
  "”": 518,
  "‘": 318,
  "’": 318,
  "†": 500,
  "…": 1000,
  "·": 318,
  a: 613,
  b: 635,
  c: 550,
  d: 635,
  e: 615,
  f: 352,
  g: 635,
  h: 634,
  i: 278,
  j: 278,
  k: 579,
  l: 278,
  m: 974,
  n: 634,
  o: 612,
  p: 635,
  q: 635,
  r: 411,
  s: 521,
  t: 392,
  u: 634,
  v: 592,
  w: 818,
  x: 592,
  y: 592,
  z: 525,
  A: 684,
  B: 686,
  C: 698,
  D: 770,
  E: 632,
  F: 575,
  G: 775,
  H: 752,
  I: 295,
  J: 295,
  K: 656,
  L: 557,
  M: 863,
  N: 748,
  O: 787,
  P: 603,
  Q: 787,
  R: 695,
  S: 635,
  T: 611,
  U: 732,
  V: 684,
  W: 989,
  X: 685,
  Y: 611,
  Z: 685,
};
const DIGIT = 636;
const TEXT_SAFETY = 1.02;
const BOLD_FACTOR = 1.1;

export type FontWeight = "normal" | "bold";

/** Estimated width in px of `text` at `size` px. Deterministic, so layout is testable without a DOM. */
export function textWidth(text: string, size: number, weight: FontWeight = "normal"): number {
  let units = 0;
  for (const ch of text) units += /[0-9]/.test(ch) ? DIGIT : (ADVANCE[ch] ?? 600);
  return (units / 1000) * size * TEXT_SAFETY * (weight === "bold" ? BOLD_FACTOR : 1);
}

/** Greedy word wrap to `maxWidth` px. A single word wider than the line is kept whole. */
export function wrapText(text: string, maxWidth: number, size: number, weight: FontWeight = "normal"): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size, weight) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Word wrap into the same number of lines as a greedy wrap at `maxWidth`, but with
 * lines as even as possible (no lone last word), for short notes and labels.
 */
export function wrapBalanced(text: string, maxWidth: number, size: number, weight: FontWeight = "normal"): string[] {
  const greedy = wrapText(text, maxWidth, size, weight);
  if (greedy.length < 2) return greedy;
  let lo = 0;
  let hi = maxWidth;
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2;
    if (wrapText(text, mid, size, weight).length <= greedy.length) hi = mid;
    else lo = mid;
  }
  return wrapText(text, hi, size, weight);
}
