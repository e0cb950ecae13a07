/**
 * A map step shows every place its text names: a reader told "from Tijuana to San
 * Diego" or "Poland, Estonia, Latvia and Lithuania" finds them in the step's view.
 */
import type { Position } from "geojson";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Topology } from "topojson-specification";
import { beforeAll, describe, expect, it } from "vitest";
import { basemapFromTopology } from "../map/basemap.ts";
import { cameraById, unwrapBounds, type Bounds } from "../map/mapCamera.ts";
import { deriveDatasets, type Datasets } from "../pipeline/deriveDatasets.ts";
import { loadLedger } from "../pipeline/loadLedger.ts";
import { DATA_DIR } from "../pipeline/testLedger.ts";
import { parseUrlState } from "../state/urlState.ts";

const topology = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../node_modules/world-atlas/countries-50m.json"), "utf8"),
) as Topology;
const countries = basemapFromTopology(topology, "50m").countries.features;

/** Whether a [lng, lat] is in a view's bounds (east unwrapped past west). */
const inView = ([[w, s], [e, n]]: Bounds, [lng, lat]: Position) => {
  const x = w + ((((lng! - w) % 360) + 360) % 360);
  return x <= e && lat! >= s && lat! <= n;
};

/** Every vertex of a country's land. */
const vertices = (iso: string): Position[] => {
  const f = countries.find((c) => c.properties.iso === iso);
  if (!f) return [];
  return f.geometry.type === "Polygon" ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2);
};

describe("the places a map step's text names", () => {
  let d: Datasets;
  beforeAll(async () => {
    d = deriveDatasets((await loadLedger(DATA_DIR)).ledger);
  });

  it("are in the step's view: the place's point, or for a country some of its land", () => {
    const data = d["exit-routes"];
    const named: string[] = [];
    for (const step of d.story.steps.filter((s) => s.graphic === "exit-routes")) {
      const view = unwrapBounds(cameraById(data.cameras, parseUrlState(step.state).camera).bounds);
      for (const place of data.places) {
        if (!new RegExp(`\\b${place.name}\\b`).test(step.text)) continue;
        named.push(`${step.id}: ${place.name}`);
        const seen =
          inView(view, place.coordinates) ||
          (place.kind === "country" && place.iso !== null && vertices(place.iso).some((v) => inView(view, v)));
        expect(seen, `${step.id}: ${place.name}`).toBe(true);
      }
    }
    // The test reads the real story: Tijuana, San Diego, the United States, Georgia, Poland…
    expect(named).toEqual(expect.arrayContaining(["invasion: Tijuana", "mobilization: Finland", "refusals: Poland"]));
  });
});
