/**
 * The root every chart draws into: an exportable SVG laid out at `layout.width` and
 * scaled to fill its box (an artboard: see src/ui/Artboards.tsx), role "group" (its
 * marks are the focusable buttons), with the keyboard focus ring and the tooltip of
 * the active mark drawn on top.
 */
import type { ReactNode } from "react";
import { ChartTooltip, FocusRing, svgStyle, wrapperStyle, type ActiveMark, type ChartMark } from "./chartUtils.ts";

export interface ChartSvgProps {
  /** The graphic's title; the SVG is labelled "<title>: chart". */
  title: string;
  layout: { width: number; height: number; marks: readonly ChartMark[] };
  /** The hovered or focused mark, from useChartMarks. */
  active: ActiveMark | null;
  children: ReactNode;
}

export function ChartSvg({ title, layout, active, children }: ChartSvgProps) {
  const { width, height } = layout;
  const mark = active ? layout.marks.find((m) => m.key === active.key) : undefined;
  return (
    <div style={wrapperStyle}>
      <svg
        data-export=""
        role="group"
        aria-label={`${title}: chart`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        style={svgStyle}
      >
        {children}
        {mark && active?.focusVisible && <FocusRing box={mark.box} />}
      </svg>
      {mark && <ChartTooltip mark={mark} width={width} height={height} />}
    </div>
  );
}
