import { describe, expect, it, vi } from "vitest";
import { detectWebGL2 } from "./webgl.ts";

/** A document whose canvases answer getContext("webgl2") with `context`. */
function fakeDocument(context: object | null) {
  const createElement = vi.fn(() => ({ getContext: () => context }));
  return { doc: { createElement } as unknown as Document, createElement };
}

describe("detectWebGL2", () => {
  it("says yes when a webgl2 context can be made, and releases it", () => {
    const loseContext = vi.fn();
    const { doc } = fakeDocument({ getExtension: () => ({ loseContext }) });
    expect(detectWebGL2(doc)).toBe(true);
    expect(loseContext).toHaveBeenCalledTimes(1);
  });

  it("says no without a context, or without a document", () => {
    expect(detectWebGL2(fakeDocument(null).doc)).toBe(false);
    expect(detectWebGL2(undefined)).toBe(false);
  });

  it("probes once per document", () => {
    const { doc, createElement } = fakeDocument({ getExtension: () => null });
    detectWebGL2(doc);
    detectWebGL2(doc);
    expect(createElement).toHaveBeenCalledTimes(1);
    const other = fakeDocument(null);
    expect(detectWebGL2(other.doc)).toBe(false);
    expect(other.createElement).toHaveBeenCalledTimes(1);
  });
});
