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
import { useAppStore } from "../state/store.ts";
import { restrictToKnown } from "../state/urlState.ts";
import { useTheme } from "../state/useTheme.ts";
import type { EmbedParams } from "./embedParams.ts";
import { useEmbedResize } from "./useEmbedResize.ts";

type View = ComponentType<{ options?: GraphicViewOptions }>;

const VIEWS: Record<GraphicId, () => Promise<{ default: View }>> = {
  "exit-routes": () => import("../graphics/ExitRoutesView.tsx"),
  "border-stops": () => import("../graphics/BorderStopsView.tsx"),
  forces: () => import("../graphics/ForcesView.tsx"),
  "week-breakdown": () => import("../graphics/WeekBreakdownView.tsx"),
};

const ProvenancePanel = lazy(() => import("../provenance/ProvenancePanel.tsx").then((m) => ({ default: m.ProvenancePanel })));

/** The map embed's route, period and camera must name things in its data. */
function MapIdsOnly() {
  const data = useQuery(datasetQuery("exit-routes")).data;
  useEffect(() => {
    if (!data) return;
    const s = useAppStore.getState();
    const known = restrictToKnown(s, { periods: data.periods.map((p) => p.id), cameras: data.cameras.map((c) => c.id), routes: data.routes.map((r) => r.id) });
    if (known.period !== s.period || known.camera !== s.camera || known.route !== s.route) s.replaceUrlState(known);
  }, [data]);
  return null;
}

export function EmbedApp({ params }: { params: EmbedParams }) {
  const [client] = useState(() => new QueryClient());
  const [View] = useState(() => lazy(VIEWS[params.graphic]));
  const figureOpen = useAppStore((s) => s.figure !== null);
  useTheme();
  useEmbedResize(params.childId);
  return (
    <QueryClientProvider client={client}>
      <main className="embed">
        {params.graphic === "exit-routes" && <MapIdsOnly />}
        <Suspense fallback={<div className="panel-loading" role="status">Loading…</div>}>
          <View options={{ level: 1 }} />
        </Suspense>
      </main>
      {figureOpen && (
        <Suspense fallback={null}>
          <ProvenancePanel />
        </Suspense>
      )}
    </QueryClientProvider>
  );
}
