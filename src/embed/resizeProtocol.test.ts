import { describe, expect, it } from "vitest";
import {
  ampEmbedSize,
  isChildId,
  parseAmpEmbedSize,
  parseHeight,
  parsePymMessage,
  pymMessage,
} from "./resizeProtocol.ts";

describe("Pym.js messages", () => {
  it("writes the exact wire format Pym.js parents match", () => {
    expect(pymMessage("forces", "height", 612)).toBe("pymxPYMxforcesxPYMxheightxPYMx612");
  });
  it("round-trips", () => {
    expect(parsePymMessage(pymMessage("exit-routes_1", "width", "600"))).toEqual({
      childId: "exit-routes_1",
      type: "width",
      message: "600",
    });
  });
  it.each([
    ["not a string", 42],
    ["wrong prefix", "xxxxPYMxidxPYMxheightxPYMx10"],
    ["too few parts", "pymxPYMxidxPYMxheight"],
    ["too many parts", "pymxPYMxidxPYMxheightxPYMx10xPYMx11"],
    ["hostile child id", "pymxPYMx<script>xPYMxheightxPYMx10"],
    ["regex child id", "pymxPYMx.*xPYMxheightxPYMx10"],
    ["huge message", "pymxPYMxidxPYMxheightxPYMx" + "9".repeat(2000)],
  ])("ignores %s", (_label, data) => {
    expect(parsePymMessage(data)).toBeNull();
  });
});

describe("heights", () => {
  it("accepts sane heights and rounds up", () => {
    expect(parseHeight("612")).toBe(612);
    expect(parseHeight("612.2")).toBe(613);
    expect(parseHeight(300)).toBe(300);
  });
  it.each(["", "abc", "-5", "0", "1e9", "Infinity", "NaN", "20001", "12px", null, {}, Number.POSITIVE_INFINITY])(
    "rejects %s",
    (v) => {
      expect(parseHeight(v)).toBeNull();
    },
  );
});

describe("AMP embed-size", () => {
  it("round-trips", () => {
    expect(parseAmpEmbedSize(ampEmbedSize(480))).toBe(480);
  });
  it("ignores other sentinels, types and bad heights", () => {
    expect(parseAmpEmbedSize({ sentinel: "other", type: "embed-size", height: 10 })).toBeNull();
    expect(parseAmpEmbedSize({ sentinel: "amp", type: "embed-ready", height: 10 })).toBeNull();
    expect(parseAmpEmbedSize({ sentinel: "amp", type: "embed-size", height: "1e9" })).toBeNull();
    expect(parseAmpEmbedSize("amp")).toBeNull();
  });
});

describe("child ids", () => {
  it("allows plain ids only", () => {
    expect(isChildId("exodus-forces")).toBe(true);
    expect(isChildId("a b")).toBe(false);
    expect(isChildId("x".repeat(65))).toBe(false);
    expect(isChildId(null)).toBe(false);
  });
});
