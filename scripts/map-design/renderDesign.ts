/**
 * Draws one design at one width as a static SVG (the picture the prerenderer would
 * ship), a black-and-white mask of what carries information (for the empty-frame
 * measure), and a report: the counted flows' drawn widths and lengths, and whether each
 * destination keeps a label beside its own dot. The routes, dots and labels come from
 * the app's own modules (flowModel, labelCandidates, layoutLabels).
 */
import { geoContains, geoPath, type GeoProjection } from "d3-geo";
import type { Position } from "geojson";
import type { Basemap, CountryFeature } from "../../src/map/basemap.ts";
import { arrowSize, buildFlowModel, type FlowRoute, type RouteStyle } from "../../src/map/flowModel.ts";
import { locate, placeLeg, type Box } from "../../src/map/mapFrame.ts";
import { FALLBACK_PALETTE as C } from "../../src/map/palette.ts";
import { textWidth } from "../../src/format/textMetrics.ts";
import {
  DOT_RADIUS,
  labelCandidates,
  layoutLabels,
  type LabelCandidate,
  type PlacedLabel,
} from "../../src/map/placeLabels.ts";
import type { ExitRoutesDataset } from "../../src/schema/datasets.ts";
import type { DesignFrame } from "./candidates.ts";

type Panel = DesignFrame["panels"][number];

export interface LabelCheck {
  placeId: string;
  name: string;
  role: string;
  /** beside: labelled next to its own dot; the others say why not. */
  status: "beside" | "missing" | "off-map" | "ambiguous" | "nearer-dot";
  note?: string;
}

export interface FlowCheck {
  route: string;
  destination: string;
  value: number;
  width: number;
  /** Drawn length of the route's lines, px. */
  length: number;
}

export interface Rendered {
  svg: string;
  mask: string;
  flows: FlowCheck[];
  labels: LabelCheck[];
  /** Stubs drawn, and how many of them got their "route not stated" note. */
  stubs: { drawn: number; noted: number };
}

const DASH: Record<RouteStyle, readonly number[] | null> = { flow: null, unquantified: [3, 2], flights: [0, 2.5] };
const STROKE: Record<RouteStyle, string> = {
  flow: C["--flow"],
  unquantified: C["--unquantified"],
  flights: C["--flights"],
};
/** A stub's three thirds, from its open end to the place it reaches. */
const STUB_OPACITY = [0.25, 0.55, 1] as const;
const FONT = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`;
const r1 = (v: number) => Math.round(v * 10) / 10;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export interface Drawn {
  route: FlowRoute;
  d: string;
  points: [number, number][];
  arrow: string | null;
  stub: { start: [number, number]; end: [number, number] } | null;
}

/** A quadratic Bézier from a to b bulging to the right of travel (screen y down), as the app's arcs do. */
function bezier(a: [number, number], b: [number, number], bend: number, segments = 40): [number, number][] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const c = [(a[0] + b[0]) / 2 - dy * bend, (a[1] + b[1]) / 2 + dx * bend];
  const out: [number, number][] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const u = 1 - t;
    out.push([u * u * a[0] + 2 * u * t * c[0]! + t * t * b[0], u * u * a[1] + 2 * u * t * c[1]! + t * t * b[1]]);
  }
  return out;
}

function arrowPath(pts: readonly [number, number][], width: number): string {
  const [ex, ey] = pts[pts.length - 1]!;
  let k = pts.length - 2;
  while (k > 0 && Math.hypot(ex - pts[k]![0], ey - pts[k]![1]) < 2) k--;
  const [px, py] = pts[k]!;
  const len = Math.hypot(ex - px, ey - py) || 1;
  const ux = (ex - px) / len;
  const uy = (ey - py) / len;
  const { length, halfWidth } = arrowSize(width);
  return `M${r1(ex + ux * length)},${r1(ey + uy * length)}L${r1(ex - uy * halfWidth)},${r1(ey + ux * halfWidth)}L${r1(ex + uy * halfWidth)},${r1(ey - ux * halfWidth)}Z`;
}

/** Today's drawing: the flow model's Mercator arcs, projected point by point, kept continuous across the seam. */
function projectToday(projection: GeoProjection, coords: readonly Position[]): [number, number][] {
  const worldWidth = 2 * Math.PI * projection.scale();
  const out: [number, number][] = [];
  for (const c of coords) {
    const p = projection([c[0]!, c[1]!]);
    if (!p) continue;
    let x = p[0];
    const prev = out[out.length - 1];
    if (prev) {
      while (x - prev[0] > worldWidth / 2) x -= worldWidth;
      while (prev[0] - x > worldWidth / 2) x += worldWidth;
    }
    out.push([x, p[1]]);
  }
  return out;
}

const BEND: Record<RouteStyle, number> = { flow: 0.2, unquantified: 0.2, flights: 0.3 };

export function drawRoutes(frame: DesignFrame, routes: readonly FlowRoute[]): Drawn[] {
  const out: Drawn[] = [];
  for (const route of routes) {
    route.legs.forEach((leg, i) => {
      let pts: [number, number][] = [];
      let stub: Drawn["stub"] = null;
      if (frame.legs === "today") {
        pts = projectToday(frame.panels[0]!.projection, leg.coordinates);
      } else {
        const next = route.legs[i + 1];
        const placement = placeLeg(
          frame,
          { from: [leg.from[0]!, leg.from[1]!], to: [leg.to[0]!, leg.to[1]!], mode: leg.mode },
          next ? { from: [next.from[0]!, next.from[1]!], to: [next.to[0]!, next.to[1]!], mode: next.mode } : undefined,
        );
        if (placement.kind === "hidden") return;
        if (placement.kind === "stub") {
          stub = { start: placement.start, end: placement.end };
          pts = [placement.start, placement.end];
        } else {
          const a = locate(frame, [leg.from[0]!, leg.from[1]!])!;
          const b = locate(frame, [leg.to[0]!, leg.to[1]!])!;
          pts = bezier([a.x, a.y], [b.x, b.y], placement.straight ? 0 : BEND[route.style]);
        }
      }
      if (pts.length < 2) return;
      out.push({
        route,
        d: "M" + pts.map(([x, y]) => `${r1(x)},${r1(y)}`).join("L"),
        points: pts,
        arrow: leg.final ? arrowPath(pts, route.width) : null,
        stub,
      });
    });
  }
  return out.sort((a, b) => b.route.width - a.route.width);
}

interface Point {
  candidate: LabelCandidate;
  x: number;
  y: number;
  panel: Panel;
}

/**
 * The note a stub carries: "From Russia: / route not stated", a caption in the bottom
 * corner of the stub's panel (left, or right when the stub starts there), where place
 * labels keep off it.
 */
interface Caption {
  lines: [string, string];
  box: Box;
  panel: Panel;
}

function stubCaptions(frame: DesignFrame, drawn: readonly Drawn[]): Caption[] {
  const size = frame.labels.detailSize;
  return drawn.flatMap((d) => {
    if (!d.stub) return [];
    const [ex, ey] = d.stub.end;
    const panel = [...frame.panels]
      .reverse()
      .find((p) => ex >= p.box.x0 && ex <= p.box.x1 && ey >= p.box.y0 && ey <= p.box.y1);
    if (!panel) return [];
    const lines: [string, string] = [`From ${d.route.origin.name}:`, "route not stated"];
    const w = Math.max(...lines.map((l) => textWidth(l, size, "normal")));
    const h = 2 * size * 1.2;
    const y1 = panel.box.y1 - 4;
    const left = { x0: panel.box.x0 + 6, y0: y1 - h, x1: panel.box.x0 + 6 + w, y1 };
    const [sx, sy] = d.stub.start;
    const onStub = sx >= left.x0 - 4 && sx <= left.x1 + 4 && sy >= left.y0 - 4;
    const box = onStub ? { x0: panel.box.x1 - 6 - w, y0: y1 - h, x1: panel.box.x1 - 6, y1 } : left;
    return [{ lines, box, panel }];
  });
}

export function renderDesign(
  frame: DesignFrame,
  data: ExitRoutesDataset,
  basemaps: { coarse: Basemap; fine: Basemap },
): Rendered {
  const model = buildFlowModel(data, { maxWidth: frame.flowMaxWidth, minWidth: 1.5 });
  const routes = model.routes;
  const candidates = labelCandidates(routes, data.stances, model.places)
    .filter((l) => frame.labels.stances || l.role !== "stance")
    .map((l) => (!frame.labels.styleDetails && l.style !== "flow" ? { ...l, detail: null } : l));

  // Where each labelled place is drawn.
  const points: Point[] = [];
  const offMap: LabelCandidate[] = [];
  for (const candidate of candidates) {
    const c: [number, number] = [candidate.coordinates[0]!, candidate.coordinates[1]!];
    if (frame.legs === "today") {
      const panel = frame.panels[0]!;
      const p = projectToday(panel.projection, [c])[0];
      if (p && p[0] >= 0 && p[0] <= frame.width && p[1] >= 0 && p[1] <= frame.height)
        points.push({ candidate, x: p[0], y: p[1], panel });
      else offMap.push(candidate);
    } else {
      const at = locate(frame, c);
      if (at) points.push({ candidate, x: at.x, y: at.y, panel: at.panel });
      else offMap.push(candidate);
    }
  }

  const drawn = drawRoutes(frame, routes);
  const captions = stubCaptions(frame, drawn);

  // Labels: one layout per panel, in the panel's own coordinates.
  const placed: (PlacedLabel & { panel: Panel })[] = [];
  for (const panel of frame.panels) {
    const { x0, y0 } = panel.box;
    const local = (b: Box): Box => ({ x0: b.x0 - x0, y0: b.y0 - y0, x1: b.x1 - x0, y1: b.y1 - y0 });
    const mine = points.filter((p) => p.panel === panel);
    const laid = layoutLabels(
      mine.map((p) => ({ candidate: p.candidate, x: p.x - x0, y: p.y - y0 })),
      {
        width: panel.box.x1 - panel.box.x0,
        height: panel.box.y1 - panel.box.y0,
        obstacles: [...panel.obstacles, ...captions.filter((c) => c.panel === panel).map((c) => c.box)].map(local),
        fontSize: frame.labels.fontSize,
        detailSize: frame.labels.detailSize,
      },
    );
    for (const l of laid)
      placed.push({
        ...l,
        x: l.x + x0,
        y: l.y + y0,
        box: { x0: l.box.x0 + x0, y0: l.box.y0 + y0, x1: l.box.x1 + x0, y1: l.box.y1 + y0 },
        panel,
      });
  }

  const countries = routeCountries(data, basemaps.fine);
  const svg = drawSvg(frame, basemaps, drawn, points, placed, captions, countries, false);
  const mask = drawSvg(frame, basemaps, drawn, points, placed, captions, countries, true);
  return {
    svg,
    mask,
    flows: flowChecks(drawn),
    labels: labelChecks(candidates, points, offMap, placed),
    stubs: {
      drawn: drawn.filter((d) => d.stub).length,
      // A caption that covers a dot would hide a place: it does not count as noted.
      noted: captions.filter(
        (c) => !points.some((p) => p.x >= c.box.x0 && p.x <= c.box.x1 && p.y >= c.box.y0 && p.y <= c.box.y1),
      ).length,
    },
  };
}

/** ISO codes of the countries that hold a route's place or a stance's place. */
function routeCountries(data: ExitRoutesDataset, basemap: Basemap): Set<string> {
  const ids = new Set([...data.routes.flatMap((r) => r.path), ...data.stances.map((s) => s.place)]);
  const out = new Set<string>();
  for (const place of data.places.filter((p) => ids.has(p.id))) {
    if (place.iso) out.add(place.iso);
    const f = basemap.countries.features.find((c) => geoContains(c, place.coordinates as [number, number]));
    if (f?.properties.iso) out.add(f.properties.iso);
  }
  return out;
}

function drawSvg(
  frame: DesignFrame,
  basemaps: { coarse: Basemap; fine: Basemap },
  drawn: readonly Drawn[],
  points: readonly Point[],
  placed: readonly (PlacedLabel & { panel: Panel })[],
  captions: readonly Caption[],
  countries: ReadonlySet<string>,
  mask: boolean,
): string {
  const { width, height } = frame;
  const parts: string[] = [];
  const ink = "#000";
  parts.push(`<rect width="${width}" height="${height}" fill="${mask ? "#fff" : C["--water"]}"/>`);
  // Panels: main first, insets on top (their boxes may overlap the main panel).
  const order = [...frame.panels.filter((p) => p.role === "main"), ...frame.panels.filter((p) => p.role === "inset")];
  for (const panel of order) {
    const { x0, y0, x1, y1 } = panel.box;
    const basemap = panel.role === "inset" ? basemaps.fine : basemaps.coarse;
    const path = geoPath(panel.projection);
    parts.push(
      `<rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}" fill="${mask ? "#fff" : C["--water"]}"/>`,
    );
    for (const f of basemap.countries.features) {
      const d = path(f);
      if (!d) continue;
      if (mask) {
        if (f.properties.iso && countries.has(f.properties.iso)) parts.push(`<path d="${d}" fill="${ink}"/>`);
      } else parts.push(`<path d="${d}" fill="${countryFill(f)}"/>`);
    }
    if (!mask) {
      const borders = path(basemap.borders);
      if (borders)
        parts.push(
          `<path d="${borders}" fill="none" stroke="${C["--border"]}" stroke-width="0.6" stroke-linejoin="round"/>`,
        );
      for (const f of basemap.countries.features.filter((c) => c.properties.stance)) {
        const d = path(f);
        if (d)
          parts.push(
            `<path d="${d}" fill="none" stroke="${f.properties.stance === "refuse" ? C["--refuse"] : C["--welcome"]}" stroke-width="1"/>`,
          );
      }
    }
    // The panel's routes, dots and labels are drawn after all panels' land (below), clipped to the panel.
  }
  // Routes, per panel clip, so a line never runs out of its panel.
  parts.push(`<defs>`);
  frame.panels.forEach((p, i) =>
    parts.push(
      `<clipPath id="clip${i}"><rect x="${p.box.x0}" y="${p.box.y0}" width="${p.box.x1 - p.box.x0}" height="${p.box.y1 - p.box.y0}"/></clipPath>`,
    ),
  );
  parts.push(`</defs>`);
  const panelIndex = (x: number, y: number) => {
    const insets = frame.panels.map((p, i) => [p, i] as const).filter(([p]) => p.role === "inset");
    const hit = [...insets, ...frame.panels.map((p, i) => [p, i] as const).filter(([p]) => p.role === "main")].find(
      ([p]) => x >= p.box.x0 && x <= p.box.x1 && y >= p.box.y0 && y <= p.box.y1,
    );
    return hit ? hit[1] : 0;
  };
  for (const p of points)
    parts.push(
      `<circle cx="${r1(p.x)}" cy="${r1(p.y)}" r="${DOT_RADIUS[p.candidate.role]}" fill="${mask ? ink : C["--fg"]}" stroke="${mask ? ink : C["--water"]}" stroke-width="1"/>`,
    );
  drawn.forEach((l) => {
    const end = l.points[l.points.length - 1]!;
    const clip = frame.legs === "today" ? "" : ` clip-path="url(#clip${panelIndex(end[0], end[1])})"`;
    const dash = DASH[l.stub ? "unquantified" : l.route.style];
    const colour = mask ? ink : STROKE[l.route.style];
    const stroke = `fill="none" stroke="${colour}" stroke-width="${l.route.width}" stroke-linecap="${l.route.style === "flights" ? "round" : "butt"}" stroke-linejoin="round"${dash && !mask ? ` stroke-dasharray="${dash.map((v) => r1(v * l.route.width)).join(" ")}"` : ""}`;
    // A stub fades in from its open end: three thirds at rising opacity (MapLibre: data-driven line-opacity).
    const lines = l.stub
      ? STUB_OPACITY.map((o, k) => {
          const [a, b] = [l.stub!.start, l.stub!.end];
          const at = (t: number) => `${r1(a[0] + (b[0] - a[0]) * t)},${r1(a[1] + (b[1] - a[1]) * t)}`;
          return `<path d="M${at(k / 3)}L${at((k + 1) / 3)}" ${stroke} stroke-opacity="${mask ? 1 : o}"/>`;
        }).join("")
      : `<path d="${l.d}" ${stroke} stroke-opacity="${!mask && l.route.style === "flow" ? 0.9 : 1}"/>`;
    parts.push(
      `<g${clip}>${lines}${l.arrow ? `<path d="${l.arrow}" fill="${mask ? ink : STROKE[l.route.style]}"/>` : ""}</g>`,
    );
  });
  // Inset frames and headings.
  for (const panel of frame.panels.filter((p) => p.role === "inset")) {
    const { x0, y0, x1, y1 } = panel.box;
    if (mask) {
      for (const o of panel.obstacles)
        parts.push(`<rect x="${o.x0}" y="${o.y0}" width="${o.x1 - o.x0}" height="${o.y1 - o.y0}" fill="${ink}"/>`);
      continue;
    }
    parts.push(
      `<rect x="${x0 + 0.5}" y="${y0 + 0.5}" width="${x1 - x0 - 1}" height="${y1 - y0 - 1}" fill="none" stroke="${C["--border"]}" stroke-width="1"/>`,
      `<text x="${x0 + 6}" y="${y0 + 15}" font-family='${FONT}' font-size="12" font-weight="700" fill="${C["--fg"]}" stroke="${C["--water"]}" stroke-width="3" paint-order="stroke">${esc(panel.title ?? "")}</text>`,
    );
  }
  // Labels (MapLabels' look).
  for (const l of placed) {
    if (mask) {
      parts.push(
        `<rect x="${r1(l.box.x0)}" y="${r1(l.box.y0)}" width="${r1(l.box.x1 - l.box.x0)}" height="${r1(l.box.y1 - l.box.y0)}" fill="${ink}"/>`,
      );
      continue;
    }
    const c = l.candidate;
    const size = c.role === "stance" ? frame.labels.detailSize : frame.labels.fontSize;
    parts.push(
      `<text x="${r1(l.x)}" y="${r1(l.y)}" text-anchor="${l.textAnchor}" font-family='${FONT}' font-size="${size}" fill="${C["--fg"]}" stroke="${C["--water"]}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"><tspan x="${r1(l.x)}" dy="1em" font-weight="600">${esc(c.name)}</tspan>${c.detail ? `<tspan x="${r1(l.x)}" dy="1.15em" font-size="${frame.labels.detailSize}" font-weight="400">${esc(c.detail)}</tspan>` : ""}</text>`,
    );
  }
  for (const c of captions) {
    const size = frame.labels.detailSize;
    if (mask) {
      parts.push(
        `<rect x="${r1(c.box.x0)}" y="${r1(c.box.y0)}" width="${r1(c.box.x1 - c.box.x0)}" height="${r1(c.box.y1 - c.box.y0)}" fill="${ink}"/>`,
      );
      continue;
    }
    parts.push(
      `<text x="${r1(c.box.x0)}" y="${r1(c.box.y0)}" font-family='${FONT}' font-size="${size}" font-style="italic" fill="${C["--muted"]}" stroke="${C["--water"]}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${c.lines.map((l, i) => `<tspan x="${r1(c.box.x0)}" dy="${i === 0 ? "1em" : "1.2em"}">${esc(l)}</tspan>`).join("")}</text>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join("")}</svg>`;
}

function countryFill(f: CountryFeature): string {
  const { stance, focus } = f.properties;
  return stance === "refuse"
    ? C["--refuse-fill"]
    : stance === "welcome"
      ? C["--welcome-fill"]
      : focus
        ? C["--land-focus"]
        : C["--land"];
}

function flowChecks(drawn: readonly Drawn[]): FlowCheck[] {
  const byRoute = new Map<string, FlowCheck>();
  for (const l of drawn) {
    if (l.route.style !== "flow") continue;
    const check = byRoute.get(l.route.id) ?? {
      route: l.route.id,
      destination: l.route.destination.name,
      value: l.route.value ?? 0,
      width: l.route.width,
      length: 0,
    };
    for (let i = 1; i < l.points.length; i++)
      check.length += Math.hypot(l.points[i]![0] - l.points[i - 1]![0], l.points[i]![1] - l.points[i - 1]![1]);
    check.length = Math.round(check.length);
    byRoute.set(l.route.id, check);
  }
  return [...byRoute.values()].sort((a, b) => b.value - a.value);
}

const distToBox = (x: number, y: number, b: Box) =>
  Math.hypot(Math.max(b.x0 - x, 0, x - b.x1), Math.max(b.y0 - y, 0, y - b.y1));

/** Each destination, stop and origin label: is it drawn, and beside its own dot (not nearer another dot, not on a dot that overlaps another)? */
function labelChecks(
  candidates: readonly LabelCandidate[],
  points: readonly Point[],
  offMap: readonly LabelCandidate[],
  placed: readonly (PlacedLabel & { panel: Panel })[],
): LabelCheck[] {
  return candidates
    .filter((c) => c.role !== "stance")
    .map((c): LabelCheck => {
      const base = { placeId: c.placeId, name: c.name, role: c.role };
      if (offMap.includes(c)) return { ...base, status: "off-map" };
      const own = points.find((p) => p.candidate === c)!;
      const label = placed.find((l) => l.candidate === c);
      if (!label) return { ...base, status: "missing" };
      const others = points.filter((p) => p !== own && p.panel === own.panel);
      const overlapping = others.find(
        (p) => Math.hypot(p.x - own.x, p.y - own.y) < DOT_RADIUS[p.candidate.role] + DOT_RADIUS[own.candidate.role] + 1,
      );
      if (overlapping) return { ...base, status: "ambiguous", note: `dot on ${overlapping.candidate.name}'s` };
      const d = distToBox(own.x, own.y, label.box);
      const nearer = others.find((p) => distToBox(p.x, p.y, label.box) < d - 1);
      if (nearer) return { ...base, status: "nearer-dot", note: `nearer ${nearer.candidate.name}` };
      return { ...base, status: "beside" };
    });
}
