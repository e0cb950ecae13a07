/**
 * A step's graphic, through the same GraphicView as the explorer and the embeds. The
 * map is a slide-sized variant (map and key; the route list and filters stay in the
 * explorer) loaded in its own chunk; in the handout it is a static SVG per step.
 */
import { lazy, Suspense } from "react";
import { borderStopsGraphic, forcesGraphic, weekBreakdownGraphic } from "../graphics/chartGraphics.tsx";
import { GraphicView } from "../graphics/GraphicView.tsx";
import type { StoryDataset } from "../schema/datasets.ts";

const SlideMap = lazy(() => import("./SlideMap.tsx"));

type PrintMapModule = typeof import("./PrintMap.tsx");
let printMapModule: PrintMapModule | null = null;

/**
 * Loads the handout's map chunk. Once it is here the handout draws its maps in the
 * commit that mounts it: a lazy component suspends at least once, even on a chunk
 * already loaded, and a handout mounted as the browser starts printing gets no second
 * commit before the page is printed.
 */
export function preloadPrintMap(): Promise<PrintMapModule> {
  return import("./PrintMap.tsx").then((m) => (printMapModule = m));
}
const LazyPrintMap = lazy(preloadPrintMap);

type Step = StoryDataset["steps"][number];

const mapLoading = (
  <div className="panel-loading slide-map-loading" role="status">
    Loading the map…
  </div>
);

function HandoutMap({ stepState }: { stepState: string }) {
  const Loaded = printMapModule?.default;
  if (Loaded) return <Loaded stepState={stepState} />;
  return (
    <Suspense fallback={mapLoading}>
      <LazyPrintMap stepState={stepState} />
    </Suspense>
  );
}

export function StepGraphic({
  graphic,
  highlight,
  printState,
}: {
  graphic: Step["graphic"];
  highlight: readonly string[];
  printState?: string;
}) {
  switch (graphic) {
    case "border-stops":
      return <GraphicView def={borderStopsGraphic} options={{ highlight }} />;
    case "forces":
      return <GraphicView def={forcesGraphic} options={{ highlight }} />;
    case "week-breakdown":
      return <GraphicView def={weekBreakdownGraphic} options={{ highlight }} />;
    case "exit-routes":
      return printState === undefined ? (
        <Suspense fallback={mapLoading}>
          <SlideMap highlight={highlight} />
        </Suspense>
      ) : (
        <HandoutMap stepState={printState} />
      );
  }
}
