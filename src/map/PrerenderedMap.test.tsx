// @vitest-environment jsdom
import { render } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { resetAppStore } from "../state/store.ts";
import { ARTBOARD_WIDTHS } from "../ui/Artboards.tsx";
import { fitMercator, inBounds, INSETS_BELOW } from "./mapCamera.ts";
import {
  artboardBounds,
  artboardSizes,
  backdropTransforms,
  MAP_ARTBOARDS,
  PrerenderedMap,
  PrerenderTopologyContext,
} from "./PrerenderedMap.tsx";
import { pathData } from "./SvgExitRouteMap.tsx";
import { exitRoutesFixture, worldAtlasTopologies } from "./testData.ts";

const TOPOLOGIES = worldAtlasTopologies();
const data = exitRoutesFixture();
const world = data.cameras.find((c) => c.id === "world")!;

const props = (markup: string | null) => ({
  island: { id: "pm-test", markup },
  data,
  camera: world,
  label: "Map of the routes",
  descriptionId: "desc",
});

afterEach(resetAppStore);

describe("the prerendered map", () => {
  it("has an artboard at each of the charts' widths", () => {
    expect(MAP_ARTBOARDS.map(([w]) => w)).toEqual([...ARTBOARD_WIDTHS]);
  });

  it("shows the world's narrow view on the narrow artboards, its whole view on the others", () => {
    const bounds = artboardBounds(world);
    MAP_ARTBOARDS.forEach(([w], i) =>
      expect(bounds[i]).toEqual(w < INSETS_BELOW ? world.narrow!.bounds : world.bounds),
    );
  });

  it("moves the shared basemap exactly onto each artboard's own projection, narrow views included", () => {
    const { base, transforms } = backdropTransforms(world);
    const bounds = artboardBounds(world);
    artboardSizes(world).forEach(([w, h], i) => {
      const own = fitMercator(bounds[i]!, w, h);
      const t = transforms[i]!;
      for (const lngLat of (
        [
          [44.8, 41.7], // Tbilisi
          [24.9, 60.2], // Helsinki
          [106.9, 47.9], // Ulaanbaatar
          [-117.1, 32.5], // Tijuana
          [-170, 63.4], // St. Lawrence Island
        ] as [number, number][]
      ).filter((p) => inBounds(bounds[i]!, p))) {
        const [bx, by] = base(lngLat)!;
        const [x, y] = own(lngLat)!;
        expect(t.s * bx + t.x).toBeCloseTo(x, 6);
        expect(t.s * by + t.y).toBeCloseTo(y, 6);
      }
    });
  });

  it("is drawn on the server: one basemap, used by every artboard, each with its routes and labels", () => {
    const html = renderToString(
      <PrerenderTopologyContext value={TOPOLOGIES}>
        <PrerenderedMap {...props(null)} />
      </PrerenderTopologyContext>,
    );
    const doc = new DOMParser().parseFromString(html, "text/html");
    const basemaps = doc.querySelectorAll("defs > g[id]");
    expect(basemaps).toHaveLength(1);
    expect(basemaps[0]!.querySelectorAll("path").length).toBeGreaterThan(3);
    const artboards = doc.querySelectorAll(".artboard");
    expect([...artboards].map((a) => a.className)).toEqual(ARTBOARD_WIDTHS.map((w) => `artboard artboard--${w}`));
    for (const a of artboards) {
      expect(a.querySelector("use")!.getAttribute("href")).toBe(`#${basemaps[0]!.id}`);
      expect(a.querySelectorAll("[data-route]").length).toBeGreaterThan(3);
      expect(a.textContent).toContain("Kazakhstan");
      // A picture only: not the export's source, and nothing to click.
      expect(a.querySelector("svg")!.hasAttribute("data-export")).toBe(false);
      expect(a.querySelectorAll("path[pointer-events=stroke]")).toHaveLength(0);
    }
  });

  it("in the browser adopts the page's copy, and is nothing where the page has none", () => {
    const { container, rerender } = render(<PrerenderedMap {...props('<svg class="adopted"></svg>')} />);
    expect(container.querySelector("#pm-test > svg.adopted")).not.toBeNull();
    rerender(<PrerenderedMap {...props(null)} />);
    expect(container.innerHTML).toBe("");
  });
});

describe("pathData", () => {
  it("leaves out points within 1.5 px of the last one written, but never the ends", () => {
    expect(
      pathData([
        [0, 0],
        [0.5, 0.5],
        [1, 1],
        [2, 0],
        [2.4, 0],
      ]),
    ).toBe("M0,0L2,0L2.4,0");
  });
});
