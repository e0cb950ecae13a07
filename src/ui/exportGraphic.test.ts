// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { textWidth } from "../format/textMetrics.ts";
import { canvasExport, legendMarkup, standaloneSvg } from "./exportGraphic.ts";

describe("standaloneSvg", () => {
  it("frames the graphic with its title and its whole source line, wrapped to its width, as well-formed XML", () => {
    document.body.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><rect width="10" height="10"/></svg>`;
    const svg = document.querySelector("svg")!;
    vi.spyOn(svg, "getBoundingClientRect").mockReturnValue({ width: 320, height: 200 } as DOMRect);
    const source =
      "Source: “Conscription fears grip Russia as thousands try to claim US asylum” (outlet not named, 27 Feb 2022) & <more>";
    const out = standaloneSvg(svg, { title: "Russians stopped at the US–Mexico border", notes: [], source });
    const doc = new DOMParser().parseFromString(out, "image/svg+xml");
    expect(doc.querySelector("parsererror")).toBeNull();
    const root = doc.documentElement;
    const texts = [...root.querySelectorAll(":scope > text")];
    expect(texts).toHaveLength(2);
    expect([...texts[1]!.querySelectorAll("tspan")].map((t) => t.textContent).join(" ")).toBe(source);
    expect(texts[1]!.querySelectorAll("tspan").length).toBeGreaterThan(1);
    for (const line of texts[1]!.querySelectorAll("tspan"))
      expect(textWidth(line.textContent!, 11)).toBeLessThanOrEqual(320);
    // Every line is inside the file: the height grows with the lines.
    const lastY = Math.max(...[...texts[1]!.querySelectorAll("tspan")].map((t) => Number(t.getAttribute("y"))));
    expect(Number(root.getAttribute("height"))).toBeGreaterThan(lastY);
    expect(root.querySelector("g > svg > rect")).not.toBeNull();
  });

  it("carries what explains it: subtitle, notes, source, credit with the URL, inside margins", () => {
    document.body.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><rect width="10" height="10"/></svg>`;
    const svg = document.querySelector("svg")!;
    vi.spyOn(svg, "getBoundingClientRect").mockReturnValue({ width: 320, height: 200 } as DOMRect);
    const notes = [
      "* The article says these 1,028 Russians “tried to cross the border”; its yearly counts are of Russians “stopped” at the border.",
      "Correction, 28 Nov 2026: the chart called them “stopped”.",
    ];
    const credit = "Leaving Russia in 2022 · https://example.org/exodus/embed/border-stops.html";
    const out = standaloneSvg(svg, {
      title: "Border",
      subtitle: "Per month",
      notes,
      source: "Source: one article",
      credit,
    });
    const root = new DOMParser().parseFromString(out, "image/svg+xml").documentElement;
    const texts = [...root.querySelectorAll(":scope > text")].map((t) =>
      [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" "),
    );
    expect(texts).toEqual(["Border", "Per month", notes.join(" "), "Source: one article", credit]);
    const firstNoteY = Number(root.querySelectorAll(":scope > text")[2]!.querySelector("tspan")!.getAttribute("y"));
    expect(firstNoteY).toBeGreaterThan(200);
    expect(Number(root.getAttribute("width"))).toBe(320 + 32);
    for (const t of root.querySelectorAll("tspan")) expect(t.getAttribute("x")).toBe("16");
  });
});

describe("standaloneSvg of a narrow map", () => {
  it("brings the insets shown under the map, where they are, each with its heading", () => {
    document.body.innerHTML = `<div class="exit-map-wrap">
      <div class="exit-map"><svg xmlns="http://www.w3.org/2000/svg" id="main" width="352" height="180"><rect width="10" height="10"/></svg></div>
      <div class="map-insets">
        <div class="map-inset"><div class="map-inset__frame"><svg xmlns="http://www.w3.org/2000/svg" width="173" height="79"><circle r="3" data-place="st-lawrence-island"/></svg></div><p class="map-inset__title">By boat to Alaska</p></div>
        <div class="map-inset"><div class="map-inset__frame"><svg xmlns="http://www.w3.org/2000/svg" width="173" height="79"><circle r="3" data-place="tijuana"/></svg></div><p class="map-inset__title">Mexico–US border</p></div>
      </div></div>`;
    const [main, ...insets] = [...document.querySelectorAll("svg")];
    vi.spyOn(main!, "getBoundingClientRect").mockReturnValue({ left: 0, top: 0, width: 352, height: 180 } as DOMRect);
    insets.forEach((svg, i) => {
      vi.spyOn(svg, "getBoundingClientRect").mockReturnValue({
        left: i * 179,
        top: 186,
        width: 173,
        height: 79,
      } as DOMRect);
      vi.spyOn(svg, "getClientRects").mockReturnValue([{}] as unknown as DOMRectList);
    });
    const out = standaloneSvg(main!, { title: "Routes", notes: [], source: "Sources: four articles" });
    const root = new DOMParser().parseFromString(out, "image/svg+xml").documentElement;
    const nested = [...root.querySelectorAll(":scope > g > svg")].slice(1);
    expect(nested.map((s) => [s.getAttribute("x"), s.getAttribute("y")])).toEqual([
      ["0", "186"],
      ["179", "186"],
    ]);
    expect(nested.map((s) => s.querySelector("circle")!.getAttribute("data-place"))).toEqual([
      "st-lawrence-island",
      "tijuana",
    ]);
    expect([...root.querySelectorAll(":scope > g > text")].map((t) => t.textContent)).toEqual([
      "By boat to Alaska",
      "Mexico–US border",
    ]);
    // The caption starts under the insets.
    const sourceY = Number([...root.querySelectorAll(":scope > text tspan")].at(-1)!.getAttribute("y"));
    expect(sourceY).toBeGreaterThan(186 + 79);
  });
});

describe("canvasExport", () => {
  it("frames the canvas as an image an SVG 1.1 editor can read, with the labels' SVG on top", () => {
    const canvas = document.createElement("canvas");
    vi.spyOn(canvas, "getBoundingClientRect").mockReturnValue({ width: 400, height: 300 } as DOMRect);
    vi.spyOn(canvas, "toDataURL").mockReturnValue("data:image/png;base64,AAAA");
    document.body.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" data-export-overlay=""><text>Kazakhstan</text></svg>`;
    const out = canvasExport(
      canvas,
      { title: "Exit routes", notes: [], source: "Source: four articles" },
      document.querySelector("svg"),
    );
    const doc = new DOMParser().parseFromString(out, "image/svg+xml");
    expect(doc.querySelector("parsererror")).toBeNull();
    const image = doc.querySelector("image")!;
    expect(image.getAttributeNS("http://www.w3.org/1999/xlink", "href")).toBe("data:image/png;base64,AAAA");
    // The labels come after the image: drawn on top of it.
    expect(image.nextElementSibling?.textContent).toBe("Kazakhstan");
  });
});

describe("legendMarkup", () => {
  it("draws a key that is not laid out (0 × 0) as its labels, without negative swatches", () => {
    document.body.innerHTML = `<div><ul><li><span aria-hidden="true" style="background:red"></span>People counted</li><li><span aria-hidden="true"></span>No number</li></ul></div>`;
    const { markup } = legendMarkup(document.querySelector("div")!, 320);
    expect(markup).toContain(">People counted</text>");
    expect(markup).toContain(">No number</text>");
    expect(markup).not.toMatch(/(width|height)="-/);
    expect(markup).not.toContain("<rect");
  });
});
