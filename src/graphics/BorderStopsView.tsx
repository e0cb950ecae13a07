/**
 * The border-stop chart graphic: dataset, chart, table and text alternative, and the
 * component an entry point loads lazily. One module per graphic, so a chart embed
 * downloads its own chart and not the others.
 */
import { BorderStopsChart } from "../charts/borderStops/BorderStopsChart.tsx";
import { BorderStopsTable } from "../charts/borderStops/BorderStopsTable.tsx";
import { describeBorderStops } from "../charts/borderStops/describeBorderStops.ts";
import { GraphicView, type GraphicDefinition, type GraphicViewOptions } from "./GraphicView.tsx";

export const borderStopsGraphic: GraphicDefinition<"border-stops"> = {
  id: "border-stops",
  dataset: "border-stops",
  name: "the border-stop chart",
  minHeight: 420,
  describe: describeBorderStops,
  chart: ({ data, width, onOpenFigure, highlight }) => (
    <BorderStopsChart
      data={data}
      width={width}
      onOpenFigure={onOpenFigure}
      highlight={highlight}
      copy={{ subject: data.subject, axisTitle: data.axisLabel }}
    />
  ),
  table: ({ data, onOpenFigure }) => <BorderStopsTable data={data} onOpenFigure={onOpenFigure} />,
};

export default function BorderStopsView({ options }: { options?: GraphicViewOptions }) {
  return <GraphicView def={borderStopsGraphic} options={options ?? {}} />;
}
