import { describe, expect, it } from "vitest";
import { listJoin } from "../format/formatFigure.ts";
import { describeExitRoutes } from "./describeExitRoutes.ts";
import { exitRoutesFixture } from "./testData.ts";

describe("describeExitRoutes", () => {
  const text = describeExitRoutes(exitRoutesFixture());

  it("ranks destinations by count, with their qualifiers", () => {
    const kz = text.indexOf("Kazakhstan, 98,000 people");
    const ge = text.indexOf("Georgia, 53,000 people");
    const fi = text.indexOf("Finland, 43,000 people");
    const ak = text.indexOf("Alaska, 2 people by sea");
    expect(kz).toBeGreaterThan(-1);
    expect(kz).toBeLessThan(ge);
    expect(ge).toBeLessThan(fi);
    expect(fi).toBeLessThan(ak);
    expect(text).toContain("Reported total: more than 194,000 people (21–27 September 2022).");
  });

  it("names the routes with no count, the sold-out flights and the stances", () => {
    expect(text).toContain(
      "No number is reported for these routes, drawn dashed: Russia to Mongolia and Russia via Mexico to the US border at Tijuana–San Diego.",
    );
    expect(text).toContain("Flights sold out to Armenia, Azerbaijan, Serbia and Turkey");
    expect(text).toContain("Said they will not grant asylum: Poland, Estonia, Latvia and Lithuania.");
    expect(text).toContain("Signalled they would take some in: Germany and United States.");
  });

  it("says the lines join places rather than trace roads", () => {
    expect(text).toContain("Each line joins an origin and a destination; it does not trace roads or sea lanes.");
  });

  it("joins lists in English", () => {
    expect(listJoin([])).toBe("");
    expect(listJoin(["a"])).toBe("a");
    expect(listJoin(["a", "b"])).toBe("a and b");
    expect(listJoin(["a", "b", "c"])).toBe("a, b and c");
  });
});
