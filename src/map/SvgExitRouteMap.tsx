/**
 * The SVG engine: the same layers as the MapLibre map, drawn with d3-geo on the same
 * north-up Mercator fitted to the same camera bounds. It is the first paint (it never
 * waits for maplibre-gl) and the fallback where WebGL is missing. d3-geo is spherical,
 * so it takes world-atlas geometry as it comes and clips at the antimeridian itself.
 */
import { geoPath, type GeoPath, type GeoPermissibleObjects } from "d3-geo";
import type { MultiLineString, Position } from "geojson";
import { useEffect, useMemo, type PointerEvent, type ReactNode } from "react";
import { arrowSize, DASH, type FlowRoute, type RouteStyle } from "./flowModel.ts";
import { fitMercator } from "./mapCamera.ts";
import type { Basemap } from "./basemap.ts";
import type { MapEngineProps } from "./mapEngine.ts";
import { detailSize, LABEL_SIZE, MapLabels } from "./MapLabels.tsx";
import { DOT_RADIUS, labelPoints, layoutLabels, type Box } from "./placeLabels.ts";
import { r1 } from "../format/pixels.ts";

const STROKE: Record<RouteStyle, string> = {
  flow: "var(--flow)",
  unquantified: "var(--unquantified)",
  flights: "var(--flights)",
};

/**
 * SVG path data through `pts`, leaving out points within a pixel and a half of the last
 * one written (a projected arc has one every half pixel or so): the same line, in a
 * third of the bytes the prerendered page carries.
 */
export function pathData(pts: readonly (readonly [number, number])[]): string {
  let d = "";
  let last: readonly [number, number] | null = null;
  pts.forEach((p, i) => {
    if (last && i < pts.length - 1 && Math.hypot(p[0] - last[0], p[1] - last[1]) < 1.5) return;
    d += `${last ? "L" : "M"}${r1(p[0])},${r1(p[1])}`;
    last = p;
  });
  return d;
}

type Draw = GeoPath<unknown, GeoPermissibleObjects>;
type CountryFeature = Basemap["countries"]["features"][number];

/** Border lines per BorderBatch component. */
const BORDER_BATCH = 40;

function batchLines(lines: MultiLineString, size: number): MultiLineString[] {
  const out: MultiLineString[] = [];
  for (let i = 0; i < lines.coordinates.length; i += size)
    out.push({ type: "MultiLineString", coordinates: lines.coordinates.slice(i, i + size) });
  return out;
}

/** A country's fill (or, with `outline`, the outline of a country that took a stance). */
function CountryShape({ feature, draw, outline = false }: { feature: CountryFeature; draw: Draw; outline?: boolean }) {
  const d = useMemo(() => draw(feature) ?? "", [draw, feature]);
  if (!d) return null;
  const { stance, focus } = feature.properties;
  if (outline)
    return (
      <path
        d={d}
        fill="none"
        stroke={stance === "refuse" ? "var(--refuse)" : "var(--welcome)"}
        strokeWidth={1}
        strokeLinejoin="round"
      />
    );
  return (
    <path
      d={d}
      fill={
        stance === "refuse"
          ? "var(--refuse-fill)"
          : stance === "welcome"
            ? "var(--welcome-fill)"
            : focus
              ? "var(--land-focus)"
              : "var(--land)"
      }
    />
  );
}

function BorderBatch({ lines, draw }: { lines: MultiLineString; draw: Draw }) {
  const d = useMemo(() => draw(lines) ?? "", [draw, lines]);
  return <path d={d} fill="none" stroke="var(--border)" strokeWidth={0.6} strokeLinejoin="round" />;
}

interface ProjectedLeg {
  route: FlowRoute;
  d: string;
  arrow: string | null;
}

const noop = () => {};

/** What a picture only (the page's prerendered map and insets) passes for the live map's state and handlers. */
export const STILL_PICTURE = {
  still: true,
  reducedMotion: true,
  selected: null,
  hovered: null,
  onHover: noop,
  onSelect: noop,
  onReady: noop,
} as const;

export interface SvgExitRouteMapProps extends MapEngineProps {
  width: number;
  height: number;
  /** A picture only (the prerendered map): no pointer handling, not the export's source. */
  still?: boolean;
  /** Drawn in the basemap's place (the prerendered map's shared basemap). */
  backdrop?: ReactNode;
  /** The part of the drawing the frame fits (the prerendered map's bounds box). Default: all of it. */
  viewBox?: string;
  /** Place names' font size in px (a slide's, sized for the room). Default 13, as MapLibre's overlay. */
  labelSize?: number;
  /** Padding round the bounds, px. Default: mapCamera's cameraPadding for the size. */
  padding?: number;
  /** An inset under the main map (MapInsets): part of the map, not the export's source; named by its label only (the map's description is the main map's). */
  inset?: boolean;
  /** Boxes in the SVG's px that labels keep off (an inset's heading). */
  obstacles?: readonly Box[];
}

export function SvgExitRouteMap(props: SvgExitRouteMapProps) {
  const { width, height, basemap, bounds, visible, labels, selected, hovered, onHover, onSelect, onReady, still } =
    props;
  const { padding } = props;
  const projection = useMemo(() => fitMercator(bounds, width, height, padding), [bounds, width, height, padding]);

  // Projecting the basemap is the heaviest part of drawing this map, so each country
  // (and each batch of borders) is its own component: the basemap arrives in a
  // transition, and React can pause between them to let the reader's input through.
  const draw = useMemo(
    () =>
      geoPath(
        fitMercator(bounds, width, height, padding).clipExtent([
          [-2, -2],
          [width + 2, height + 2],
        ]),
      ),
    [bounds, width, height, padding],
  );
  const borderBatches = useMemo(() => (basemap ? batchLines(basemap.borders, BORDER_BATCH) : []), [basemap]);
  const worldWidth = 2 * Math.PI * projection.scale();

  const project = useMemo(() => {
    return (coords: readonly Position[]): [number, number][] => {
      const out: [number, number][] = [];
      for (const c of coords) {
        const p = projection([c[0]!, c[1]!]);
        if (!p) continue;
        const y = p[1];
        let x = p[0];
        const prev = out[out.length - 1];
        if (prev) {
          // Keep lines continuous where they cross the projection's seam.
          while (x - prev[0] > worldWidth / 2) x -= worldWidth;
          while (prev[0] - x > worldWidth / 2) x += worldWidth;
        }
        out.push([x, y]);
      }
      return out;
    };
  }, [projection, worldWidth]);

  const legs = useMemo(() => {
    const out: ProjectedLeg[] = [];
    for (const route of visible) {
      for (const leg of route.legs) {
        const pts = project(leg.coordinates);
        if (pts.length < 2) continue;
        const d = pathData(pts);
        let arrow: string | null = null;
        if (leg.final) {
          const [ex, ey] = pts[pts.length - 1]!;
          // Direction from the last few pixels of the line (the projected tangent).
          let k = pts.length - 2;
          while (k > 0 && Math.hypot(ex - pts[k]![0], ey - pts[k]![1]) < 2) k--;
          const [px, py] = pts[k]!;
          const len = Math.hypot(ex - px, ey - py) || 1;
          const ux = (ex - px) / len;
          const uy = (ey - py) / len;
          const { length, halfWidth } = arrowSize(route.width);
          const tip = [ex + ux * length, ey + uy * length];
          const left = [ex - uy * halfWidth, ey + ux * halfWidth];
          const right = [ex + uy * halfWidth, ey - ux * halfWidth];
          arrow = `M${r1(tip[0]!)},${r1(tip[1]!)}L${r1(left[0]!)},${r1(left[1]!)}L${r1(right[0]!)},${r1(right[1]!)}Z`;
        }
        out.push({ route, d, arrow });
      }
    }
    // Wide lines first, so thin ones stay visible on top.
    return out.sort((a, b) => b.route.width - a.route.width);
  }, [visible, project]);

  const placed = useMemo(() => {
    const points = labelPoints(labels, project);
    const size = props.labelSize ?? LABEL_SIZE;
    const options = { width, height, fontSize: size, detailSize: detailSize(size), obstacles: props.obstacles };
    return { points, labels: layoutLabels(points, options) };
  }, [labels, project, width, height, props.labelSize, props.obstacles]);

  useEffect(() => {
    if (basemap) onReady(true);
  }, [basemap, legs, placed, onReady]);

  const pointer = (e: PointerEvent<SVGElement>, route: string | null) => {
    const rect = (e.currentTarget.ownerSVGElement ?? (e.currentTarget as SVGSVGElement)).getBoundingClientRect();
    const x = Number.isFinite(e.clientX) ? e.clientX - rect.left : 0;
    const y = Number.isFinite(e.clientY) ? e.clientY - rect.top : 0;
    onHover(route, route ? { x, y } : null);
  };

  const emphasis = (route: string) => (selected === null || selected === route ? 1 : 0.35);

  return (
    <svg
      data-export={still || props.inset ? undefined : ""}
      className="exit-map__svg"
      width={width}
      height={height}
      viewBox={props.viewBox ?? `0 0 ${width} ${height}`}
      role="img"
      aria-label={props.label}
      aria-describedby={props.inset ? undefined : props.descriptionId}
    >
      <rect width={width} height={height} fill="var(--water)" onClick={still ? undefined : () => onSelect(null)} />
      {props.backdrop && (
        <g aria-hidden="true" pointerEvents="none">
          {props.backdrop}
        </g>
      )}
      {basemap && (
        <g aria-hidden="true" pointerEvents="none">
          {basemap.countries.features.map((f) => (
            <CountryShape key={f.properties.iso ?? f.properties.name} feature={f} draw={draw} />
          ))}
          {borderBatches.map((b, i) => (
            <BorderBatch key={i} lines={b} draw={draw} />
          ))}
          {basemap.countries.features
            .filter((f) => f.properties.stance)
            .map((f) => (
              <CountryShape key={`o-${f.properties.iso ?? f.properties.name}`} feature={f} draw={draw} outline />
            ))}
        </g>
      )}
      <g aria-hidden="true" pointerEvents="none">
        {placed.points.map((p) => (
          <circle
            key={`dot-${p.candidate.placeId}`}
            data-place={p.candidate.placeId}
            cx={r1(p.x)}
            cy={r1(p.y)}
            r={DOT_RADIUS[p.candidate.role]}
            fill="var(--fg)"
            stroke="var(--water)"
            strokeWidth={1}
          />
        ))}
      </g>
      <g aria-hidden="true" pointerEvents="none">
        {legs
          .filter((l) => l.route.id === selected || l.route.id === hovered)
          .map((l) => {
            // The halo keeps the route's own dashes or dots, so a route with no number
            // (dashed) or a sold-out flight (dotted) does not turn into a solid line.
            const dash = DASH[l.route.style];
            return (
              <path
                key={`h-${l.route.id}-${l.d.length}`}
                d={l.d}
                fill="none"
                stroke={l.route.id === selected ? "var(--focus)" : "var(--fg)"}
                strokeOpacity={l.route.id === selected ? 0.9 : 0.35}
                strokeWidth={l.route.width + (l.route.style === "flights" ? 2 : 6)}
                strokeLinecap={l.route.style === "unquantified" ? "butt" : "round"}
                strokeLinejoin="round"
                strokeDasharray={dash ? dash.map((v) => r1(v * l.route.width)).join(" ") : undefined}
              />
            );
          })}
        {legs.map((l, i) => {
          const dash = DASH[l.route.style];
          return (
            <g key={`${l.route.id}-${i}`} opacity={emphasis(l.route.id)} data-route={l.route.id}>
              <path
                d={l.d}
                fill="none"
                stroke={STROKE[l.route.style]}
                strokeOpacity={l.route.style === "flow" ? 0.9 : 1}
                strokeWidth={l.route.width}
                strokeLinecap={l.route.style === "flights" ? "round" : "butt"}
                strokeLinejoin="round"
                strokeDasharray={dash ? dash.map((v) => r1(v * l.route.width)).join(" ") : undefined}
              />
              {l.arrow && <path d={l.arrow} fill={STROKE[l.route.style]} />}
            </g>
          );
        })}
      </g>
      <g>
        {!still &&
          legs.map((l, i) => (
            <path
              key={`hit-${l.route.id}-${i}`}
              d={l.d}
              fill="none"
              stroke="transparent"
              strokeWidth={Math.max(14, l.route.width + 8)}
              strokeLinecap="round"
              pointerEvents="stroke"
              style={{ cursor: "pointer" }}
              onPointerMove={(e) => pointer(e, l.route.id)}
              onPointerLeave={(e) => pointer(e, null)}
              onClick={() => onSelect(l.route.id)}
            />
          ))}
      </g>
      <MapLabels placed={placed.labels} size={props.labelSize} />
    </svg>
  );
}
