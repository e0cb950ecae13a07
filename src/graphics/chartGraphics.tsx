/** The three chart graphics: dataset, chart, table and text alternative for each. */
import { BorderStopsChart } from "../charts/borderStops/BorderStopsChart.tsx";
import { BorderStopsTable } from "../charts/borderStops/BorderStopsTable.tsx";
import { describeBorderStops } from "../charts/borderStops/describeBorderStops.ts";
import { describeForces } from "../charts/forces/describeForces.ts";
import { ForcesChart } from "../charts/forces/ForcesChart.tsx";
import { ForcesTable } from "../charts/forces/ForcesTable.tsx";
import { describeWeekBreakdown } from "../charts/weekBreakdown/describeWeekBreakdown.ts";
import { WeekBreakdownChart } from "../charts/weekBreakdown/WeekBreakdownChart.tsx";
import { WeekBreakdownTable } from "../charts/weekBreakdown/WeekBreakdownTable.tsx";
import type { GraphicDefinition } from "./GraphicView.tsx";

export const borderStopsGraphic: GraphicDefinition<"border-stops"> = {
  id: "border-stops",
  dataset: "border-stops",
  name: "the border-stop chart",
  minHeight: 420,
  describe: describeBorderStops,
  chart: ({ data, width, onOpenFigure, highlight }) => (
    <BorderStopsChart data={data} width={width} onOpenFigure={onOpenFigure} highlight={highlight} copy={{ subject: data.subject, axisTitle: data.axisLabel }} />
  ),
  table: ({ data, onOpenFigure }) => <BorderStopsTable data={data} onOpenFigure={onOpenFigure} />,
};

export const forcesGraphic: GraphicDefinition<"forces"> = {
  id: "forces",
  dataset: "forces",
  name: "the force comparison",
  minHeight: 900,
  describe: describeForces,
  chart: ({ data, width, onOpenFigure, highlight }) => <ForcesChart data={data} width={width} onOpenFigure={onOpenFigure} highlight={highlight} />,
  table: ({ data, onOpenFigure }) => <ForcesTable data={data} onOpenFigure={onOpenFigure} />,
};

export const weekBreakdownGraphic: GraphicDefinition<"week-breakdown"> = {
  id: "week-breakdown",
  dataset: "week-breakdown",
  name: "the first-week breakdown",
  minHeight: 260,
  describe: describeWeekBreakdown,
  chart: ({ data, width, onOpenFigure, highlight }) => <WeekBreakdownChart data={data} width={width} onOpenFigure={onOpenFigure} highlight={highlight} />,
  table: ({ data, onOpenFigure }) => <WeekBreakdownTable data={data} onOpenFigure={onOpenFigure} />,
};
