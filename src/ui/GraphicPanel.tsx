/**
 * Loads one dataset and hands it to a graphic, degrading only this panel when the
 * dataset is missing, invalid or slow, or when the graphic throws while drawing.
 */
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useMemo, useState, type ReactNode } from "react";
import { datasetQuery } from "../data/datasetQuery.ts";
import type { DatasetName, DatasetOf } from "../schema/datasets.ts";
import { PanelBoundary, PanelMessage } from "./PanelBoundary.tsx";

/** After this long a loading panel says it is still waiting, rather than spinning silently. */
const SLOW_MS = 3000;

export function GraphicPanel<N extends DatasetName>({
  dataset,
  name,
  minHeight,
  children,
}: {
  dataset: N;
  name: string;
  minHeight: number;
  children: (data: DatasetOf<N>) => ReactNode;
}) {
  const query = useQuery(datasetQuery(dataset));
  // Data that arrives after the panel mounted is drawn in a background render, which
  // React slices into short tasks and interrupts for input: the explorer's four
  // graphics then never block the main thread for long (Lighthouse's TBT). Data already
  // cached when the panel mounts (an embed preloads it) is drawn at once. The data and
  // its timestamp are deferred together: the panel's error boundary resets on the
  // timestamp, which must not run ahead of the data it is drawing.
  const latest = useMemo(
    () => ({ data: query.data, updatedAt: query.dataUpdatedAt }),
    [query.data, query.dataUpdatedAt],
  );
  const { data, updatedAt } = useDeferredValue(latest);
  const waiting = data === undefined && !query.isError;
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!query.isPending) return;
    const t = setTimeout(() => setSlow(true), SLOW_MS);
    return () => clearTimeout(t);
  }, [query.isPending]);

  let content: ReactNode;
  if (waiting) {
    content = (
      <div className="panel-loading" role="status" aria-live="polite">
        {slow ? `Still loading ${name}…` : `Loading ${name}…`}
      </div>
    );
  } else if (query.isError) {
    content = (
      <PanelMessage
        title={`Sorry, ${name} could not be loaded.`}
        detail={query.error.message}
        busy={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    );
  } else {
    content = (
      <PanelBoundary name={name} onReset={() => void query.refetch()} resetKey={updatedAt}>
        {children(data as DatasetOf<N>)}
      </PanelBoundary>
    );
  }
  return (
    <section className="panel" style={{ minHeight }} data-panel={dataset} aria-busy={waiting}>
      {content}
    </section>
  );
}
