/** Test helpers: the exit-routes fixture, parsed with the app's schema, and the world-atlas basemaps. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Topology } from "topojson-specification";
import { ExitRoutesDataset } from "../schema/datasets.ts";
import type { Resolution } from "./basemap.ts";
import raw from "./__fixtures__/exit-routes.json";

export const exitRoutesFixture = (): ExitRoutesDataset => ExitRoutesDataset.parse(structuredClone(raw));

/** The world-atlas TopoJSON the app ships, read from node_modules. */
export const worldAtlasTopology = (res: Resolution): Topology =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../node_modules/world-atlas/countries-${res}.json`), "utf8"),
  ) as Topology;

/** Both resolutions, as the prerenderer provides them (PrerenderTopologyContext). */
export const worldAtlasTopologies = (): Record<Resolution, Topology> => ({
  "110m": worldAtlasTopology("110m"),
  "50m": worldAtlasTopology("50m"),
});
