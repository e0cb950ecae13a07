/**
 * One graphic alone, for an article page: the same graphic components as the
 * explorer, with an h1 title. Prerendered with the defaults; in the browser the page
 * hydrates that markup and then applies its URL's options (theme, table view, the
 * map's period, camera, route and engine). Only the page's own graphic's code is
 * loaded (a chart embed never downloads maplibre-gl or the basemap), the parent's URL
 * and history are never touched, and the height is reported to the parent page.
 */
import { QueryClientProvider, useQuery, type QueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useSyncExternalStore } from "react";
import { datasetQuery } from "../data/datasetQuery.ts";
import { GraphicView, type GraphicDefinition } from "../graphics/GraphicView.tsx";
import { MapEngineChoiceContext } from "../map/mapEngineChoice.ts";
import { useAppStore } from "../state/store.ts";
import { restrictToKnown } from "../state/urlState.ts";
import { useTheme } from "../state/useTheme.ts";
import type { EmbedControls, EmbedParams } from "./embedParams.ts";
import { useEmbedResize } from "./useEmbedResize.ts";

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

/** The page's URL options, applied once the prerendered markup is hydrated. */
function useEmbedOptions(params: EmbedParams) {
  useLayoutEffect(() => {
    useAppStore.getState().replaceUrlState(params.state);
  }, [params]);
}

/**
 * The record takes the graphic's place, so the number that opened it is hidden while it
 * is open: when it closes, the focus goes back to that number (the last element focused
 * before the record opened).
 */
function useFocusReturn(recordOpen: boolean) {
  const lastFocused = useRef<HTMLElement | SVGElement | null>(null);
  const opener = useRef<HTMLElement | SVGElement | null>(null);
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      // A chart's numbers are SVG elements.
      const t = e.target;
      if ((t instanceof HTMLElement || t instanceof SVGElement) && !t.closest("dialog")) lastFocused.current = t;
    };
    document.addEventListener("focusin", onFocus);
    return () => document.removeEventListener("focusin", onFocus);
  }, []);
  useLayoutEffect(() => {
    if (recordOpen) opener.current = lastFocused.current;
    else if (opener.current) {
      if (opener.current.isConnected) opener.current.focus();
      opener.current = null;
    }
  }, [recordOpen]);
}

const noSubscription = () => () => {};

export function EmbedApp({
  def,
  client,
  params,
}: {
  def: GraphicDefinition;
  client: QueryClient;
  /** Parsed from the page's URL (the defaults when prerendering). */
  params: EmbedParams;
}) {
  const figureOpen = useAppStore((s) => s.figure !== null);
  // Compact as prerendered (the server snapshot); controls=full applies once hydrated.
  const controls = useSyncExternalStore<EmbedControls>(
    noSubscription,
    () => params.controls,
    () => "compact",
  );
  useEmbedOptions(params);
  useFocusReturn(figureOpen);
  useTheme();
  useEmbedResize(params.childId);
  return (
    <QueryClientProvider client={client}>
      {/* While a figure record is open it takes the graphic's place (ProvenancePanel inline). */}
      <main className={`embed embed--${controls}`} hidden={figureOpen}>
        {def.id === "exit-routes" && <MapIdsOnly />}
        <MapEngineChoiceContext value={params.engine}>
          <GraphicView def={def} options={{ level: 1 }} />
        </MapEngineChoiceContext>
      </main>
      {figureOpen && (
        <Suspense fallback={null}>
          <ProvenancePanel inline />
        </Suspense>
      )}
    </QueryClientProvider>
  );
}
