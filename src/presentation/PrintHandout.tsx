/**
 * Every step, one per printed page: what "Save as PDF" turns into a handout. Hidden on
 * screen (display: none, so it is not in the accessibility tree twice); shown, and the
 * live slide hidden, by the print rules in presentation.css.
 */
import type { StoryDataset } from "../schema/datasets.ts";
import { DEFAULT_URL_STATE } from "../state/urlState.ts";
import { StepGraphic } from "./StepGraphic.tsx";
import { StepQuote } from "./StepQuote.tsx";
import { progressLabel, stepView } from "./stepModel.ts";
import { StoryText } from "./StoryText.tsx";

export function PrintHandout({ story }: { story: StoryDataset }) {
  const count = story.steps.length;
  return (
    <div className="handout">
      {story.steps.map((step, i) => (
        <section key={step.id} className="handout__step" data-step={step.id} aria-label={step.title}>
          <p className="handout__running">
            {story.title} · {progressLabel(i, count)}
          </p>
          <h2 className="handout__title">{step.title}</h2>
          <p className="handout__body">
            <StoryText text={step.text} interactive={false} />
          </p>
          {step.quote && <StepQuote quote={step.quote} />}
          <div className="handout__graphic">
            <StepGraphic graphic={step.graphic} highlight={stepView(step, { current: DEFAULT_URL_STATE }).highlight} printState={step.state} />
          </div>
        </section>
      ))}
    </div>
  );
}
