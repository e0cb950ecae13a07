/**
 * Reference (e): bare MapLibre with the app's embedded basemap: world-atlas
 * countries-110m (the same build asset the app fetches) as a GeoJSON source, a fill
 * and a border layer, no glyphs, sprite, tiles or flows. Same camera as the app's
 * world view; ready at the first `idle`, as the app's map is.
 */
import "maplibre-gl/dist/maplibre-gl.css";
import { Map as MapLibreMap, setWorkerUrl } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countriesUrl from "world-atlas/countries-110m.json?url";
import { markDrawn } from "./borderStopsBars.ts";

setWorkerUrl(workerUrl);

const [topology, routes] = await Promise.all([
  fetch(countriesUrl).then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection }>>),
  fetch("/data/exit-routes.json").then(
    (r) => r.json() as Promise<{ cameras: { id: string; bounds: [[number, number], [number, number]] }[] }>,
  ),
]);
const countries = feature(topology, topology.objects.countries);
const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
const world = routes.cameras.find((c) => c.id === "world") ?? routes.cameras[0]!;

const map = new MapLibreMap({
  container: "map",
  bounds: world.bounds,
  attributionControl: false,
  style: {
    version: 8,
    sources: { countries: { type: "geojson", data: countries }, borders: { type: "geojson", data: borders } },
    layers: [
      { id: "water", type: "background", paint: { "background-color": "#dfe8ee" } },
      { id: "land", type: "fill", source: "countries", paint: { "fill-color": "#f4f1ea" } },
      { id: "borders", type: "line", source: "borders", paint: { "line-color": "#b9b4a8", "line-width": 0.6 } },
    ],
  },
});
map.once("idle", markDrawn);
