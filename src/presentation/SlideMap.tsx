/**
 * The exit-route graphic sized for a slide: the shared frame (title, source, table
 * view, downloads) around the map and its key. Camera, period and selected route come
 * from the store, which each step sets, so the map flies from step to step.
 */
import { exitRoutesGraphic } from "../graphics/ExitRoutesView.tsx";
import { GraphicView, type GraphicDefinition } from "../graphics/GraphicView.tsx";
import { ExitRouteMap } from "../map/ExitRouteMap.tsx";
import { MapLegend } from "../map/MapLegend.tsx";
import type { ExitRoutesDataset } from "../schema/datasets.ts";

function SlideMapChart({ data }: { data: ExitRoutesDataset }) {
  return (
    <div className="exit-routes slide-map">
      <ExitRouteMap data={data} height="var(--slide-map-height)" />
      <MapLegend data={data} />
    </div>
  );
}

const slideMapGraphic: GraphicDefinition<"exit-routes"> = {
  ...exitRoutesGraphic,
  minHeight: 360,
  chart: SlideMapChart,
};

export default function SlideMap({ highlight }: { highlight: readonly string[] }) {
  return <GraphicView def={slideMapGraphic} options={{ highlight }} />;
}
