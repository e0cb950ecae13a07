/** The first-week breakdown graphic, and the component an entry point loads lazily (see BorderStopsView.tsx). */
import { describeWeekBreakdown } from "../charts/weekBreakdown/describeWeekBreakdown.ts";
import { WeekBreakdownChart } from "../charts/weekBreakdown/WeekBreakdownChart.tsx";
import { WeekBreakdownTable } from "../charts/weekBreakdown/WeekBreakdownTable.tsx";
import { GraphicView, type GraphicDefinition, type GraphicViewOptions } from "./GraphicView.tsx";

export const weekBreakdownGraphic: GraphicDefinition<"week-breakdown"> = {
  id: "week-breakdown",
  dataset: "week-breakdown",
  name: "the first-week breakdown",
  minHeight: 260,
  describe: describeWeekBreakdown,
  chart: ({ data, width, onOpenFigure, highlight }) => (
    <WeekBreakdownChart data={data} width={width} onOpenFigure={onOpenFigure} highlight={highlight} />
  ),
  table: ({ data, onOpenFigure }) => <WeekBreakdownTable data={data} onOpenFigure={onOpenFigure} />,
};

export default function WeekBreakdownView({ options }: { options?: GraphicViewOptions }) {
  return <GraphicView def={weekBreakdownGraphic} options={options ?? {}} />;
}
