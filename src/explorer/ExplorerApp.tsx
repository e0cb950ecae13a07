/**
 * The explorer: every graphic in the registry, the provenance dialog and the sources,
 * with the view state mirrored in the URL. The whole page, prerendered at build time
 * and hydrated in the browser (src/entries/explorer.tsx): the HTML already holds every
 * graphic, number, caveat and source; the script adds interaction.
 */
import { QueryClientProvider, useQuery, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { datasetQuery } from "../data/datasetQuery.ts";
import { EmbedButton } from "../embed/EmbedButton.tsx";
import { GraphicView } from "../graphics/GraphicView.tsx";
import type { GraphicDefinitions } from "../graphics/loadGraphic.ts";
import { GRAPHIC_IDS, GRAPHICS, type GraphicId } from "../graphics/registry.ts";
import { ProvenancePanel } from "../provenance/ProvenancePanel.tsx";
import { SourcesList } from "../provenance/SourcesList.tsx";
import { selectUrlState, useAppStore } from "../state/store.ts";
import { restrictToKnown } from "../state/urlState.ts";
import { useTheme } from "../state/useTheme.ts";
import { useUrlSync } from "../state/useUrlSync.ts";
import { ThemeToggle } from "../ui/ThemeToggle.tsx";

/** The graphics in registry order, a wide one alone in its row, half-width ones in pairs. */
function explorerRows(): GraphicId[][] {
  const rows: GraphicId[][] = [];
  for (const id of GRAPHIC_IDS) {
    const last = rows.at(-1);
    if (GRAPHICS[id].layout === "half" && last && last.length === 1 && GRAPHICS[last[0]!].layout === "half")
      last.push(id);
    else rows.push([id]);
  }
  return rows;
}

/** `graphics`: every graphic's definition (the entry loads them before it hydrates). */
export function ExplorerApp({ client, graphics }: { client: QueryClient; graphics: GraphicDefinitions }) {
  return (
    <QueryClientProvider client={client}>
      <Explorer graphics={graphics} />
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

function Explorer({ graphics }: { graphics: GraphicDefinitions }) {
  useUrlSync();
  useTheme();
  useKnownIdsOnly();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the graphics
      </a>
      <div className="page">
        <header className="masthead">
          <div>
            <h1>Leaving Russia in 2022</h1>
            <p>
              The routes out of Russia that five news articles reported in 2022, after the invasion of Ukraine and after
              the mobilization order, and the numbers they print. Select any number to see the quote it comes from.
            </p>
          </div>
          <div className="masthead__controls needs-js">
            <ThemeToggle />
          </div>
        </header>
        <main id="main">
          {explorerRows().map((row) => (
            <div key={row.join(" ")} className={row.length > 1 ? "grid grid--two" : "grid"}>
              {row.map((id) => (
                <GraphicView
                  key={id}
                  def={graphics.get(id)!}
                  options={{ actions: (meta) => <EmbedButton graphic={id} title={meta.title} /> }}
                />
              ))}
            </div>
          ))}
          <h2 className="section-title" id="sources">
            The five articles
          </h2>
          <SourcesList />
          <p className="footer-note">
            Every number is typed once in the project&rsquo;s figure ledger with the quote that prints it, and checked
            against archived copies of the articles before it is shown. Basemap: Natural Earth.
          </p>
        </main>
      </div>
      <ProvenancePanel />
    </>
  );
}
