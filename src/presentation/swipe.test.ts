import { describe, expect, it } from "vitest";
import { swipeAction } from "./swipe.ts";

const at = (x: number, y = 0, t = 0) => ({ x, y, t });

describe("swipeAction", () => {
  it("right to left goes forward, left to right goes back", () => {
    expect(swipeAction(at(300), at(200, 10, 200))).toBe("next");
    expect(swipeAction(at(100), at(220, -12, 200))).toBe("prev");
  });
  it("ignores short, slow, mostly vertical and broken gestures", () => {
    expect(swipeAction(at(300), at(250, 0, 100))).toBeNull(); // 50 px < 60 px
    expect(swipeAction(at(300), at(100, 0, 1200))).toBeNull(); // too slow: a drag, not a swipe
    expect(swipeAction(at(300, 0), at(200, 90, 200))).toBeNull(); // a scroll
    expect(swipeAction(at(300), at(Number.NaN, 0, 100))).toBeNull();
  });
  it("takes a custom threshold", () => {
    expect(swipeAction(at(300), at(260, 0, 100), { threshold: 30 })).toBe("next");
    expect(swipeAction(at(300), at(200, 0, 100), { threshold: 120 })).toBeNull();
  });
});
