/** exit-routes.json: the map's places, routes, stances, periods and cameras. */
import { DATASET_VERSION, type DatasetOf } from "../../schema/datasets.ts";
import { formatPeriod } from "../../schema/period.ts";
import type { DeriveContext } from "./context.ts";

export function deriveExitRoutes(ctx: DeriveContext): DatasetOf<"exit-routes"> {
  const { ledger, places, ref, cite, figureQuotes } = ctx;
  const g = ledger.graphics.exitRoutes;
  const iso = (placeId: string) => places.get(placeId)?.iso ?? null;
  const usedPlaces = new Set<string>();
  for (const r of ledger.routes) for (const leg of r.legs) usedPlaces.add(leg.from).add(leg.to);
  for (const s of ledger.stances) usedPlaces.add(s.place);
  for (const p of ledger.places) if (p.citations.length > 0) usedPlaces.add(p.id);

  // The quotes the map relies on: routes and their figures, stances, places, the periods' events.
  const events = new Set(g.periods.map((p) => p.event));
  const quotes = [
    ...ledger.routes.flatMap((r) => [
      ...r.citations,
      ...[r.figure, ...r.related].flatMap((id) => (id ? figureQuotes(id) : [])),
    ]),
    ...(g.total ? figureQuotes(g.total) : []),
    ...ledger.stances.flatMap((s) => s.citations),
    ...ledger.places.filter((p) => usedPlaces.has(p.id)).flatMap((p) => p.citations),
    ...ledger.events.filter((e) => events.has(e.id)).flatMap((e) => e.citations),
  ];

  // Caveats in drawing order: each route's figure and related figures, the total; then our placements.
  const drawn = ledger.places.filter((p) => usedPlaces.has(p.id));
  const placed = drawn.filter((p) => p.placement);
  const caveats = ctx.caveats(
    [...ledger.routes.flatMap((r) => [r.figure, ...r.related]), g.total],
    placed.map((p) => `Point placed by us: ${p.placement}`),
  );
  const placeMarker = new Map(placed.map((p, i) => [p.id, caveats.extraMarkers[i]!]));

  return {
    version: DATASET_VERSION,
    meta: ctx.meta("exit-routes", g, quotes, caveats),
    periods: g.periods.map((p) => {
      const event = ledger.events.find((e) => e.id === p.event)!;
      return { id: p.id, label: p.label, period: formatPeriod(p.period), date: event.date, event: event.label };
    }),
    cameras: g.cameras,
    places: drawn.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      coordinates: p.coordinates,
      iso: p.iso ?? null,
      named: p.named,
      pointBasis: p.pointBasis ?? null,
      placement: p.placement ?? null,
      marker: placeMarker.get(p.id) ?? null,
    })),
    routes: ledger.routes.map((r) => ({
      id: r.id,
      label: r.label,
      period: r.period,
      layer: r.layer,
      modes: [...new Set(r.legs.map((l) => l.mode))],
      path: [r.legs[0]!.from, ...r.legs.map((l) => l.to)],
      legs: r.legs,
      figure: r.figure ? ref(r.figure, caveats) : null,
      related: r.related,
      citations: r.citations.map(cite),
      notes: r.notes,
    })),
    stances: ledger.stances.map((s) => ({
      place: s.place,
      name: places.get(s.place)!.name,
      iso: iso(s.place),
      position: s.position,
      who: s.who,
      citations: s.citations.map(cite),
      notes: s.notes,
    })),
    total: g.total ? ref(g.total, caveats) : null,
  };
}
