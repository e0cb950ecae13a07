import { describe, expect, it } from "vitest";
import { basemapFromTopology } from "./basemap.ts";
import { arrowFeatures, buildFlowModel, routeLineFeatures } from "./flowModel.ts";
import { BASE_FILTERS, buildStyle, LAYERS, paintFor, routeFilter } from "./mapLibreStyle.ts";
import { FALLBACK_PALETTE } from "./palette.ts";
import { labelCandidates, placeDotFeatures } from "./placeLabels.ts";
import { exitRoutesFixture } from "./testData.ts";

const data = exitRoutesFixture();
const model = buildFlowModel(data);
const style = buildStyle(
  {
    countries: null,
    borders: null,
    routes: routeLineFeatures(model.routes),
    arrows: arrowFeatures(model.routes),
    places: placeDotFeatures(labelCandidates(model.routes, data.stances, model.places)),
  },
  FALLBACK_PALETTE,
  null,
  model.routes.map((r) => r.id),
);

describe("MapLibre style", () => {
  it("works offline: no glyphs, sprite, tiles or URLs of any kind", () => {
    expect(style).not.toHaveProperty("glyphs");
    expect(style).not.toHaveProperty("sprite");
    for (const source of Object.values(style.sources)) {
      expect(source).not.toHaveProperty("url");
      expect(source).not.toHaveProperty("tiles");
      expect(source.type).toBe("geojson");
    }
    expect(JSON.stringify(style)).not.toMatch(/https?:|\/\/|\{fontstack\}|\{z\}/);
  });

  it("has unique layer ids, all in LAYERS", () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(Object.values(LAYERS)));
  });

  it("draws unquantified routes dashed and flights dotted, and keeps route ids for feature-state", () => {
    const layer = (id: string) =>
      style.layers.find((l) => l.id === id) as { paint?: Record<string, unknown>; layout?: Record<string, unknown> };
    expect(layer(LAYERS.unquantified).paint?.["line-dasharray"]).toEqual([3, 2]);
    expect(layer(LAYERS.flights).paint?.["line-dasharray"]).toEqual([0, 2.5]);
    expect(layer(LAYERS.flights).layout?.["line-cap"]).toBe("round");
    expect(layer(LAYERS.flows).paint?.["line-dasharray"]).toBeUndefined();
    expect((style.sources["routes"] as { promoteId?: string }).promoteId).toBe("route");
  });

  it("keeps a highlighted route's dashes or dots under its halo, the same lengths on screen as the route's", () => {
    const layer = (id: string) =>
      style.layers.find((l) => l.id === id) as {
        filter?: unknown;
        paint?: Record<string, unknown>;
        layout?: Record<string, unknown>;
      };
    // One halo per line style, each showing only its own routes.
    expect(JSON.stringify(layer(LAYERS.halo).filter)).toContain('"flow"');
    expect(JSON.stringify(layer(LAYERS.haloUnquantified).filter)).toContain('"unquantified"');
    expect(JSON.stringify(layer(LAYERS.haloFlights).filter)).toContain('"flights"');
    expect(layer(LAYERS.halo).paint?.["line-dasharray"]).toBeUndefined();
    for (const [id, route, extra] of [
      [LAYERS.haloUnquantified, LAYERS.unquantified, 6],
      [LAYERS.haloFlights, LAYERS.flights, 2],
    ] as const) {
      const haloWidth = layer(id).paint?.["line-width"] as number;
      expect(haloWidth).toBe(2 + extra);
      // Dash arrays count in line widths: halo dash × halo width = route dash × route width (2 px).
      const halo = layer(id).paint?.["line-dasharray"] as number[];
      const own = layer(route).paint?.["line-dasharray"] as number[];
      halo.forEach((v, i) => expect(v * haloWidth).toBeCloseTo(own[i]! * 2, 2));
      expect(layer(id).layout?.["line-cap"]).toBe(layer(route).layout?.["line-cap"]);
    }
  });

  it("takes its colours from the palette and dims unselected routes", () => {
    const p = paintFor({ ...FALLBACK_PALETTE, "--flow": "#123456" }, "to-finland");
    expect(p[LAYERS.flows]!["line-color"]).toBe("#123456");
    expect(p[LAYERS.flows]!["line-opacity"]).toEqual(["case", ["==", ["get", "route"], "to-finland"], 0.9, 0.3]);
    expect(paintFor(FALLBACK_PALETTE, null)[LAYERS.flows]!["line-opacity"]).toBe(0.9);
  });

  it("filters routes by id on top of each layer's own filter", () => {
    expect(routeFilter(BASE_FILTERS[LAYERS.flows]!, ["a"])).toEqual([
      "all",
      ["==", ["get", "style"], "flow"],
      ["in", ["get", "route"], ["literal", ["a"]]],
    ]);
    expect(routeFilter(null, [])).toEqual(["in", ["get", "route"], ["literal", []]]);
  });

  it("accepts the basemap as a GeoJSON source", async () => {
    const { readFileSync } = await import("node:fs");
    const { resolve } = await import("node:path");
    const topo = JSON.parse(
      readFileSync(resolve(import.meta.dirname, "../../node_modules/world-atlas/countries-110m.json"), "utf8"),
    );
    const basemap = basemapFromTopology(topo, "110m", data.stances);
    const s = buildStyle(
      {
        countries: basemap.countries,
        borders: basemap.borders,
        routes: routeLineFeatures([]),
        arrows: arrowFeatures([]),
        places: placeDotFeatures([]),
      },
      FALLBACK_PALETTE,
      null,
      [],
    );
    expect((s.sources["countries"] as { data: { features: unknown[] } }).data.features.length).toBeGreaterThan(150);
  });
});
