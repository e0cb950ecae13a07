/** The force comparison graphic, and the component an entry point loads lazily (see BorderStopsView.tsx). */
import { describeForces } from "../charts/forces/describeForces.ts";
import { ForcesChart } from "../charts/forces/ForcesChart.tsx";
import { ForcesTable } from "../charts/forces/ForcesTable.tsx";
import { GraphicView, type GraphicDefinition, type GraphicViewOptions } from "./GraphicView.tsx";

export const forcesGraphic: GraphicDefinition<"forces"> = {
  id: "forces",
  dataset: "forces",
  name: "the force comparison",
  minHeight: 900,
  describe: describeForces,
  chart: ({ data, width, onOpenFigure, highlight }) => (
    <ForcesChart data={data} width={width} onOpenFigure={onOpenFigure} highlight={highlight} />
  ),
  table: ({ data, onOpenFigure }) => <ForcesTable data={data} onOpenFigure={onOpenFigure} />,
};

export default function ForcesView({ options }: { options?: GraphicViewOptions }) {
  return <GraphicView def={forcesGraphic} options={options ?? {}} />;
}
