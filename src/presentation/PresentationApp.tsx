/**
 * The presentation: the story's steps as slides (present.html), or with ?presenter=1
 * the presenter's window (notes, next step, timer). Both follow the same step.
 * A thin shell over the explorer's components; it does not mirror the store in the
 * URL (the URL holds only the step).
 */
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { datasetQuery } from "../data/datasetQuery.ts";
import { useTheme } from "../state/useTheme.ts";
import { PanelMessage } from "../ui/PanelBoundary.tsx";
import { AudienceView } from "./AudienceView.tsx";
import { PresenterView } from "./PresenterView.tsx";
import "./presentation.css";

/** The slides' graphics: their data is small and fetched with the story (see below). */
const GRAPHIC_DATASETS = ["exit-routes", "border-stops", "forces", "week-breakdown"] as const;

export function PresentationApp({ presenter }: { presenter: boolean }) {
  const [client] = useState(() => {
    const c = new QueryClient();
    // The slides' data comes with the story rather than after it, so the first slide
    // usually draws its graphic in its first frame (a graphic arriving later makes a
    // slide centred in a wide window jump: a layout shift), and the print handout has
    // every chart's data at hand when the browser prints (see PrintHandout.tsx).
    if (!presenter) for (const name of GRAPHIC_DATASETS) void c.prefetchQuery(datasetQuery(name));
    return c;
  });
  return (
    <QueryClientProvider client={client}>
      <Presentation presenter={presenter} />
    </QueryClientProvider>
  );
}

function Presentation({ presenter }: { presenter: boolean }) {
  useTheme();
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
  return presenter ? <PresenterView story={story.data} /> : <AudienceView story={story.data} />;
}
