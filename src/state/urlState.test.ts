import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Mode } from "../schema/ledger.ts";
import {
  DEFAULT_URL_STATE,
  GRAPHIC_IDS,
  parseUrlState,
  restrictToKnown,
  serialiseUrlState,
  type UrlState,
} from "./urlState.ts";

describe("URL state", () => {
  it("writes nothing for the defaults", () => {
    expect(serialiseUrlState(DEFAULT_URL_STATE)).toBe("");
    expect(parseUrlState("")).toEqual(DEFAULT_URL_STATE);
  });

  it("writes only non-defaults, in a stable order", () => {
    const s: UrlState = {
      ...DEFAULT_URL_STATE,
      route: "to-georgia",
      period: "mobilization",
      tables: ["forces", "border-stops"],
      modes: ["sea", "road"],
    };
    expect(serialiseUrlState(s)).toBe("period=mobilization&mode=road,sea&route=to-georgia&table=border-stops,forces");
  });

  it("treats every mode selected as the default", () => {
    expect(parseUrlState("?mode=road,sea,air,foot,unstated").modes).toEqual([]);
  });

  it("round-trips any valid state", () => {
    const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
    const state = fc.record({
      period: fc.oneof(fc.constant("all"), id),
      modes: fc.subarray([...Mode.options]).map((m) => (m.length === Mode.options.length ? [] : m)),
      camera: fc.oneof(fc.constant("world"), id),
      route: fc.option(id, { nil: null }),
      figure: fc.option(id, { nil: null }),
      tables: fc.subarray([...GRAPHIC_IDS]),
      theme: fc.constantFrom("system" as const, "light" as const, "dark" as const),
    });
    fc.assert(
      fc.property(state, (s) => {
        expect(parseUrlState(serialiseUrlState(s))).toEqual(s);
      }),
    );
  });

  it.each([
    ["script tag", "route=<script>alert(1)</script>"],
    ["javascript: URL", "figure=javascript:alert(1)"],
    ["event handler", "camera=x%22%20onerror%3Dalert(1)"],
    ["huge number", "period=1e999999"],
    ["very long", `route=${"a".repeat(5000)}`],
    ["unknown mode", "mode=teleport"],
    ["unknown table", "table=__proto__"],
    ["bad theme", "theme=constructor"],
  ])("falls back to defaults for a %s", (_label, query) => {
    const s = restrictToKnown(parseUrlState(`?${query}`), KNOWN);
    expect(serialiseUrlState(s)).toBe("");
  });

  it("keeps known ids and drops well-formed unknown ones", () => {
    const s = restrictToKnown(
      parseUrlState("?period=mobilization&route=to-atlantis&camera=bering-strait&figure=georgia-week"),
      KNOWN,
    );
    expect(s).toMatchObject({ period: "mobilization", route: null, camera: "bering-strait", figure: "georgia-week" });
  });
});

const KNOWN = {
  periods: ["invasion", "mobilization"],
  cameras: ["world", "bering-strait"],
  routes: ["to-georgia"],
  figures: ["georgia-week"],
};
