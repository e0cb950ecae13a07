/**
 * npx tsx scripts/map-design/maplibreCheck.ts
 *
 * Does MapLibre draw the recommended frame's main panel where the SVG does? For the
 * conic design it uses MapLibre's built-in `identity` projection with every source
 * pre-projected by mapFrame's plane (projectGeometryToPlane), the camera from
 * maplibreView; for the Mercator variant, MapLibre's own projection. In headless
 * Chromium (SwiftShader WebGL) it draws the land, borders, routes and dots, then
 * compares: each dot's position from map.project() against the SVG's, and the two
 * pictures pixel by pixel. Writes results/map-design/maplibre-*.png and prints a table.
 */
import http from "node:http";
import { copyFile, readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { geoPath } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { chromium } from "playwright-core";
import type { Topology } from "topojson-specification";
import { CHROMIUM_ARGS } from "../../playwright.config.ts";
import { basemapFromTopology, planarBasemap } from "../../src/map/basemap.ts";
import { buildFlowModel } from "../../src/map/flowModel.ts";
import {
  locate,
  mapFrame,
  maplibreView,
  projectGeometryToPlane,
  type FramePanel,
  type PlaneKind,
} from "../../src/map/mapFrame.ts";
import { FALLBACK_PALETTE as C } from "../../src/map/palette.ts";
import { labelCandidates } from "../../src/map/placeLabels.ts";
import { ExitRoutesDataset } from "../../src/schema/datasets.ts";
import { framedPlaces, PROPOSED_CAMERAS } from "./candidates.ts";
import { drawRoutes } from "./renderDesign.ts";

const OUT = path.resolve("results/map-design");
const DOCS = path.resolve("docs/screenshots/map-design");
const DIST = path.resolve("node_modules/maplibre-gl/dist");
const CASES: { kind: PlaneKind; width: number }[] = [
  { kind: "conic", width: 390 },
  { kind: "conic", width: 1280 },
  { kind: "mercator", width: 390 },
];

const data = ExitRoutesDataset.parse(
  JSON.parse(await readFile(path.resolve("src/map/__fixtures__/exit-routes.json"), "utf8")),
);
const topology = JSON.parse(
  await readFile(path.resolve("node_modules/world-atlas/countries-110m.json"), "utf8"),
) as Topology;
const basemap = basemapFromTopology(topology, "110m", data.stances, []);

/** The panel's pixels → MapLibre coordinates: plane units (identity) or lon/lat (Mercator). */
function toMap(panel: FramePanel): (xy: readonly [number, number]) => [number, number] {
  if (panel.plane.kind === "mercator") return (xy) => panel.projection.invert!([xy[0], xy[1]])!;
  const k = panel.projection.scale() / panel.plane.projection.scale();
  const [tx, ty] = panel.projection.translate();
  return ([x, y]) => [(x - tx) / k, -(y - ty) / k];
}

function scene(kind: PlaneKind, width: number) {
  const frame = mapFrame({ width, cameras: PROPOSED_CAMERAS, kind, places: framedPlaces(data, width) });
  const main = frame.panels.find((p) => p.role === "main")!;
  const { x1: w, y1: h } = main.box;
  const model = buildFlowModel(data, { maxWidth: frame.flowMaxWidth });
  const legs = drawRoutes({ ...frame, legs: "frame" }, model.routes).filter((l) => {
    const end = l.points[l.points.length - 1]!;
    return locate(frame, main.projection.invert!(end) as [number, number])?.panel === main;
  });
  const dots = labelCandidates(model.routes, data.stances, model.places).flatMap((c) => {
    const at = locate(frame, [c.coordinates[0]!, c.coordinates[1]!]);
    return at && at.panel === main ? [{ id: c.placeId, x: at.x, y: at.y }] : [];
  });
  const map = toMap(main);
  const countries =
    kind === "mercator"
      ? planarBasemap(basemap).countries.features
      : basemap.countries.features.flatMap((f) => {
          const g = projectGeometryToPlane(main.plane, f.geometry);
          return g ? [{ ...f, geometry: g } as Feature<Geometry>] : [];
        });
  const borders =
    kind === "mercator" ? planarBasemap(basemap).borders : projectGeometryToPlane(main.plane, basemap.borders);
  const routes = legs.map((l) => ({
    type: "Feature" as const,
    properties: { width: l.route.width, colour: l.route.style === "flow" ? C["--flow"] : C["--unquantified"] },
    geometry: { type: "LineString" as const, coordinates: l.points.map((p) => map(p)) },
  }));
  const points = dots.map((d) => ({
    type: "Feature" as const,
    properties: { id: d.id },
    geometry: { type: "Point" as const, coordinates: map([d.x, d.y]) },
  }));
  // The same layers as SVG, drawn by d3 into the same box.
  const path = geoPath(main.projection);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">`,
    `<rect width="${w}" height="${h}" fill="${C["--water"]}"/>`,
    ...basemap.countries.features.map((f) => `<path d="${path(f) ?? ""}" fill="${C["--land"]}"/>`),
    `<path d="${path(basemap.borders) ?? ""}" fill="none" stroke="${C["--border"]}" stroke-width="0.6"/>`,
    ...legs.map(
      (l) =>
        `<path d="${l.d}" fill="none" stroke="${l.route.style === "flow" ? C["--flow"] : C["--unquantified"]}" stroke-width="${l.route.width}"/>`,
    ),
    ...dots.map((d) => `<circle cx="${d.x}" cy="${d.y}" r="3" fill="${C["--fg"]}"/>`),
    `</svg>`,
  ].join("");
  return { w, h, view: maplibreView(main), countries, borders, routes, points, dots, svg };
}

const server = http.createServer(async (req, res) => {
  try {
    if (req.url === "/") {
      res.setHeader("content-type", "text/html");
      res.end(`<!doctype html><body style="margin:0"><div id="map"></div></body>`);
    } else if (req.url?.startsWith("/ml/")) {
      res.setHeader("content-type", "text/javascript");
      res.end(await readFile(path.join(DIST, path.basename(req.url))));
    } else {
      res.statusCode = 404;
      res.end();
    }
  } catch {
    res.statusCode = 500;
    res.end();
  }
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: CHROMIUM_ARGS,
});
await mkdir(OUT, { recursive: true });
await mkdir(DOCS, { recursive: true });
const rows: string[] = [
  "| plane | width | MapLibre view | dots: largest offset | pixels that differ |",
  "| --- | ---: | --- | ---: | ---: |",
];
try {
  for (const { kind, width } of CASES) {
    const s = scene(kind, width);
    const page = await browser.newPage({ viewport: { width: s.w, height: s.h }, deviceScaleFactor: 1 });
    // tsx names the functions it compiles with a helper the page does not have.
    await page.addInitScript({ content: "window.__name = (f) => f;" });
    await page.goto(origin + "/");
    const result = await page.evaluate(
      async (s) => {
        const ml = await import("/ml/maplibre-gl.mjs" as string);
        ml.setWorkerUrl("/ml/maplibre-gl-worker.mjs");
        const el = document.getElementById("map")!;
        el.style.cssText = `width:${s.w}px;height:${s.h}px`;
        const fc = (features: unknown[]) => ({ type: "FeatureCollection", features });
        const map = new ml.Map({
          container: el,
          style: {
            version: 8,
            projection: { type: s.view.projection },
            sources: {
              countries: { type: "geojson", data: fc(s.countries) },
              borders: { type: "geojson", data: s.borders ?? fc([]) },
              routes: { type: "geojson", data: fc(s.routes) },
              points: { type: "geojson", data: fc(s.points) },
            },
            layers: [
              { id: "water", type: "background", paint: { "background-color": s.palette.water } },
              {
                id: "land",
                type: "fill",
                source: "countries",
                paint: { "fill-color": s.palette.land, "fill-antialias": false },
              },
              {
                id: "borders",
                type: "line",
                source: "borders",
                paint: { "line-color": s.palette.border, "line-width": 0.6 },
              },
              {
                id: "routes",
                type: "line",
                source: "routes",
                paint: { "line-color": ["get", "colour"], "line-width": ["get", "width"] },
              },
              {
                id: "dots",
                type: "circle",
                source: "points",
                paint: { "circle-radius": 3, "circle-color": s.palette.fg },
              },
            ],
          },
          center: s.view.center,
          zoom: s.view.zoom,
          attributionControl: false,
          fadeDuration: 0,
          renderWorldCopies: false,
          canvasContextAttributes: { preserveDrawingBuffer: true },
        });
        await new Promise<void>((resolve) => map.once("idle", () => resolve()));
        const offsets = s.points.map((p: { geometry: { coordinates: [number, number] } }, i: number) => {
          const q = map.project(p.geometry.coordinates);
          return Math.hypot(q.x - s.dots[i]!.x, q.y - s.dots[i]!.y);
        });
        // Pixel comparison with the SVG drawn by d3.
        const img = new Image();
        img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(s.svg);
        await img.decode();
        const read = (source: CanvasImageSource) => {
          const c = document.createElement("canvas");
          c.width = s.w;
          c.height = s.h;
          const ctx = c.getContext("2d")!;
          ctx.drawImage(source, 0, 0, s.w, s.h);
          return ctx.getImageData(0, 0, s.w, s.h).data;
        };
        const a = read(map.getCanvas());
        const b = read(img);
        let differ = 0;
        for (let i = 0; i < a.length; i += 4)
          if (Math.max(Math.abs(a[i]! - b[i]!), Math.abs(a[i + 1]! - b[i + 1]!), Math.abs(a[i + 2]! - b[i + 2]!)) > 48)
            differ++;
        return {
          offset: Math.max(...offsets),
          differ: differ / (a.length / 4),
          centre: map.getCenter(),
          zoom: map.getZoom(),
        };
      },
      { ...s, palette: { water: C["--water"], land: C["--land"], border: C["--border"], fg: C["--fg"] } },
    );
    await page.screenshot({ path: path.join(OUT, `maplibre-${kind}-${width}.png`) });
    if (kind === "conic" && width === 390)
      await copyFile(path.join(OUT, `maplibre-${kind}-${width}.png`), path.join(DOCS, `maplibre-${kind}-${width}.png`));
    await page.setContent(`<!doctype html><body style="margin:0">${s.svg}</body>`);
    await page.screenshot({ path: path.join(OUT, `maplibre-${kind}-${width}-svg.png`) });
    rows.push(
      `| ${kind === "conic" ? "conic, MapLibre 'identity'" : "Mercator, MapLibre 'mercator'"} | ${width} | centre ${s.view.center.map((v) => v.toFixed(3)).join(", ")}, zoom ${s.view.zoom.toFixed(3)} | ${result.offset.toFixed(2)} px | ${(result.differ * 100).toFixed(2)}% |`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
await writeFile(path.join(OUT, "maplibre-check.md"), rows.join("\n") + "\n");
console.log(rows.join("\n"));
