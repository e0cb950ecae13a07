/**
 * One step of the story as a slide: where it is in the story, its title, text, quote,
 * notes, caveats, corrections and sources, and its graphic in the step's saved view. Every step's slide is in the prerendered page:
 * CSS shows the current one on screen, all of them on paper (one per page) and, without
 * scripts, all of them as a page to read.
 */
import { useQuery } from "@tanstack/react-query";
import { datasetQuery } from "../data/datasetQuery.ts";
import type { GraphicDefinitions } from "../graphics/loadGraphic.ts";
import { GraphicView } from "../graphics/GraphicView.tsx";
import type { CorrectionNote, StoryDataset } from "../schema/datasets.ts";
import { DEFAULT_URL_STATE } from "../state/urlState.ts";
import { StepMap } from "./StepMap.tsx";
import { StepQuote } from "./StepQuote.tsx";
import { progressLabel, slideElementId, stepView } from "./stepModel.ts";
import { StoryText } from "./StoryText.tsx";
import { markersByFigure, Notes } from "../ui/Notes.tsx";
import { sourceLine } from "../ui/sourceLine.ts";
import { publicPageUrl, SITE_NAME } from "../pages/site.ts";

type Step = StoryDataset["steps"][number];

/**
 * The corrections to what a slide shows, as one line in its notes band: the step's own,
 * then its graphic's that the step does not list. Two lines (one under the graphic, one
 * in the band) read as the same correction twice.
 */
export function slideCorrections(
  step: Pick<Step, "corrections">,
  graphic: readonly CorrectionNote[] = [],
): CorrectionNote[] {
  const listed = new Set(step.corrections.map((c) => c.id));
  return [...step.corrections, ...graphic.filter((c) => !listed.has(c.id))];
}

/** The step's caveats; one of its own, on no number in its text, is headed "Note" rather than by a marker nothing points to. */
const stepCaveats = (step: Step) => step.caveats.map((c) => (c.figures.length > 0 ? c : { ...c, marker: "Note:" }));

export function StepSlide({
  step,
  index,
  count,
  current,
  graphics,
}: {
  step: Step;
  index: number;
  count: number;
  /** The step on screen, once the app has taken over the deck. */
  current: boolean;
  graphics: GraphicDefinitions;
}) {
  const titleId = `slide-${step.id}-title`;
  const { highlight } = stepView(step, { current: DEFAULT_URL_STATE });
  const def = graphics.get(step.graphic);
  // The page carries every graphic's dataset: this reads it, never fetches it first.
  const graphicMeta = useQuery(datasetQuery(step.graphic)).data?.meta;
  const corrections = slideCorrections(step, graphicMeta?.corrections);
  return (
    <article
      id={slideElementId(step.id)}
      className={current ? "slide slide--current" : "slide"}
      data-step={step.id}
      data-graphic-kind={step.graphic}
      aria-labelledby={titleId}
      aria-current={current ? "step" : undefined}
    >
      <div className="slide__text">
        <p className="slide__count">{progressLabel(index, count)}</p>
        <h2 id={titleId} className="slide__title">
          {step.title}
        </h2>
        <p className="slide__body">
          <StoryText text={step.text} markers={markersByFigure(step.caveats)} />
        </p>
        {step.quote && <StepQuote quote={step.quote} sources={step.sources} />}
      </div>
      <div className="slide__graphic">
        {step.graphic === "exit-routes" ? (
          <StepMap stepId={step.id} stepState={step.state} />
        ) : (
          def && (
            <GraphicView
              def={def}
              options={{
                highlight,
                slide: true,
                // Its caveats by its marks; its corrections go with the step's, in the band.
                notes: (data) => ({ caveats: data.meta.caveats, corrections: [] }),
              }}
            />
          )
        )}
      </div>
      {/* What the presenter is told, the audience reads too: notes, caveats, corrections, sources. */}
      {/* Shown whole everywhere: on a fitted screen the graphic gives up the room it takes (presentation.css). */}
      <div className="slide__notes" role="region" aria-label="Notes, caveats and sources">
        {step.notes && (
          <p className="slide__note">
            <StoryText text={step.notes} interactive={false} />
          </p>
        )}
        <Notes caveats={stepCaveats(step)} corrections={corrections} />
        <p className="slide__sources">{sourceLine(step)}</p>
        {/* On paper only: whose handout this is, and where the step lives. */}
        <p className="slide__credit">
          {SITE_NAME} · {publicPageUrl(`present.html?step=${step.id}`)}
        </p>
      </div>
    </article>
  );
}
