/**
 * The border-stop chart as laid-out marks: a pure function of the dataset and a width.
 *
 * Each bar spans its period on a time axis and its height is the period's rate per
 * month, so its area is the period's total: a year and a single month can be
 * compared without reading a twelve-month total against a one-month one. Rates we
 * computed (basis "derived") are flagged so the chart draws them hatched; a rate
 * that is itself a reported figure (a one-month period) is drawn solid.
 */
import { scaleLinear } from "d3-scale";
import { capitalise, formatFigure, formatNumber, marked } from "../../format/formatFigure.ts";
import type { BorderStopsDataset, FigureRef } from "../../schema/datasets.ts";
import {
  boxesOverlap,
  clampWidth,
  isDimmed,
  lineBox,
  lineHeight,
  placeBlock,
  run,
  runsWidth,
  shownText,
  unionBox,
  type Box,
  type ChartMark,
  type TextLine,
  type TextRun,
} from "../chartUtils.ts";
import { textWidth, wrapBalanced, wrapText } from "../../format/textMetrics.ts";

/**
 * Words the chart uses; defaults come from the data's units. Who each bar counts is
 * its own figure's `counts`, as the ledger words it: the yearly bars count Russians
 * "stopped", January 2022's those who "tried to cross".
 */
export interface BorderStopsCopy {
  /** The y axis title. Default: the per-month unit, capitalised ("People per month"). */
  axisTitle: string;
}

export interface BorderStopsOptions {
  /** Chart width in px; clamped to 280..1200. */
  width: number;
  /** Figure ids to emphasise; other bars are dimmed. Default: none (nothing dimmed). */
  highlight?: readonly string[] | undefined;
  copy?: Partial<BorderStopsCopy> | undefined;
}

export interface BorderStopsBar {
  figure: FigureRef;
  perMonth: FigureRef;
  months: number;
  /** The per-month height is our arithmetic (hatched), not a reported figure (solid). */
  derived: boolean;
  /** The drawn rectangle (inset 1 px on each side so neighbouring periods stay apart). */
  rect: Box;
  /** Per-month value above the bar. */
  rateLabel: TextLine[];
  /** The period's total, with its qualifier, under the axis. */
  totalLabel: TextLine[];
  /** A vertical line from the bar down to its total label when that label sits on a lower row. */
  totalLeader: { x: number; y1: number; y2: number } | null;
  /** Opens the period's total; holds the bar and its total label (and the rate label when it is the same figure). */
  totalMark: ChartMark;
  /** Opens the per-month figure; null when that is the total itself (a one-month period). */
  rateMark: ChartMark | null;
  dimmed: boolean;
}

export interface BorderStopsAnnotation {
  figureId: string;
  lines: TextLine[];
  /** Leader line from the note to the bar; null when the note had to go under the chart as a footnote. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

export interface BorderStopsKeyItem {
  kind: "derived" | "reported";
  swatch: Box;
  lines: TextLine[];
}

export interface BorderStopsLayout {
  width: number;
  height: number;
  /** Narrow layout: smaller type, plot height at its minimum. */
  narrow: boolean;
  plot: Box;
  key: BorderStopsKeyItem[];
  axisTitle: TextLine;
  yTicks: { value: number; y: number; label: TextLine }[];
  /** x of each period boundary on the time axis (short ticks under the baseline). */
  boundaries: number[];
  bars: BorderStopsBar[];
  annotations: BorderStopsAnnotation[];
  /** Every focusable mark, in reading (tab) order. */
  marks: ChartMark[];
  /** Per-month scale: value → y. */
  y: (value: number) => number;
}

/** Below this width the chart uses its narrow layout. */
export const NARROW_BELOW = 560;
/** Minimum drawn width of a bar, px: a one-month period stays visible and clickable at 280 px. */
export const MIN_BAR_WIDTH = 10;

const monthIndex = (iso: string): number => {
  const [y, m] = iso.split("-").map(Number);
  return (y ?? 0) * 12 + ((m ?? 1) - 1);
};

/** "a year", "one month", "3 months". */
export const periodLength = (months: number): string =>
  months === 12
    ? "a year"
    : months === 1
      ? "one month"
      : months % 12 === 0
        ? `${months / 12} years`
        : `${months} months`;

/** The period as a phrase after "in": "2021", "January 2022". */
const inPeriod = (f: FigureRef): string => f.period;

/** "~781 a month" for a derived rate, "1,028 in one month" for a reported one-month figure. */
export function rateText(bar: { perMonth: FigureRef; months: number }, compact = true): string {
  const v = marked(formatFigure(bar.perMonth, { compact, unit: false }), bar.perMonth);
  return bar.perMonth.basis === "derived" || bar.months !== 1 ? `${v} a month` : `${v} in one month`;
}

/** "9,376 in 2021", "more than 194,000 in …": the total with its qualifier, in words. */
export const totalText = (f: FigureRef): string => `${formatFigure(f, { unit: false })} in ${inPeriod(f)}`;

/**
 * Horizontal positions of the bars: time is linear, except that a period narrower
 * than MIN_BAR_WIDTH is widened to it and the others share what is left, so the
 * chart never overflows its width.
 */
function layoutX(bars: BorderStopsDataset["bars"], x0: number, x1: number): { start: number; end: number }[] {
  const starts = bars.map((b) => monthIndex(b.periodStart));
  const domainStart = Math.min(...starts);
  const domainEnd = Math.max(...bars.map((b, i) => starts[i]! + b.months));
  const total = domainEnd - domainStart;
  const span = x1 - x0;
  // Bars too narrow at the plain scale get MIN_BAR_WIDTH; iterate because shrinking the rest may push another under.
  const widened = new Set<number>();
  let perMonth = span / total;
  for (let guard = 0; guard < bars.length; guard++) {
    let changed = false;
    bars.forEach((b, i) => {
      if (!widened.has(i) && b.months * perMonth < MIN_BAR_WIDTH) {
        widened.add(i);
        changed = true;
      }
    });
    const fixedMonths = [...widened].reduce((s, i) => s + bars[i]!.months, 0);
    perMonth = (span - widened.size * MIN_BAR_WIDTH) / (total - fixedMonths);
    if (!changed) break;
  }
  // Walk the time axis; gaps between periods scale like months.
  const order = bars.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]!);
  const out: { start: number; end: number }[] = new Array(bars.length);
  let cursor = x0;
  let month = domainStart;
  for (const i of order) {
    cursor += (starts[i]! - month) * perMonth;
    const w = widened.has(i) ? MIN_BAR_WIDTH : bars[i]!.months * perMonth;
    out[i] = { start: cursor, end: cursor + w };
    cursor += w;
    month = starts[i]! + bars[i]!.months;
  }
  return out;
}

/** Where a bar's total label sits: its row under the baseline, its text, its x (settled once every label is placed). */
interface TotalLabel {
  row: number;
  runs: TextRun[];
  x: () => number;
}

/** The key (top): one item per kind of bar present, wrapped to the width. */
function layoutKey(
  data: BorderStopsDataset,
  width: number,
  small: number,
): { key: BorderStopsKeyItem[]; keyBottom: number } {
  const key: BorderStopsKeyItem[] = [];
  const kinds = new Set(data.bars.map((b) => (b.perMonth.basis === "derived" ? "derived" : "reported")));
  const derivedFromYears = data.bars.filter((b) => b.perMonth.basis === "derived").every((b) => b.months === 12);
  const keyTexts: Record<"derived" | "reported", string> = {
    derived: `Average per month, calculated by us from ${derivedFromYears ? "a yearly" : "the period’s"} total`,
    reported: "Reported for a single month",
  };
  const swatchW = 16;
  const swatchH = 11;
  let kx = 0;
  let ky = 0; // top of the current key row
  let keyBottom = 0;
  for (const kind of ["derived", "reported"] as const) {
    if (!kinds.has(kind)) continue;
    const text = keyTexts[kind];
    const full = swatchW + 6 + textWidth(text, small);
    if (kx > 0 && kx + full > width) {
      kx = 0;
      ky = keyBottom + 4;
    }
    const wrapped = wrapText(text, width - kx - swatchW - 6, small);
    const lines: TextLine[] = wrapped.map((t, i) => ({
      runs: [run(t)],
      x: kx + swatchW + 6,
      y: ky + small + i * lineHeight(small) - 1,
      anchor: "start",
      size: small,
      tone: "fg",
    }));
    key.push({ kind, swatch: { x: kx, y: ky + 2, width: swatchW, height: swatchH }, lines });
    keyBottom = Math.max(keyBottom, ky + wrapped.length * lineHeight(small));
    kx += swatchW + 6 + Math.max(...wrapped.map((t) => textWidth(t, small))) + 20;
  }
  return { key, keyBottom };
}

/**
 * Each bar's rate label (its number a month, and "our calculation" or "as reported"),
 * in plot coordinates: above its bar, between the taller neighbours, lifted clear of
 * labels placed before it (the tallest bars' first).
 */
function layoutRateLabels(
  data: BorderStopsDataset,
  xs: readonly { start: number; end: number }[],
  y: (value: number) => number,
  {
    left,
    width,
    plotHeight,
    fs,
    small,
    narrow,
  }: { left: number; width: number; plotHeight: number; fs: number; small: number; narrow: boolean },
): Map<number, TextLine[]> {
  const placed: Box[] = []; // rate labels placed so far, for collision avoidance
  const barOrder = data.bars
    .map((_, i) => i)
    .sort((a, b) => (data.bars[b]!.perMonth.value ?? 0) - (data.bars[a]!.perMonth.value ?? 0));
  const rateLabels = new Map<number, TextLine[]>();
  const barTops = data.bars.map((b) => y(b.perMonth.value ?? 0));
  for (const i of barOrder) {
    const b = data.bars[i]!;
    const { start, end } = xs[i]!;
    const derived = b.perMonth.basis === "derived";
    const lineSpecs = [
      { runs: [run(rateText(b), "bold")], size: fs, tone: "fg" as const },
      {
        runs: [run(derived ? (narrow ? "our calculation" : "average, our calculation") : "as reported")],
        size: small,
        tone: "muted" as const,
      },
    ];
    // Keep the label between the neighbouring bars that rise above it, else lift it above them.
    const place = (bottom: number) => {
      const walls = data.bars.map((_, j) => j).filter((j) => j !== i && barTops[j]! < bottom + 2);
      const minX = Math.max(left, ...walls.filter((j) => xs[j]!.end <= start + 0.5).map((j) => xs[j]!.end + 3));
      const maxX = Math.min(width, ...walls.filter((j) => xs[j]!.start >= end - 0.5).map((j) => xs[j]!.start - 3));
      const blockW = Math.max(...lineSpecs.map((l) => runsWidth(l.runs, l.size)));
      return blockW <= maxX - minX
        ? placeBlock(lineSpecs, (start + end) / 2, bottom, minX, maxX)
        : placeBlock(lineSpecs, (start + end) / 2, bottom, left, width);
    };
    let bottom = barTops[i]! - 5;
    let lines = place(bottom);
    for (let guard = 0; guard < 20; guard++) {
      const box = unionBox(lines.map(lineBox));
      const hit =
        placed.find((p) => boxesOverlap(box, p, 2)) ??
        data.bars
          .map((_, j) => j)
          .filter((j) => j !== i)
          .map((j) => ({ x: xs[j]!.start, y: barTops[j]!, width: xs[j]!.end - xs[j]!.start, height: plotHeight }))
          .find((r) => boxesOverlap(box, r, 1));
      if (!hit) break;
      bottom = Math.min(bottom - 1, hit.y - 4);
      lines = place(bottom);
    }
    placed.push(unionBox(lines.map(lineBox)));
    rateLabels.set(i, lines);
  }
  return rateLabels;
}

/**
 * The total labels under the baseline, centred on their bars. When two collide, the
 * earlier one slides left within its own bar's span; failing that, the later one
 * drops to a new row. A label that mostly sits outside its own (narrow) bar would
 * be read as the neighbour's, so it starts on the second row, with a leader line
 * up to its bar.
 */
function layoutTotalLabels(
  data: BorderStopsDataset,
  xs: readonly { start: number; end: number }[],
  width: number,
  fs: number,
): Map<number, TotalLabel> {
  const GAP = 12;
  interface Placed {
    i: number;
    x: number;
    w: number;
    minX: number;
  }
  const totalRows: Placed[][] = [];
  const totalLabels = new Map<number, TotalLabel>();
  const byX = data.bars.map((_, i) => i).sort((a, b) => xs[a]!.start - xs[b]!.start);
  const totalRuns = (i: number): TextRun[] => {
    const f = data.bars[i]!.figure;
    return [run(marked(formatFigure(f, { unit: false }), f), "bold"), run(` in ${inPeriod(f)}`)];
  };
  const outside = (i: number) => xs[i]!.end - xs[i]!.start < runsWidth(totalRuns(i), fs) / 2;
  const anyInside = byX.some((i) => !outside(i));
  for (const i of byX) {
    const { start, end } = xs[i]!;
    const runs = totalRuns(i);
    const w = runsWidth(runs, fs);
    const x = Math.min(Math.max(0, (start + end) / 2 - w / 2), width - w);
    const label: Placed = { i, x, w, minX: Math.max(0, Math.min(start, x)) };
    for (let row = outside(i) && anyInside ? 1 : 0; ; row++) {
      const placedRow = (totalRows[row] ??= []);
      const last = placedRow.at(-1);
      if (!last || last.x + last.w + GAP <= label.x) {
        placedRow.push(label);
        totalLabels.set(i, { row, runs, x: () => label.x });
        break;
      }
      const before = placedRow.at(-2);
      const need = last.x + last.w + GAP - label.x;
      const floor = Math.max(last.minX, before ? before.x + before.w + GAP : 0);
      if (last.x - need >= floor) {
        last.x -= need;
        placedRow.push(label);
        totalLabels.set(i, { row, runs, x: () => label.x });
        break;
      }
    }
  }
  return totalLabels;
}

/** A bar's marks: its total (which opens the reported figure) and, where it is ours, its rate a month (which opens the calculation). */
function barMarks(
  b: BorderStopsDataset["bars"][number],
  rect: Box,
  rateLabel: TextLine[],
  totalLabel: TextLine[],
  highlight: BorderStopsOptions["highlight"],
): { totalMark: ChartMark; rateMark: ChartMark | null; dimmed: boolean } {
  const derived = b.perMonth.basis === "derived";
  const dimmed = isDimmed(highlight, [b.figure.id, b.perMonth.id]);
  const sameFigure = b.perMonth.id === b.figure.id;
  const rateWords = formatFigure(b.perMonth, { unit: false });
  const totalWords = formatFigure(b.figure, { unit: false });
  const period = capitalise(b.figure.period);
  const perMonthPhrase = derived
    ? `${rateWords} a month on average (our calculation)`
    : `${rateWords} in ${periodLength(b.months)}, as reported`;
  const totalMark: ChartMark = {
    key: `total-${b.figure.id}`,
    figureId: b.figure.id,
    shown: shownText([...totalLabel, ...(sameFigure ? rateLabel : [])]),
    what: b.figure.counts,
    description: sameFigure
      ? `${period}: ${totalWords} ${b.figure.counts} in ${periodLength(b.months)}, as reported. Open its source.`
      : `${period}: ${totalWords} ${b.figure.counts}, ${perMonthPhrase}. Open its source.`,
    tooltip: {
      title: period,
      lines: [
        `${capitalise(totalWords)} ${b.figure.counts} in ${periodLength(b.months)}`,
        ...(sameFigure
          ? ["The figure as reported"]
          : [`${capitalise(rateWords)} a month on average (our calculation)`]),
        "Click or press Enter for the source",
      ],
    },
    box: unionBox([rect, ...totalLabel.map(lineBox), ...(sameFigure ? rateLabel.map(lineBox) : [])]),
    dimmed,
  };
  const rateMark: ChartMark | null = sameFigure
    ? null
    : {
        key: `rate-${b.perMonth.id}`,
        figureId: b.perMonth.id,
        shown: shownText(rateLabel),
        what: `${period}, ${derived ? "average per month" : "per month"}`,
        description: `${period}: ${perMonthPhrase}, from ${totalWords} over ${b.months} months. Open the calculation.`,
        tooltip: {
          title: `${period}: ${rateWords} a month`,
          lines: [
            derived ? `Our calculation: ${totalWords} ÷ ${b.months} months` : "As reported",
            "Click or press Enter for the calculation and its source",
          ],
        },
        box: unionBox(rateLabel.map(lineBox)),
        dimmed,
      };
  return { totalMark, rateMark, dimmed };
}

export function borderStopsLayout(data: BorderStopsDataset, options: BorderStopsOptions): BorderStopsLayout {
  const width = clampWidth(options.width);
  const narrow = width < NARROW_BELOW;
  const fs = narrow ? 12 : 13; // label size
  const small = 12; // ticks, key, secondary lines
  const copy: BorderStopsCopy = {
    axisTitle: capitalise(data.bars[0]?.perMonth.unit ?? "per month"),
    ...options.copy,
  };

  const { key, keyBottom } = layoutKey(data, width, small);

  // --- Y scale and left margin.
  const maxRate = Math.max(...data.bars.map((b) => b.perMonth.value ?? 0), 1);
  const plotHeight = Math.round(Math.min(300, Math.max(180, width * 0.32)));
  const y = scaleLinear().domain([0, maxRate]).nice(5).range([plotHeight, 0]);
  const tickValues = y.ticks(5);
  const tickLabels = tickValues.map((v) => formatNumber(v));
  const left = Math.ceil(Math.max(...tickLabels.map((t) => textWidth(t, small)))) + 8;
  const right = width - 2;

  // --- Bars, in plot coordinates (y = 0 is the top of the plot) for now; shifted below.
  const xs = layoutX(data.bars, left, right);
  const bars: BorderStopsBar[] = [];
  const rateLabels = layoutRateLabels(data, xs, (v) => y(v), { left, width, plotHeight, fs, small, narrow });

  const rowH = lineHeight(fs);
  const totalLabels = layoutTotalLabels(data, xs, width, fs);

  // --- Vertical stack: key, axis title, (labels that rise above the plot), plot, totals.
  const titleTop = key.length ? keyBottom + 14 : 0;
  const axisTitleBaseline = titleTop + small;
  const topOfLabels = Math.min(
    0,
    ...[...rateLabels.values()].flat().map((l) => lineBox(l).y),
    y(tickValues.at(-1) ?? 0) - small,
  );
  const plotTop = axisTitleBaseline + 10 - topOfLabels;
  const plot: Box = { x: left, y: plotTop, width: right - left, height: plotHeight };
  const shift = (l: TextLine): TextLine => ({ ...l, y: l.y + plotTop });
  const baseline = plotTop + plotHeight;

  const axisTitle: TextLine = {
    runs: [run(copy.axisTitle)],
    x: 0,
    y: axisTitleBaseline,
    anchor: "start",
    size: small,
    tone: "muted",
  };
  const yTicks = tickValues.map((value, i) => ({
    value,
    y: plotTop + y(value),
    label: {
      runs: [run(tickLabels[i]!)],
      x: left - 6,
      y: plotTop + y(value) + small * 0.35,
      anchor: "end",
      size: small,
      tone: "muted",
    } as TextLine,
  }));

  const boundaries = [...new Set(xs.flatMap((x) => [x.start, x.end]).map((v) => Math.round(v * 10) / 10))].sort(
    (a, b) => a - b,
  );

  for (let i = 0; i < data.bars.length; i++) {
    const b = data.bars[i]!;
    const { start, end } = xs[i]!;
    const top = plotTop + y(b.perMonth.value ?? 0);
    const rect: Box = {
      x: start + 1,
      y: top,
      width: Math.max(MIN_BAR_WIDTH - 2, end - start - 2),
      height: baseline - top,
    };
    const derived = b.perMonth.basis === "derived";
    const rateLabel = rateLabels.get(i)!.map(shift);
    const t = totalLabels.get(i)!;
    const totalLabel: TextLine[] = [
      { runs: t.runs, x: t.x(), y: baseline + 8 + fs + t.row * rowH, anchor: "start", size: fs, tone: "fg" },
    ];
    // A label pushed to a lower row gets a short line up to its bar, so it is not read as the bar above it.
    const labelBox = lineBox(totalLabel[0]!);
    const cx = rect.x + rect.width / 2;
    const totalLeader =
      t.row > 0 && cx >= labelBox.x && cx <= labelBox.x + labelBox.width
        ? { x: cx, y1: baseline + 7, y2: labelBox.y - 2 }
        : null;
    const { totalMark, rateMark, dimmed } = barMarks(b, rect, rateLabel, totalLabel, options.highlight);
    bars.push({
      figure: b.figure,
      perMonth: b.perMonth,
      months: b.months,
      derived,
      rect,
      rateLabel,
      totalLabel,
      totalLeader,
      totalMark,
      rateMark,
      dimmed,
    });
  }

  // --- Annotations: a short note beside its bar with a leader line, placed where it collides with nothing.
  const obstacles: Box[] = [
    ...bars.flatMap((b) => [b.rect, ...b.rateLabel.map(lineBox), ...b.totalLabel.map(lineBox)]),
    lineBox(axisTitle),
    ...key.flatMap((k) => [k.swatch, ...k.lines.map(lineBox)]),
  ];
  const annotations: BorderStopsAnnotation[] = [];
  const contentBottom = () => Math.max(baseline + 8, ...obstacles.map((o) => o.y + o.height));
  for (const a of data.annotations) {
    const bar = bars.find((b) => b.figure.id === a.figure || b.perMonth.id === a.figure);
    if (!bar) continue;
    const note =
      placeAnnotation(a.text, bar, plot, width, small, obstacles) ??
      footnote(`${capitalise(bar.figure.period)}: ${a.text}`, contentBottom() + 10, width, small);
    annotations.push({ figureId: a.figure, ...note });
    obstacles.push(unionBox(note.lines.map(lineBox)));
  }

  const height = Math.ceil(contentBottom() + 4);

  const marks: ChartMark[] = [...bars]
    .sort((a, b) => a.rect.x - b.rect.x)
    .flatMap((b) => (b.rateMark ? [b.totalMark, b.rateMark] : [b.totalMark]));

  return {
    width,
    height,
    narrow,
    plot,
    key,
    axisTitle,
    yTicks,
    boundaries,
    bars,
    annotations,
    marks,
    y: (v) => plotTop + y(v),
  };
}

/** A note that fits nowhere beside its bar goes under the chart, naming its period. */
function footnote(text: string, top: number, width: number, size: number): Omit<BorderStopsAnnotation, "figureId"> {
  const lines: TextLine[] = wrapText(text, width, size).map((t, i) => ({
    runs: [run(t)],
    x: 0,
    y: top + size + i * lineHeight(size),
    anchor: "start",
    size,
    tone: "fg",
  }));
  return { lines, leader: null };
}

/** Tries beside the bar (left, then right), then above the plot's content; returns null if nothing fits. */
function placeAnnotation(
  text: string,
  bar: BorderStopsBar,
  plot: Box,
  width: number,
  size: number,
  obstacles: readonly Box[],
): Omit<BorderStopsAnnotation, "figureId"> | null {
  const gap = 14;
  const lh = lineHeight(size);
  const targetY = bar.rect.y + Math.min(14, bar.rect.height / 2);
  const sides = [
    { side: "left" as const, room: bar.rect.x - plot.x - gap - 4 },
    { side: "right" as const, room: plot.x + plot.width - (bar.rect.x + bar.rect.width) - gap - 4 },
  ];
  for (const { side, room } of sides) {
    if (room < 70) continue;
    const lines = wrapBalanced(text, Math.min(room, 240), size);
    const blockH = lines.length * lh;
    const edge = side === "left" ? bar.rect.x - gap : bar.rect.x + bar.rect.width + gap;
    // Centre the note on the target, then try moving it up or down in small steps.
    for (const dy of [0, -8, 8, -16, 16, -24, 24, -32, 32, -40, 40, -48, 48]) {
      const top = targetY - blockH / 2 + dy;
      if (top < plot.y - 4 || top + blockH > plot.y + plot.height - 2) continue;
      const textLines: TextLine[] = lines.map((t, i) => ({
        runs: [run(t)],
        x: edge,
        y: top + size + i * lh - 2,
        anchor: side === "left" ? "end" : "start",
        size,
        tone: "fg",
      }));
      const box = unionBox(textLines.map(lineBox));
      if (obstacles.some((o) => boxesOverlap(box, o, 3))) continue;
      const midY = box.y + box.height / 2;
      const x1 = side === "left" ? box.x + box.width + 4 : box.x - 4;
      const x2 = side === "left" ? bar.rect.x - 1 : bar.rect.x + bar.rect.width + 1;
      return { lines: textLines, leader: { x1, y1: midY, x2, y2: targetY } };
    }
  }
  // Fallback: above the bar's per-month label, with a short vertical leader.
  const label = unionBox(bar.rateLabel.map(lineBox));
  const lines = wrapText(text, Math.min(width, 220), size);
  const bottom = label.y - 10;
  const block = placeBlock(
    lines.map((t) => ({ runs: [run(t)], size, tone: "fg" as const })),
    bar.rect.x + bar.rect.width / 2,
    bottom,
    0,
    width,
  );
  const box = unionBox(block.map(lineBox));
  if (box.y < 0 || obstacles.some((o) => boxesOverlap(box, o, 2))) return null;
  const cx = Math.min(Math.max(bar.rect.x + bar.rect.width / 2, box.x + 4), box.x + box.width - 4);
  return { lines: block, leader: { x1: cx, y1: box.y + box.height + 2, x2: cx, y2: label.y - 2 } };
}
