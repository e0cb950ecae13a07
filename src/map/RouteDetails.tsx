/**
 * The selected route's card: its figure with its qualifier (a button that opens the
 * figure's provenance record), related figures, each quote with its source, the notes,
 * and how its points were placed. Escape or the close button deselects.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { datasetQuery } from "../data/datasetQuery.ts";
import { formatQuantity, marked } from "../format/formatFigure.ts";
import type { ExitRoutesDataset } from "../schema/datasets.ts";
import { useAppStore } from "../state/store.ts";
import { Subheading } from "../ui/headingLevel.ts";
import { sourceName } from "../ui/sourceLine.ts";
import { formatRouteFigure, MODE_LABELS, NO_NUMBER } from "./flowModel.ts";
import { useFlowModel, useVisibleRoutes } from "./useFlowModel.ts";
import "./map.css";

export interface RouteDetailsProps {
  data: ExitRoutesDataset;
}

const BASIS: Record<string, string> = { reported: "as reported", derived: "derived by us", context: "context" };

export function RouteDetails({ data }: RouteDetailsProps) {
  const model = useFlowModel(data);
  const visible = useVisibleRoutes(model);
  const selected = useAppStore((s) => s.route);
  const selectRoute = useAppStore((s) => s.selectRoute);
  // Related figures read as numbers ("more than 9 miles: …"); the ids are the fallback
  // while the figure records load (they are shared with the provenance dialog). They
  // are fetched when a route is selected, not with the page: the map embed's HTML
  // carries its own dataset, not the figure records.
  const records = useQuery({ ...datasetQuery("figures"), enabled: selected !== null }).data;
  const relatedLabel = (id: string) => {
    const f = records?.figures.find((x) => x.id === id);
    return f ? `${formatQuantity(f)}: ${f.counts} (${f.period})${f.caveat ? `. ${f.caveat}` : ""}` : id;
  };
  const openFigure = useAppStore((s) => s.openFigure);
  const headingId = useId();
  const route = selected ? model.routes.find((r) => r.id === selected) : undefined;
  const sources = new Map(data.meta.sources.map((s) => [s.id, s]));
  const cardRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shown = useRef<string | null>(null);

  // Selected from the route list (keyboard or click): take focus to the card, so its
  // figure button and quotes come next in the tab order. A click on the map leaves focus alone.
  useEffect(() => {
    const id = route?.id ?? null;
    if (id && id !== shown.current) {
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.closest(".route-list")) headingRef.current?.focus();
    }
    shown.current = id;
  }, [route]);

  /** Deselects; if focus was in the card, returns it to the route's list item. */
  const close = () => {
    const id = route?.id;
    const hadFocus = cardRef.current?.contains(document.activeElement) ?? false;
    const scope = cardRef.current?.closest(".exit-routes") ?? document;
    selectRoute(null);
    if (id && hadFocus) {
      (globalThis.requestAnimationFrame ?? setTimeout)(() =>
        scope.querySelector<HTMLElement>(`.route-list__item[data-route="${id}"]`)?.focus(),
      );
    }
  };

  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {route ? `Showing details for ${route.label}.` : ""}
      </p>
      {route && (
        <section
          ref={cardRef}
          className="route-card"
          aria-labelledby={headingId}
          onKeyDown={(e) => {
            if (e.key === "Escape") close();
          }}
        >
          <div className="route-card__head">
            <Subheading id={headingId} ref={headingRef} tabIndex={-1} className="route-card__title">
              {route.label}
            </Subheading>
            <button type="button" className="route-card__close" aria-label="Close route details" onClick={close}>
              ×
            </button>
          </div>
          <p className="route-card__meta">
            {route.periodLabel} · {route.modes.map((m) => MODE_LABELS[m]).join(", ")}
            {route.style === "flights" ? " · flights sold out" : ""}
            {!visible.some((r) => r.id === route.id) ? " · hidden by the current filters" : ""}
          </p>
          {route.figure && route.figure.value !== null ? (
            <button type="button" className="route-card__figure" onClick={() => openFigure(route.figure!.id)}>
              <span className="route-card__number">{formatRouteFigure(route.figure)}</span>
              {route.figure.counts && <span className="route-card__counts">{route.figure.counts}</span>}
              <span className="route-card__figure-meta">
                {route.figure.period} · {BASIS[route.figure.basis] ?? route.figure.basis}
              </span>
              <span className="route-card__figure-cta">Open the figure’s source record</span>
            </button>
          ) : (
            <p className="route-card__none">
              {NO_NUMBER[0]!.toUpperCase() + NO_NUMBER.slice(1)}.{" "}
              {route.style === "flights"
                ? "The article says only that flights sold out; the line is dotted."
                : "The line is dashed and not sized by a count."}
            </p>
          )}
          {route.figure?.caveat && (
            <p className="route-card__caveat">
              <strong>{route.figure.marker}</strong> {route.figure.caveat}
            </p>
          )}
          {route.record.related.length > 0 && (
            <div className="route-card__related">
              <p className="route-card__subhead">Related figures</p>
              <ul>
                {route.record.related.map((id) => (
                  <li key={id}>
                    <button type="button" className="route-card__related-button" onClick={() => openFigure(id)}>
                      {relatedLabel(id)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {route.record.citations.length > 0 && (
            <>
              <p className="route-card__subhead">What the articles say</p>
              <ul className="route-card__quotes">
                {route.record.citations.map((c, i) => (
                  <li key={`${c.source}-${i}`}>
                    <blockquote className="route-card__quote">“{c.quote}”</blockquote>
                    <p className="route-card__source">{sourceName(sources.get(c.source))}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
          {route.record.notes.length > 0 && (
            <>
              <p className="route-card__subhead">Notes</p>
              <ul className="route-card__notes">
                {route.record.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
          {route.stops.some((p) => p.pointBasis || p.placement) && (
            <>
              <p className="route-card__subhead">Where the line is drawn</p>
              <ul className="route-card__notes">
                {route.stops
                  .filter((p) => p.pointBasis || p.placement)
                  .map((p) => (
                    <li key={p.id}>
                      <strong>{marked(p.name, p)}:</strong>{" "}
                      {p.placement ? `Placed by us. ${p.placement}` : p.pointBasis}
                    </li>
                  ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
