/** story.json: the presentation's steps. */
import { DATASET_VERSION, type CaveatNote, type DatasetOf } from "../../schema/datasets.ts";
import type { GraphicId } from "../../schema/ledger.ts";
import type { DeriveContext } from "./context.ts";
import { figuresIn, stepSourceIds } from "./stepSources.ts";

/**
 * `graphicCaveats`: the footnotes a step's graphic shows. A step's slide lists its
 * graphic's footnotes beside its own, so a step's caveat marks its figures as the
 * graphic does where the caveat is the same, and with a marker the graphic does not use
 * where it is not: one marker, one note, on the whole slide.
 */
export function deriveStory(
  ctx: DeriveContext,
  graphicCaveats: (step: { graphic: GraphicId; state: string }) => readonly CaveatNote[],
): DatasetOf<"story"> {
  const { story } = ctx.ledger;
  return {
    version: DATASET_VERSION,
    title: story.title,
    steps: story.steps.map((s) => ({
      id: s.id,
      title: s.title,
      text: s.text,
      quote: s.quote ? ctx.cite(s.quote) : null,
      graphic: s.graphic,
      state: s.state,
      notes: s.notes,
      corrections: ctx.correctionsOf({ step: s.id }),
      sources: stepSourceIds(ctx.ledger, s).map(ctx.sourceRef),
      caveats: ctx.caveats(figuresIn(s.text), s.caveats, graphicCaveats(s)).notes,
    })),
  };
}
