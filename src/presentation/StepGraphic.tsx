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
const PrintMap = lazy(() => import("./PrintMap.tsx"));

type Step = StoryDataset["steps"][number];

export function StepGraphic({ graphic, highlight, printState }: { graphic: Step["graphic"]; highlight: readonly string[]; printState?: string }) {
  switch (graphic) {
    case "border-stops":
      return <GraphicView def={borderStopsGraphic} options={{ highlight }} />;
    case "forces":
      return <GraphicView def={forcesGraphic} options={{ highlight }} />;
    case "week-breakdown":
      return <GraphicView def={weekBreakdownGraphic} options={{ highlight }} />;
    case "exit-routes":
      return (
        <Suspense
          fallback={
            <div className="panel-loading slide-map-loading" role="status">
              Loading the map…
            </div>
          }
        >
          {printState === undefined ? <SlideMap highlight={highlight} /> : <PrintMap stepState={printState} />}
        </Suspense>
      );
  }
}
