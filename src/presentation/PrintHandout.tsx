/**
 * Every step, one per printed page: what "Save as PDF" turns into a handout. Hidden on
 * screen (display: none, so it is not in the accessibility tree twice); shown, and the
 * live slide hidden, by the print rules in presentation.css.
 *
 * Printed on demand (usePrintHandout.ts). Nobody sees the handout on screen, so it is
 * not mounted at start-up: a graphic per step, the print map's chunk and the 50m
 * basemap (242 KiB) would cost a phone seconds for nothing. It is mounted:
 * - by the "Print handout" button, and by Ctrl/Cmd+P (held back while it draws): the
 *   handout mounts, the print dialog opens once every graphic in it has drawn
 *   (`data-ready="true"` on the handout: charts have their SVG, maps their own
 *   basemap). This is the way to a complete handout, and what `npm run export` uses
 *   (with emulated print media, below);
 * - on `beforeprint`, and when the print media query starts to match (the browser's
 *   Print menu; headless Chromium's page.pdf() and emulated print media), with
 *   flushSync: the page is laid out for print as soon as the event returns, so
 *   nothing that must be downloaded can arrive in time. Text, quotes and charts print
 *   whole (the charts' data comes with the story). Maps print whole once the page has
 *   been idle for a moment after start-up, which fetches the print map's chunk (2 KB):
 *   each then draws in the same commit, on the best basemap already fetched (its own,
 *   else the slides' 110m one); before that, a map prints as "Loading the map…".
 * Once mounted it stays, so printing again is instant and complete.
 */
import type { Ref } from "react";
import type { StoryDataset } from "../schema/datasets.ts";
import { DEFAULT_URL_STATE } from "../state/urlState.ts";
import { StepGraphic } from "./StepGraphic.tsx";
import { StepQuote } from "./StepQuote.tsx";
import { progressLabel, stepView } from "./stepModel.ts";
import { StoryText } from "./StoryText.tsx";

export function PrintHandout({
  story,
  drawn,
  ref,
}: {
  story: StoryDataset;
  drawn: boolean;
  ref?: Ref<HTMLDivElement>;
}) {
  const count = story.steps.length;
  return (
    <div className="handout" ref={ref} data-ready={drawn}>
      {story.steps.map((step, i) => (
        <section
          key={step.id}
          className="handout__step"
          data-step={step.id}
          data-graphic-kind={step.graphic}
          aria-label={step.title}
        >
          <p className="handout__running">
            {story.title} · {progressLabel(i, count)}
          </p>
          <h2 className="handout__title">{step.title}</h2>
          <p className="handout__body">
            <StoryText text={step.text} interactive={false} />
          </p>
          {step.quote && <StepQuote quote={step.quote} />}
          <div className="handout__graphic">
            <StepGraphic
              graphic={step.graphic}
              highlight={stepView(step, { current: DEFAULT_URL_STATE }).highlight}
              printState={step.state}
            />
          </div>
        </section>
      ))}
    </div>
  );
}
