/**
 * Renders the laid-out border-stop chart (see BorderStopsState.ts) as SVG. No layout
 * decisions are made here: positions, labels and flags all come from the state.
 */
import { useId, useMemo } from "react";
import type { BorderStopsDataset } from "../../schema/datasets.ts";
import { HitArea, SvgTextLine, SvgTextLines, useChartMarks } from "../chartUtils.ts";
import { ChartSvg } from "../ChartSvg.tsx";
import { borderStopsLayout, type BorderStopsBar, type BorderStopsCopy } from "./BorderStopsState.ts";

export interface BorderStopsChartProps {
  data: BorderStopsDataset;
  /** Width in px (280..1200); the height follows from it. */
  width: number;
  /** Called with a figure id when a number is activated (click, Enter or Space). */
  onOpenFigure: (figureId: string) => void;
  /** Figure ids to emphasise; the other bars are dimmed. */
  highlight?: readonly string[];
  /** Words for what is counted; defaults come from the data's units. */
  copy?: Partial<BorderStopsCopy>;
}

const BAR_COLOUR = "var(--flow)";

export function BorderStopsChart({ data, width, onOpenFigure, highlight, copy }: BorderStopsChartProps) {
  const layout = useMemo(() => borderStopsLayout(data, { width, highlight, copy }), [data, width, highlight, copy]);
  const { active, markProps } = useChartMarks(onOpenFigure);
  const hatchId = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const bars = [...layout.bars].sort((a, b) => a.rect.x - b.rect.x);

  return (
    <ChartSvg title={data.meta.title} layout={layout} active={active}>
      <defs>
        <pattern id={hatchId} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
          <rect width={6} height={6} style={{ fill: BAR_COLOUR, fillOpacity: 0.16 }} />
          <line x1={1} y1={0} x2={1} y2={6} style={{ stroke: BAR_COLOUR, strokeWidth: 1.6 }} />
        </pattern>
      </defs>

      <g aria-hidden="true">
        {layout.key.map((k) => (
          <g key={k.kind}>
            <rect {...k.swatch} style={barStyle(k.kind === "derived", hatchId)} />
            <SvgTextLines lines={k.lines} />
          </g>
        ))}
        <SvgTextLine line={layout.axisTitle} />
        {layout.yTicks.map((t) => (
          <g key={t.value}>
            <line
              x1={layout.plot.x}
              x2={layout.plot.x + layout.plot.width}
              y1={t.y}
              y2={t.y}
              style={{ stroke: "var(--rule)", strokeWidth: 1, strokeDasharray: t.value === 0 ? undefined : "2 3" }}
            />
            <SvgTextLine line={t.label} />
          </g>
        ))}
      </g>

      {bars.map((bar) => (
        <Bar key={bar.figure.id} bar={bar} hatchId={hatchId} markProps={markProps} />
      ))}

      <g aria-hidden="true">
        <line
          x1={layout.plot.x}
          x2={layout.plot.x + layout.plot.width}
          y1={layout.plot.y + layout.plot.height}
          y2={layout.plot.y + layout.plot.height}
          style={{ stroke: "var(--fg)", strokeWidth: 1 }}
        />
        {layout.boundaries.map((x) => (
          <line
            key={x}
            x1={x}
            x2={x}
            y1={layout.plot.y + layout.plot.height}
            y2={layout.plot.y + layout.plot.height + 5}
            style={{ stroke: "var(--fg)", strokeWidth: 1 }}
          />
        ))}
      </g>

      {layout.annotations.map((a) => (
        <g key={a.figureId} data-annotation={a.figureId}>
          {a.leader && (
            <g aria-hidden="true" style={{ stroke: "var(--fg)", strokeWidth: 1 }}>
              <line {...a.leader} />
              <circle cx={a.leader.x2} cy={a.leader.y2} r={2} style={{ fill: "var(--fg)", stroke: "none" }} />
            </g>
          )}
          <SvgTextLines lines={a.lines} halo />
        </g>
      ))}
    </ChartSvg>
  );
}

const barStyle = (derived: boolean, hatchId: string) =>
  derived
    ? { fill: `url(#${hatchId})`, stroke: BAR_COLOUR, strokeWidth: 1 }
    : { fill: BAR_COLOUR, stroke: BAR_COLOUR, strokeWidth: 1 };

function Bar({
  bar,
  hatchId,
  markProps,
}: {
  bar: BorderStopsBar;
  hatchId: string;
  markProps: ReturnType<typeof useChartMarks>["markProps"];
}) {
  const { rect } = bar;
  return (
    <>
      <g {...markProps(bar.totalMark)} data-kind={bar.derived ? "derived" : "reported"}>
        {/* Inset the stroke so the outline stays inside the period's span. */}
        <rect
          x={rect.x + 0.5}
          y={rect.y + 0.5}
          width={rect.width - 1}
          height={Math.max(0, rect.height - 1)}
          style={barStyle(bar.derived, hatchId)}
        />
        <SvgTextLines lines={bar.totalLabel} />
        {bar.totalLeader && (
          <line
            x1={bar.totalLeader.x}
            x2={bar.totalLeader.x}
            y1={bar.totalLeader.y1}
            y2={bar.totalLeader.y2}
            aria-hidden="true"
            style={{ stroke: "var(--muted)", strokeWidth: 1 }}
          />
        )}
        {/* A space between the two labels' words when read as one (not drawn: SVG ignores it). */}
        {!bar.rateMark && " "}
        {!bar.rateMark && <SvgTextLines lines={bar.rateLabel} halo />}
      </g>
      {bar.rateMark && (
        <g {...markProps(bar.rateMark)}>
          <HitArea box={bar.rateMark.box} />
          <SvgTextLines lines={bar.rateLabel} halo />
        </g>
      )}
    </>
  );
}
