import { describe, expect, it } from "vitest";
import { embedCode, embedUrl } from "./embedCode.ts";
import { embedViewParams, parseEmbedParams } from "./embedParams.ts";
import { DEFAULT_URL_STATE, type UrlState } from "../state/urlState.ts";

describe("embed parameters", () => {
  it("reads the graphic, theme, view and child id", () => {
    const p = parseEmbedParams("?graphic=forces&theme=dark&view=table&childId=story-1");
    expect(p.graphic).toBe("forces");
    expect(p.childId).toBe("story-1");
    expect(p.state).toMatchObject({ theme: "dark", tables: ["forces"] });
  });

  it("on a one-graphic page, shows that graphic whatever graphic= says", () => {
    expect(parseEmbedParams("?graphic=exit-routes&theme=dark", "forces")).toMatchObject({
      graphic: "forces",
      childId: "exodus-forces",
      state: { theme: "dark" },
    });
    expect(parseEmbedParams("?engine=maplibre", "exit-routes").engine).toBe("maplibre");
  });

  it("passes map state only to the map", () => {
    expect(parseEmbedParams("?graphic=exit-routes&camera=bering-strait&route=to-alaska").state).toMatchObject({
      camera: "bering-strait",
      route: "to-alaska",
    });
    expect(parseEmbedParams("?graphic=forces&camera=bering-strait&route=to-alaska").state).toMatchObject({
      camera: "world",
      route: null,
    });
  });

  it("shows the map compact unless controls=full, and charts always compact", () => {
    expect(parseEmbedParams("", "exit-routes").controls).toBe("compact");
    expect(parseEmbedParams("?controls=full", "exit-routes").controls).toBe("full");
    expect(parseEmbedParams("?controls=FULL", "exit-routes").controls).toBe("compact");
    expect(parseEmbedParams("?controls=%3Cb%3E", "exit-routes").controls).toBe("compact");
    expect(parseEmbedParams("?controls=full", "forces").controls).toBe("compact");
  });

  it("reads the map's engine, for the map only, and defaults to auto", () => {
    expect(parseEmbedParams("?graphic=exit-routes&engine=maplibre").engine).toBe("maplibre");
    expect(parseEmbedParams("?graphic=exit-routes&engine=svg").engine).toBe("svg");
    expect(parseEmbedParams("?graphic=exit-routes").engine).toBe("auto");
    expect(parseEmbedParams("?graphic=exit-routes&engine=webgl").engine).toBe("auto");
    expect(parseEmbedParams("?graphic=exit-routes&engine=MapLibre").engine).toBe("auto");
    expect(parseEmbedParams("?graphic=forces&engine=maplibre").engine).toBe("auto");
  });

  it.each([
    ["script graphic", "?graphic=<script>alert(1)</script>"],
    ["javascript child id", "?graphic=forces&childId=javascript:alert(1)"],
    ["event handler theme", '?theme=" onload="alert(1)'],
    ["javascript engine", "?graphic=exit-routes&engine=javascript:alert(1)"],
    ["huge number", "?graphic=1e309&view=99999999999999999999"],
    ["very long", `?graphic=${"x".repeat(10_000)}`],
  ])("falls back to defaults for a %s", (_label, search) => {
    const p = parseEmbedParams(search);
    expect(["exit-routes", "forces"]).toContain(p.graphic);
    expect(p.childId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(p.state.theme).toBe("system");
    expect(p.state.tables).toEqual([]);
    expect(p.engine).toBe("auto");
  });
});

describe("embed code", () => {
  it("is an iframe with title and lazy loading, plus the resize script", () => {
    const code = embedCode({
      appUrl: "https://example.org/exodus/",
      graphic: "border-stops",
      title: 'Stops "at the border" <2022>',
    });
    expect(code).toContain('<iframe src="https://example.org/exodus/embed/border-stops.html"');
    expect(code).toContain('title="Stops &quot;at the border&quot; &lt;2022&gt;"');
    expect(code).toContain('loading="lazy"');
    expect(code).toContain('<script src="https://example.org/exodus/embed-parent.js" async></script>');
  });

  it("encodes parameters", () => {
    expect(embedUrl({ appUrl: "/", graphic: "exit-routes", params: { camera: "bering-strait", theme: "dark" } })).toBe(
      "/embed/exit-routes.html?camera=bering-strait&theme=dark",
    );
    expect(embedUrl({ appUrl: "/", graphic: "forces", params: { childId: "a b&c" } })).toBe(
      "/embed/forces.html?childId=a+b%26c",
    );
  });

  it("writes the view an embed keeps, which reads back as the same view", () => {
    const view: UrlState = {
      ...DEFAULT_URL_STATE,
      period: "mobilization",
      modes: ["road", "sea"],
      camera: "caucasus-central-asia",
      route: "to-georgia",
      figure: "georgia-week",
      tables: ["exit-routes", "forces"],
      theme: "dark",
    };
    const params = embedViewParams("exit-routes", view);
    expect(params).toEqual({
      period: "mobilization",
      mode: "road,sea",
      camera: "caucasus-central-asia",
      route: "to-georgia",
      theme: "dark",
      view: "table",
    });
    const back = parseEmbedParams(`?${new URLSearchParams(params)}`, "exit-routes").state;
    expect(back).toEqual({ ...view, figure: null, tables: ["exit-routes"] });
    // A chart keeps its theme and view; map state is not its to keep.
    expect(embedViewParams("border-stops", view)).toEqual({ theme: "dark" });
    expect(embedViewParams("forces", view)).toEqual({ theme: "dark", view: "table" });
    expect(embedViewParams("forces", DEFAULT_URL_STATE)).toEqual({});
  });
});
