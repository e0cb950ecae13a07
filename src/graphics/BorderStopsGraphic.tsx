/** The border-stop chart: dataset, chart, table and text alternative. */
import { BorderStopsChart } from "../charts/borderStops/BorderStopsChart.tsx";
import { BorderStopsTable } from "../charts/borderStops/BorderStopsTable.tsx";
import { describeBorderStops } from "../charts/borderStops/describeBorderStops.ts";
import type { GraphicDefinition } from "./GraphicView.tsx";

const borderStopsGraphic: GraphicDefinition<"border-stops"> = {
  id: "border-stops",
  name: "the border-stop chart",
  minHeight: 420,
  describe: describeBorderStops,
  chart: ({ data, width, onOpenFigure, highlight }) => (
    <BorderStopsChart
      data={data}
      width={width}
      onOpenFigure={onOpenFigure}
      highlight={highlight}
      copy={{ axisTitle: data.axisLabel }}
    />
  ),
  table: ({ data, onOpenFigure }) => <BorderStopsTable data={data} onOpenFigure={onOpenFigure} />,
};
export default borderStopsGraphic;
