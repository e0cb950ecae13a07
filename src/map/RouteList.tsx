/**
 * The routes as a list: the map's accessible equivalent for keyboard and screen-reader
 * users, mirroring the map's filters and order. Focus or hover on an item highlights
 * its route on the map; Enter or Space (or a click) selects it and opens its details.
 */
import { useId } from "react";
import type { ExitRoutesDataset } from "../schema/datasets.ts";
import { useAppStore } from "../state/store.ts";
import { Subheading } from "../ui/headingLevel.ts";
import { routeFigureText, type FlowRoute, type RouteStyle } from "./flowModel.ts";
import { useFlowModel, useVisibleRoutes } from "./useFlowModel.ts";
import "./map.css";

export interface RouteListProps {
  data: ExitRoutesDataset;
}

/** A short sample of how the route is drawn (solid, dashed, dotted). */
export function RouteSwatch({ style, width }: { style: RouteStyle; width: number }) {
  const w = Math.min(width, 10);
  const stroke = style === "flow" ? "var(--flow)" : style === "flights" ? "var(--flights)" : "var(--unquantified)";
  const dash = style === "unquantified" ? `${3 * w} ${2 * w}` : style === "flights" ? `0 ${2.5 * w}` : undefined;
  return (
    <svg className="route-swatch" width={28} height={14} viewBox="0 0 28 14" aria-hidden="true" focusable="false">
      <line
        x1={2}
        x2={26}
        y1={7}
        y2={7}
        stroke={stroke}
        strokeWidth={w}
        strokeDasharray={dash}
        strokeLinecap={style === "flights" ? "round" : "butt"}
      />
    </svg>
  );
}

export function RouteList({ data }: RouteListProps) {
  const model = useFlowModel(data);
  const visible = useVisibleRoutes(model);
  const selected = useAppStore((s) => s.route);
  const hovered = useAppStore((s) => s.hoveredRoute);
  const selectRoute = useAppStore((s) => s.selectRoute);
  const hoverRoute = useAppStore((s) => s.hoverRoute);
  const headingId = useId();

  const leave = (r: FlowRoute) => {
    if (useAppStore.getState().hoveredRoute === r.id) hoverRoute(null);
  };

  return (
    <section className="route-list" aria-labelledby={headingId}>
      <Subheading id={headingId} className="route-list__title">
        Routes
      </Subheading>
      <p className="route-list__count">
        {visible.length === model.routes.length
          ? `${visible.length} routes, largest number first.`
          : `Showing ${visible.length} of ${model.routes.length} routes (filtered).`}
      </p>
      {visible.length === 0 ? (
        <p className="route-list__empty">No route matches these filters.</p>
      ) : (
        <ol className="route-list__items">
          {visible.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="route-list__item"
                aria-pressed={selected === r.id}
                data-route={r.id}
                data-hovered={hovered === r.id ? "true" : undefined}
                onClick={() => selectRoute(selected === r.id ? null : r.id)}
                onFocus={() => hoverRoute(r.id)}
                onBlur={() => leave(r)}
                onMouseEnter={() => hoverRoute(r.id)}
                onMouseLeave={() => leave(r)}
              >
                <RouteSwatch style={r.style} width={r.style === "flow" ? Math.max(2, r.width) : r.width} />
                <span className="route-list__label">{r.label}</span>
                <span
                  className={r.style === "flow" ? "route-list__figure" : "route-list__figure route-list__figure--none"}
                >
                  {routeFigureText(r)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
