/**
 * The force comparison as laid-out marks: a pure function of the dataset and a width.
 *
 * One row per category, two bars on the row's own linear scale (0 to the larger of
 * the two), so a row shows the proportion between the sides, not absolute size
 * across rows. A missing value is an outlined "not reported" box with no length; a
 * zero has no bar and no ratio; a ratio we computed is marked as our arithmetic,
 * one the article states is labelled "as reported". A caveat's marker follows the
 * numbers it qualifies; its text is a note under the graphic (src/ui/Notes.tsx).
 */
import { scaleLinear } from "d3-scale";
import { capitalise, formatFigure, marked } from "../../format/formatFigure.ts";
import type { FigureRef, ForceRatio, ForcesDataset } from "../../schema/datasets.ts";
import {
  clampWidth,
  isDimmed,
  lineBox,
  lineHeight,
  plain,
  run,
  runsWidth,
  shownText,
  unionBox,
  type Box,
  type ChartMark,
  type TextLine,
  type TextRun,
} from "../chartUtils.ts";
import { textWidth, wrapText } from "../../format/textMetrics.ts";

export interface ForcesOptions {
  /** Chart width in px; clamped to 280..1200. */
  width: number;
  /** Group, category or figure ids to emphasise; other rows are dimmed. Default: none. */
  highlight?: readonly string[] | undefined;
}

type Category = ForcesDataset["groups"][number]["categories"][number];

export interface ForcesBar {
  side: 0 | 1;
  figure: FigureRef;
  /** bar: a value drawn to scale; missing: an outlined box of fixed size, not a length; zero: nothing drawn. */
  kind: "bar" | "missing" | "zero";
  rect: Box;
  /** The value with its qualifier ("~900,000"), or "not reported" inside a missing box. */
  label: TextLine;
  mark: ChartMark;
}

export interface ForcesRow {
  category: Category;
  groupId: string;
  label: TextLine[];
  /** The row's zero line. */
  axis: { x: number; y1: number; y2: number };
  a: ForcesBar;
  b: ForcesBar;
  ratio: { lines: TextLine[]; mark: ChartMark | null };
  dimmed: boolean;
}

export interface ForcesGroup {
  id: string;
  heading: TextLine;
  rule: { x1: number; x2: number; y: number };
}

export interface ForcesLegendItem {
  kind: "a" | "b" | "missing";
  swatch: Box;
  line: TextLine;
}

export interface ForcesLayout {
  width: number;
  height: number;
  narrow: boolean;
  legend: { items: ForcesLegendItem[]; note: TextLine[] };
  groups: ForcesGroup[];
  rows: ForcesRow[];
  /** Every focusable mark in reading (tab) order: per row, side a, side b, ratio. */
  marks: ChartMark[];
}

/** Below this width, labels go above the bars and the ratio beside the label. */
export const NARROW_BELOW = 600;
export const BAR_HEIGHT = 14;
const PAIR_GAP = 3;
const MISSING_TEXT = "not reported";
const MISSING_SIZE = 11;
/** Longest bar, px: beyond this a wide chart's rows get hard to read across. */
const MAX_BAR = 600;

/** The marker of a row's caveat, as the notes under the chart print it ("*", "†"); "" when none. */
export const caveatMarker = (c: Category): string => (c.caveat ? (c.a.marker ?? c.b.marker ?? "*") : "");

const ratioWords = (r: ForceRatio): string =>
  formatFigure({ value: r.value, qualifier: r.qualifier, unit: "ratio" }, { unit: false });

/** What the ratio column shows for a category, as text runs (bold number, muted words). */
export function ratioRuns(c: Category): { runs: TextRun[]; sub: string | null; tone: "fg" | "muted" } {
  if (c.ratio) {
    const text =
      formatFigure({ value: c.ratio.value, qualifier: c.ratio.qualifier, unit: "ratio" }, { compact: true }) +
      caveatMarker(c);
    return { runs: [run(text, "bold")], sub: c.ratio.basis === "reported" ? "as reported" : null, tone: "fg" };
  }
  if (c.a.value !== null && c.b.value === 0)
    return { runs: [run(`${formatFigure(c.a, { compact: true })} vs none`)], sub: null, tone: "fg" };
  if (c.b.value !== null && c.a.value === 0)
    return { runs: [run(`none vs ${formatFigure(c.b, { compact: true })}`)], sub: null, tone: "fg" };
  if (!c.comparable) return { runs: [run("not comparable")], sub: null, tone: "muted" };
  return { runs: [run("no ratio")], sub: null, tone: "muted" };
}

/** The ratio's full reading: what it means and whose arithmetic it is. */
export function ratioSentence(c: Category, sides: readonly [string, string]): string {
  const [a, b] = sides;
  if (c.ratio) {
    const how =
      c.ratio.basis === "derived"
        ? `our arithmetic: ${c.ratio.explanation.replace(/^Our arithmetic:\s*/i, "")}`
        : "as the article reports it";
    return `${a} has ${ratioWords(c.ratio)} times as many as ${b} (${how}).`;
  }
  if (c.b.value === 0 && c.a.value !== null)
    return `No ratio: ${b} has none and ${a} has ${formatFigure(c.a, { unit: false })}.`;
  if (c.a.value === 0 && c.b.value !== null)
    return `No ratio: ${a} has none and ${b} has ${formatFigure(c.b, { unit: false })}.`;
  if (!c.comparable) return `No ratio: ${c.a.counts} and ${c.b.counts} may not count the same thing.`;
  return `No ratio: ${c.a.value === null ? a : b}'s figure is not reported.`;
}

/** The value beside a bar, in px type VALUE_SIZE. */
const VALUE_SIZE = 12;
export const forceValueText = (f: FigureRef) => marked(formatFigure(f, { compact: true }), f);

/** The legend: the two sides and the missing-value outline, then how ratios are made. */
export function layoutLegend(
  data: ForcesDataset,
  width: number,
  small: number,
): { items: ForcesLegendItem[]; note: TextLine[]; bottom: number } {
  const legendItems: ForcesLegendItem[] = [];
  const categories = data.groups.flatMap((g) => g.categories);
  const sides = data.sides;
  const hasMissing = categories.some((c) => c.a.value === null || c.b.value === null);
  const legendDefs: { kind: ForcesLegendItem["kind"]; text: string }[] = [
    { kind: "a", text: sides[0] },
    { kind: "b", text: sides[1] },
    ...(hasMissing ? [{ kind: "missing" as const, text: "Not reported" }] : []),
  ];
  let lx = 0;
  let ly = 0;
  for (const d of legendDefs) {
    const w = 14 + 6 + textWidth(d.text, small);
    if (lx > 0 && lx + w > width) {
      lx = 0;
      ly += lineHeight(small) + 4;
    }
    legendItems.push({
      kind: d.kind,
      // Centred on the text's x-height: 2 px down at the page's 12 px.
      swatch: { x: lx, y: ly + 2 + (small - 12) / 2, width: 14, height: 11 },
      line: { runs: [run(d.text)], x: lx + 20, y: ly + small, anchor: "start", size: small, tone: "fg" },
    });
    lx += w + 18;
  }
  const hasDerived = categories.some((c) => c.ratio?.basis === "derived");
  const hasReported = categories.some((c) => c.ratio?.basis === "reported");
  const noteText =
    `Ratio: ${sides[0]}’s number for every one of ${sides[1]}’s` +
    (hasDerived ? (hasReported ? ", our arithmetic unless marked “as reported”" : ", our arithmetic") : "") +
    ". Each row has its own scale.";
  let y = ly + lineHeight(small) + 4;
  const note: TextLine[] = wrapText(noteText, width, small).map((t) => {
    y += lineHeight(small);
    return { runs: [run(t)], x: 0, y: y - 4, anchor: "start", size: small, tone: "muted" };
  });
  y += 6;
  return { items: legendItems, note, bottom: y };
}

/** A bar pair's sizes, px: each bar's height, the gap between the two, the type of a value and of "not reported". */
export interface BarSizes {
  bar: number;
  gap: number;
  value: number;
  missing: number;
}

/** The chart's own sizes, for a page read at arm's length. */
const PAGE_BARS: BarSizes = { bar: BAR_HEIGHT, gap: PAIR_GAP, value: VALUE_SIZE, missing: MISSING_SIZE };

/** One side's bar in a row (or its "not reported" outline), with its value and its mark. */
function forceBar(
  side: 0 | 1,
  {
    c,
    barsTop,
    trackX,
    scale,
    sides,
    dimmed,
    sizes = PAGE_BARS,
  }: {
    c: Category;
    barsTop: number;
    trackX: number;
    scale: (value: number) => number;
    sides: ForcesDataset["sides"];
    dimmed: boolean;
    sizes?: BarSizes;
  },
): ForcesBar {
  const { bar: BAR, gap, value: VALUE, missing: MISSING } = sizes;
  const f = side === 0 ? c.a : c.b;
  const top = barsTop + side * (BAR + gap);
  const cy = top + BAR / 2;
  const sideName = sides[side];
  let kind: ForcesBar["kind"];
  let rect: Box;
  let labelLine: TextLine;
  if (f.value === null) {
    kind = "missing";
    rect = {
      x: trackX,
      y: top,
      width: Math.ceil(textWidth(MISSING_TEXT, MISSING) + 12),
      height: BAR,
    };
    labelLine = {
      runs: [run(MISSING_TEXT)],
      x: trackX + 6,
      y: cy + MISSING * 0.35,
      anchor: "start",
      size: MISSING,
      tone: "muted",
    };
  } else {
    kind = f.value === 0 ? "zero" : "bar";
    const w = f.value === 0 ? 0 : Math.max(1, scale(f.value));
    rect = { x: trackX, y: top, width: w, height: BAR };
    labelLine = {
      runs: [run(forceValueText(f))],
      x: trackX + w + 5,
      y: cy + VALUE * 0.35,
      anchor: "start",
      size: VALUE,
      tone: "fg",
    };
  }
  const reading =
    f.value === null
      ? `${sideName}, ${c.label}: not reported. ${c.missing ?? ""}`.trim()
      : `${sideName}, ${c.label}: ${formatFigure(f, { unit: false })} ${c.unit}.`;
  const mark: ChartMark = {
    key: `${c.id}-${side === 0 ? "a" : "b"}`,
    figureId: f.id,
    shown: plain(labelLine),
    what: `${sideName}, ${c.label}`,
    description: `${reading}${c.caveat ? ` Caveat: ${c.caveat}` : ""} Open its ${f.value === null ? "record" : "source"}.`,
    tooltip: {
      title: `${sideName} · ${c.label}`,
      lines: [
        f.value === null ? "Not reported" : `${capitalise(formatFigure(f, { unit: false }))} ${c.unit}`,
        ...(f.value === null && c.missing ? [c.missing] : []),
        f.period,
        ...(c.caveat ? [`${caveatMarker(c)} ${c.caveat}`] : []),
        `Click or press Enter for the ${f.value === null ? "record" : "source"}`,
      ],
    },
    box: unionBox([rect, lineBox(labelLine)]),
    dimmed,
  };
  return { side, figure: f, kind, rect, label: labelLine, mark };
}

/** A ratio opens its own record: the article's stated ratio, or the pipeline's arithmetic with its inputs. */
function forceRatioMark(
  c: Category,
  r: ReturnType<typeof ratioRuns>,
  ratioLines: TextLine[],
  sides: ForcesDataset["sides"],
  dimmed: boolean,
): ChartMark | null {
  const ratioFigure = c.ratio?.figure ?? (c.a.value !== null ? c.a.id : null);
  const hasNumber = c.ratio !== null || c.a.value === 0 || c.b.value === 0;
  return hasNumber && ratioFigure
    ? {
        key: `${c.id}-ratio`,
        figureId: ratioFigure,
        shown: shownText(ratioLines),
        what: `${c.label}, ratio`,
        description: `${c.label}: ${ratioSentence(c, sides)}${c.caveat ? ` Caveat: ${c.caveat}` : ""} Open ${c.ratio?.basis === "reported" ? "its source" : c.ratio ? "how it is worked out" : `the ${sides[0]} figure`}.`,
        tooltip: {
          title: `${c.label}: ${r.runs.map((x) => x.text).join("")}${r.sub ? ` ${r.sub}` : ""}`,
          lines: [
            ratioSentence(c, sides),
            ...(c.caveat ? [`${caveatMarker(c)} ${c.caveat}`] : []),
            `Click or press Enter for ${c.ratio?.basis === "reported" ? "the source" : c.ratio ? "how it is worked out" : `the ${sides[0]} figure`}`,
          ],
        },
        box: unionBox(ratioLines.map(lineBox)),
        dimmed,
      }
    : null;
}

/** Whether a row is dimmed by `highlight`: its group, its category, its figures or its ratio's figure named there. */
export const rowDimmed = (highlight: readonly string[] | undefined, groupId: string, c: Category): boolean =>
  isDimmed(highlight, [groupId, c.id, c.a.id, c.b.id, ...(c.ratio?.figure ? [c.ratio.figure] : [])]);

/**
 * A row once its words are placed: its two bars from `barsTop`, on the row's own linear
 * scale (0 to the larger of the two, over `barMax` px from `trackX`), its zero line and
 * its ratio's mark.
 */
export function forcesRow(
  c: Category,
  groupId: string,
  words: { label: TextLine[]; ratioLines: TextLine[]; ratio: ReturnType<typeof ratioRuns> },
  at: {
    barsTop: number;
    trackX: number;
    barMax: number;
    sides: ForcesDataset["sides"];
    dimmed: boolean;
    sizes?: BarSizes;
  },
): ForcesRow {
  const { barsTop, trackX, barMax, sides, dimmed, sizes = PAGE_BARS } = at;
  const max = Math.max(c.a.value ?? 0, c.b.value ?? 0);
  const scale = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([0, barMax]);
  const bars = { c, barsTop, trackX, scale, sides, dimmed, sizes };
  const pairH = 2 * sizes.bar + sizes.gap;
  return {
    category: c,
    groupId,
    label: words.label,
    axis: { x: trackX, y1: barsTop - 2, y2: barsTop + pairH + 2 },
    a: forceBar(0, bars),
    b: forceBar(1, bars),
    ratio: { lines: words.ratioLines, mark: forceRatioMark(c, words.ratio, words.ratioLines, sides, dimmed) },
    dimmed,
  };
}

export function forcesLayout(data: ForcesDataset, options: ForcesOptions): ForcesLayout {
  const width = clampWidth(options.width);
  const narrow = width < NARROW_BELOW;
  const fs = narrow ? 12 : 13;
  const small = 12;
  const sides = data.sides;
  const categories = data.groups.flatMap((g) => g.categories);

  const legend = layoutLegend(data, width, small);
  let y = legend.bottom;

  // --- Columns.
  const ratioCol = categories.map((c) => ratioRuns(c));
  const ratioW = Math.max(...ratioCol.map((r) => Math.max(runsWidth(r.runs, fs), r.sub ? textWidth(r.sub, small) : 0)));
  const labelText = (c: Category) => c.label;
  const labelW = narrow
    ? 0
    : Math.min(Math.max(...categories.map((c) => textWidth(labelText(c), fs))) + 16, Math.round(width * 0.26));
  const trackX = narrow ? 0 : labelW;
  const trackEnd = narrow ? width : width - ratioW - 20;
  const valueW = Math.max(
    ...categories.flatMap((c) =>
      [c.a, c.b].map((f) => (f.value === null ? 0 : textWidth(forceValueText(f), VALUE_SIZE))),
    ),
  );
  const barMax = Math.min(trackEnd - trackX - valueW - 8, MAX_BAR);
  // On wide charts the columns end where the longest bar's value and the ratio end, not at the far edge.
  const contentRight = narrow ? width : Math.min(width, Math.ceil(trackX + barMax + valueW + 8 + 28 + ratioW));

  const groups: ForcesGroup[] = [];
  const rows: ForcesRow[] = [];
  const marks: ChartMark[] = [];

  data.groups.forEach((group, gi) => {
    const ruleY = y + (gi === 0 ? 0 : 8);
    groups.push({
      id: group.id,
      rule: { x1: 0, x2: contentRight, y: ruleY },
      heading: { runs: [run(group.label, "bold")], x: 0, y: ruleY + 6 + fs, anchor: "start", size: fs, tone: "fg" },
    });
    y = ruleY + 6 + lineHeight(fs) + 8;

    for (const c of group.categories) {
      const rowTop = y;
      const dimmed = rowDimmed(options.highlight, group.id, c);
      const r = ratioRuns(c);
      const labelLines = wrapText(labelText(c), narrow ? width - ratioW - 12 : labelW - 12, fs);
      let barsTop: number;
      let label: TextLine[];
      let ratioLines: TextLine[];
      const pairH = 2 * BAR_HEIGHT + PAIR_GAP;
      if (narrow) {
        label = labelLines.map((t, i) => ({
          runs: [run(t)],
          x: 0,
          y: rowTop + fs + i * lineHeight(fs),
          anchor: "start",
          size: fs,
          tone: "fg",
        }));
        ratioLines = [{ runs: r.runs, x: width, y: rowTop + fs, anchor: "end", size: fs, tone: r.tone }];
        if (r.sub)
          ratioLines.push({
            runs: [run(r.sub)],
            x: width,
            y: rowTop + fs + lineHeight(small),
            anchor: "end",
            size: small,
            tone: "muted",
          });
        barsTop =
          rowTop + Math.max(labelLines.length * lineHeight(fs), r.sub ? lineHeight(fs) + lineHeight(small) : 0) + 5;
      } else {
        const labelH = labelLines.length * lineHeight(fs);
        const contentH = Math.max(pairH, labelH);
        barsTop = rowTop + (contentH - pairH) / 2;
        const mid = rowTop + contentH / 2;
        label = labelLines.map((t, i) => ({
          runs: [run(t)],
          x: 0,
          y: mid - ((labelLines.length - 1) * lineHeight(fs)) / 2 + i * lineHeight(fs) + fs * 0.35,
          anchor: "start",
          size: fs,
          tone: "fg",
        }));
        const d = r.sub ? lineHeight(small) / 2 : 0;
        ratioLines = [{ runs: r.runs, x: contentRight, y: mid - d + fs * 0.35, anchor: "end", size: fs, tone: r.tone }];
        if (r.sub)
          ratioLines.push({
            runs: [run(r.sub)],
            x: contentRight,
            y: mid + d + small * 0.35 + 1,
            anchor: "end",
            size: small,
            tone: "muted",
          });
      }

      const row = forcesRow(c, group.id, { label, ratioLines, ratio: r }, { barsTop, trackX, barMax, sides, dimmed });

      y = barsTop + pairH;
      y =
        Math.max(y, ...label.map((l) => l.y + fs * 0.3), ...ratioLines.map((l) => l.y + small * 0.3)) +
        (narrow ? 14 : 10);

      rows.push(row);
      marks.push(row.a.mark, row.b.mark, ...(row.ratio.mark ? [row.ratio.mark] : []));
    }
  });

  return {
    width,
    height: Math.ceil(y - 4),
    narrow,
    legend: { items: legend.items, note: legend.note },
    groups,
    rows,
    marks,
  };
}
