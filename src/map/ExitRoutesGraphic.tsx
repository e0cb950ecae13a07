/**
 * The whole exit-route graphic, for a frame that supplies the title, subtitle, source
 * line and export: controls, the map with its key, the selected route's card and the
 * route list. Lays out by its own width (a container query), not the window's, so it
 * works the same in a narrow embed and a wide page: list below the map under 900 px,
 * beside it from 900 px.
 */
import type { ExitRoutesDataset } from "../schema/datasets.ts";
import { ExitRouteMap, type ExitRouteMapProps } from "./ExitRouteMap.tsx";
import { MapControls } from "./MapControls.tsx";
import { MapLegend } from "./MapLegend.tsx";
import { RouteDetails } from "./RouteDetails.tsx";
import { RouteList } from "./RouteList.tsx";
import "./map.css";

export interface ExitRoutesGraphicProps {
  data: ExitRoutesDataset;
  /** Passed to ExitRouteMap. */
  mapHeight?: ExitRouteMapProps["height"];
  /** Passed to ExitRouteMap ("svg" for print or image export). */
  engine?: ExitRouteMapProps["engine"];
}

export function ExitRoutesGraphic({ data, mapHeight, engine }: ExitRoutesGraphicProps) {
  return (
    <div className="exit-routes">
      <MapControls data={data} />
      <div className="exit-routes__body">
        <div className="exit-routes__map">
          <ExitRouteMap data={data} height={mapHeight} engine={engine} />
          <MapLegend data={data} />
        </div>
        <div className="exit-routes__side">
          <RouteDetails data={data} />
          <RouteList data={data} />
        </div>
      </div>
    </div>
  );
}
