// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { handoutDrawn } from "./handoutDrawn.ts";

/** A handout with one section per [kind, inner HTML of the section's graphic]. */
function handout(sections: [string, string][]): HTMLElement {
  const root = document.createElement("div");
  root.innerHTML = sections.map(([kind, inner]) => `<section data-graphic-kind="${kind}">${inner}</section>`).join("");
  return root;
}

const chart = '<div class="graphic__body"><svg data-export=""></svg></div>';
const map = (ready: boolean) =>
  `<div class="graphic__body"><div class="exit-map" data-map-ready="${ready}"><svg data-export=""></svg></div></div>`;
const loading = '<div class="panel-loading" role="status">Loading…</div>';

describe("handoutDrawn", () => {
  it("waits for every chart's SVG and every map's basemap", () => {
    expect(
      handoutDrawn(
        handout([
          ["forces", chart],
          ["exit-routes", map(true)],
        ]),
      ),
    ).toBe(true);
    expect(
      handoutDrawn(
        handout([
          ["forces", loading],
          ["exit-routes", map(true)],
        ]),
      ),
    ).toBe(false);
    // A map's SVG is there before its basemap: not drawn yet.
    expect(
      handoutDrawn(
        handout([
          ["forces", chart],
          ["exit-routes", map(false)],
        ]),
      ),
    ).toBe(false);
  });

  it("counts a table view and an error message as final", () => {
    expect(
      handoutDrawn(
        handout([
          ["forces", '<div class="graphic__body"><table></table></div>'],
          ["exit-routes", '<div class="panel-message">Sorry</div>'],
        ]),
      ),
    ).toBe(true);
  });

  it("is not drawn before it has sections", () => {
    expect(handoutDrawn(document.createElement("div"))).toBe(false);
  });
});
