/**
 * The audience window: one step at a time, as a slide (title, text, quote, graphic in
 * the step's saved state), with keyboard, button and swipe navigation, progress, full
 * screen, the presenter window, and a print-only handout of every step (mounted when
 * printing: see PrintHandout.tsx).
 */
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useMemo, useRef, useSyncExternalStore, type PointerEvent } from "react";
import { datasetQuery } from "../data/datasetQuery.ts";
import { MapEngineChoiceContext } from "../map/mapEngineChoice.ts";
import { ProvenancePanel } from "../provenance/ProvenancePanel.tsx";
import type { StoryDataset } from "../schema/datasets.ts";
import { selectUrlState, useAppStore } from "../state/store.ts";
import { DEFAULT_URL_STATE, type KnownIds } from "../state/urlState.ts";
import { ThemeToggle } from "../ui/ThemeToggle.tsx";
import { DeckNav } from "./DeckNav.tsx";
import { PrintHandout } from "./PrintHandout.tsx";
import { StepGraphic } from "./StepGraphic.tsx";
import { StepQuote } from "./StepQuote.tsx";
import { presentationSearch, progressFraction, progressLabel, stepView } from "./stepModel.ts";
import { StoryText } from "./StoryText.tsx";
import { swipeAction, type PointerSample } from "./swipe.ts";
import { toggleFullscreen, usePresentationKeys } from "./usePresentationKeys.ts";
import { useEngaged } from "./useEngaged.ts";
import { usePrintHandout } from "./usePrintHandout.ts";
import { useStepNavigation } from "./useStepNavigation.ts";

/** Ids the datasets know, once loaded: a step naming an unknown camera or route falls back. */
function useKnownIds(): KnownIds | undefined {
  const routes = useQuery(datasetQuery("exit-routes")).data;
  const figures = useQuery(datasetQuery("figures")).data;
  return useMemo(
    () =>
      routes && figures
        ? {
            periods: routes.periods.map((p) => p.id),
            cameras: routes.cameras.map((c) => c.id),
            routes: routes.routes.map((r) => r.id),
            figures: figures.figures.map((f) => f.id),
          }
        : undefined,
    [routes, figures],
  );
}

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

/** Prints the handout once every graphic in it has drawn; says so while it waits. */
function PrintButton({ preparing, onClick }: { preparing: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className="button deck-print"
      onClick={onClick}
      aria-keyshortcuts="Control+P Meta+P"
      aria-busy={preparing}
      title="Every step on its own page; choose “Save as PDF” in the print dialog for a PDF"
    >
      {preparing ? "Preparing handout…" : "Print handout"}
    </button>
  );
}

export function AudienceView({ story }: { story: StoryDataset }) {
  const steps = story.steps;
  const count = steps.length;
  const { index, act } = useStepNavigation(steps, { presenter: false });
  const step = steps[index]!;
  const next = steps[index + 1];
  const known = useKnownIds();
  const theme = useAppStore((s) => s.theme);
  const camera = useAppStore((s) => s.camera);
  const route = useAppStore((s) => s.route);
  const fullscreen = useIsFullscreen();
  const titleId = useId();
  const { mounted: handoutMounted, drawn: handoutDrawn, preparing, print, watchHandout } = usePrintHandout();
  // Slide maps fly from view to view with MapLibre, started once a presenter drives the deck.
  const engaged = useEngaged(index);

  // A step is a saved view: put its state in the store (the map follows the store).
  useEffect(() => {
    const s = useAppStore.getState();
    s.replaceUrlState(stepView(step, { current: selectUrlState(s), known }).state);
  }, [step, known]);
  const highlight = useMemo(() => stepView(step, { current: DEFAULT_URL_STATE, known }).highlight, [step, known]);

  // Each step starts at its top (narrow screens scroll); the window title names it.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [index]);
  useEffect(() => {
    document.title = `${step.title} (${index + 1}/${count}) · ${story.title}`;
  }, [step.title, index, count, story.title]);

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

  const showsMap = step.graphic === "exit-routes";
  return (
    <div className="deck">
      <header className="deck-bar">
        <h1 className="deck-bar__title">{story.title}</h1>
        <p className="deck-bar__count">{progressLabel(index, count)}</p>
        <div className="deck-bar__tools">
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
          <PrintButton preparing={preparing} onClick={print} />
        </div>
      </header>
      <div
        className="deck-progress"
        role="progressbar"
        aria-label="Progress through the story"
        aria-valuemin={1}
        aria-valuemax={count}
        aria-valuenow={index + 1}
        aria-valuetext={progressLabel(index, count)}
      >
        <div className="deck-progress__fill" style={{ transform: `scaleX(${progressFraction(index, count)})` }} />
      </div>
      <MapEngineChoiceContext value={engaged ? "maplibre" : "auto"}>
        <main
          id="main"
          className="deck-stage"
          onPointerDown={onPointerDown}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (swipeStart.current = null)}
        >
          <article className="slide" data-step={step.id} data-graphic-kind={step.graphic} aria-labelledby={titleId}>
            <div className="slide__text" key={step.id}>
              <h2 id={titleId} className="slide__title">
                {step.title}
              </h2>
              <p className="slide__body">
                <StoryText text={step.text} />
              </p>
              {step.quote && <StepQuote quote={step.quote} />}
            </div>
            <div className="slide__graphics">
              {!showsMap && (
                <div className="slide__graphic" key={step.graphic}>
                  <StepGraphic graphic={step.graphic} highlight={highlight} />
                </div>
              )}
              {/* The map stays mounted (and sized) between map steps, so it flies from view to view. */}
              <div
                className={
                  showsMap
                    ? "slide__graphic slide__graphic--map"
                    : "slide__graphic slide__graphic--map slide__graphic--parked"
                }
                inert={!showsMap}
                aria-hidden={!showsMap || undefined}
                data-camera={camera}
                data-route={route ?? ""}
              >
                <StepGraphic graphic="exit-routes" highlight={showsMap ? highlight : []} />
              </div>
            </div>
          </article>
        </main>
      </MapEngineChoiceContext>
      <DeckNav index={index} count={count} title={step.title} act={act} keyShortcuts>
        {next ? <>Next: {next.title}</> : "End of the story"}
      </DeckNav>
      {handoutMounted && <PrintHandout story={story} drawn={handoutDrawn} ref={watchHandout} />}
      <ProvenancePanel />
    </div>
  );
}
