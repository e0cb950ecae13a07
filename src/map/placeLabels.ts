/**
 * Place labels: which places get a label, what it says, and (for the SVG engine) where
 * it goes without overlapping. MapLibre places the same candidates itself with its
 * symbol collision, ordered by the same priority (`symbol-sort-key`).
 */
import type { FeatureCollection, Point, Position } from "geojson";
import { compareText } from "../format/formatFigure.ts";
import type { PlaceRecord, StanceRecord } from "../schema/datasets.ts";
import { formatRouteFigure, NO_NUMBER, type FlowRoute, type RouteStyle } from "./flowModel.ts";

export type LabelRole = "origin" | "destination" | "stop" | "stance";

export interface LabelCandidate {
  placeId: string;
  name: string;
  /** Second line: the destination's number, "no number reported", "flights sold out"; null for none. */
  detail: string | null;
  coordinates: Position;
  role: LabelRole;
  style: RouteStyle | null;
  /** Lower is placed first. */
  priority: number;
}

const ROLE_BASE: Record<LabelRole, number> = { origin: 0, destination: 10, stop: 60, stance: 80 };

/**
 * Labels for the visible routes (origins, destinations with their numbers, stops) and
 * for the places whose government took a stance. `routes` must be in display order:
 * a destination's priority follows its route's rank, so the biggest flows keep their labels.
 */
export function labelCandidates(routes: readonly FlowRoute[], stances: readonly StanceRecord[], places: ReadonlyMap<string, PlaceRecord>): LabelCandidate[] {
  const out = new Map<string, LabelCandidate>();
  const add = (c: LabelCandidate) => {
    const prev = out.get(c.placeId);
    if (!prev || c.priority < prev.priority) out.set(c.placeId, c);
  };
  routes.forEach((r, rank) => {
    const last = r.legs[r.legs.length - 1];
    add({ placeId: r.origin.id, name: r.origin.name, detail: null, coordinates: r.legs[0]?.from ?? r.origin.coordinates, role: "origin", style: r.style, priority: ROLE_BASE.origin });
    add({
      placeId: r.destination.id,
      name: r.destination.name,
      detail: r.style === "flights" ? "flights sold out" : r.style === "unquantified" ? NO_NUMBER : formatRouteFigure(r.figure),
      coordinates: last?.to ?? r.destination.coordinates,
      role: "destination",
      style: r.style,
      priority: ROLE_BASE.destination + rank,
    });
    r.stops.slice(1, -1).forEach((p, i) => {
      const leg = r.legs[i];
      add({ placeId: p.id, name: p.name, detail: null, coordinates: leg?.to ?? p.coordinates, role: "stop", style: r.style, priority: ROLE_BASE.stop + rank });
    });
  });
  stances.forEach((s, i) => {
    const p = places.get(s.place);
    if (!p || out.has(p.id)) return;
    add({ placeId: p.id, name: p.name, detail: null, coordinates: p.coordinates, role: "stance", style: null, priority: ROLE_BASE.stance + i });
  });
  return [...out.values()].sort((a, b) => a.priority - b.priority || compareText(a.name, b.name));
}

export interface LabelPointProps {
  place: string;
  name: string;
  detail: string;
  role: LabelRole;
  priority: number;
}

/** Label candidates as GeoJSON points for MapLibre (dots and text). */
export function labelFeatures(candidates: readonly LabelCandidate[]): FeatureCollection<Point, LabelPointProps> {
  return {
    type: "FeatureCollection",
    features: candidates.map((c) => ({
      type: "Feature" as const,
      properties: { place: c.placeId, name: c.name, detail: c.detail ?? "", role: c.role, priority: c.priority },
      geometry: { type: "Point" as const, coordinates: c.coordinates },
    })),
  };
}

// ---------------------------------------------------------------- SVG layout

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PlacedLabel {
  candidate: LabelCandidate;
  /** Text anchor position in pixels. */
  x: number;
  y: number;
  textAnchor: "start" | "middle" | "end";
  box: Box;
}

export interface LabelLayoutOptions {
  width: number;
  height: number;
  /** Name font size in px. Default 13. */
  fontSize?: number;
  /** Detail font size in px. Default 11.5. */
  detailSize?: number;
  /** Gap between the point and the text in px. Default 7. */
  offset?: number;
  /** Areas labels must avoid (e.g. the legend); default none. */
  obstacles?: readonly Box[];
  /** Text width in px; defaults to an estimate (0.58 em per character, bold 0.62). */
  measure?: (text: string, size: number, bold: boolean) => number;
}

const estimate = (text: string, size: number, bold: boolean) => text.length * size * (bold ? 0.62 : 0.58);
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Greedy label placement: in priority order, try right, left, above, below the point;
 * keep the first position inside the view that overlaps no placed label or obstacle;
 * drop the label otherwise. Deterministic for the same input.
 */
export function layoutLabels(points: readonly { candidate: LabelCandidate; x: number; y: number }[], options: LabelLayoutOptions): PlacedLabel[] {
  const size = options.fontSize ?? 13;
  const detailSize = options.detailSize ?? 11.5;
  const offset = options.offset ?? 7;
  const measure = options.measure ?? estimate;
  const placed: PlacedLabel[] = [];
  const taken: Box[] = [...(options.obstacles ?? [])];
  const sorted = [...points].sort((a, b) => a.candidate.priority - b.candidate.priority);
  for (const p of sorted) {
    const { candidate } = p;
    const w = Math.max(measure(candidate.name, size, true), candidate.detail ? measure(candidate.detail, detailSize, false) : 0);
    const h = size * 1.2 + (candidate.detail ? detailSize * 1.2 : 0);
    const tries: { x: number; y: number; textAnchor: PlacedLabel["textAnchor"]; box: Box }[] = [
      { x: p.x + offset, y: p.y - h / 2, textAnchor: "start", box: { x0: p.x + offset, y0: p.y - h / 2, x1: p.x + offset + w, y1: p.y + h / 2 } },
      { x: p.x - offset, y: p.y - h / 2, textAnchor: "end", box: { x0: p.x - offset - w, y0: p.y - h / 2, x1: p.x - offset, y1: p.y + h / 2 } },
      { x: p.x, y: p.y - offset - h, textAnchor: "middle", box: { x0: p.x - w / 2, y0: p.y - offset - h, x1: p.x + w / 2, y1: p.y - offset } },
      { x: p.x, y: p.y + offset, textAnchor: "middle", box: { x0: p.x - w / 2, y0: p.y + offset, x1: p.x + w / 2, y1: p.y + offset + h } },
    ];
    const fit = tries.find((t) => t.box.x0 >= 2 && t.box.y0 >= 2 && t.box.x1 <= options.width - 2 && t.box.y1 <= options.height - 2 && !taken.some((b) => overlaps(b, t.box)));
    if (!fit) continue;
    taken.push(fit.box);
    placed.push({ candidate, x: fit.x, y: fit.y, textAnchor: fit.textAnchor, box: fit.box });
  }
  return placed;
}

export type LabelSide = "right" | "left" | "above" | "below";

/**
 * The sides of its point on which a label at screen point (x, y) sits wholly inside a
 * width × height view, in preference order; empty when it cannot be shown uncut.
 * MapLibre's collision keeps labels apart but not inside the canvas, so the MapLibre
 * engine offers each label only these sides (and hides it when there are none); the SVG
 * layout enforces the same through `layoutLabels`.
 */
export function labelSidesInView(
  candidate: Pick<LabelCandidate, "name" | "detail">,
  x: number,
  y: number,
  width: number,
  height: number,
  options: Pick<LabelLayoutOptions, "fontSize" | "detailSize" | "offset" | "measure"> = {},
): LabelSide[] {
  const size = options.fontSize ?? 13;
  const detailSize = options.detailSize ?? 11.5;
  const offset = options.offset ?? 7;
  const measure = options.measure ?? estimate;
  const w = Math.max(measure(candidate.name, size, true), candidate.detail ? measure(candidate.detail, detailSize, false) : 0);
  const h = size * 1.2 + (candidate.detail ? detailSize * 1.2 : 0);
  if (x < 0 || x > width || y < 0 || y > height) return [];
  const vertical = y - h / 2 >= 0 && y + h / 2 <= height;
  const centred = x - w / 2 >= 0 && x + w / 2 <= width;
  const sides: LabelSide[] = [];
  if (vertical && x + offset + w <= width) sides.push("right");
  if (vertical && x - offset - w >= 0) sides.push("left");
  if (centred && y - offset - h >= 0) sides.push("above");
  if (centred && y + offset + h <= height) sides.push("below");
  return sides;
}
