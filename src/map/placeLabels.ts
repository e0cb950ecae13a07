/**
 * Place labels: which places get a label, what it says, and where it goes without
 * overlapping another or leaving the map. Both engines draw them the same way
 * (MapLabels): the SVG map in its SVG, the MapLibre map in an SVG over its canvas.
 */
import type { FeatureCollection, Point, Position } from "geojson";
import { compareText, marked } from "../format/formatFigure.ts";
import { textWidth, type FontWeight } from "../format/textMetrics.ts";
import type { PlaceRecord, StanceRecord } from "../schema/datasets.ts";
import { COMPACT_MAP_WIDTH, formatRouteFigure, NO_NUMBER, type FlowRoute, type RouteStyle } from "./flowModel.ts";
import { r1 } from "../format/pixels.ts";

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
  /**
   * Where the routes at this place run: a point on each leg that starts or ends here, a
   * quarter of the way along it. The label goes on the other side (past an arrow's head,
   * behind a route's start), off the line and clear of the place at its other end.
   */
  along: Position[];
}

const ROLE_BASE: Record<LabelRole, number> = { origin: 0, destination: 10, stop: 60, stance: 80 };

/** The radius in px of a place's dot, by its role: both engines draw the dots this size, and labels keep clear of them. */
export const DOT_RADIUS: Record<LabelRole, number> = { origin: 4, destination: 3, stop: 3, stance: 2.5 };

/** Is a map this wide narrow: does it keep the routes' labels and leave the stance countries to its legend? */
export const isCompactMap = (width: number): boolean => width < COMPACT_MAP_WIDTH;

/**
 * The places a map labels: labelCandidates, and on a compact map (isCompactMap) less
 * the stance countries and less a destination's second line where it only says what
 * the line's style and the map's key say ("flights sold out", "no number reported"):
 * a phone's map keeps every destination's name and every number.
 */
export function mapLabelCandidates(
  routes: readonly FlowRoute[],
  stances: readonly StanceRecord[],
  places: ReadonlyMap<string, PlaceRecord>,
  compact: boolean,
): LabelCandidate[] {
  const all = labelCandidates(routes, stances, places);
  if (!compact) return all;
  return all.filter((l) => l.role !== "stance").map((l) => (styleOnlyDetail(l) ? { ...l, detail: null } : l));
}

/**
 * Whether a label's second line only says what its route's line style and the map's key
 * say ("flights sold out", "no number reported"), so that it may go where room is short.
 */
const styleOnlyDetail = (l: LabelCandidate): boolean =>
  l.role === "destination" && l.style !== "flow" && l.detail !== null;

/**
 * Labels for the visible routes (origins, destinations with their numbers, stops) and
 * for the places whose government took a stance. `routes` must be in display order:
 * a destination's priority follows its route's rank, so the biggest flows keep their labels.
 */
export function labelCandidates(
  routes: readonly FlowRoute[],
  stances: readonly StanceRecord[],
  places: ReadonlyMap<string, PlaceRecord>,
): LabelCandidate[] {
  const out = new Map<string, LabelCandidate>();
  const add = (c: LabelCandidate) => {
    const prev = out.get(c.placeId);
    const along = [...(prev?.along ?? []), ...c.along];
    out.set(c.placeId, !prev || c.priority < prev.priority ? { ...c, along } : { ...prev, along });
  };
  routes.forEach((r, rank) => {
    const first = r.legs[0];
    const last = r.legs[r.legs.length - 1];
    add({
      placeId: r.origin.id,
      name: marked(r.origin.name, r.origin),
      detail: null,
      coordinates: first?.from ?? r.origin.coordinates,
      role: "origin",
      style: r.style,
      priority: ROLE_BASE.origin,
      along: first ? [quarterAlong(first.coordinates, "start")] : [],
    });
    add({
      placeId: r.destination.id,
      name: marked(r.destination.name, r.destination),
      detail:
        r.style === "flights"
          ? "flights sold out"
          : r.style === "unquantified"
            ? NO_NUMBER
            : formatRouteFigure(r.figure),
      coordinates: last?.to ?? r.destination.coordinates,
      role: "destination",
      style: r.style,
      priority: ROLE_BASE.destination + rank,
      along: last ? [quarterAlong(last.coordinates, "end")] : [],
    });
    r.stops.slice(1, -1).forEach((p, i) => {
      const leg = r.legs[i];
      const next = r.legs[i + 1];
      add({
        placeId: p.id,
        name: marked(p.name, p),
        detail: null,
        coordinates: leg?.to ?? p.coordinates,
        role: "stop",
        style: r.style,
        priority: ROLE_BASE.stop + rank,
        along: [
          ...(leg ? [quarterAlong(leg.coordinates, "end")] : []),
          ...(next ? [quarterAlong(next.coordinates, "start")] : []),
        ],
      });
    });
  });
  stances.forEach((s, i) => {
    const p = places.get(s.place);
    if (!p || out.has(p.id)) return;
    add({
      placeId: p.id,
      name: p.name,
      detail: null,
      coordinates: p.coordinates,
      role: "stance",
      style: null,
      priority: ROLE_BASE.stance + i,
      along: [],
    });
  });
  return [...out.values()].sort((a, b) => a.priority - b.priority || compareText(a.name, b.name));
}

/** The point of a leg's line a quarter of the way along it from its start or its end. */
function quarterAlong(line: readonly Position[], from: "start" | "end"): Position {
  const i = Math.min(line.length - 1, Math.max(1, Math.round((line.length - 1) / 4)));
  return line[from === "start" ? i : line.length - 1 - i]!;
}

export interface PlaceDotProps {
  place: string;
  /** The dot's radius in px (DOT_RADIUS). */
  radius: number;
}

/** The labelled places as GeoJSON points for MapLibre's dots (the names are drawn over the canvas). */
export function placeDotFeatures(candidates: readonly LabelCandidate[]): FeatureCollection<Point, PlaceDotProps> {
  return {
    type: "FeatureCollection",
    features: candidates.map((c) => ({
      type: "Feature" as const,
      properties: { place: c.placeId, radius: DOT_RADIUS[c.role] },
      geometry: { type: "Point" as const, coordinates: c.coordinates },
    })),
  };
}

// ---------------------------------------------------------------- SVG layout

/** A label's place on the map, in px. */
export interface LabelPoint {
  candidate: LabelCandidate;
  x: number;
  y: number;
  /** The unit vector pointing away from the routes at the place (`along`); null where none run or they cancel out. */
  away?: readonly [number, number] | null;
}

/**
 * The labels' points on a map. `project` turns a line of [lon, lat] into px, keeping it
 * continuous where it crosses the map's seam (so a route's point is drawn on the same
 * side as its place), and may drop a point it cannot project.
 */
export function labelPoints(
  labels: readonly LabelCandidate[],
  project: (line: readonly Position[]) => readonly (readonly [number, number])[],
): LabelPoint[] {
  return labels.flatMap((candidate) => {
    const p = project([candidate.coordinates])[0];
    if (!p) return [];
    let [ax, ay] = [0, 0];
    for (const point of candidate.along) {
      const line = project([candidate.coordinates, point]);
      const q = line.length === 2 ? line[1]! : undefined;
      const len = q ? Math.hypot(q[0] - p[0], q[1] - p[1]) : 0;
      if (q && len > 0.5) [ax, ay] = [ax - (q[0] - p[0]) / len, ay - (q[1] - p[1]) / len];
    }
    // Routes leaving in opposite directions (a stop on the way) cancel out: no side is better.
    const len = Math.hypot(ax, ay);
    return [{ candidate, x: p[0], y: p[1], away: len > 0.3 ? ([ax / len, ay / len] as const) : null }];
  });
}

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
  /**
   * A leader line [x1, y1, x2, y2] from the dot to a label set further off, where no
   * place beside the dot was free (a tight cluster on a narrow map).
   */
  leader?: [number, number, number, number];
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
  /** Text width in px; defaults to textWidth, the estimate the charts lay out with. */
  measure?: (text: string, size: number, weight: FontWeight) => number;
}

/**
 * How many times the usual offset a label may be set off its dot, with a leader line
 * back to it. Up to 6 (42 px): on a world map 800–1000 px wide, the names around the
 * Caucasus (Georgia, Armenia, Azerbaijan, North Ossetia, Turkey) need the room south of it.
 */
const FAR = [2, 3, 4, 5, 6] as const;

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

type Try = { x: number; y: number; textAnchor: PlacedLabel["textAnchor"]; box: Box };

const clampTo = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** From the dot's edge to the nearest point of the label's box. */
function leaderLine(p: { x: number; y: number }, box: Box, radius: number): [number, number, number, number] {
  const bx = clampTo(p.x, box.x0, box.x1);
  const by = clampTo(p.y, box.y0, box.y1);
  const len = Math.hypot(bx - p.x, by - p.y) || 1;
  return [r1(p.x + ((bx - p.x) / len) * radius), r1(p.y + ((by - p.y) / len) * radius), r1(bx), r1(by)];
}

/** Whether a segment passes through a box's inside (clipped to it, Liang–Barsky). */
function crosses([x1, y1, x2, y2]: readonly number[], b: Box): boolean {
  let [t0, t1] = [0, 1];
  for (const [from, delta, lo, hi] of [
    [x1!, x2! - x1!, b.x0, b.x1],
    [y1!, y2! - y1!, b.y0, b.y1],
  ] as const) {
    if (delta === 0) {
      if (from <= lo || from >= hi) return false;
      continue;
    }
    const [a, c] = [(lo - from) / delta, (hi - from) / delta];
    t0 = Math.max(t0, Math.min(a, c));
    t1 = Math.min(t1, Math.max(a, c));
  }
  return t0 < t1;
}

/** A w × h label's four positions right and left of the point, dx off it, above (its bottom edge dy above the point) and below (its top edge dy below): left, then right; above, then below. */
function offCorners(p: { x: number; y: number }, w: number, h: number, dx: number, dy: number): Try[] {
  return ([-1, 1] as const).flatMap((side) =>
    ([-1, 1] as const).map((v) => {
      const x0 = side > 0 ? p.x + dx : p.x - dx - w;
      const y0 = v < 0 ? p.y - dy - h : p.y + dy;
      return {
        x: side > 0 ? p.x + dx : p.x - dx,
        y: y0,
        textAnchor: side > 0 ? ("start" as const) : ("end" as const),
        box: { x0, y0, x1: x0 + w, y1: y0 + h },
      };
    }),
  );
}

/** A w × h label's positions beside the point, `off` from it: right, left, above, below, then raised or lowered beside it. */
function besideDot(p: { x: number; y: number }, w: number, h: number, off: number): Try[] {
  return [
    {
      x: p.x + off,
      y: p.y - h / 2,
      textAnchor: "start",
      box: { x0: p.x + off, y0: p.y - h / 2, x1: p.x + off + w, y1: p.y + h / 2 },
    },
    {
      x: p.x - off,
      y: p.y - h / 2,
      textAnchor: "end",
      box: { x0: p.x - off - w, y0: p.y - h / 2, x1: p.x - off, y1: p.y + h / 2 },
    },
    {
      x: p.x,
      y: p.y - off - h,
      textAnchor: "middle",
      box: { x0: p.x - w / 2, y0: p.y - off - h, x1: p.x + w / 2, y1: p.y - off },
    },
    {
      x: p.x,
      y: p.y + off,
      textAnchor: "middle",
      box: { x0: p.x - w / 2, y0: p.y + off, x1: p.x + w / 2, y1: p.y + off + h },
    },
    // Beside the dot but raised or lowered, the label's bottom or top level with the
    // dot: where a neighbour's dot sits just off one side (Georgia's label, with
    // Azerbaijan's dot below-right and North Ossetia's above, on a phone), this keeps
    // both dots clear instead of covering the less important one.
    ...offCorners(p, w, h, off, 0),
  ];
}

/** The positions facing away from the point's routes first (stable): past an arrow's head, not on its line. */
function awayFirst(p: LabelPoint, tries: Try[]): Try[] {
  const away = p.away;
  if (!away) return tries;
  // From 1 (straight away from the routes) to -1 (back along them).
  const facing = ({ box }: Try) => {
    const [dx, dy] = [(box.x0 + box.x1) / 2 - p.x, (box.y0 + box.y1) / 2 - p.y];
    return (dx * away[0] + dy * away[1]) / (Math.hypot(dx, dy) || 1);
  };
  return [...tries].sort((a, b) => facing(b) - facing(a));
}

/**
 * Greedy label placement: in priority order, try right, left, above, below the point,
 * then beside it raised or lowered (left, then right), those facing away from the
 * place's routes first (`away`: past an arrow's head, not on its line); keep the first position inside
 * the view that overlaps no placed label, no obstacle and no other place's dot. Where
 * every side covers a dot, a label may cover the dots of less important places (but
 * never of more important ones). In full, the first that fits of:
 *   1. beside the point, clear of every dot;
 *   2. the same positions and the four corners 2 to 6 times further off (FAR), clear
 *      of every dot, with a leader line back to the point that crosses no label and no
 *      other dot;
 *   3. beside the point, over less important places' dots;
 *   4. further off, over less important places' dots, its leader likewise.
 * No later label covers a leader line. A label whose second line only says what the
 * key says (styleOnlyDetail: "flights sold out") is tried without it before it is given
 * up, so the place keeps its name. A label for which nothing fits gets a second chance:
 * another label near it (the least important first) is moved where that gives it room
 * and the moved one still fits, by the same rules. It is dropped when that fails too,
 * and when its point is outside the view. Deterministic for the same input.
 */
export function layoutLabels(points: readonly LabelPoint[], options: LabelLayoutOptions): PlacedLabel[] {
  const { width, height } = options;
  // A label whose point is off the map would name nothing the reader can see.
  const byPriority = points
    .filter((p) => p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height)
    .sort((a, b) => a.candidate.priority - b.candidate.priority);
  const placed = placeInOrder(byPriority, labelSpots(points, options), options.obstacles ?? []);
  return byPriority.flatMap((p) => {
    const fit = placed.get(p);
    return fit ? [fit] : [];
  });
}

/** A place in the view where a label could go, with the places' dots it would cover. */
interface Spot extends Try {
  leader?: PlacedLabel["leader"];
  /** The other places whose dots the label's box covers. */
  boxDots: LabelPoint[];
  /** The other places whose dots its leader line crosses, and whether each sits on the label's own dot. */
  leaderDots: { point: LabelPoint; onTop: boolean }[];
}

/** A label's spots, nearest first: beside its dot, then set off with a leader line. */
interface Spots {
  candidate: LabelCandidate;
  near: Spot[];
  /** Worked out when first asked for: most labels fit beside their dot. */
  far: () => Spot[];
}

/**
 * Each label's spots (see layoutLabels' tiers), worked out once per label and shape
 * (with its second line, or without it where it only repeats the key): only whether a
 * spot is free of the labels placed so far changes as they are placed.
 */
function labelSpots(
  points: readonly LabelPoint[],
  options: LabelLayoutOptions,
): (p: LabelPoint, nameOnly: boolean) => Spots {
  const size = options.fontSize ?? 13;
  const detailSize = options.detailSize ?? 11.5;
  const offset = options.offset ?? 7;
  const measure = options.measure ?? textWidth;
  const { width, height } = options;
  // Every dot that shows, with a pixel to spare.
  const dots = points.flatMap((p) => {
    const r = DOT_RADIUS[p.candidate.role] + 1;
    const box = { x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r };
    return box.x1 >= 0 && box.x0 <= width && box.y1 >= 0 && box.y0 <= height ? [{ point: p, box }] : [];
  });
  const inView = (box: Box) => box.x0 >= 2 && box.y0 >= 2 && box.x1 <= width - 2 && box.y1 <= height - 2;
  const cache = new Map<LabelPoint, Spots>();
  const shortCache = new Map<LabelPoint, Spots>();
  return (p, nameOnly) => {
    const memo = nameOnly ? shortCache : cache;
    const known = memo.get(p);
    if (known) return known;
    const candidate = nameOnly ? { ...p.candidate, detail: null } : p.candidate;
    const w = Math.max(
      measure(candidate.name, size, "bold"),
      candidate.detail ? measure(candidate.detail, detailSize, "normal") : 0,
    );
    const h = size * 1.2 + (candidate.detail ? detailSize * 1.2 : 0);
    const others = dots.filter((d) => d.point !== p);
    // A dot on top of this one (a route's two ends a pixel apart: the boat to Alaska on a
    // phone's world map) is one no leader can leave without crossing: where every leader
    // would cross one, it may.
    const own = dots.find((d) => d.point === p)?.box;
    const spot = (t: Try, leader?: PlacedLabel["leader"]): Spot => ({
      ...t,
      ...(leader ? { leader } : {}),
      boxDots: others.filter((d) => overlaps(d.box, t.box)).map((d) => d.point),
      leaderDots: leader
        ? others
            .filter((d) => crosses(leader, d.box))
            .map((d) => ({ point: d.point, onTop: own !== undefined && overlaps(d.box, own) }))
        : [],
    });
    const tries = (off: number) => awayFirst(p, besideDot(p, w, h, off));
    const near = tries(offset)
      .filter((t) => inView(t.box))
      .map((t) => spot(t));
    let far: Spot[] | undefined;
    const spots = {
      candidate,
      near,
      far: () =>
        (far ??= FAR.flatMap((k) =>
          // Off a corner too: where neighbours sit on every side, a leader to a corner passes between them.
          [...tries(offset * k), ...offCorners(p, w, h, (offset * k) / Math.SQRT2, (offset * k) / Math.SQRT2)]
            .filter((t) => inView(t.box))
            .map((t) => spot(t, leaderLine(p, t.box, DOT_RADIUS[candidate.role]))),
        )),
    };
    memo.set(p, spots);
    return spots;
  };
}

/**
 * layoutLabels' greedy pass and second chance, placing `sorted` in its order: a label
 * may cover the dots of places placed after it, never of those placed before.
 */
function placeInOrder(
  sorted: readonly LabelPoint[],
  spotsOf: ReturnType<typeof labelSpots>,
  obstacles: readonly Box[],
): Map<LabelPoint, PlacedLabel> {
  const rank = new Map(sorted.map((p, i) => [p, i]));
  // The places not labelled count as least important.
  const rankOf = (p: LabelPoint) => rank.get(p) ?? Infinity;
  // The labels placed so far: what later ones keep clear of.
  const placedAt = new Map<LabelPoint, PlacedLabel>();
  const fitLabel = (i: number, { candidate, near, far }: Spots): PlacedLabel | undefined => {
    const placed = [...placedAt.values()];
    const taken: Box[] = [...obstacles, ...placed.map((f) => f.box)];
    const leaders = placed.flatMap((f) => (f.leader ? [f.leader] : []));
    // Free: covers no label, no leader line and no dot of a place placed up to `upTo`.
    const free = (s: Spot, upTo: number) =>
      s.boxDots.every((d) => rankOf(d) > upTo) &&
      !taken.some((b) => overlaps(b, s.box)) &&
      !leaders.some((l) => crosses(l, s.box));
    const farFree = (upTo: number, overOnTop = false) =>
      far().find(
        (s) =>
          free(s, upTo) &&
          s.leaderDots.every((d) => rankOf(d.point) > upTo || (overOnTop && d.onTop)) &&
          !taken.some((b) => crosses(s.leader!, b)),
      );
    const spot =
      near.find((s) => free(s, Infinity)) ??
      // Nothing free beside the dot: further off, with a leader line back to it, before
      // covering another place's dot (a cluster of places a few pixels apart on a
      // phone's world map); then beside it over less important places' dots.
      farFree(Infinity) ??
      farFree(Infinity, true) ??
      near.find((s) => free(s, i - 1)) ??
      farFree(i - 1) ??
      farFree(i - 1, true);
    if (!spot) return undefined;
    const { x, y, textAnchor, box, leader } = spot;
    return { candidate, x, y, textAnchor, box, ...(leader ? { leader } : {}) };
  };
  // A label whose second line only repeats the key (styleOnlyDetail) is tried without it
  // before it is dropped: the place keeps its name.
  const fitFor = (p: LabelPoint): PlacedLabel | undefined => {
    const i = rank.get(p)!;
    const whole = fitLabel(i, spotsOf(p, false));
    if (whole || !styleOnlyDetail(p.candidate)) return whole;
    return fitLabel(i, spotsOf(p, true));
  };
  const dropped: LabelPoint[] = [];
  for (const p of sorted) {
    const fit = fitFor(p);
    if (fit) placedAt.set(p, fit);
    else dropped.push(p);
  }
  // A second chance for each label that found no room: move one other label near it
  // (the least important first) where both then fit. On a phone's map a flight's
  // destination can take the only spot left to its neighbour when it had others.
  for (const p of dropped) {
    // A label moved for an earlier one may have left room already.
    const free = fitFor(p);
    if (free) {
      placedAt.set(p, free);
      continue;
    }
    const shapes = [spotsOf(p, false), ...(styleOnlyDetail(p.candidate) ? [spotsOf(p, true)] : [])];
    const reach = shapes
      .flatMap((s) => [...s.near, ...s.far()])
      .reduce(
        (r, s) => ({
          x0: Math.min(r.x0, s.box.x0, p.x),
          y0: Math.min(r.y0, s.box.y0, p.y),
          x1: Math.max(r.x1, s.box.x1, p.x),
          y1: Math.max(r.y1, s.box.y1, p.y),
        }),
        { x0: p.x, y0: p.y, x1: p.x, y1: p.y },
      );
    const inReach = (f: PlacedLabel) => overlaps(f.box, reach) || (f.leader !== undefined && crosses(f.leader, reach));
    const nearby = [...placedAt.keys()].filter((q) => inReach(placedAt.get(q)!));
    for (const q of nearby.sort((a, b) => rank.get(b)! - rank.get(a)!)) {
      const was = placedAt.get(q)!;
      placedAt.delete(q);
      const mine = fitFor(p);
      if (mine) {
        placedAt.set(p, mine);
        const theirs = fitFor(q);
        if (theirs) {
          placedAt.set(q, theirs);
          break;
        }
        placedAt.delete(p);
      }
      placedAt.set(q, was);
    }
  }
  return placedAt;
}
