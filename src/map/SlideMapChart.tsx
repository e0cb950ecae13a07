/**
 * The exit-route map as a slide shows it: the map and its key, sized by the slide
 * (--slide-map-height). Camera, period and selected route come from the store, which
 * each step sets, so the map flies from step to step.
 */
import type { ExitRoutesDataset } from "../schema/datasets.ts";
import { ExitRouteMap } from "./ExitRouteMap.tsx";
import { MapLegend } from "./MapLegend.tsx";
import "./map.css";

export function SlideMapChart({ data }: { data: ExitRoutesDataset }) {
  return (
    <div className="exit-routes slide-map">
      <ExitRouteMap data={data} height="var(--slide-map-height)" />
      <MapLegend data={data} />
    </div>
  );
}
