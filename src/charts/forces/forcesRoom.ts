/**
 * The force comparison laid out for a room (a slide on a projector): the same rows,
 * bars, numbers, ratios and legend as forcesLayout, every word in one type size,
 * ROOM_TYPE, and the groups in two columns, so that the whole chart fits a slide's
 * graphic at that size. Drawn at ROOM_WIDTH and scaled to the slide, it is about 1:1 on
 * a 1920 × 1080 screen: no text under 18 px (presentation.spec.ts measures it).
 */
import type { ForcesDataset } from "../../schema/datasets.ts";
import { lineHeight, run, type ChartMark, type TextLine } from "../chartUtils.ts";
import { textWidth, wrapText } from "../../format/textMetrics.ts";
import {
  forcesRow,
  forceValueText,
  layoutLegend,
  ratioRuns,
  rowDimmed,
  type BarSizes,
  type ForcesGroup,
  type ForcesLayout,
  type ForcesRow,
} from "./ForcesState.ts";

/** Every word's size, px, at ROOM_WIDTH. */
export const ROOM_TYPE = 18;
/** The width the room layout is drawn at, px; a slide scales it to its graphic. */
export const ROOM_WIDTH = 1000;
const COLUMN_GAP = 48;
const LABEL_WIDTH = 122;
const RATIO_WIDTH = 108;
const ROW_GAP = 10;
// A bar a little taller than its words: "not reported" sits inside its outline, descenders too.
const BARS: BarSizes = { bar: ROOM_TYPE + 2, gap: 3, value: ROOM_TYPE, missing: ROOM_TYPE };

type Group = ForcesDataset["groups"][number];

/**
 * The groups in two columns, in reading order: split where the taller column is
 * shortest (rows and group headings counted alike, which is close enough), so that a
 * large group does not leave the second column empty and double the chart's height.
 */
function intoColumns(groups: readonly Group[]): [Group[], Group[]] {
  const height = (gs: readonly Group[]) => gs.reduce((n, g) => n + 1 + g.categories.length, 0);
  let best = groups.length;
  for (let i = 1; i < groups.length; i++)
    if (
      Math.max(height(groups.slice(0, i)), height(groups.slice(i))) <
      Math.max(height(groups.slice(0, best)), height(groups.slice(best)))
    )
      best = i;
  return [groups.slice(0, best), groups.slice(best)];
}

export function forcesRoomLayout(data: ForcesDataset, options: { highlight?: readonly string[] }): ForcesLayout {
  const T = ROOM_TYPE;
  const lh = lineHeight(T);
  const width = ROOM_WIDTH;
  const column = (width - COLUMN_GAP) / 2;
  const sides = data.sides;
  const categories = data.groups.flatMap((g) => g.categories);
  const valueW = Math.max(
    ...categories.flatMap((c) => [c.a, c.b].map((f) => (f.value === null ? 0 : textWidth(forceValueText(f), T)))),
  );
  const barMax = column - LABEL_WIDTH - RATIO_WIDTH - 12 - valueW - 6;
  const legend = layoutLegend(data, width, T);

  const groups: ForcesGroup[] = [];
  const rows: ForcesRow[] = [];
  const marks: ChartMark[] = [];
  let bottom = legend.bottom;
  intoColumns(data.groups).forEach((inColumn, ci) => {
    if (inColumn.length === 0) return;
    const x0 = ci * (column + COLUMN_GAP);
    const right = x0 + column;
    const trackX = x0 + LABEL_WIDTH;
    let y = legend.bottom;
    inColumn.forEach((group, gi) => {
      const ruleY = y + (gi === 0 ? 0 : 8);
      groups.push({
        id: group.id,
        rule: { x1: x0, x2: right, y: ruleY },
        heading: { runs: [run(group.label, "bold")], x: x0, y: ruleY + 6 + T, anchor: "start", size: T, tone: "fg" },
      });
      y = ruleY + 6 + lh + 8;
      for (const c of group.categories) {
        const dimmed = rowDimmed(options.highlight, group.id, c);
        const r = ratioRuns(c);
        const labelLines = wrapText(c.label, LABEL_WIDTH - 10, T);
        // A ratio in words ("not comparable") wraps in its column; a number keeps its line, its basis under it.
        const ratioText = r.runs.map((x) => x.text).join("");
        const ratioWords = r.runs.length === 1 && r.tone === "muted" ? wrapText(ratioText, RATIO_WIDTH, T) : null;
        const ratioCount = (ratioWords?.length ?? 1) + (r.sub ? 1 : 0);
        const pairH = 2 * BARS.bar + BARS.gap;
        const contentH = Math.max(pairH, labelLines.length * lh, ratioCount * lh);
        const mid = y + contentH / 2;
        const firstLine = (n: number) => mid - ((n - 1) * lh) / 2 + T * 0.35;
        const label: TextLine[] = labelLines.map((t, i) => ({
          runs: [run(t)],
          x: x0,
          y: firstLine(labelLines.length) + i * lh,
          anchor: "start",
          size: T,
          tone: "fg",
        }));
        const ratioLines: TextLine[] = [
          ...(ratioWords ?? [null]).map((t, i) => ({
            runs: t === null ? r.runs : [run(t)],
            x: right,
            y: firstLine(ratioCount) + i * lh,
            anchor: "end" as const,
            size: T,
            tone: r.tone,
          })),
          ...(r.sub
            ? [
                {
                  runs: [run(r.sub)],
                  x: right,
                  y: firstLine(ratioCount) + (ratioCount - 1) * lh,
                  anchor: "end" as const,
                  size: T,
                  tone: "muted" as const,
                },
              ]
            : []),
        ];
        const barsTop = mid - pairH / 2;
        rows.push(
          forcesRow(
            c,
            group.id,
            { label, ratioLines, ratio: r },
            { barsTop, trackX, barMax, sides, dimmed, sizes: BARS },
          ),
        );
        y += contentH + ROW_GAP;
      }
    });
    bottom = Math.max(bottom, y);
  });
  // Reading (tab) order: row by row, down the first column and then the second.
  for (const row of rows) marks.push(row.a.mark, row.b.mark, ...(row.ratio.mark ? [row.ratio.mark] : []));
  return {
    width,
    height: Math.ceil(bottom - ROW_GAP + 4),
    narrow: false,
    legend: { items: legend.items, note: legend.note },
    groups,
    rows,
    marks,
  };
}
