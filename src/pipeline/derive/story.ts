/** story.json: the presentation's steps. */
import { DATASET_VERSION, type DatasetOf } from "../../schema/datasets.ts";
import type { DeriveContext } from "./context.ts";
import { figuresIn, stepSourceIds } from "./stepSources.ts";

export function deriveStory(ctx: DeriveContext): DatasetOf<"story"> {
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
      caveats: ctx.caveats(figuresIn(s.text), s.caveats).notes,
    })),
  };
}
