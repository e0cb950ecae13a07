// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render as renderDom, screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetAppStore, useAppStore } from "../state/store.ts";
import { ExitRouteMap, SIMPLIFIED_NOTE } from "./ExitRouteMap.tsx";
import { ExitRoutesGraphic } from "./ExitRoutesGraphic.tsx";
import { MapEngineChoiceContext } from "./mapEngineChoice.ts";
import { exitRoutesFixture } from "./testData.ts";

/** The route card reads figure records through TanStack Query; no network here, so none load. */
const render = (ui: ReactNode) => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, enabled: false } } });
  return renderDom(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
};

// The basemap comes from the installed world-atlas files instead of a network fetch.
vi.mock("./basemapLoader.ts", () => ({
  loadTopology: (res: string) =>
    Promise.resolve(
      JSON.parse(
        readFileSync(resolve(import.meta.dirname, `../../node_modules/world-atlas/countries-${res}.json`), "utf8"),
      ),
    ),
}));
// jsdom has no WebGL; some tests pretend it has, to see when MapLibre is asked for.
const gl = vi.hoisted(() => ({ available: false, maplibreMounts: 0 }));
vi.mock("./webgl.ts", () => ({ detectWebGL2: () => gl.available }));
// MapLibre itself cannot run in jsdom: a stand-in that counts its mounts and never loads.
vi.mock("./MapLibreExitRouteMap.tsx", () => ({
  MapLibreExitRouteMap: () => {
    gl.maplibreMounts++;
    return null;
  },
}));

const data = exitRoutesFixture();

beforeEach(() => {
  resetAppStore();
  gl.available = false;
  gl.maplibreMounts = 0;
});
afterEach(() => cleanup());

const mapEl = () => document.querySelector<HTMLElement>(".exit-map")!;
const listItems = () =>
  screen.getAllByRole("button", { pressed: false }).filter((b) => b.classList.contains("route-list__item"));

describe("ExitRoutesGraphic", () => {
  it("draws the SVG map first and marks it ready once the basemap is in", async () => {
    render(<ExitRoutesGraphic data={data} engine="svg" />);
    expect(mapEl().dataset.mapEngine).toBe("svg");
    await waitFor(() => expect(mapEl().dataset.mapReady).toBe("true"));
    const svg = screen.getByRole("img", { name: /Map of the routes out of Russia/ });
    expect(svg.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(svg.getAttribute("aria-describedby")!)!.textContent).toContain(
      "Kazakhstan, 98,000 people",
    );
    // Every leg is drawn; the 4 sold-out flights are there too.
    expect(svg.querySelectorAll("[data-route]").length).toBe(12);
    expect(svg.querySelectorAll('[data-route^="flights-"]').length).toBe(4);
  });

  it("lists the routes largest first, with their numbers or 'no number reported'", () => {
    render(<ExitRoutesGraphic data={data} engine="svg" />);
    const items = listItems();
    expect(items).toHaveLength(10);
    expect(items[0]!.textContent).toContain("Russia to Kazakhstan");
    expect(items[0]!.textContent).toContain("98,000 people");
    expect(items.find((b) => b.dataset.route === "to-mongolia")!.textContent).toContain("no number reported");
    expect(items.find((b) => b.dataset.route === "flights-turkey")!.textContent).toContain(
      "flights sold out; no number reported",
    );
  });

  it("highlights on focus, selects with the keyboard, and shows the card with figures, quotes and notes", async () => {
    render(<ExitRoutesGraphic data={data} engine="svg" />);
    const item = listItems().find((b) => b.dataset.route === "to-alaska")!;
    act(() => item.focus());
    expect(useAppStore.getState().hoveredRoute).toBe("to-alaska");
    // A native button turns Enter into a click.
    fireEvent.click(item);
    expect(useAppStore.getState().route).toBe("to-alaska");
    const card = await screen.findByRole("region", { name: /Chukotka to Alaska/ });
    expect(within(card).getByRole("heading", { name: /Chukotka to Alaska/ })).toHaveProperty("tabIndex", -1);
    expect(document.activeElement).toBe(within(card).getByRole("heading"));
    expect(card.textContent).toContain("Two Russians fleeing military service have claimed asylum");
    expect(card.textContent).toContain("(outlet not named, 6 Oct 2022)");
    expect(card.textContent).not.toContain("(alaska-boat)");
    expect(card.textContent).toContain("The two were then taken to Anchorage for inspection.");
    fireEvent.click(within(card).getByRole("button", { name: /2 people/ }));
    expect(useAppStore.getState().figure).toBe("alaska-people");
    fireEvent.click(within(card).getByRole("button", { name: "alaska-distance" }));
    expect(useAppStore.getState().figure).toBe("alaska-distance");
    fireEvent.keyDown(card, { key: "Escape" });
    expect(useAppStore.getState().route).toBeNull();
    fireEvent.blur(item);
    expect(useAppStore.getState().hoveredRoute).toBeNull();
  });

  it("says when a route has no number, and keeps the qualifier with a number", async () => {
    useAppStore.getState().selectRoute("to-mongolia");
    render(<ExitRoutesGraphic data={data} engine="svg" />);
    const card = await screen.findByRole("region", { name: /Russia to Mongolia/ });
    expect(card.textContent).toContain("No number reported");
    expect(within(card).queryByRole("button", { name: /people/ })).toBeNull();
  });

  it("filters map and list by period and mode, and never lets the last mode go", async () => {
    render(<ExitRoutesGraphic data={data} engine="svg" />);
    await waitFor(() => expect(mapEl().dataset.mapReady).toBe("true"));
    fireEvent.click(screen.getByLabelText("After the invasion"));
    expect(useAppStore.getState().period).toBe("invasion");
    expect(listItems().map((b) => b.dataset.route)).toEqual(["via-mexico"]);
    expect(
      new Set([...document.querySelectorAll(".exit-map__svg [data-route]")].map((e) => e.getAttribute("data-route"))),
    ).toEqual(new Set(["via-mexico"]));
    fireEvent.click(screen.getByLabelText("All"));
    for (const m of ["road", "sea", "not stated"]) fireEvent.click(screen.getByLabelText(m));
    expect(useAppStore.getState().modes).toEqual(["air"]);
    expect(listItems()).toHaveLength(4);
    fireEvent.click(screen.getByLabelText("air"));
    expect(useAppStore.getState().modes).toEqual(["air"]);
    expect(screen.getByText("At least one mode stays selected.")).toBeTruthy();
  });

  it("switches camera presets through the store", () => {
    render(<ExitRoutesGraphic data={data} engine="svg" />);
    const bering = screen.getByRole("button", { name: "Bering Strait" });
    expect(bering.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(bering);
    expect(useAppStore.getState().camera).toBe("bering-strait");
    expect(bering.getAttribute("aria-pressed")).toBe("true");
  });

  it("has a key with reference widths, line styles and stance fills", () => {
    render(<ExitRoutesGraphic data={data} engine="svg" />);
    const key = screen.getByRole("group", { name: "Map key" });
    for (const text of [
      "100,000",
      "50,000",
      "20,000",
      "Route reported, no number reported",
      "Flights sold out",
      "Said it will not grant asylum",
      "Signalled it would take some in",
    ]) {
      expect(key.textContent).toContain(text);
    }
  });

  it("names a route drawn only near its end in the key while the map shows it, and not once a filter hides it", () => {
    render(<ExitRoutesGraphic data={data} engine="svg" />);
    const key = screen.getByRole("group", { name: "Map key" });
    expect(key.textContent).toMatch(/Tijuana: path not stated/);
    fireEvent.click(screen.getByLabelText("not stated"));
    expect(useAppStore.getState().modes).not.toContain("unstated");
    expect(listItems().map((b) => b.dataset.route)).not.toContain("via-mexico");
    expect(key.textContent).not.toMatch(/path not stated/);
  });
});

describe("ExitRouteMap engines", () => {
  it.each(["pointerenter", "click", "wheel", "focusin"])(
    "asks for MapLibre only when the reader reaches for the map (%s)",
    async (type) => {
      gl.available = true;
      render(<ExitRouteMap data={data} />);
      await waitFor(() => expect(mapEl().dataset.mapReady).toBe("true"));
      await act(() => new Promise((r) => setTimeout(r, 50)));
      expect(gl.maplibreMounts).toBe(0);
      act(() => void mapEl().dispatchEvent(new Event(type, { bubbles: type !== "pointerenter" })));
      await waitFor(() => expect(gl.maplibreMounts).toBeGreaterThan(0));
      // Still the SVG map on screen until MapLibre has loaded.
      expect(mapEl().dataset.mapEngine).toBe("svg");
    },
  );

  it("does not count a finger landing on the map to scroll past it", async () => {
    gl.available = true;
    render(<ExitRouteMap data={data} />);
    await waitFor(() => expect(mapEl().dataset.mapReady).toBe("true"));
    const touch = Object.defineProperty(new Event("pointerenter"), "pointerType", { value: "touch" });
    act(() => void mapEl().dispatchEvent(touch));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(gl.maplibreMounts).toBe(0);
  });

  it("counts keyboard focus anywhere in the exit-route graphic (the map itself has nothing to focus)", async () => {
    gl.available = true;
    render(<ExitRoutesGraphic data={data} />);
    await waitFor(() => expect(mapEl().dataset.mapReady).toBe("true"));
    expect(gl.maplibreMounts).toBe(0);
    act(() => listItems()[0]!.focus());
    await waitFor(() => expect(gl.maplibreMounts).toBeGreaterThan(0));
  });

  it('asks for MapLibre at once with engine="maplibre", never with engine="svg"', async () => {
    gl.available = true;
    render(<ExitRouteMap data={data} engine="maplibre" />);
    await waitFor(() => expect(gl.maplibreMounts).toBeGreaterThan(0));
    cleanup();
    gl.maplibreMounts = 0;
    render(<ExitRouteMap data={data} engine="svg" />);
    await waitFor(() => expect(mapEl().dataset.mapReady).toBe("true"));
    act(() => void mapEl().dispatchEvent(new Event("pointerdown", { bubbles: true })));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(gl.maplibreMounts).toBe(0);
  });

  it('starts MapLibre when a page upgrades its choice from "auto" to "maplibre"', async () => {
    gl.available = true;
    const at = (choice: "auto" | "maplibre") => (
      <QueryClientProvider client={new QueryClient()}>
        <MapEngineChoiceContext value={choice}>
          <ExitRouteMap data={data} />
        </MapEngineChoiceContext>
      </QueryClientProvider>
    );
    const { rerender } = renderDom(at("auto"));
    await waitFor(() => expect(mapEl().dataset.mapReady).toBe("true"));
    expect(gl.maplibreMounts).toBe(0);
    rerender(at("maplibre"));
    await waitFor(() => expect(gl.maplibreMounts).toBeGreaterThan(0));
  });

  it("takes the engine from the nearest MapEngineChoiceContext", async () => {
    gl.available = true;
    render(
      <MapEngineChoiceContext value="maplibre">
        <ExitRouteMap data={data} />
      </MapEngineChoiceContext>,
    );
    await waitFor(() => expect(gl.maplibreMounts).toBeGreaterThan(0));
  });
});

describe("ExitRouteMap without WebGL", () => {
  it("keeps the SVG map, and says it is simplified once the reader reaches for it", async () => {
    render(<ExitRouteMap data={data} />);
    await waitFor(() => expect(mapEl().dataset.mapReady).toBe("true"));
    expect(mapEl().dataset.mapEngine).toBe("svg");
    expect(screen.queryByText(SIMPLIFIED_NOTE)).toBeNull();
    act(() => void mapEl().dispatchEvent(new Event("focusin", { bubbles: true })));
    expect(screen.getByText(SIMPLIFIED_NOTE)).toBeTruthy();
    expect(mapEl().dataset.mapEngine).toBe("svg");
    expect(gl.maplibreMounts).toBe(0);
  });

  it("hovering a route on the map shows a tooltip and highlights it", async () => {
    render(<ExitRouteMap data={data} engine="svg" />);
    await waitFor(() => expect(mapEl().dataset.mapReady).toBe("true"));
    const hit = [...document.querySelectorAll<SVGPathElement>(".exit-map__svg path[pointer-events='stroke']")];
    expect(hit.length).toBeGreaterThan(0);
    const route = hit[0]!;
    fireEvent.pointerMove(route, { clientX: 10, clientY: 10 });
    const id = useAppStore.getState().hoveredRoute;
    expect(id).not.toBeNull();
    expect(document.querySelector(".exit-map__tooltip")!.textContent).toMatch(/people|no number reported/);
    fireEvent.click(route);
    expect(useAppStore.getState().route).toBe(id);
    fireEvent.pointerLeave(route);
    expect(useAppStore.getState().hoveredRoute).toBeNull();
  });
});
