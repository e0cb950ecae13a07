// @vitest-environment jsdom
import { render } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildFlowModel } from "./flowModel.ts";
import { cameraById, INSETS_BELOW } from "./mapCamera.ts";
import { INSET_MIN_HEIGHT, insetSize, MapInsets, type MapInsetsProps } from "./MapInsets.tsx";
import { PrerenderTopologyContext } from "./PrerenderedMap.tsx";
import { mapLabelCandidates } from "./placeLabels.ts";
import { exitRoutesFixture, worldAtlasTopologies } from "./testData.ts";
import { ARTBOARD_WIDTHS } from "../ui/artboardWidths.ts";

const TOPOLOGIES = worldAtlasTopologies();
const data = exitRoutesFixture();
const model = buildFlowModel(data, { maxWidth: 10 });
const noop = () => {};

const props = (camera: string, width: number, markup: string | null = null): MapInsetsProps => ({
  island: { id: "mi-test", markup },
  insets: cameraById(data.cameras, camera).narrow?.insets ?? [],
  width,
  showIsland: false,
  live: {
    data,
    model,
    visible: model.routes,
    labels: mapLabelCandidates(model.routes, data.stances, model.places, true),
    basemap: null,
    selected: null,
    hovered: null,
    descriptionId: "desc",
    onSelect: noop,
    onHover: noop,
  },
});

describe("the insets under a narrow map", () => {
  it("are two side by side, of the frame's shape (INSET_ASPECT)", () => {
    expect(insetSize(390)).toEqual([192, 87]);
    expect(insetSize(352)).toEqual([173, 80]);
    // Never shorter than the boat's two labels need.
    expect(insetSize(320)).toEqual([157, INSET_MIN_HEIGHT]);
    expect(insetSize(288)).toEqual([141, INSET_MIN_HEIGHT]);
  });

  it("are drawn on the server at every narrow artboard, each with its heading, its places and its routes", () => {
    const html = renderToString(
      <PrerenderTopologyContext value={TOPOLOGIES}>
        <MapInsets {...props("world", 0)} />
      </PrerenderTopologyContext>,
    );
    const doc = new DOMParser().parseFromString(html, "text/html");
    const insets = [...doc.querySelectorAll("#mi-test .map-inset")];
    expect(insets.map((i) => i.querySelector(".map-inset__title")!.textContent)).toEqual([
      "By boat to Alaska",
      "Mexico–US border",
    ]);
    const [alaska, mexico] = insets;
    for (const inset of insets) {
      const artboards = [...inset.querySelectorAll(".artboard")];
      expect(artboards.map((a) => a.className)).toEqual(
        ARTBOARD_WIDTHS.filter((w) => w < INSETS_BELOW).map((w) => `artboard artboard--${w}`),
      );
      expect(artboards).toHaveLength(4);
      for (const a of artboards) {
        const svg = a.querySelector("svg")!;
        expect(svg.getAttribute("aria-label")).toMatch(/^Inset map: /);
        // Part of the map's picture, not the export's source.
        expect(svg.hasAttribute("data-export")).toBe(false);
        // Only the basemap inside the panel: a few countries, not the world.
        expect(svg.querySelectorAll("path[fill]").length).toBeLessThan(12);
      }
    }
    const text = (el: Element) => el.querySelector(".artboard--320")!.textContent;
    expect(text(alaska!)).toMatch(/Russian coast.*Alaska.*2 people|Alaska.*2 people.*Russian coast/);
    expect(alaska!.querySelector(".artboard--320 [data-route=to-alaska]")).not.toBeNull();
    expect(text(mexico!)).toContain("Tijuana");
    expect(text(mexico!)).toContain("San Diego");
    expect(mexico!.querySelector(".artboard--320 [data-route=via-mexico]")).not.toBeNull();
    // Nothing of the Eurasian routes reaches them.
    expect(text(alaska!)).not.toContain("Kazakhstan");
  });

  it("in the browser: the page's copy while hydrating, none on a wide map, none without insets", () => {
    const { container, rerender } = render(<MapInsets {...props("world", 0, '<div class="adopted"></div>')} />);
    expect(container.querySelector("#mi-test > .adopted")).not.toBeNull();
    rerender(<MapInsets {...props("world", INSETS_BELOW)} />);
    expect(container.innerHTML).toBe("");
    rerender(<MapInsets {...props("nordics-baltics", 390)} />);
    expect(container.innerHTML).toBe("");
    rerender(<MapInsets {...props("world", 390)} />);
    expect(container.querySelectorAll(".map-inset__title")).toHaveLength(2);
  });
});
