import { beforeEach, describe, expect, it, vi } from "vitest";

const calls = vi.hoisted(() => ({ topology: [] as string[], maplibreImported: 0 }));
vi.mock("./basemapLoader.ts", () => ({
  loadTopology: (resolution: string) => {
    calls.topology.push(resolution);
    return Promise.resolve({});
  },
}));
vi.mock("./MapLibreExitRouteMap.tsx", () => {
  calls.maplibreImported++;
  return { MapLibreExitRouteMap: () => null };
});

const { preloadMap } = await import("./preloadMap.ts");

beforeEach(() => {
  calls.topology = [];
});

describe("preloadMap", () => {
  it("fetches the world view's basemap, and no other view's (they may need a finer one)", () => {
    preloadMap({ camera: "world", engine: "auto" });
    expect(calls.topology).toEqual(["110m"]);
    preloadMap({ camera: "bering-strait", engine: "auto" });
    expect(calls.topology).toEqual(["110m"]);
  });

  it("imports MapLibre's chunk only for a map wanted zoomable at once", async () => {
    preloadMap({ camera: "world", engine: "svg" });
    preloadMap({ camera: "world", engine: "auto" });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.maplibreImported).toBe(0);
    preloadMap({ camera: "world", engine: "maplibre" });
    await vi.waitFor(() => expect(calls.maplibreImported).toBe(1));
  });
});
