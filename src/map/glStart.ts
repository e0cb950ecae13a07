/**
 * Creates the exit-route map on MapLibre from the page alone, before the app runs
 * (glEarly.ts): the dataset from the page's data block, the view from its URL, the
 * colours from its stylesheet, the size from the prerendered map's frame. It draws out
 * of sight until the app adopts it; whatever the app would draw differently (it knows
 * the same things, so nothing, normally) it sends as an update.
 */
import { readPageData } from "../data/pageData.ts";
import { parseEmbedParams } from "../embed/embedParams.ts";
import { DATASETS } from "../schema/datasets.ts";
import { cachedBasemap, resolutionForBounds } from "./basemap.ts";
import { loadTopology } from "./basemapLoader.ts";
import { buildFlowModel, countriesOnRoutes, effectiveFilters, filterRoutes, widthOptionsFor } from "./flowModel.ts";
import { GlExitMap, glMapContainer, glRouteData, glViewData } from "./glExitMap.ts";
import { cameraById, viewBounds, isNarrowMap } from "./mapCamera.ts";
import { readPalette } from "./palette.ts";
import { isCompactMap, mapLabelCandidates } from "./placeLabels.ts";

/** Marked on the performance timeline when the page has created its map (tests and the bench read it). */
export const EARLY_MAP_MARK = "exodus:map-started";

export async function startGlMap(frame: HTMLElement, search: string): Promise<GlExitMap> {
  const { state } = parseEmbedParams(search, "exit-routes");
  const parsed = DATASETS["exit-routes"].safeParse(readPageData()["exit-routes"]);
  if (!parsed.success) throw new Error("The page carries no valid exit-routes dataset.");
  const data = parsed.data;
  const camera = cameraById(data.cameras, state.camera);
  const resolution = resolutionForBounds(camera.bounds);
  const topology = await loadTopology(resolution).catch(() => null);

  const { clientWidth: width, clientHeight: height } = frame;
  const bounds = viewBounds(camera, isNarrowMap(width));
  const model = buildFlowModel(data, { maxWidth: widthOptionsFor(width).maxWidth });
  const visible = filterRoutes(model.routes, effectiveFilters(model, state));
  const labels = mapLabelCandidates(visible, data.stances, model.places, isCompactMap(width));
  const basemap = topology ? cachedBasemap(topology, resolution, data.stances, countriesOnRoutes(model)) : null;

  // Out of sight, at the frame's size, until the app moves it into the frame.
  const container = glMapContainer();
  container.style.cssText = `position:fixed;left:0;top:0;width:${width}px;height:${height}px;visibility:hidden;pointer-events:none`;
  document.body.appendChild(container);
  try {
    const map = new GlExitMap(container, {
      ...glRouteData(model),
      ...glViewData(visible, labels, basemap),
      palette: readPalette(),
      selected: state.route,
      bounds,
    });
    performance.mark(EARLY_MAP_MARK);
    return map;
  } catch (err) {
    container.remove();
    throw err;
  }
}
