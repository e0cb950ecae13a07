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

export function PresentationApp({ presenter }: { presenter: boolean }) {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <Presentation presenter={presenter} />
    </QueryClientProvider>
  );
}

function Presentation({ presenter }: { presenter: boolean }) {
  useTheme();
  const story = useQuery(datasetQuery("story"));
  if (story.isPending) {
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
