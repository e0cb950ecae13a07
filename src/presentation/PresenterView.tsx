/**
 * The presenter's window (present.html?presenter=1): the current step with its notes,
 * the next step's title, a running timer and the same navigation as the slides, which
 * it drives and follows over the BroadcastChannel.
 */
import { useEffect, useId, useState } from "react";
import type { StoryDataset } from "../schema/datasets.ts";
import { formatElapsed } from "./formatElapsed.ts";
import { DeckNav } from "./DeckNav.tsx";
import { progressFraction, progressLabel } from "./stepModel.ts";
import { StoryText } from "./StoryText.tsx";
import { toggleFullscreen, usePresentationKeys } from "./usePresentationKeys.ts";
import { useStepNavigation } from "./useStepNavigation.ts";

/** Elapsed ms since the window opened (or the last reset), ticking every second. */
function useTimer() {
  const [start, setStart] = useState(() => Date.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const reset = () => {
    const t = Date.now();
    setStart(t);
    setNow(t);
  };
  return { elapsed: now - start, reset };
}

export function PresenterView({ story }: { story: StoryDataset }) {
  const steps = story.steps;
  const count = steps.length;
  const { index, act, goTo } = useStepNavigation(steps, { presenter: true });
  const step = steps[index]!;
  const next = steps[index + 1];
  const { elapsed, reset } = useTimer();
  const currentId = useId();
  const nextId = useId();
  const outlineId = useId();

  useEffect(() => {
    document.title = `Presenter view: ${step.title} (${index + 1}/${count}) · ${story.title}`;
  }, [step.title, index, count, story.title]);

  usePresentationKeys((action) => {
    if (action === "fullscreen") toggleFullscreen();
    else if (action !== "presenter") act(action);
  });

  return (
    <div className="presenter">
      <header className="presenter__bar">
        <h1 className="presenter__heading">
          Presenter view <span className="presenter__story">{story.title}</span>
        </h1>
        <p className="presenter__count">{progressLabel(index, count)}</p>
        <div className="presenter__timer">
          <span className="presenter__clock" role="timer" aria-label="Time since the presenter view opened">
            {formatElapsed(elapsed)}
          </span>
          <button type="button" className="button" onClick={reset}>
            Reset timer
          </button>
        </div>
      </header>
      <div className="deck-progress" aria-hidden="true">
        <div className="deck-progress__fill" style={{ transform: `scaleX(${progressFraction(index, count)})` }} />
      </div>
      <main id="main" className="presenter__main">
        <section className="presenter__current" aria-labelledby={currentId} data-step={step.id}>
          <p className="presenter__label">Now</p>
          <h2 id={currentId} className="presenter__title">
            {step.title}
          </h2>
          <p className="presenter__text">
            <StoryText text={step.text} interactive={false} />
          </p>
          <h3 className="presenter__label">Notes</h3>
          <p className={step.notes ? "presenter__notes" : "presenter__notes presenter__notes--none"}>
            {step.notes ? <StoryText text={step.notes} interactive={false} /> : "No notes for this step."}
          </p>
        </section>
        <div className="presenter__side">
          <section className="presenter__next" aria-labelledby={nextId}>
            <p className="presenter__label">Next</p>
            <h2 id={nextId} className="presenter__next-title">
              {next ? next.title : "End of the story"}
            </h2>
          </section>
          <nav className="presenter__outline" aria-labelledby={outlineId}>
            <h2 id={outlineId} className="presenter__label">
              All steps
            </h2>
            <ol>
              {steps.map((s, i) => (
                <li key={s.id}>
                  <button type="button" aria-current={i === index ? "step" : undefined} onClick={() => goTo(i)}>
                    <span className="presenter__outline-number">{i + 1}</span>
                    <span>{s.title}</span>
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        </div>
      </main>
      <DeckNav index={index} count={count} title={step.title} act={act}>
        Keys: ← → Space, Home, End
      </DeckNav>
    </div>
  );
}
