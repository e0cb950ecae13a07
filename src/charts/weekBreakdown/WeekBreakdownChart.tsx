/**
 * Renders the laid-out week breakdown (see WeekBreakdownState.ts) as SVG.
 */
import { useMemo } from "react";
import type { WeekBreakdownDataset } from "../../schema/datasets.ts";
import { DIMMED_OPACITY, HitArea, SvgTextLine, SvgTextLines, useChartMarks } from "../chartUtils.ts";
import { ChartSvg } from "../ChartSvg.tsx";
import { weekBreakdownLayout } from "./WeekBreakdownState.ts";

export interface WeekBreakdownChartProps {
  data: WeekBreakdownDataset;
  /** Width in px (280..1200); the height follows from it. */
  width: number;
  /** Called with a figure id when a number is activated (click, Enter or Space). */
  onOpenFigure: (figureId: string) => void;
  /** Figure ids to emphasise; the other bars are dimmed. */
  highlight?: readonly string[];
}

export function WeekBreakdownChart({ data, width, onOpenFigure, highlight }: WeekBreakdownChartProps) {
  const layout = useMemo(() => weekBreakdownLayout(data, { width, highlight }), [data, width, highlight]);
  const { active, markProps } = useChartMarks(onOpenFigure);

  return (
    <ChartSvg title={data.meta.title} layout={layout} active={active}>
      {layout.bars.map((bar) => (
        <g key={bar.figure.id} data-place={bar.place}>
          <g style={{ opacity: bar.mark.dimmed ? DIMMED_OPACITY : 1, transition: "opacity 150ms" }}>
            <SvgTextLines lines={bar.label} />
          </g>
          <g {...markProps(bar.mark)}>
            <HitArea box={bar.mark.box} />
            {bar.rect && <rect {...bar.rect} style={{ fill: "var(--flow)" }} />}
            <SvgTextLine line={bar.value} />
          </g>
        </g>
      ))}
      <line
        x1={layout.total.rule.x1}
        x2={layout.total.rule.x2}
        y1={layout.total.rule.y}
        y2={layout.total.rule.y}
        aria-hidden="true"
        style={{ stroke: "var(--rule)", strokeWidth: 1 }}
      />
      <g {...markProps(layout.total.mark)} data-total="true">
        <HitArea box={layout.total.mark.box} />
        <SvgTextLines lines={layout.total.lines} />
      </g>
    </ChartSvg>
  );
}
