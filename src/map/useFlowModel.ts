/** Memoised selectors over the dataset and the store's filters (flowmap.gl's pattern). */
import { useMemo } from "react";
import type { ExitRoutesDataset } from "../schema/datasets.ts";
import { useAppStore } from "../state/store.ts";
import {
  buildFlowModel,
  effectiveFilters,
  filterRoutes,
  widthOptionsFor,
  type FlowModel,
  type FlowRoute,
  type MapFilters,
} from "./flowModel.ts";
import { isCompactMap, mapLabelCandidates, type LabelCandidate } from "./placeLabels.ts";

/** The flow model for a dataset, built once per dataset object and top line width (CSS px, default 14). */
export function useFlowModel(data: ExitRoutesDataset, maxWidth = 14): FlowModel {
  return useMemo(() => buildFlowModel(data, { maxWidth }), [data, maxWidth]);
}

/** The store's filters, with values the data does not know ignored. */
export function useMapFilters(model: FlowModel): MapFilters {
  const period = useAppStore((s) => s.period);
  const modes = useAppStore((s) => s.modes);
  return useMemo(() => effectiveFilters(model, { period, modes }), [model, period, modes]);
}

/** Routes passing the store's period and mode filters, in display order. */
export function useVisibleRoutes(model: FlowModel): FlowRoute[] {
  const filters = useMapFilters(model);
  return useMemo(() => filterRoutes(model.routes, filters), [model, filters]);
}

/**
 * What a map `width` CSS px wide draws: the model with line widths for that width, the
 * routes passing the filters, and the places to label (narrow maps keep the route
 * labels and leave the stance countries to the legend).
 */
export function useMapMarks(
  data: ExitRoutesDataset,
  width: number,
): { model: FlowModel; visible: FlowRoute[]; labels: LabelCandidate[] } {
  const model = useFlowModel(data, widthOptionsFor(width).maxWidth);
  const visible = useVisibleRoutes(model);
  const compact = isCompactMap(width);
  const labels = useMemo(
    () => mapLabelCandidates(visible, data.stances, model.places, compact),
    [visible, data.stances, model.places, compact],
  );
  return { model, visible, labels };
}
