/** The map's key: reference line widths, the unquantified and flight line styles, and the stance fills. */
import type { ExitRoutesDataset } from "../schema/datasets.ts";
import { arrowSize, widthOptionsFor, type FlowRoute } from "./flowModel.ts";
import { useFlowModel, useVisibleRoutes } from "./useFlowModel.ts";
import { useElementSize } from "../ui/useElementSize.ts";
import "./map.css";

export interface MapLegendProps {
  data: ExitRoutesDataset;
  /**
   * Width of the map this key belongs to, in CSS px: narrow maps draw thinner lines.
   * Default: the key's own width (it sits under the map, in the same column).
   */
  mapWidth?: number;
  /**
   * The highlighted route's name, when the map shows one (a slide's route): the key
   * then says what the blue halo means. Default: none.
   */
  highlighted?: string | null;
  /** The routes the map draws, when the key goes with a view of its own (a slide's). Default: those the store's filters show. */
  visible?: readonly FlowRoute[];
}

export const STANCE_LABELS = {
  refuse: "Said it will not grant asylum",
  welcome: "Signalled it would take some in",
} as const;

function WidthSample({ width }: { width: number }) {
  const { length, halfWidth } = arrowSize(width);
  const h = Math.ceil(Math.max(width, 2 * halfWidth)) + 2;
  const y = h / 2;
  const end = 40;
  return (
    <svg
      width={end + length + 2}
      height={h}
      viewBox={`0 0 ${end + length + 2} ${h}`}
      aria-hidden="true"
      focusable="false"
    >
      <line x1={1} x2={end} y1={y} y2={y} stroke="var(--flow)" strokeOpacity={0.9} strokeWidth={width} />
      <path d={`M${end + length},${y}L${end},${y - halfWidth}L${end},${y + halfWidth}Z`} fill="var(--flow)" />
    </svg>
  );
}

export function MapLegend({ data, mapWidth, highlighted = null, visible }: MapLegendProps) {
  const [ref, own] = useElementSize<HTMLDivElement>();
  const model = useFlowModel(data, widthOptionsFor(mapWidth ?? own.width).maxWidth);
  const filtered = useVisibleRoutes(model);
  const styles = new Set(model.routes.map((r) => r.style));
  // Routes drawn only near their end (flowModel's stubs), named so the reader knows why.
  const stubs = (visible ?? filtered).flatMap((r) =>
    r.legs.filter((l) => l.stub).map((l) => `${r.stops[l.index]!.name} to ${r.stops[l.index + 1]!.name}`),
  );
  const positions = new Set(data.stances.map((s) => s.position));
  const { scale } = model;
  return (
    <div className="map-legend" role="group" aria-label="Map key" ref={ref} data-export-legend="">
      {styles.has("flow") && scale.stops.length > 0 && (
        <div className="map-legend__block">
          <p className="map-legend__title">Number of {scale.unit} reported (line width)</p>
          <ul className="map-legend__widths">
            {scale.stops.map((s) => (
              <li key={s.value}>
                <WidthSample width={s.width} />
                <span>{s.label}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="map-legend__keys">
        {highlighted && (
          <li className="map-legend__highlight">
            <svg width={40} height={12} aria-hidden="true" focusable="false">
              <line x1={1} x2={39} y1={6} y2={6} stroke="var(--focus)" strokeOpacity={0.9} strokeWidth={8} />
              <line x1={1} x2={39} y1={6} y2={6} stroke="var(--fg)" strokeWidth={2} />
            </svg>
            <span>Highlighted: {highlighted}</span>
          </li>
        )}
        {styles.has("unquantified") && (
          <li>
            <svg width={40} height={10} aria-hidden="true" focusable="false">
              <line x1={1} x2={39} y1={5} y2={5} stroke="var(--unquantified)" strokeWidth={2} strokeDasharray="6 4" />
            </svg>
            <span>Route reported, no number reported</span>
          </li>
        )}
        {styles.has("flights") && (
          <li>
            <svg width={40} height={10} aria-hidden="true" focusable="false">
              <line
                x1={2}
                x2={39}
                y1={5}
                y2={5}
                stroke="var(--flights)"
                strokeWidth={2}
                strokeDasharray="0 5"
                strokeLinecap="round"
              />
            </svg>
            <span>Flights sold out (no passenger numbers)</span>
          </li>
        )}
        {(["refuse", "welcome"] as const)
          .filter((p) => positions.has(p))
          .map((p) => (
            <li key={p}>
              <span className={`map-legend__fill map-legend__fill--${p}`} aria-hidden="true" />
              <span>{STANCE_LABELS[p]}</span>
            </li>
          ))}
      </ul>
      <p className="map-legend__note">
        {stubs.length > 0
          ? `Lines join places, not roads. ${stubs.join(" and ")}: path not stated, only its end drawn.`
          : "Lines join origin and destination; they do not trace roads."}{" "}
        Basemap: Natural Earth.
      </p>
    </div>
  );
}
