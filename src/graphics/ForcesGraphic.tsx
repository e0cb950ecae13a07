/** The force comparison: dataset, chart, table and text alternative. */
import { describeForces } from "../charts/forces/describeForces.ts";
import { ForcesChart } from "../charts/forces/ForcesChart.tsx";
import { ForcesTable } from "../charts/forces/ForcesTable.tsx";
import type { GraphicDefinition } from "./GraphicView.tsx";

const forcesGraphic: GraphicDefinition<"forces"> = {
  id: "forces",
  name: "the force comparison",
  minHeight: 900,
  describe: describeForces,
  chart: ({ data, width, onOpenFigure, highlight }) => (
    <ForcesChart data={data} width={width} onOpenFigure={onOpenFigure} highlight={highlight} />
  ),
  // A slide: the same chart in one type size and two columns, readable at the back of a room.
  slideChart: ({ data, width, onOpenFigure, highlight }) => (
    <ForcesChart data={data} width={width} onOpenFigure={onOpenFigure} highlight={highlight} room />
  ),
  table: ({ data, onOpenFigure }) => <ForcesTable data={data} onOpenFigure={onOpenFigure} />,
};
export default forcesGraphic;
