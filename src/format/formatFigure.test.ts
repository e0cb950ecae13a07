import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDate } from "../ui/sourceLine.ts";
import { formatInteger, formatNumber, formatQuantity } from "./formatFigure.ts";

// The app formats without Intl (see formatFigure.ts); these hold it to what Intl writes.
const intlInteger = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const intlOneDecimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const intlDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

describe("number formatting matches Intl en-GB", () => {
  it.each([
    [0, "0"],
    [2, "2"],
    [999, "999"],
    [1000, "1,000"],
    [13367, "13,367"],
    [194000, "194,000"],
    [4.6, "4.6"],
    [4.04, "4"],
    [11.38, "11.4"],
    [-1234.5, "-1,234.5"],
    [4_000_000, "4 million"],
    [1_500_000, "1.5 million"],
    [1_234_567, "1,234,567"],
  ])("%d → %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it("agrees with Intl for any integer and any number with decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (v) => {
        expect(formatInteger(v)).toBe(intlInteger.format(v));
        if (!(Math.abs(v) >= 1e6 && v % 1e5 === 0)) expect(formatNumber(v)).toBe(intlInteger.format(v));
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (v) => {
        if (Number.isInteger(v)) return;
        expect(formatNumber(v)).toBe(intlOneDecimal.format(v));
      }),
      { numRuns: 2000 },
    );
  });

  it("rounds counts to whole numbers as Intl does", () => {
    for (const v of [0.5, 1.5, 2.5, 1234.49, 1234.5, -0.5]) expect(formatInteger(v)).toBe(intlInteger.format(v));
  });
});

describe("date formatting matches Intl en-GB", () => {
  it("writes every month of a year as Intl does", () => {
    for (let m = 1; m <= 12; m++) {
      const iso = `2022-${String(m).padStart(2, "0")}-${String(m + 3).padStart(2, "0")}`;
      expect(formatDate(iso)).toBe(intlDate.format(new Date(`${iso}T00:00:00Z`)));
    }
    expect(formatDate("2022-09-27")).toBe("27 Sept 2022");
  });
});

describe("formatQuantity", () => {
  it("says each unit once, after the number and its qualifier", () => {
    expect(formatQuantity({ value: 9, qualifier: "more-than", unit: "miles" })).toBe("more than 9 miles");
    expect(formatQuantity({ value: 64, qualifier: "about", unit: "km" })).toBe("about 64 km");
    expect(formatQuantity({ value: 10, qualifier: "up-to", unit: "years in prison" })).toBe("up to 10 years");
    expect(formatQuantity({ value: 2, qualifier: "exact", unit: "people" })).toBe("2 people");
    expect(formatQuantity({ value: 1, qualifier: "exact", unit: "people" })).toBe("1 person");
    expect(formatQuantity({ value: 74, qualifier: "exact", unit: "warships" })).toBe("74 warships");
    expect(formatQuantity({ value: null, qualifier: "exact", unit: "tanks" })).toBe("not reported");
  });
});
