/** Dates and periods as the ledger writes them (src/schema/period.ts), and the schema fields built on them. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IsoDate, PeriodText } from "../schema/ledger.ts";
import { formatPeriod, isPeriod, parsePeriod } from "../schema/period.ts";

describe("parsePeriod", () => {
  it.each([
    ["2020", { start: "2020-01-01", end: "2020-12-31", granularity: "year", months: 12 }],
    ["2022-01", { start: "2022-01-01", end: "2022-01-31", granularity: "month", months: 1 }],
    ["2022-02", { start: "2022-02-01", end: "2022-02-28", granularity: "month", months: 1 }],
    ["2024-02", { start: "2024-02-01", end: "2024-02-29", granularity: "month", months: 1 }],
    ["2000-02", { start: "2000-02-01", end: "2000-02-29", granularity: "month", months: 1 }],
    ["1900-02", { start: "1900-02-01", end: "1900-02-28", granularity: "month", months: 1 }],
    ["2022-09-21", { start: "2022-09-21", end: "2022-09-21", granularity: "day", months: null }],
    ["2024-02-29", { start: "2024-02-29", end: "2024-02-29", granularity: "day", months: null }],
    ["2022-09-21/2022-09-27", { start: "2022-09-21", end: "2022-09-27", granularity: "interval", months: null }],
    ["2022-02-24/2022-08-24", { start: "2022-02-24", end: "2022-08-24", granularity: "interval", months: null }],
    ["2020/2021", { start: "2020-01-01", end: "2021-12-31", granularity: "interval", months: 24 }],
    ["2022-01/2022-03", { start: "2022-01-01", end: "2022-03-31", granularity: "interval", months: 3 }],
    ["2021-11/2022-02", { start: "2021-11-01", end: "2022-02-28", granularity: "interval", months: 4 }],
    ["2022-02/2022-02", { start: "2022-02-01", end: "2022-02-28", granularity: "interval", months: 1 }],
    ["2022/2022-03", { start: "2022-01-01", end: "2022-03-31", granularity: "interval", months: 3 }],
    ["2022-01/2022-02-15", { start: "2022-01-01", end: "2022-02-15", granularity: "interval", months: null }],
  ])("%s", (text, expected) => {
    expect(parsePeriod(text)).toEqual({ text, ...expected });
  });

  it.each([
    ["2022-02-30", "2022-02-30 does not exist (2022-02 has 28 days)"],
    ["2023-02-29", "2023-02-29 does not exist (2023-02 has 28 days)"],
    ["2022-04-31", "2022-04-31 does not exist (2022-04 has 30 days)"],
    ["2022-09-00", "2022-09-00 does not exist (2022-09 has 30 days)"],
    ["2022-13", "month 13 does not exist"],
    ["2022-00", "month 00 does not exist"],
    ["2022-13-01", "month 13 does not exist"],
    ["2022-09-21/2022-02-30", "2022-02-30 does not exist (2022-02 has 28 days)"],
    ["2022-9-21", '"2022-9-21" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD'],
    ["22-09-21", '"22-09-21" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD'],
    ["21 September 2022", '"21 September 2022" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD'],
    ["", '"" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD'],
    ["2022/", '"" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD'],
    ["2022/09/21", '"2022/09/21" has more than one "/"; an interval is START/END'],
    ["2022-09-27/2022-09-21", 'interval "2022-09-27/2022-09-21" ends before it starts'],
    ["2021/2020", 'interval "2021/2020" ends before it starts'],
  ])("%j is rejected: %s", (text, reason) => {
    expect(parsePeriod(text)).toBe(reason);
    expect(isPeriod(text)).toBe(false);
  });

  it("accepts exactly the calendar days that exist", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 2999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          const date = new Date(Date.UTC(y, m - 1, d));
          const exists = date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          expect(isPeriod(text)).toBe(exists);
          if (exists) expect(parsePeriod(text)).toMatchObject({ start: text, end: text, granularity: "day" });
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });

  it("counts the months of any interval of whole months", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 60 }),
        (y, m, extra) => {
          const endIndex = y * 12 + (m - 1) + extra;
          const ey = Math.floor(endIndex / 12);
          const em = (endIndex % 12) + 1;
          const text = `${y}-${String(m).padStart(2, "0")}/${ey}-${String(em).padStart(2, "0")}`;
          expect(parsePeriod(text)).toMatchObject({ months: extra + 1 });
        },
      ),
      { numRuns: 200, seed: 4 },
    );
  });
});

describe("formatPeriod", () => {
  it.each([
    ["2020", "2020"],
    ["2022-01", "January 2022"],
    ["2022-09-21", "21 September 2022"],
    ["2022-09-21/2022-09-27", "21–27 September 2022"],
    ["2022-02-24/2022-08-24", "24 February – 24 August 2022"],
    ["2022-12-30/2023-01-02", "30 December 2022 – 2 January 2023"],
    ["2022-01/2022-03", "January–March 2022"],
    ["2020/2021", "2020–2021"],
    ["2021-11/2022-02", "November 2021 – February 2022"],
  ])("%s reads as %s", (text, label) => {
    expect(formatPeriod(text)).toBe(label);
  });

  it("returns an invalid period as written rather than inventing a date", () => {
    expect(formatPeriod("2022-02-30")).toBe("2022-02-30");
    expect(formatPeriod("soon")).toBe("soon");
  });
});

describe("schema fields built on periods", () => {
  it("IsoDate takes one existing day only", () => {
    expect(IsoDate.safeParse("2022-02-28").success).toBe(true);
    for (const bad of ["2022-02-30", "2022-02", "2022", "2022-09-21/2022-09-27", "27/09/2022"]) {
      const r = IsoDate.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toBe("must be a date that exists, written YYYY-MM-DD");
    }
  });

  it("PeriodText says why a period is invalid", () => {
    expect(PeriodText.safeParse("2020/2021").success).toBe(true);
    expect(PeriodText.safeParse("2022-02-30").error?.issues[0]?.message).toBe(
      "invalid period: 2022-02-30 does not exist (2022-02 has 28 days)",
    );
  });
});
