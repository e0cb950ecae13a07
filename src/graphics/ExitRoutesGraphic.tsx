/** The exit-route map: dataset, the map with its controls, key and route list, table and text alternative. */
import { describeExitRoutes } from "../map/describeExitRoutes.ts";
import { buildFlowModel, caveatsDrawn } from "../map/flowModel.ts";
import { ExitRoutesGraphic as ExitRoutesChart } from "../map/ExitRoutesGraphic.tsx";
import { ExitRoutesTable } from "../map/ExitRoutesTable.tsx";
import { SlideMapChart } from "../map/SlideMapChart.tsx";
import type { GraphicDefinition } from "./GraphicView.tsx";

const exitRoutesGraphic: GraphicDefinition<"exit-routes"> = {
  id: "exit-routes",
  name: "the exit-route map",
  minHeight: 640,
  describe: describeExitRoutes,
  sizesItself: true,
  chart: ({ data }) => <ExitRoutesChart data={data} />,
  slideChart: ({ data }) => <SlideMapChart data={data} />,
  table: ({ data, onOpenFigure }) => <ExitRoutesTable data={data} onOpenFigure={onOpenFigure} />,
  // The caveats of the numbers and points the map draws; a related figure's caveat is
  // printed with it in the route's card.
  notes: (data) => ({
    caveats: caveatsDrawn(data.meta.caveats, buildFlowModel(data).routes),
    corrections: data.meta.corrections,
  }),
};
export default exitRoutesGraphic;
