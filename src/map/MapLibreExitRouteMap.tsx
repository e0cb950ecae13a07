/**
 * The MapLibre engine's React side. Loaded lazily by ExitRouteMap (through glExitMap.ts
 * this pulls in maplibre-gl, its CSS and its worker), so a page without WebGL, or
 * before the map is needed, never downloads them.
 *
 * The map itself is a GlExitMap: adopted from the page's first module when the page
 * started it there (glEarly.ts, a map embed with engine=maplibre), else created here,
 * once. Every later change of props is sent to it as an update (GlExitMap sends only
 * what changed). The place labels are SVG over the canvas (LabelOverlay), laid out
 * again as the camera moves.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { claimEarlyGlMap, earlyGlMap } from "./glEarly.ts";
import { GlExitMap, glMapContainer, glRouteData, glViewData, type GlMapHandlers } from "./glExitMap.ts";
import { nearestCopy } from "./mapCamera.ts";
import type { MapEngineProps } from "./mapEngine.ts";
import type { Palette } from "./palette.ts";
import { MapLabels } from "./MapLabels.tsx";
import { labelPoints, layoutLabels, type LabelCandidate } from "./placeLabels.ts";

export interface MapLibreExitRouteMapProps extends MapEngineProps {
  palette: Palette;
  /** Fired once, when the map has loaded its style and drawn for the first time. */
  onLoad: () => void;
  /** The map could not be created or failed before loading (the SVG map stays). */
  onError: (error: Error) => void;
  /** The reader zoomed in past the world view: the finer basemap would help. */
  onNeedDetail?: () => void;
}

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));

export function MapLibreExitRouteMap(props: MapLibreExitRouteMapProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [gl, setGl] = useState<GlExitMap | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { model, visible, labels, basemap, palette, selected, hovered, bounds, reducedMotion, label, descriptionId } =
    props;
  const routeData = useMemo(() => glRouteData(model), [model]);
  const viewData = useMemo(() => glViewData(visible, labels, basemap), [visible, labels, basemap]);
  const data = useMemo(() => ({ ...routeData, ...viewData }), [routeData, viewData]);
  const latest = useRef({ props, data });
  useEffect(() => {
    latest.current = { props, data };
  });

  // The map: the page's, started before the app, or a new one. Created once: later
  // changes are sent by the effects below.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const owned: { map: GlExitMap | null; cancelled: boolean } = { map: null, cancelled: false };
    const handlers: GlMapHandlers = {
      onLoad: () => {
        setLoaded(true);
        latest.current.props.onLoad();
      },
      onError: (error) => latest.current.props.onError(error),
      onReady: (ready) => latest.current.props.onReady(ready),
      onHover: (route, point) => latest.current.props.onHover(route, point),
      onSelect: (route) => latest.current.props.onSelect(route),
      onNeedDetail: () => latest.current.props.onNeedDetail?.(),
    };
    const adopt = (m: GlExitMap) => {
      owned.map = m;
      m.moveInto(host);
      m.setLabel(latest.current.props.label, latest.current.props.descriptionId);
      setGl(m);
      m.attach(handlers);
    };
    const create = () => {
      const container = glMapContainer();
      host.appendChild(container);
      const { props: p, data: d } = latest.current;
      try {
        adopt(
          new GlExitMap(container, {
            ...d,
            palette: p.palette,
            selected: p.selected,
            bounds: p.bounds,
          }),
        );
      } catch (err) {
        container.remove();
        p.onError(asError(err));
      }
    };
    // The page's map, claimed once it is here by the mount still standing (StrictMode
    // mounts twice; an unclaimed map stays for the next mount).
    const early = earlyGlMap();
    if (!early) create();
    else
      void early.then((m) => {
        if (owned.cancelled) return;
        if (m && claimEarlyGlMap(early)) adopt(m);
        else create();
      });
    return () => {
      owned.cancelled = true;
      setLoaded(false);
      setGl(null);
      owned.map?.remove();
    };
  }, []);

  const ready = loaded ? gl : null;
  useEffect(() => ready?.setRouteData(data.routes, data.arrows), [ready, data.routes, data.arrows]);
  useEffect(() => {
    if (ready?.setFilters(data.visibleIds, data.places)) latest.current.props.onReady(false);
  }, [ready, data.visibleIds, data.places]);
  useEffect(() => ready?.setBasemap(data.planar), [ready, data.planar]);
  useEffect(() => ready?.setPaint(palette, selected), [ready, palette, selected]);
  useEffect(() => ready?.setHighlight(hovered, selected), [ready, hovered, selected]);
  useEffect(() => gl?.setLabel(label, descriptionId), [gl, label, descriptionId]);
  // Camera presets: fly there, or jump when the reader prefers reduced motion.
  useEffect(() => {
    if (!gl || gl.isAt(bounds)) return;
    latest.current.props.onReady(false);
    gl.flyTo(bounds, reducedMotion);
    // The camera moves when its preset does, not when the motion preference changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gl, bounds]);

  return (
    <>
      <div ref={hostRef} className="exit-map__gl-host" />
      {ready && <LabelOverlay map={ready.map} labels={labels} />}
    </>
  );
}

/**
 * The place labels over the canvas, laid out by layoutLabels (as on the SVG map) for the
 * current camera, around the zoom buttons. The camera is an external store: a move
 * re-renders the overlay in the same frame as the canvas (useSyncExternalStore updates
 * are synchronous), so the names do not trail the map while it pans.
 */
const LabelOverlay = memo(function LabelOverlay({
  map,
  labels,
}: {
  map: MapLibreMap;
  labels: readonly LabelCandidate[];
}) {
  const camera = useMemo(() => cameraStore(map), [map]);
  const { view } = useSyncExternalStore(camera.subscribe, camera.getSnapshot);
  const centre = map.getCenter().lng;
  // The copy of the world nearest the centre: panned a world-width away, the names come
  // along. Each point of a line goes to the copy nearest the one before it, so that a
  // place and a point of its route are not drawn a world apart.
  const points = labelPoints(labels, (line) => {
    let near = centre;
    return line.map(([lng, lat]) => {
      near = nearestCopy(lng!, near);
      const p = map.project([near, lat!]);
      return [p.x, p.y] as const;
    });
  });
  const placed = layoutLabels(points, view);
  return (
    <svg className="exit-map__labels" width={view.width} height={view.height} aria-hidden="true" data-export-overlay="">
      <MapLabels placed={placed} />
    </svg>
  );
});

type View = ReturnType<typeof measureView>;

/**
 * The map's camera as a store for useSyncExternalStore: its snapshot changes when the
 * camera moves or the map is resized, and carries the map's measured size and buttons
 * (measured again only on resize: reading them forces a layout).
 */
function cameraStore(map: MapLibreMap) {
  let snapshot = { key: cameraKey(map), view: measureView(map) };
  const remeasure = () => {
    const view = measureView(map);
    if (JSON.stringify(view) !== JSON.stringify(snapshot.view)) snapshot = { key: cameraKey(map), view };
  };
  return {
    subscribe(onChange: () => void) {
      const resized = () => {
        remeasure();
        onChange();
      };
      // A resize between the first render and this subscription would otherwise go unseen.
      remeasure();
      map.on("move", onChange);
      map.on("resize", resized);
      return () => {
        map.off("move", onChange);
        map.off("resize", resized);
      };
    },
    getSnapshot(): { key: string; view: View } {
      const key = cameraKey(map);
      if (key !== snapshot.key) snapshot = { key, view: snapshot.view };
      return snapshot;
    },
  };
}

/** Where the camera is, as a string that changes when it moves (no pitch: the map is created with `maxPitch: 0`). */
function cameraKey(map: MapLibreMap): string {
  const { lng, lat } = map.getCenter();
  return `${lng} ${lat} ${map.getZoom()} ${map.getBearing()}`;
}

/** The map's size, and its controls (zoom buttons) as boxes in the container's pixels, for labels to avoid. */
function measureView(map: MapLibreMap) {
  const container = map.getContainer();
  const origin = container.getBoundingClientRect();
  const obstacles = [...container.querySelectorAll(".maplibregl-ctrl-group")].map((el) => {
    const r = el.getBoundingClientRect();
    return {
      x0: r.left - origin.left - 4,
      y0: r.top - origin.top - 4,
      x1: r.right - origin.left + 4,
      y1: r.bottom - origin.top + 4,
    };
  });
  return { width: container.clientWidth, height: container.clientHeight, obstacles };
}
