/**
 * Shapes the checked ledger into one dataset per graphic, holding only what each
 * view draws (a chart embed never downloads the whole ledger). One deriver per
 * dataset, in ./derive/, sharing the figure reference and header helpers of
 * ./derive/context.ts.
 */
import type { DatasetName, DatasetOf } from "../schema/datasets.ts";
import type { Ledger } from "../schema/ledger.ts";
import { deriveBorderStops } from "./derive/borderStops.ts";
import { deriveContext } from "./derive/context.ts";
import { deriveExitRoutes } from "./derive/exitRoutes.ts";
import { deriveFigures } from "./derive/figures.ts";
import { deriveForces } from "./derive/forces.ts";
import { deriveStory } from "./derive/story.ts";
import { caveatsInView } from "../map/flowModel.ts";
import { parseUrlState } from "../state/urlState.ts";
import { deriveWeekBreakdown } from "./derive/weekBreakdown.ts";
import type { Published } from "./publication.ts";
import type { QuoteVerifier } from "./quoteLock.ts";

export { ratioQualifier } from "./derive/forceRatios.ts";

export type Datasets = { [N in DatasetName]: DatasetOf<N> };

/**
 * `verifier`: how each quote was verified in this run (default: none was).
 * `published`: the last publication, whose text keys a correction may still name.
 */
export function deriveDatasets(ledger: Ledger, verifier?: QuoteVerifier, published?: Published | null): Datasets {
  const ctx = deriveContext(ledger, verifier, published ?? null);
  const graphics = {
    "exit-routes": deriveExitRoutes(ctx),
    "border-stops": deriveBorderStops(ctx),
    forces: deriveForces(ctx),
    "week-breakdown": deriveWeekBreakdown(ctx),
  };
  return {
    ...graphics,
    figures: deriveFigures(ctx),
    // A slide shows its graphic's footnotes beside its own (a map step: those of the
    // routes its view draws), so its markers follow the graphic's.
    story: deriveStory(ctx, (step) =>
      step.graphic === "exit-routes"
        ? caveatsInView(graphics["exit-routes"], parseUrlState(step.state))
        : graphics[step.graphic].meta.caveats,
    ),
  };
}
