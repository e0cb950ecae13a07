/**
 * One graphic alone, for an article page: the same graphic components as the
 * explorer, with an h1 title. Only the chosen graphic's code is loaded (a chart
 * embed never downloads maplibre-gl or the basemap), the parent's URL and history
 * are never touched, and the height is reported to the parent page.
 */
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState, type ComponentType } from "react";
import { datasetQuery } from "../data/datasetQuery.ts";
import type { GraphicId } from "../schema/ledger.ts";
import type { GraphicViewOptions } from "../graphics/GraphicView.tsx";
import { MapEngineChoiceContext } from "../map/mapEngineChoice.ts";
import { useAppStore } from "../state/store.ts";
import { restrictToKnown } from "../state/urlState.ts";
import { useTheme } from "../state/useTheme.ts";
import type { EmbedParams } from "./embedParams.ts";
import { useEmbedResize } from "./useEmbedResize.ts";

export type EmbedView = ComponentType<{ options?: GraphicViewOptions }>;
type View = EmbedView;

const VIEWS: Record<GraphicId, () => Promise<{ default: View }>> = {
  "exit-routes": () => import("../graphics/ExitRoutesView.tsx"),
  "border-stops": () => import("../graphics/BorderStopsView.tsx"),
  forces: () => import("../graphics/ForcesView.tsx"),
  "week-breakdown": () => import("../graphics/WeekBreakdownView.tsx"),
};

/** How long the first render waits for the dataset before it shows "Loading…" instead. */
export const DATA_WAIT_MS = 500;

/**
 * Starts the graphic's code and its dataset (same name as the graphic) loading
 * together, before the first render, and resolves with the graphic's component (or
 * null if its code could not be loaded: EmbedApp then loads it lazily, as before) once
 * the code is here and the dataset too, or DATA_WAIT_MS have passed since the start.
 *
 * Why before the first render: a lazily loaded graphic shows a Suspense fallback, and
 * React holds a revealed fallback on screen for at least 300 ms, so a chart that was
 * ready 50 ms later was drawn 250 ms late. Why wait for the data: with it at hand the
 * first render draws the graphic, instead of a "Loading…" that a background render
 * replaces tens of milliseconds later; slow data still gets its message. The dataset is
 * fetched through the same query (datasetQuery) the graphic's panel asks for, so the
 * panel finds it in the cache, or under way.
 */
export async function preloadGraphic(
  graphic: GraphicId,
  client: QueryClient,
  view: Promise<View> | null = null,
): Promise<View | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const data = Promise.race([
    client.prefetchQuery(datasetQuery(graphic)),
    new Promise((resolve) => (timer = setTimeout(resolve, DATA_WAIT_MS))),
  ]);
  let loaded: View | null;
  try {
    loaded = await (view ?? VIEWS[graphic]().then((m) => m.default));
  } catch {
    loaded = null;
  }
  await data;
  clearTimeout(timer);
  return loaded;
}

const ProvenancePanel = lazy(() =>
  import("../provenance/ProvenancePanel.tsx").then((m) => ({ default: m.ProvenancePanel })),
);

/** The map embed's route, period and camera must name things in its data. */
function MapIdsOnly() {
  const data = useQuery(datasetQuery("exit-routes")).data;
  useEffect(() => {
    if (!data) return;
    const s = useAppStore.getState();
    const known = restrictToKnown(s, {
      periods: data.periods.map((p) => p.id),
      cameras: data.cameras.map((c) => c.id),
      routes: data.routes.map((r) => r.id),
    });
    if (known.period !== s.period || known.camera !== s.camera || known.route !== s.route) s.replaceUrlState(known);
  }, [data]);
  return null;
}

/**
 * `client` and `view` come from preloadGraphic (src/embed/startEmbed.tsx); without them the
 * embed makes its own client and loads the graphic lazily.
 */
export function EmbedApp({
  params,
  client: preloadedClient,
  view,
}: {
  params: EmbedParams;
  client?: QueryClient;
  view?: View | null;
}) {
  const [client] = useState(() => preloadedClient ?? new QueryClient());
  const [View] = useState(() => view ?? lazy(VIEWS[params.graphic]));
  const figureOpen = useAppStore((s) => s.figure !== null);
  useTheme();
  useEmbedResize(params.childId);
  return (
    <QueryClientProvider client={client}>
      <main className="embed">
        {params.graphic === "exit-routes" && <MapIdsOnly />}
        <MapEngineChoiceContext value={params.engine}>
          <Suspense
            fallback={
              <div className="panel-loading" role="status">
                Loading…
              </div>
            }
          >
            <View options={{ level: 1 }} />
          </Suspense>
        </MapEngineChoiceContext>
      </main>
      {figureOpen && (
        <Suspense fallback={null}>
          <ProvenancePanel />
        </Suspense>
      )}
    </QueryClientProvider>
  );
}
