/** The first-week breakdown: dataset, chart, table and text alternative. */
import { describeWeekBreakdown } from "../charts/weekBreakdown/describeWeekBreakdown.ts";
import { WeekBreakdownChart } from "../charts/weekBreakdown/WeekBreakdownChart.tsx";
import { WeekBreakdownTable } from "../charts/weekBreakdown/WeekBreakdownTable.tsx";
import type { GraphicDefinition } from "./GraphicView.tsx";

const weekBreakdownGraphic: GraphicDefinition<"week-breakdown"> = {
  id: "week-breakdown",
  name: "the first-week breakdown",
  minHeight: 260,
  describe: describeWeekBreakdown,
  chart: ({ data, width, onOpenFigure, highlight }) => (
    <WeekBreakdownChart data={data} width={width} onOpenFigure={onOpenFigure} highlight={highlight} />
  ),
  table: ({ data, onOpenFigure }) => <WeekBreakdownTable data={data} onOpenFigure={onOpenFigure} />,
};
export default weekBreakdownGraphic;
