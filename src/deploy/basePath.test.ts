import { describe, expect, it } from "vitest";
import { parseBasePath } from "./basePath.ts";

describe("parseBasePath", () => {
  it("is / when unset, empty or /", () => {
    expect(parseBasePath(undefined)).toBe("/");
    expect(parseBasePath("")).toBe("/");
    expect(parseBasePath(" / ")).toBe("/");
  });

  it("always has a leading and a trailing slash", () => {
    expect(parseBasePath("exodus")).toBe("/exodus/");
    expect(parseBasePath("/exodus")).toBe("/exodus/");
    expect(parseBasePath("/exodus/")).toBe("/exodus/");
    expect(parseBasePath("//graphics//2022/exodus")).toBe("/graphics/2022/exodus/");
  });

  it("rejects anything that is not a plain path", () => {
    for (const bad of [
      "https://example.org/exodus/",
      "/ex odus/",
      "/../etc/",
      "/a/./b/",
      "/x?y",
      "/x#y",
      '/"x/',
      "/x;y/",
    ])
      expect(() => parseBasePath(bad), bad).toThrow(/BASE_PATH/);
  });
});
