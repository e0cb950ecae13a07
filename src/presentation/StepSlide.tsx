/**
 * One step of the story as a slide: where it is in the story, its title, text, quote
 * and graphic in the step's saved view. Every step's slide is in the prerendered page:
 * CSS shows the current one on screen, all of them on paper (one per page) and, without
 * scripts, all of them as a page to read.
 */
import type { GraphicDefinitions } from "../graphics/loadGraphic.ts";
import { GraphicView } from "../graphics/GraphicView.tsx";
import type { StoryDataset } from "../schema/datasets.ts";
import { DEFAULT_URL_STATE } from "../state/urlState.ts";
import { StepMap } from "./StepMap.tsx";
import { StepQuote } from "./StepQuote.tsx";
import { progressLabel, stepView } from "./stepModel.ts";
import { StoryText } from "./StoryText.tsx";

type Step = StoryDataset["steps"][number];

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
  return (
    <article
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
          <StoryText text={step.text} />
        </p>
        {step.quote && <StepQuote quote={step.quote} />}
      </div>
      <div className="slide__graphic">
        {step.graphic === "exit-routes" ? (
          <StepMap stepState={step.state} />
        ) : (
          def && <GraphicView def={def} options={{ highlight, slide: true }} />
        )}
      </div>
    </article>
  );
}
