import { QueryClient } from "@tanstack/react-query";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { datasetQuery } from "../data/datasetQuery.ts";
import { DATA_WAIT_MS, preloadGraphic, type EmbedView } from "./EmbedApp.tsx";

const forces = readFileSync(resolve(import.meta.dirname, "../../public/data/forces.json"), "utf8");
const View: EmbedView = () => null;

/** fetch answering forces.json after `delay` ms. */
function serveAfter(delay: number) {
  vi.stubGlobal(
    "fetch",
    () => new Promise<Response>((done) => setTimeout(() => done(new Response(forces, { status: 200 })), delay)),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("preloadGraphic", () => {
  it("resolves with the view once the dataset is in the cache, when it comes quickly", async () => {
    serveAfter(30);
    const client = new QueryClient();
    const view = await preloadGraphic("forces", client, Promise.resolve(View));
    expect(view).toBe(View);
    expect(client.getQueryData(datasetQuery("forces").queryKey)).toMatchObject({ meta: { title: expect.any(String) } });
  });

  it(`waits at most ${DATA_WAIT_MS} ms for a slow dataset: the panel then says it is loading`, async () => {
    vi.useFakeTimers();
    try {
      serveAfter(DATA_WAIT_MS + 1500);
      const client = new QueryClient();
      let view: EmbedView | null | undefined;
      void preloadGraphic("forces", client, Promise.resolve(View)).then((v) => (view = v));
      await vi.advanceTimersByTimeAsync(DATA_WAIT_MS - 1);
      expect(view).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(view).toBe(View);
      expect(client.getQueryData(datasetQuery("forces").queryKey)).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
