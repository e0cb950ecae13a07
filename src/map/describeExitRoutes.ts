/**
 * The map's text alternative: what a sighted reader takes from it, in sentences. Used
 * as the SVG map's <desc>, beside the MapLibre canvas, and by the frame's "describe"
 * or export features. Built from the data alone, so another story's ledger gets its
 * own description.
 */
import { listJoin } from "../format/formatFigure.ts";
import type { ExitRoutesDataset } from "../schema/datasets.ts";
import { buildFlowModel, formatRouteFigure, MODE_LABELS, type FlowRoute } from "./flowModel.ts";

const modeText = (r: FlowRoute) => {
  const modes = r.modes.filter((m) => m !== "unstated");
  if (modes.length === 0) return "";
  const words = modes.map((m) =>
    m === "road" ? "by road" : m === "sea" ? "by sea" : m === "air" ? "by air" : MODE_LABELS[m],
  );
  return ` ${listJoin(words)}`;
};

export function describeExitRoutes(data: ExitRoutesDataset): string {
  const model = buildFlowModel(data);
  const counted = model.routes.filter((r) => r.style === "flow");
  const unquantified = model.routes.filter((r) => r.style === "unquantified");
  const flights = model.routes.filter((r) => r.style === "flights");
  const refuse = data.stances.filter((s) => s.position === "refuse").map((s) => s.name);
  const welcome = data.stances.filter((s) => s.position === "welcome").map((s) => s.name);

  const parts: string[] = [];
  const origins = [...new Set(model.routes.map((r) => r.origin.name))];
  parts.push(
    `A map of ${model.routes.length} ${model.routes.length === 1 ? "route" : "routes"}${origins.length === 1 ? ` out of ${origins[0]}` : ""}. ` +
      "Each line joins an origin and a destination; it does not trace roads or sea lanes.",
  );
  if (counted.length > 0) {
    const ranked = counted.map(
      (r) =>
        `${r.destination.name}, ${formatRouteFigure(r.figure, { marker: false })}${modeText(r)}${r.figure ? ` (${r.figure.period})` : ""}`,
    );
    parts.push(`Destinations by number of ${model.scale.unit}, largest first: ${ranked.join("; ")}.`);
  }
  if (unquantified.length > 0) {
    parts.push(
      `No number is reported for ${unquantified.length === 1 ? "this route" : "these routes"}, drawn dashed: ${listJoin(unquantified.map((r) => r.label))}.`,
    );
  }
  if (flights.length > 0) {
    parts.push(
      `Flights sold out to ${listJoin(flights.map((r) => r.destination.name))}; no passenger numbers are reported.`,
    );
  }
  if (refuse.length > 0)
    parts.push(`Said ${refuse.length === 1 ? "it" : "they"} will not grant asylum: ${listJoin(refuse)}.`);
  if (welcome.length > 0)
    parts.push(`Signalled ${welcome.length === 1 ? "it" : "they"} would take some in: ${listJoin(welcome)}.`);
  if (data.total && data.total.value !== null)
    parts.push(`Reported total: ${formatRouteFigure(data.total, { marker: false })} (${data.total.period}).`);
  return parts.join(" ");
}
