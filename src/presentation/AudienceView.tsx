/**
 * The audience window: the story's steps as slides, one on screen at a time, with
 * keyboard, button and swipe navigation, progress, full screen and the presenter
 * window.
 *
 * Static first: every step's slide, graphic included, is in the prerendered page.
 * Before the app takes over, CSS shows the slide ?step= asks for (deckCss.ts); without
 * scripts every slide shows, as a page to read; on paper every slide prints, one per
 * page, each graphic already drawn. Once hydrated, the deck is `deck--live` and React
 * says which slide is current: the same slide CSS was showing, so nothing moves. Only
 * that slide is hydrated; the others stay as the page drew them until they are shown,
 * or the browser is idle (slideIslands.tsx).
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore, type PointerEvent } from "react";
import { useRef } from "react";
import type { GraphicDefinitions } from "../graphics/loadGraphic.ts";
import { ProvenancePanel } from "../provenance/ProvenancePanel.tsx";
import type { StoryDataset } from "../schema/datasets.ts";
import { selectUrlState, useAppStore } from "../state/store.ts";
import { ThemeToggle } from "../ui/ThemeToggle.tsx";
import { stepVisibilityCss } from "./deckCss.ts";
import { DeckNav } from "./DeckNav.tsx";
import { StaticSlide, useSlideIslands } from "./slideIslands.tsx";
import { StepSlide } from "./StepSlide.tsx";
import { presentationSearch, progressFraction, progressLabel, stepView } from "./stepModel.ts";
import { swipeAction, type PointerSample } from "./swipe.ts";
import { toggleFullscreen, usePresentationKeys } from "./usePresentationKeys.ts";
import { useStepNavigation } from "./useStepNavigation.ts";

const subscribeFullscreen = (cb: () => void) => {
  document.addEventListener("fullscreenchange", cb);
  return () => document.removeEventListener("fullscreenchange", cb);
};
const useIsFullscreen = () =>
  useSyncExternalStore(
    subscribeFullscreen,
    () => document.fullscreenElement !== null,
    () => false,
  );

export function AudienceView({ story, graphics }: { story: StoryDataset; graphics: GraphicDefinitions }) {
  const steps = story.steps;
  const count = steps.length;
  const { index, act, live } = useStepNavigation(steps, { presenter: false });
  const step = steps[index]!;
  const next = steps[index + 1];
  const theme = useAppStore((s) => s.theme);
  const fullscreen = useIsFullscreen();
  const stepIds = useMemo(() => steps.map((s) => s.id), [steps]);
  const css = useMemo(() => stepVisibilityCss(stepIds), [stepIds]);
  // Slides not shown yet stay as the page drew them (slideIslands.tsx).
  const island = useSlideIslands(stepIds, step.id, live);

  // A step is a saved view: its state goes into the store, which the explorer's
  // components (the provenance dialog, a table view) read.
  useEffect(() => {
    if (!live) return;
    const s = useAppStore.getState();
    s.replaceUrlState(stepView(step, { current: selectUrlState(s) }).state);
  }, [step, live]);

  // Each step starts at its top (narrow screens scroll); the window title names it.
  useEffect(() => {
    if (live) window.scrollTo({ top: 0 });
  }, [index, live]);
  useEffect(() => {
    if (live) document.title = `${step.title} (${index + 1}/${count}) · ${story.title}`;
  }, [step.title, index, count, story.title, live]);

  const openPresenter = useCallback(() => {
    window.open(
      `present.html${presentationSearch({ step: step.id, presenter: true, theme })}`,
      "exodus-presenter",
      "popup,width=1024,height=700",
    );
  }, [step.id, theme]);

  usePresentationKeys((action) => {
    if (action === "fullscreen") toggleFullscreen();
    else if (action === "presenter") openPresenter();
    else act(action);
  });

  // Swipe: touch and pen only (a mouse drag selects text), never starting on the map (it pans).
  const swipeStart = useRef<PointerSample | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    const onMap = e.target instanceof Element && e.target.closest(".exit-map, input, select, textarea");
    swipeStart.current =
      e.pointerType === "mouse" || !e.isPrimary || onMap ? null : { x: e.clientX, y: e.clientY, t: e.timeStamp };
  };
  const onPointerUp = (e: PointerEvent<HTMLElement>) => {
    const start = swipeStart.current;
    swipeStart.current = null;
    if (!start || !e.isPrimary) return;
    const action = swipeAction(start, { x: e.clientX, y: e.clientY, t: e.timeStamp });
    if (action) act(action);
  };

  return (
    <div className={live ? "deck deck--live" : "deck"}>
      <style>{css}</style>
      <header className="deck-bar">
        <h1 className="deck-bar__title">{story.title}</h1>
        <div className="deck-bar__tools needs-js">
          <ThemeToggle />
          <button type="button" className="button" onClick={openPresenter} aria-keyshortcuts="P">
            Presenter view
          </button>
          <button
            type="button"
            className="button"
            onClick={toggleFullscreen}
            aria-pressed={fullscreen}
            aria-keyshortcuts="F"
          >
            Full screen
          </button>
          <button
            type="button"
            className="button"
            onClick={() => window.print()}
            aria-keyshortcuts="Control+P Meta+P"
            title="Every step on its own page; choose “Save as PDF” in the print dialog for a PDF"
          >
            Print handout
          </button>
        </div>
      </header>
      <div
        className="deck-progress needs-js"
        role="progressbar"
        aria-label="Progress through the story"
        aria-valuemin={1}
        aria-valuemax={count}
        aria-valuenow={index + 1}
        aria-valuetext={progressLabel(index, count)}
      >
        <div className="deck-progress__fill" style={{ transform: `scaleX(${progressFraction(index, count)})` }} />
      </div>
      <main
        id="main"
        className="deck-stage"
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (swipeStart.current = null)}
      >
        {steps.map((s, i) => {
          const prerendered = island(s.id);
          return prerendered ? (
            <StaticSlide key={s.id} slide={prerendered} />
          ) : (
            <StepSlide key={s.id} step={s} index={i} count={count} current={live && i === index} graphics={graphics} />
          );
        })}
      </main>
      <div className="deck-footer needs-js">
        <DeckNav index={index} count={count} title={step.title} act={act} keyShortcuts>
          {next ? <>Next: {next.title}</> : "End of the story"}
        </DeckNav>
      </div>
      <ProvenancePanel />
    </div>
  );
}
