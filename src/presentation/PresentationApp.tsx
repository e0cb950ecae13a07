/**
 * The presentation: the story's steps as slides (present.html), or with ?presenter=1
 * the presenter's window (notes, next step, timer). Both follow the same step.
 * A thin shell over the explorer's components; it does not mirror the store in the
 * URL (the URL holds only the step).
 */
import { QueryClientProvider, useQuery, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useAppStore } from "../state/store.ts";
import { parseTheme } from "../state/themeChoice.ts";
import { datasetQuery } from "../data/datasetQuery.ts";
import { useTheme } from "../state/useTheme.ts";
import { PanelMessage } from "../ui/PanelBoundary.tsx";
import type { GraphicDefinitions } from "../graphics/loadGraphic.ts";
import { AudienceView } from "./AudienceView.tsx";
import { PresenterView } from "./PresenterView.tsx";
import "./presentation.css";

/** The slides' graphics: their data is small and fetched with the story (see below). */
const GRAPHIC_DATASETS = ["exit-routes", "border-stops", "forces", "week-breakdown"] as const;

/**
 * `client` holds the story, the figures and every slide's dataset (the page carries
 * them: see src/data/pageData.ts). `presenter`: the presenter's window, drawn in the
 * browser only (the prerendered page is the audience's deck).
 */
export function PresentationApp({
  client,
  graphics,
  presenter = false,
}: {
  client: QueryClient;
  /** The slides' graphic definitions (the entry loads them before it hydrates); none for the presenter. */
  graphics: GraphicDefinitions;
  presenter?: boolean;
}) {
  useState(() => {
    // Where the page did not carry them (the dev server), the slides' data comes with
    // the story rather than after it, so the first slide draws its graphic at once.
    if (!presenter) for (const name of GRAPHIC_DATASETS) void client.prefetchQuery(datasetQuery(name));
  });
  return (
    <QueryClientProvider client={client}>
      <Presentation presenter={presenter} graphics={graphics} />
    </QueryClientProvider>
  );
}

function Presentation({ presenter, graphics }: { presenter: boolean; graphics: GraphicDefinitions }) {
  useTheme();
  // The prerendered deck follows the system's theme; ?theme= applies once it is hydrated.
  useEffect(() => {
    useAppStore.getState().setTheme(parseTheme(new URLSearchParams(window.location.search).get("theme")));
  }, []);
  const story = useQuery(datasetQuery("story"));
  // The steps' numbers come from figures.json: fetched alongside the story and waited
  // for, so a step's text does not reflow (moving the graphic below it) as they arrive.
  // If it fails the steps still show, with "…" for their numbers.
  const figures = useQuery(datasetQuery("figures"));
  if (story.isPending || figures.isPending) {
    return (
      <main id="main" className="deck-message">
        <p role="status">Loading the story…</p>
      </main>
    );
  }
  if (story.isError || story.data.steps.length === 0) {
    return (
      <main id="main" className="deck-message">
        <h1>Leaving Russia in 2022</h1>
        <PanelMessage
          title="Sorry, the story could not be loaded."
          detail={story.isError ? story.error.message : "The story has no steps."}
          onRetry={() => void story.refetch()}
        />
      </main>
    );
  }
  return presenter ? <PresenterView story={story.data} /> : <AudienceView story={story.data} graphics={graphics} />;
}
