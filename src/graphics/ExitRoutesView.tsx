/** The exit-route map graphic, in its own chunk (d3-geo and the basemap come with it; maplibre-gl later). */
import { describeExitRoutes } from "../map/describeExitRoutes.ts";
import { ExitRoutesGraphic } from "../map/ExitRoutesGraphic.tsx";
import { ExitRoutesTable } from "../map/ExitRoutesTable.tsx";
import { GraphicView, type GraphicDefinition, type GraphicViewOptions } from "./GraphicView.tsx";

export const exitRoutesGraphic: GraphicDefinition<"exit-routes"> = {
  id: "exit-routes",
  dataset: "exit-routes",
  name: "the exit-route map",
  minHeight: 640,
  describe: describeExitRoutes,
  chart: ({ data }) => <ExitRoutesGraphic data={data} />,
  table: ({ data, onOpenFigure }) => <ExitRoutesTable data={data} onOpenFigure={onOpenFigure} />,
};

export default function ExitRoutesView({ options }: { options?: GraphicViewOptions }) {
  return <GraphicView def={exitRoutesGraphic} options={options ?? {}} />;
}
