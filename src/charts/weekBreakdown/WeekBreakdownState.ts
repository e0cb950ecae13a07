/**
 * The week breakdown as laid-out marks: one bar per place on a shared linear scale,
 * longest first, and the reported total stated in words with its qualifier (never
 * drawn as a bar: "more than 194,000" has no length).
 */
import { scaleLinear } from "d3-scale";
import { capitalise, formatFigure, marked } from "../../format/formatFigure.ts";
import type { FigureRef, WeekBreakdownDataset } from "../../schema/datasets.ts";
import {
  clampWidth,
  isDimmed,
  lineBox,
  lineHeight,
  plain,
  run,
  shownText,
  unionBox,
  type Box,
  type ChartMark,
  type TextLine,
} from "../chartUtils.ts";
import { textWidth, wrapText } from "../../format/textMetrics.ts";

export interface WeekBreakdownOptions {
  /** Chart width in px; clamped to 280..1200. */
  width: number;
  /** Figure ids to emphasise; the other bars are dimmed. Default: none. */
  highlight?: readonly string[] | undefined;
}

export interface WeekBreakdownBar {
  place: string;
  figure: FigureRef;
  /** Null when the value is missing: then only the label says so. */
  rect: Box | null;
  label: TextLine[];
  value: TextLine;
  mark: ChartMark;
}

export interface WeekBreakdownLayout {
  width: number;
  height: number;
  narrow: boolean;
  bars: WeekBreakdownBar[];
  /** The rule above the total, and the total stated in words. */
  total: { rule: { x1: number; x2: number; y: number }; lines: TextLine[]; mark: ChartMark };
  /** Every focusable mark in reading (tab) order. */
  marks: ChartMark[];
}

/** Below this width, place names go above their bars. */
export const NARROW_BELOW = 520;
/** Longest bar, px. */
const MAX_BAR = 600;

/** "more than 194,000 in all". */
export const totalPhrase = (total: FigureRef): string => `${formatFigure(total, { unit: false })} in all`;

export function weekBreakdownLayout(data: WeekBreakdownDataset, options: WeekBreakdownOptions): WeekBreakdownLayout {
  const width = clampWidth(options.width);
  const narrow = width < NARROW_BELOW;
  const fs = narrow ? 12 : 13;
  const valueSize = 13;
  const barH = narrow ? 16 : 20;
  const parts = [...data.parts].sort((a, b) => (b.figure.value ?? -1) - (a.figure.value ?? -1));
  const valueText = (f: FigureRef) => marked(formatFigure(f, { compact: true }), f);
  const valueW = Math.max(...parts.map((p) => textWidth(valueText(p.figure), valueSize, "bold")));
  const labelW = narrow
    ? 0
    : Math.min(Math.max(...parts.map((p) => textWidth(p.place, fs))) + 16, Math.round(width * 0.3));
  const x0 = labelW;
  const barMax = Math.min(width - x0 - valueW - 8, MAX_BAR);
  const contentRight = narrow ? width : Math.min(width, Math.ceil(x0 + barMax + valueW + 8));
  const max = Math.max(...parts.map((p) => p.figure.value ?? 0), 1);
  const x = scaleLinear().domain([0, max]).range([0, barMax]);

  let y = 0;
  const bars: WeekBreakdownBar[] = parts.map((p) => {
    const f = p.figure;
    const labelLines = wrapText(p.place, narrow ? width : labelW - 12, fs);
    let barTop: number;
    let label: TextLine[];
    if (narrow) {
      label = labelLines.map((t, i) => ({
        runs: [run(t)],
        x: 0,
        y: y + fs + i * lineHeight(fs),
        anchor: "start",
        size: fs,
        tone: "fg",
      }));
      barTop = y + labelLines.length * lineHeight(fs) + 3;
    } else {
      barTop = y;
      label = labelLines.map((t, i) => ({
        runs: [run(t)],
        x: 0,
        y: barTop + barH / 2 - ((labelLines.length - 1) * lineHeight(fs)) / 2 + i * lineHeight(fs) + fs * 0.35,
        anchor: "start",
        size: fs,
        tone: "fg",
      }));
    }
    const w = f.value === null ? 0 : Math.max(f.value > 0 ? 1 : 0, x(f.value));
    const rect = f.value === null ? null : { x: x0, y: barTop, width: w, height: barH };
    const value: TextLine = {
      runs: [run(valueText(f), f.value === null ? "normal" : "bold")],
      x: x0 + w + (f.value === null ? 0 : 6),
      y: barTop + barH / 2 + valueSize * 0.35,
      anchor: "start",
      size: valueSize,
      tone: f.value === null ? "muted" : "fg",
    };
    y = barTop + barH + (narrow ? 12 : 10);
    const mark: ChartMark = {
      key: f.id,
      figureId: f.id,
      shown: plain(value),
      what: p.place,
      description: `${p.place}: ${formatFigure(f, { unit: false })} ${f.value === null ? "" : `${f.unit}, `}${f.period}. Open its ${f.value === null ? "record" : "source"}.`,
      tooltip: {
        title: p.place,
        lines: [
          f.value === null ? "Not reported" : `${capitalise(formatFigure(f, { unit: false }))} ${f.unit}`,
          f.period,
          "Click or press Enter for the source",
        ],
      },
      box: unionBox([...(rect ? [rect] : []), lineBox(value)]),
      dimmed: isDimmed(options.highlight, [f.id]),
    };
    return { place: p.place, figure: f, rect, label, value, mark };
  });

  // The total: stated, not drawn, so its qualifier can never be lost to a bar length.
  const ruleY = y + 2;
  const t = data.total;
  const totalSize = narrow ? 13 : 14;
  const lines: TextLine[] = [
    {
      runs: [run(marked(capitalise(formatFigure(t, { unit: false })), t), "bold"), run(" in all")],
      x: 0,
      y: ruleY + 8 + totalSize,
      anchor: "start",
      size: totalSize,
      tone: "fg",
    },
  ];
  const totalMark: ChartMark = {
    key: t.id,
    figureId: t.id,
    shown: shownText(lines),
    what: "the week's total",
    description: `In all: ${formatFigure(t, { unit: false })} ${t.unit}, ${t.period}. Open its source.`,
    tooltip: {
      title: "In all",
      lines: [
        `${capitalise(formatFigure(t, { unit: false }))} ${t.unit}`,
        t.period,
        "Click or press Enter for the source",
      ],
    },
    box: unionBox(lines.map(lineBox)),
    dimmed: isDimmed(options.highlight, [t.id]),
  };
  const height = Math.ceil(Math.max(...lines.map((l) => lineBox(l).y + lineBox(l).height)) + 4);
  return {
    width,
    height,
    narrow,
    bars,
    total: { rule: { x1: 0, x2: contentRight, y: ruleY }, lines, mark: totalMark },
    marks: [...bars.map((b) => b.mark), totalMark],
  };
}
