/**
 * The explorer: all graphics, the provenance dialog and the sources, with the view
 * state mirrored in the URL. A thin shell over the shared graphic components, below
 * the masthead that index.html carries as plain HTML.
 */
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { datasetQuery } from "../data/datasetQuery.ts";
import { borderStopsGraphic, forcesGraphic, weekBreakdownGraphic } from "../graphics/chartGraphics.tsx";
import { GraphicView } from "../graphics/GraphicView.tsx";
import { ProvenancePanel } from "../provenance/ProvenancePanel.tsx";
import { SourcesList } from "../provenance/SourcesList.tsx";
import { EmbedButton } from "../embed/EmbedButton.tsx";
import { selectUrlState, useAppStore } from "../state/store.ts";
import { restrictToKnown } from "../state/urlState.ts";
import { useTheme } from "../state/useTheme.ts";
import { useUrlSync } from "../state/useUrlSync.ts";
import { ThemeToggle } from "../ui/ThemeToggle.tsx";

// The map graphic is split from the first chunk: the charts paint without waiting for it.
const ExitRoutesView = lazy(() => import("../graphics/ExitRoutesView.tsx"));

/**
 * `controls`: where the theme buttons go. The masthead around it is static HTML in
 * index.html, so that the headline paints before the scripts have loaded.
 */
export function ExplorerApp({ controls }: { controls: Element | null }) {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <Explorer controls={controls} />
    </QueryClientProvider>
  );
}

/**
 * Once the data is known, ids in the URL that name nothing fall back to defaults.
 * Each dataset restricts its own ids: one failing to load leaves the others' checks in place.
 */
function useKnownIdsOnly() {
  const routes = useQuery(datasetQuery("exit-routes")).data;
  const figures = useQuery(datasetQuery("figures")).data;
  useEffect(() => {
    if (!routes && !figures) return;
    const s = useAppStore.getState();
    const current = selectUrlState(s);
    const known = restrictToKnown(current, {
      ...(routes && {
        periods: routes.periods.map((p) => p.id),
        cameras: routes.cameras.map((c) => c.id),
        routes: routes.routes.map((r) => r.id),
      }),
      ...(figures && { figures: figures.figures.map((f) => f.id) }),
    });
    if (JSON.stringify(known) !== JSON.stringify(current)) s.replaceUrlState(known);
  }, [routes, figures]);
}

function Explorer({ controls }: { controls: Element | null }) {
  useUrlSync();
  useTheme();
  useKnownIdsOnly();
  return (
    <>
      {controls && createPortal(<ThemeToggle />, controls)}
      <main id="main">
        <div className="grid">
          <Suspense
            fallback={
              <div className="panel-loading" style={{ minHeight: 640 }} role="status">
                Loading the map…
              </div>
            }
          >
            <ExitRoutesView options={{ actions: (meta) => <EmbedButton graphic="exit-routes" title={meta.title} /> }} />
          </Suspense>
        </div>
        <div className="grid grid--two">
          <GraphicView
            def={borderStopsGraphic}
            options={{ actions: (meta) => <EmbedButton graphic="border-stops" title={meta.title} /> }}
          />
          <GraphicView
            def={weekBreakdownGraphic}
            options={{ actions: (meta) => <EmbedButton graphic="week-breakdown" title={meta.title} /> }}
          />
        </div>
        <div className="grid">
          <GraphicView
            def={forcesGraphic}
            options={{ actions: (meta) => <EmbedButton graphic="forces" title={meta.title} /> }}
          />
        </div>
        <h2 className="section-title" id="sources">
          The five articles
        </h2>
        <SourcesList />
        <p className="footer-note">
          Every number is typed once in the project&rsquo;s figure ledger with the quote that prints it, and checked
          against archived copies of the articles before it is shown. Basemap: Natural Earth.
        </p>
      </main>
      <ProvenancePanel />
    </>
  );
}
