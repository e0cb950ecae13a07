/**
 * The place labels as SVG text, where layoutLabels put them: the SVG map draws them in
 * its own SVG, and the MapLibre map in an SVG laid over its canvas (LabelOverlay in
 * MapLibreExitRouteMap.tsx). One placement and one look for both engines.
 */
import type { PlacedLabel } from "./placeLabels.ts";
import { r1 } from "../format/pixels.ts";

/** A place name's font size in px, and its detail line's (the number, or "no number reported"). */
export const LABEL_SIZE = 13;
export const detailSize = (size: number): number => r1(size * (11.5 / 13));

export function MapLabels({ placed, size = LABEL_SIZE }: { placed: readonly PlacedLabel[]; size?: number }) {
  const small = detailSize(size);
  return (
    <g aria-hidden="true" pointerEvents="none">
      {placed.map(
        (l) =>
          l.leader && (
            <line
              key={`leader-${l.candidate.placeId}`}
              x1={l.leader[0]}
              y1={l.leader[1]}
              x2={l.leader[2]}
              y2={l.leader[3]}
              stroke="var(--fg)"
              strokeWidth={1}
            />
          ),
      )}
      {placed.map((l) => (
        <text
          key={`label-${l.candidate.placeId}`}
          x={r1(l.x)}
          y={r1(l.y)}
          textAnchor={l.textAnchor}
          fill="var(--fg)"
          stroke="var(--water)"
          strokeWidth={3}
          strokeLinejoin="round"
          paintOrder="stroke"
          fontSize={l.candidate.role === "stance" ? small : size}
        >
          <tspan x={r1(l.x)} dy="1em" fontWeight={600}>
            {l.candidate.name}
          </tspan>
          {l.candidate.detail && (
            <tspan x={r1(l.x)} dy="1.15em" fontSize={small}>
              {l.candidate.detail}
            </tspan>
          )}
        </text>
      ))}
    </g>
  );
}
