/**
 * Helpers shared by the charts.
 *
 * The first half is pure layout (text measurement, wrapping, boxes, emphasis): the
 * chart state modules use it and stay free of the DOM, so a layout is a deterministic
 * function of data and width and is tested in Node.
 *
 * The second half is the interaction every chart shares: a focusable mark per number
 * (Enter, Space or click opens the figure's record), and the tooltip it shows on
 * hover or keyboard focus. It is written with createElement so this file stays `.ts`.
 */
import {
  createElement,
  Fragment,
  useCallback,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type ReactElement,
  type SVGProps,
} from "react";
import { textWidth, type FontWeight } from "../format/textMetrics.ts";

// ---------------------------------------------------------------------------
// Pure layout
// ---------------------------------------------------------------------------

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const CHART_WIDTH_MIN = 280;
export const CHART_WIDTH_MAX = 1200;

/** The width a chart lays out at: the frame's width clamped to what the charts support. */
export const clampWidth = (width: number): number =>
  Math.round(Math.min(CHART_WIDTH_MAX, Math.max(CHART_WIDTH_MIN, Number.isFinite(width) ? width : CHART_WIDTH_MIN)));

/** A run of text in one weight; a line is one or more runs. */
export interface TextRun {
  text: string;
  weight: FontWeight;
}

export const runsWidth = (runs: readonly TextRun[], size: number): number =>
  runs.reduce((w, r) => w + textWidth(r.text, size, r.weight), 0);

export const boxesOverlap = (a: Box, b: Box, pad = 0): boolean =>
  a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;

export const unionBox = (boxes: readonly Box[]): Box => {
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
};

export const insideWidth = (b: Box, width: number): boolean => b.x >= -0.5 && b.x + b.width <= width + 0.5;

/** Line height for a font size, in px. */
export const lineHeight = (size: number): number => Math.round(size * 1.3);

/** A positioned line of text; `y` is the baseline. */
export interface TextLine {
  runs: TextRun[];
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  size: number;
  tone: "fg" | "muted";
}

/** The box a text line occupies (ascent ≈ 0.8 em above the baseline, descent ≈ 0.25 em below). */
export function lineBox(line: TextLine): Box {
  const w = runsWidth(line.runs, line.size);
  const x = line.anchor === "start" ? line.x : line.anchor === "end" ? line.x - w : line.x - w / 2;
  return { x, y: line.y - line.size * 0.8, width: w, height: line.size * 1.05 };
}

export const run = (text: string, weight: FontWeight = "normal"): TextRun => ({ text, weight });
export const plain = (line: TextLine): string => line.runs.map((r) => r.text).join("");
/** The text of lines as a reader sees them, one line after another. */
export const shownText = (lines: readonly TextLine[]): string => lines.map(plain).join(" ");

/**
 * Lays out a block of lines horizontally centred on `cx` but kept within [minX, maxX]:
 * a block pushed against an edge is aligned to that edge rather than centred.
 * `bottom` is the y of the last line's descent.
 */
export function placeBlock(
  lines: { runs: TextRun[]; size: number; tone: TextLine["tone"] }[],
  cx: number,
  bottom: number,
  minX: number,
  maxX: number,
): TextLine[] {
  const width = Math.max(...lines.map((l) => runsWidth(l.runs, l.size)));
  let anchor: TextLine["anchor"] = "middle";
  let x = cx;
  if (cx + width / 2 > maxX) {
    anchor = "end";
    x = maxX;
  } else if (cx - width / 2 < minX) {
    anchor = "start";
    x = minX;
  }
  const out: TextLine[] = [];
  let y = bottom;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    y -= l.size * 0.25;
    out.unshift({ ...l, x, y, anchor });
    y -= lineHeight(l.size) - l.size * 0.25;
  }
  return out;
}

/**
 * Emphasis from the `highlight` prop: with no highlight everything is normal; with
 * one, a mark whose ids include a highlighted id is emphasised and the rest dimmed.
 */
export function isDimmed(highlight: readonly string[] | undefined, ids: readonly string[]): boolean {
  if (!highlight || highlight.length === 0) return false;
  return !ids.some((id) => highlight.includes(id));
}

/** Opacity of a dimmed mark: still readable, clearly in the background. */
export const DIMMED_OPACITY = 0.3;

// ---------------------------------------------------------------------------
// Interaction
// ---------------------------------------------------------------------------

/** What a tooltip says: a title and lines of plain text. */
export interface TooltipContent {
  title: string;
  lines: string[];
}

/** A mark's accessible name: what it shows, then whose number it is. */
export const markName = (mark: Pick<ChartMark, "shown" | "what">): string => `${mark.shown}, ${mark.what}`;

/** A focusable mark: one number on the chart, opening one figure record. */
export interface ChartMark {
  /** Unique within the chart. */
  key: string;
  /** The figure record Enter, Space or click opens. */
  figureId: string;
  /**
   * The text the mark shows, as drawn ("≥478", "467 in 2020"). Its accessible name starts
   * with it, so voice-control users can say what they see (WCAG 2.5.3, Label in Name).
   */
  shown: string;
  /** Whose number it is, after the shown text in the accessible name: "Russia, Helicopters". */
  what: string;
  /** The full reading (the accessible description): qualifiers in words, caveats, what activation does. */
  description: string;
  tooltip: TooltipContent;
  /** Where the mark is: for the focus ring and the tooltip's anchor. */
  box: Box;
  dimmed: boolean;
}

export interface ActiveMark {
  key: string;
  /** Keyboard focus (draws the focus ring) rather than pointer hover. */
  focusVisible: boolean;
}

function matchesFocusVisible(el: Element): boolean {
  try {
    return el.matches(":focus-visible");
  } catch {
    return true;
  }
}

/**
 * The hover/focus state of a chart's marks and the props that make an SVG group a
 * button for one figure. Pointer hover and keyboard focus both show the tooltip;
 * only keyboard focus draws the ring (a click moves on to the figure's record).
 */
export function useChartMarks(onOpenFigure: (figureId: string) => void) {
  const [active, setActive] = useState<ActiveMark | null>(null);

  const markProps = useCallback(
    (mark: ChartMark): SVGProps<SVGGElement> & { "data-figure": string } => ({
      tabIndex: 0,
      role: "button",
      "aria-label": markName(mark),
      "aria-description": mark.description,
      "data-figure": mark.figureId,
      style: {
        cursor: "pointer",
        outline: "none",
        opacity: mark.dimmed ? DIMMED_OPACITY : 1,
        transition: "opacity 150ms",
      },
      onClick: () => onOpenFigure(mark.figureId),
      onKeyDown: (e: KeyboardEvent<SVGGElement>) => {
        if (e.key === "Enter" || e.key === " " || e.key === "Spacebar") {
          e.preventDefault();
          onOpenFigure(mark.figureId);
        } else if (e.key === "Escape") {
          setActive(null);
        }
      },
      onFocus: (e: FocusEvent<SVGGElement>) =>
        setActive({ key: mark.key, focusVisible: matchesFocusVisible(e.currentTarget) }),
      onBlur: () => setActive((a) => (a?.key === mark.key ? null : a)),
      onPointerEnter: () => setActive((a) => (a?.focusVisible ? a : { key: mark.key, focusVisible: false })),
      onPointerLeave: () => setActive((a) => (a?.key === mark.key && !a.focusVisible ? null : a)),
    }),
    [onOpenFigure],
  );

  return { active, markProps };
}

/** The focus ring around the active mark, drawn in SVG so it hugs the mark's box. */
export function FocusRing({ box }: { box: Box }): ReactElement {
  return createElement("rect", {
    x: box.x - 4,
    y: box.y - 4,
    width: box.width + 8,
    height: box.height + 8,
    rx: 3,
    "aria-hidden": true,
    style: { fill: "none", stroke: "var(--focus)", strokeWidth: 2.5, pointerEvents: "none" },
  });
}

/** An invisible rectangle over a mark's box, so a click anywhere on it counts, not only on the glyphs. */
export function HitArea({ box }: { box: Box }): ReactElement {
  return createElement("rect", {
    x: box.x - 2,
    y: box.y - 2,
    width: box.width + 4,
    height: box.height + 4,
    "aria-hidden": true,
    style: { fill: "transparent" },
  });
}

const TOOLTIP_MAX = 260;

/** `v` as a percentage of `of`: the chart's SVG scales with its box, so the tooltip is placed in proportions. */
const pct = (v: number, of: number): string => `${Math.round((v / of) * 10000) / 100}%`;

/**
 * The tooltip: an HTML box positioned over the chart's SVG (the wrapper is
 * position:relative and as wide as the scaled SVG). It sits above the mark, or below
 * it when the mark is near the top, and is kept inside the chart's width. It repeats
 * the mark's aria-label for sighted readers, so it is hidden from assistive technology.
 */
export function ChartTooltip({
  mark,
  width,
  height,
}: {
  mark: ChartMark;
  width: number;
  height: number;
}): ReactElement {
  const maxWidth = Math.min(TOOLTIP_MAX, width - 8);
  const cx = mark.box.x + mark.box.width / 2;
  const below = mark.box.y < 90;
  const style: CSSProperties = {
    position: "absolute",
    zIndex: 2,
    maxWidth,
    width: "max-content",
    padding: "6px 9px",
    background: "var(--bg)",
    color: "var(--fg)",
    border: "1px solid var(--rule)",
    borderRadius: 4,
    boxShadow: "0 2px 8px rgb(0 0 0 / 0.18)",
    font: "13px/1.35 var(--font)",
    fontVariantNumeric: "tabular-nums",
    pointerEvents: "none",
  };
  if (below) style.top = pct(Math.min(height, mark.box.y + mark.box.height + 8), height);
  else style.bottom = pct(height - mark.box.y + 8, height);
  // Anchor to whichever side keeps the box inside the chart without measuring it.
  if (cx - maxWidth / 2 < 4) style.left = pct(Math.max(4, Math.min(mark.box.x, width - maxWidth - 4)), width);
  else if (cx + maxWidth / 2 > width - 4) style.right = pct(Math.max(4, width - (mark.box.x + mark.box.width)), width);
  else {
    style.left = pct(cx, width);
    style.transform = "translateX(-50%)";
  }
  return createElement(
    "div",
    { "aria-hidden": true, style, "data-testid": "chart-tooltip" },
    createElement("div", { style: { fontWeight: 700 } }, mark.tooltip.title),
    ...mark.tooltip.lines.map((line, i) =>
      createElement(
        "div",
        { key: i, style: i === mark.tooltip.lines.length - 1 ? { color: "var(--muted)", fontSize: 12 } : undefined },
        line,
      ),
    ),
  );
}

/** Inline style of a text line's tone. Colours come only from the app's CSS variables. */
export const toneFill = (tone: TextLine["tone"]): string => (tone === "muted" ? "var(--muted)" : "var(--fg)");

/**
 * A text line as SVG <text> with bold runs as <tspan>s. `joinNext` ends it with a
 * space (not rendered: SVG drops trailing white space) so that a wrapped block reads
 * as words, not "arrestof", when assistive technology joins the lines.
 */
export function SvgTextLine({
  line,
  halo = false,
  joinNext = false,
}: {
  line: TextLine;
  halo?: boolean;
  joinNext?: boolean;
}): ReactElement {
  const last = line.runs.length - 1;
  return createElement(
    "text",
    {
      x: line.x,
      y: line.y,
      textAnchor: line.anchor,
      style: {
        fontSize: line.size,
        fill: toneFill(line.tone),
        ...(halo ? { stroke: "var(--bg)", strokeWidth: 3, strokeLinejoin: "round", paintOrder: "stroke" } : {}),
      },
    },
    ...line.runs.map((r, i) =>
      createElement(
        "tspan",
        { key: i, style: r.weight === "bold" ? { fontWeight: 700 } : undefined },
        joinNext && i === last ? `${r.text} ` : r.text,
      ),
    ),
  );
}

/**
 * The lines of one block (a wrapped label, a note), read as one run of words: the
 * joining space goes where it cannot move the glyphs (after a start-aligned line,
 * before an end-aligned one).
 */
export function SvgTextLines({ lines, halo = false }: { lines: readonly TextLine[]; halo?: boolean }): ReactElement {
  return createElement(
    Fragment,
    null,
    ...lines.map((line, i) => {
      const endAligned = line.anchor === "end";
      const shown =
        endAligned && i > 0
          ? { ...line, runs: [{ ...line.runs[0]!, text: ` ${line.runs[0]!.text}` }, ...line.runs.slice(1)] }
          : line;
      return createElement(SvgTextLine, { key: i, line: shown, halo, joinNext: !endAligned && i < lines.length - 1 });
    }),
  );
}

/** Root SVG style shared by the charts: laid out at its viewBox, drawn at its box's width. */
export const svgStyle: CSSProperties = {
  display: "block",
  width: "100%",
  height: "auto",
  overflow: "visible",
  fontFamily: "var(--font)",
  fontVariantNumeric: "tabular-nums",
  color: "var(--fg)",
};

/** The positioned wrapper around a chart's SVG, which the tooltip is placed in. */
export const wrapperStyle: CSSProperties = { position: "relative" };

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

/**
 * A numeric table cell, labelled with its column (`label`: the stacked rows of a
 * narrow table show it, src/ui/dataTable.css); with `onOpenFigure`, its text is a
 * button opening the figure record.
 */
export function FigureCell({
  figureId,
  text,
  label,
  onOpenFigure,
  muted = false,
}: {
  figureId: string;
  text: string;
  label: string;
  onOpenFigure?: ((figureId: string) => void) | undefined;
  muted?: boolean;
}): ReactElement {
  return createElement(
    "td",
    { className: muted ? "num muted" : "num", "data-label": label, "data-figure": figureId },
    onOpenFigure
      ? createElement(
          "button",
          { type: "button", className: "link-button", onClick: () => onOpenFigure(figureId) },
          text,
        )
      : text,
  );
}
