// @vitest-environment jsdom
/**
 * The MapLibre engine's updates, against a stand-in for maplibre-gl (WebGL cannot run
 * in jsdom): the map is created with the whole state in its style, and afterwards is
 * sent only what changed. Re-sending the same sources after `load` made MapLibre parse
 * and lay out everything a second time before its first `idle`.
 */
import { act, cleanup, render } from "@testing-library/react";
import { StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MapEngineProps } from "./mapEngine.ts";
import { buildFlowModel, filterRoutes, orderRoutes, type FlowRoute } from "./flowModel.ts";
import { unwrapBounds } from "./mapCamera.ts";
import { BASE_FILTERS, SOURCES } from "./mapLibreStyle.ts";
import { FALLBACK_PALETTE, type Palette } from "./palette.ts";
import { labelCandidates, mapLabelCandidates, type LabelCandidate } from "./placeLabels.ts";
import { pageDataScript } from "../data/pageData.ts";
import { exitRoutesFixture } from "./testData.ts";

type Call = [method: string, ...args: unknown[]];

const fake = vi.hoisted(() => {
  class FakeMap {
    static last: FakeMap | null = null;
    static made = 0;
    readonly calls: Call[] = [];
    readonly handlers = new Map<string, ((e?: unknown) => void)[]>();
    readonly images = new Set<string>();
    readonly canvas = document.createElement("canvas");
    readonly touchZoomRotate = { disableRotation: () => undefined };
    readonly keyboard = { disableRotation: () => undefined };
    constructor(readonly options: { container: HTMLElement; style: { sources: Record<string, unknown> } }) {
      FakeMap.last = this;
      FakeMap.made += 1;
    }
    on(event: string, layerOrHandler: unknown, handler?: (e?: unknown) => void) {
      const h = (handler ?? layerOrHandler) as (e?: unknown) => void;
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), h]);
      return this;
    }
    off(event: string, handler: (e?: unknown) => void) {
      this.handlers.set(
        event,
        (this.handlers.get(event) ?? []).filter((h) => h !== handler),
      );
      return this;
    }
    emit(event: string) {
      for (const h of [...(this.handlers.get(event) ?? [])]) h({});
    }
    getCanvas = () => this.canvas;
    getContainer = () => this.options.container;
    addControl = () => this;
    hasImage = (id: string) => this.images.has(id);
    addImage = (id: string) => void this.images.add(id);
    updateImage = (id: string) => void this.calls.push(["updateImage", id]);
    getZoom = () => 1;
    getBearing = () => 0;
    /** Plate carrée on an 800 × 600 canvas (360° across), shifted by `pan` pixels. */
    pan = 0;
    project = ([lng, lat]: [number, number]) => ({
      x: ((lng + 180) / 360) * 800 + this.pan,
      y: ((90 - lat) / 180) * 600,
    });
    getCenter = () => ({ lng: ((400 - this.pan) / 800) * 360 - 180, lat: 0 });
    getSource = (id: string) => ({ setData: (data: unknown) => this.calls.push(["setData", id, data]) });
    setFilter = (layer: string, filter: unknown) => void this.calls.push(["setFilter", layer, filter]);
    setPaintProperty = (layer: string, prop: string, value: unknown) =>
      void this.calls.push(["setPaintProperty", layer, prop, value]);
    setFeatureState = () => undefined;
    fitBounds = () => this;
    isMoving = () => false;
    remove = () => undefined;
  }
  return { FakeMap };
});

vi.mock("maplibre-gl", () => ({ Map: fake.FakeMap, NavigationControl: class {}, setWorkerUrl: () => undefined }));
vi.mock("maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url", () => ({ default: "/worker.js" }));
// No basemap download in jsdom: the maps start without one, as when it fails.
vi.mock("./basemapLoader.ts", () => ({ loadTopology: () => Promise.reject(new Error("offline")) }));
vi.mock("./webgl.ts", () => ({ detectWebGL2: () => true }));

const { MapLibreExitRouteMap } = await import("./MapLibreExitRouteMap.tsx");
const { claimEarlyGlMap, discardEarlyGlMap, earlyGlMap, startEarlyGlMap } = await import("./glEarly.ts");

const data = exitRoutesFixture();
const model = buildFlowModel(data);
const places = new Map(data.places.map((p) => [p.id, p]));

const bounds = unwrapBounds(data.cameras[0]!.bounds);

/** The routes and labels for a period, made once each, as ExitRouteMap memoises them. */
const routesFor = new Map<string | null, { visible: FlowRoute[]; labels: LabelCandidate[] }>();

function propsFor(period: string | null, palette: Palette = FALLBACK_PALETTE) {
  if (!routesFor.has(period)) {
    const visible = orderRoutes(period ? filterRoutes(model.routes, { period, modes: [] }) : model.routes);
    routesFor.set(period, { visible, labels: labelCandidates(visible, data.stances, places) });
  }
  return {
    data,
    model,
    ...routesFor.get(period)!,
    basemap: null,
    bounds,
    cameraId: data.cameras[0]!.id,
    reducedMotion: true,
    selected: null,
    hovered: null,
    label: "Map of the routes out of Russia",
    descriptionId: "desc",
    onHover: () => undefined,
    onSelect: () => undefined,
    onReady: () => undefined,
    palette,
    onLoad: () => undefined,
    onError: () => undefined,
  } satisfies MapEngineProps & Record<string, unknown>;
}

const map = () => fake.FakeMap.last!;
const sent = (method: string) => map().calls.filter((c) => c[0] === method);

let width: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fake.FakeMap.last = null;
  // jsdom has no 2D canvas: the arrowheads are skipped.
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  // jsdom lays nothing out: an 800 × 600 map.
  width = vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(600);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.documentElement.classList.remove("js");
  discardEarlyGlMap();
});

describe("MapLibreExitRouteMap", () => {
  it("builds the style with the data and sends nothing again when the map loads", () => {
    render(<MapLibreExitRouteMap {...propsFor(null)} />);
    expect(Object.keys(map().options.style.sources).sort()).toEqual(Object.values(SOURCES).sort());
    act(() => map().emit("load"));
    expect(map().calls).toEqual([]);
  });

  it("sends at load what changed while it loaded, and nothing for a change that was undone", () => {
    const period = model.periods[0]!;
    const first = render(<MapLibreExitRouteMap {...propsFor(null)} />);
    first.rerender(<MapLibreExitRouteMap {...propsFor(period)} />);
    first.rerender(<MapLibreExitRouteMap {...propsFor(null)} />);
    act(() => map().emit("load"));
    expect(map().calls).toEqual([]);
    first.unmount();

    const second = render(<MapLibreExitRouteMap {...propsFor(null)} />);
    second.rerender(<MapLibreExitRouteMap {...propsFor(period)} />);
    expect(map().calls).toEqual([]);
    act(() => map().emit("load"));
    // Every route layer (8: three halos, three line styles, arrows, hit area).
    expect(sent("setFilter")).toHaveLength(Object.keys(BASE_FILTERS).length);
    expect(Object.keys(BASE_FILTERS)).toHaveLength(8);
    expect(sent("setData").map((c) => c[1])).toEqual([SOURCES.places]);
  });

  it("after loading, sends a changed filter, the new labels and a changed colour, and only those", () => {
    const onReady = vi.fn();
    const { rerender } = render(<MapLibreExitRouteMap {...propsFor(null)} onReady={onReady} />);
    act(() => map().emit("load"));
    act(() => map().emit("idle"));
    expect(onReady.mock.calls).toEqual([[true]]);
    const period = model.periods[0]!;
    const { visible } = propsFor(period);
    expect(visible.length).toBeLessThan(model.routes.length);
    rerender(<MapLibreExitRouteMap {...propsFor(period)} onReady={onReady} />);
    // Not ready again until MapLibre has drawn the change.
    expect(onReady.mock.calls).toEqual([[true], [false]]);
    // Every route layer now shows just that period's routes.
    const routeFilters = sent("setFilter");
    expect(routeFilters).toHaveLength(Object.keys(BASE_FILTERS).length);
    for (const [, , filter] of routeFilters)
      expect(JSON.stringify(filter)).toContain(JSON.stringify(["literal", visible.map((r) => r.id)]));
    expect(sent("setData").map((c) => c[1])).toEqual([SOURCES.places]);
    expect(sent("setPaintProperty")).toEqual([]);

    map().calls.length = 0;
    const dark = { ...FALLBACK_PALETTE, "--water": "#102030" };
    rerender(<MapLibreExitRouteMap {...propsFor(period, dark)} />);
    // The water colour is the background and the dots' outline: two properties, nothing else.
    expect(
      sent("setPaintProperty")
        .map((c) => `${String(c[1])} ${String(c[2])}`)
        .sort(),
    ).toEqual(["place-dots circle-stroke-color", "water background-color"]);
    expect(sent("setData")).toEqual([]);
    expect(sent("setFilter")).toEqual([]);
  });

  it("draws the place labels over the canvas once loaded, and lays them out again when the camera moves", () => {
    render(<MapLibreExitRouteMap {...propsFor(null)} />);
    expect(document.querySelector(".exit-map__labels")).toBeNull();
    act(() => map().emit("load"));
    expect(document.querySelector(".exit-map__labels")?.getAttribute("aria-hidden")).toBe("true");
    const names = () =>
      [...document.querySelectorAll(".exit-map__labels text tspan:first-child")].map((t) => t.textContent);
    const x = (name: string) =>
      Number(
        [...document.querySelectorAll(".exit-map__labels text")]
          .find((t) => t.firstElementChild?.textContent === name)
          ?.getAttribute("x"),
      );
    expect(names()).toContain("Kazakhstan");
    const before = x("Kazakhstan");
    map().pan = -50;
    act(() => map().emit("move"));
    expect(x("Kazakhstan")).toBeCloseTo(before - 50, 0);
    // A whole world-width east: the same names, on the next copy of the world.
    map().pan = -50 - 800;
    act(() => map().emit("move"));
    expect(x("Kazakhstan")).toBeCloseTo(before - 50, 0);
  });

  it("lays the labels out again for the map's new size when it is resized", () => {
    render(<MapLibreExitRouteMap {...propsFor(null)} />);
    act(() => map().emit("load"));
    const overlay = () => document.querySelector(".exit-map__labels")!;
    expect(overlay().getAttribute("width")).toBe("800");
    const xs = () => [...overlay().querySelectorAll("text")].map((t) => Number(t.getAttribute("x")));
    expect(Math.max(...xs())).toBeGreaterThan(400);
    width.mockReturnValue(400);
    act(() => map().emit("resize"));
    expect(overlay().getAttribute("width")).toBe("400");
    expect(Math.max(...xs())).toBeLessThanOrEqual(400);
  });

  describe("a map the page started before the app (glEarly)", () => {
    /** The map embed's page as the app finds it: its data block and the prerendered map's frame. */
    function embedPage() {
      // As boot.js leaves it while the app's script is on its way.
      document.documentElement.classList.add("js");
      document.body.innerHTML = `<div class="exit-map"></div>${pageDataScript({ "exit-routes": data })}`;
      return document.querySelector<HTMLElement>(".exit-map")!;
    }

    it("starts only when the URL asks for MapLibre at once, and is handed over once", async () => {
      startEarlyGlMap("?theme=dark");
      expect(earlyGlMap()).toBeNull();
      // A page without the map's frame: nothing to draw into.
      startEarlyGlMap("?engine=maplibre");
      expect(await earlyGlMap()).toBeNull();
      embedPage();
      startEarlyGlMap("?engine=maplibre");
      const early = earlyGlMap()!;
      const gl = await early;
      expect(claimEarlyGlMap(early)).toBe(true);
      expect(claimEarlyGlMap(early)).toBe(false);
      expect(earlyGlMap()).toBeNull();
      // Drawn out of sight at the frame's size, outside the app's markup, until adopted.
      const container = gl!.map.getContainer();
      expect(container.parentElement).toBe(document.body);
      expect(container.style.visibility).toBe("hidden");
      expect(container.style.width).toBe("800px");
    });

    it("makes the map only once the document has been parsed, when it starts while it is parsed", async () => {
      embedPage();
      const listeners: (() => void)[] = [];
      const parsing = {
        readyState: "loading",
        addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
        querySelector: (selector: string) => document.querySelector(selector),
        documentElement: document.documentElement,
      } as unknown as Document;
      startEarlyGlMap("?engine=maplibre", parsing);
      const early = earlyGlMap();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fake.FakeMap.last).toBeNull();
      listeners.forEach((l) => l());
      expect((await early)?.map).toBe(fake.FakeMap.last);
    });

    it("is adopted by the app, which tells it nothing it already has and hears what it missed", async () => {
      const period = model.periods[0]!;
      embedPage();
      startEarlyGlMap(`?engine=maplibre&period=${encodeURIComponent(period)}`);
      const early = await vi.waitFor(() => fake.FakeMap.last ?? Promise.reject(new Error("not yet")));
      act(() => early.emit("load"));
      act(() => early.emit("idle"));
      // The app's own props for that view: its model at the map's width, the period's routes.
      const visible = orderRoutes(filterRoutes(model.routes, { period, modes: [] }));
      const onLoad = vi.fn();
      const onReady = vi.fn();
      await act(async () => {
        render(
          <MapLibreExitRouteMap
            {...propsFor(period)}
            visible={visible}
            labels={mapLabelCandidates(visible, data.stances, places, false)}
            onLoad={onLoad}
            onReady={onReady}
          />,
        );
        await Promise.resolve();
      });
      // One map: the page's, moved into the app's frame, with the app's name for it.
      expect(map()).toBe(early);
      const container = early.options.container;
      expect(container.parentElement?.className).toBe("exit-map__gl-host");
      expect(container.getAttribute("style")).toBe("");
      expect(early.canvas.getAttribute("aria-label")).toBe("Map of the routes out of Russia");
      expect(onLoad).toHaveBeenCalledOnce();
      expect(onReady.mock.calls).toEqual([[true]]);
      expect(early.calls).toEqual([]);
      expect(document.querySelector(".exit-map__labels")).not.toBeNull();
    });

    it("is adopted, one map, by a component React's StrictMode mounts twice", async () => {
      embedPage();
      startEarlyGlMap("?engine=maplibre");
      await vi.waitFor(() => fake.FakeMap.last ?? Promise.reject(new Error("not yet")));
      const made = fake.FakeMap.made;
      const early = fake.FakeMap.last!;
      render(
        <StrictMode>
          <MapLibreExitRouteMap {...propsFor(null)} />
        </StrictMode>,
      );
      await act(() =>
        vi.waitFor(() => expect(early.options.container.parentElement?.className).toBe("exit-map__gl-host")),
      );
      expect(fake.FakeMap.made).toBe(made);
    });

    it("is removed with its container when the app gives MapLibre up", async () => {
      embedPage();
      startEarlyGlMap("?engine=maplibre");
      const early = earlyGlMap()!;
      discardEarlyGlMap();
      const gl = await early;
      await Promise.resolve();
      expect(gl!.map.getContainer().isConnected).toBe(false);
      expect(earlyGlMap()).toBeNull();
    });

    it("is removed with its container when the page's own script fails to load (no app will adopt it)", async () => {
      embedPage();
      startEarlyGlMap("?engine=maplibre");
      const early = earlyGlMap()!;
      const gl = await early;
      expect(gl!.map.getContainer().isConnected).toBe(true);
      // A script that is not the page's module failing changes nothing.
      const classic = document.createElement("script");
      document.body.append(classic);
      classic.dispatchEvent(new Event("error"));
      expect(earlyGlMap()).toBe(early);
      const entry = Object.assign(document.createElement("script"), { type: "module" });
      document.body.append(entry);
      entry.dispatchEvent(new Event("error"));
      await Promise.resolve();
      expect(gl!.map.getContainer().isConnected).toBe(false);
      expect(earlyGlMap()).toBeNull();
    });

    it("is not made when boot.js has already seen the page's own script fail", async () => {
      embedPage();
      document.documentElement.classList.remove("js");
      const made = fake.FakeMap.made;
      startEarlyGlMap("?engine=maplibre");
      expect(await earlyGlMap()).toBeNull();
      expect(fake.FakeMap.made).toBe(made);
    });

    it("creates the app's own map when the page's could not start", async () => {
      document.documentElement.classList.add("js");
      document.body.innerHTML = `<div class="exit-map"></div>`;
      startEarlyGlMap("?engine=maplibre");
      const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      render(<MapLibreExitRouteMap {...propsFor(null)} />);
      await act(() =>
        vi.waitFor(() =>
          expect(fake.FakeMap.last?.options.container.parentElement?.className).toBe("exit-map__gl-host"),
        ),
      );
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("could not be started early"), expect.anything());
    });
  });
});
