/**
 * Renders the laid-out force comparison (see ForcesState.ts) as SVG. Side a is drawn
 * in --russia and side b in --ukraine; a missing value is a dashed outline.
 */
import { useMemo } from "react";
import type { ForcesDataset } from "../../schema/datasets.ts";
import { DIMMED_OPACITY, HitArea, SvgTextLine, SvgTextLines, useChartMarks } from "../chartUtils.ts";
import { ChartSvg } from "../ChartSvg.tsx";
import { forcesLayout, type ForcesBar } from "./ForcesState.ts";
import { forcesRoomLayout } from "./forcesRoom.ts";

export interface ForcesChartProps {
  data: ForcesDataset;
  /** Width in px (280..1200); the height follows from it. */
  width: number;
  /** Called with a figure id when a number is activated (click, Enter or Space). */
  onOpenFigure: (figureId: string) => void;
  /** Group, category or figure ids to emphasise; other rows are dimmed. */
  highlight?: readonly string[];
  /** Laid out for a room (forcesRoom.ts): one type size, two columns, whatever `width`. */
  room?: boolean;
}

const SIDE_COLOUR = ["var(--russia)", "var(--ukraine)"] as const;
const missingStyle = { fill: "none", stroke: "var(--muted)", strokeWidth: 1, strokeDasharray: "3 2" };

export function ForcesChart({ data, width, onOpenFigure, highlight, room = false }: ForcesChartProps) {
  const layout = useMemo(
    () => (room ? forcesRoomLayout(data, { highlight }) : forcesLayout(data, { width, highlight })),
    [data, width, highlight, room],
  );
  const { active, markProps } = useChartMarks(onOpenFigure);

  return (
    <ChartSvg title={data.meta.title} layout={layout} active={active}>
      <g aria-hidden="true">
        {layout.legend.items.map((item) => (
          <g key={item.kind}>
            {item.kind === "missing" ? (
              <rect
                x={item.swatch.x + 0.5}
                y={item.swatch.y + 0.5}
                width={item.swatch.width - 1}
                height={item.swatch.height - 1}
                style={missingStyle}
              />
            ) : (
              <rect {...item.swatch} style={{ fill: SIDE_COLOUR[item.kind === "a" ? 0 : 1] }} />
            )}
            <SvgTextLine line={item.line} />
          </g>
        ))}
      </g>
      <SvgTextLines lines={layout.legend.note} />

      {layout.groups.map((g) => (
        <g key={g.id}>
          <line
            x1={g.rule.x1}
            x2={g.rule.x2}
            y1={g.rule.y}
            y2={g.rule.y}
            aria-hidden="true"
            style={{ stroke: "var(--rule)", strokeWidth: 1 }}
          />
          <SvgTextLine line={g.heading} />
        </g>
      ))}

      {layout.rows.map((row) => (
        <g key={row.category.id} data-category={row.category.id}>
          <g style={{ opacity: row.dimmed ? DIMMED_OPACITY : 1, transition: "opacity 150ms" }}>
            <SvgTextLines lines={row.label} />
            <line
              x1={row.axis.x + 0.5}
              x2={row.axis.x + 0.5}
              y1={row.axis.y1}
              y2={row.axis.y2}
              aria-hidden="true"
              style={{ stroke: "var(--fg)", strokeWidth: 1 }}
            />
          </g>
          <Bar bar={row.a} markProps={markProps} />
          <Bar bar={row.b} markProps={markProps} />
          {row.ratio.mark ? (
            <g {...markProps(row.ratio.mark)} data-ratio={row.category.ratio?.basis ?? "none"}>
              <HitArea box={row.ratio.mark.box} />
              <SvgTextLines lines={row.ratio.lines} />
            </g>
          ) : (
            <g style={{ opacity: row.dimmed ? DIMMED_OPACITY : 1 }} data-ratio="none">
              <SvgTextLines lines={row.ratio.lines} />
            </g>
          )}
        </g>
      ))}
    </ChartSvg>
  );
}

function Bar({ bar, markProps }: { bar: ForcesBar; markProps: ReturnType<typeof useChartMarks>["markProps"] }) {
  const { rect } = bar;
  return (
    <g {...markProps(bar.mark)} data-kind={bar.kind}>
      <HitArea box={bar.mark.box} />
      {bar.kind === "bar" && <rect {...rect} style={{ fill: SIDE_COLOUR[bar.side] }} />}
      {bar.kind === "missing" && (
        <rect
          x={rect.x + 0.5}
          y={rect.y + 0.5}
          width={rect.width - 1}
          height={rect.height - 1}
          rx={1}
          style={missingStyle}
          data-missing="true"
        />
      )}
      <SvgTextLine line={bar.label} />
    </g>
  );
}
