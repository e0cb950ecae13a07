/**
 * Dates and periods as the ledger writes them (a subset of ISO 8601):
 *   "2020"                    a calendar year
 *   "2022-01"                 a calendar month
 *   "2022-09-21"              a day
 *   "2022-09-21/2022-09-27"   an interval of any two of the above, inclusive
 *
 * Parsing is strict: "2022-02-30" or "2022-13" is rejected, so an impossible date
 * in the ledger is an error rather than a silently rolled-over Date.
 */

export interface Period {
  /** As written in the ledger. */
  readonly text: string;
  /** First day covered, "YYYY-MM-DD". */
  readonly start: string;
  /** Last day covered, "YYYY-MM-DD" (inclusive). */
  readonly end: string;
  /** Finest unit the period was written in: a whole year, a whole month, days. */
  readonly granularity: "year" | "month" | "day" | "interval";
  /** Length in calendar months when it is a whole number of months, else null. */
  readonly months: number | null;
}

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

interface Point {
  start: string;
  end: string;
  granularity: "year" | "month" | "day";
  /** months since year 0 of the first month, and of the month after the last */
  monthFrom: number;
  monthTo: number;
  wholeMonths: boolean;
}

function parsePoint(text: string): Point | string {
  let m = YEAR.exec(text);
  if (m) {
    const y = Number(m[1]);
    return {
      start: `${m[1]}-01-01`,
      end: `${m[1]}-12-31`,
      granularity: "year",
      monthFrom: y * 12,
      monthTo: y * 12 + 12,
      wholeMonths: true,
    };
  }
  m = MONTH.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return `month ${m[2]} does not exist`;
    const last = daysInMonth(y, mo);
    return {
      start: `${m[1]}-${m[2]}-01`,
      end: `${m[1]}-${m[2]}-${pad(last)}`,
      granularity: "month",
      monthFrom: y * 12 + mo - 1,
      monthTo: y * 12 + mo,
      wholeMonths: true,
    };
  }
  m = DAY.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12) return `month ${m[2]} does not exist`;
    if (d < 1 || d > daysInMonth(y, mo)) return `${text} does not exist (${y}-${m[2]} has ${daysInMonth(y, mo)} days)`;
    return {
      start: text,
      end: text,
      granularity: "day",
      monthFrom: y * 12 + mo - 1,
      monthTo: y * 12 + mo,
      wholeMonths: false,
    };
  }
  return `"${text}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`;
}

/** Parses a period, returning either the period or a plain-English reason it is invalid. */
export function parsePeriod(text: string): Period | string {
  const parts = text.split("/");
  if (parts.length > 2) return `"${text}" has more than one "/"; an interval is START/END`;
  const a = parsePoint(parts[0]!.trim());
  if (typeof a === "string") return a;
  if (parts.length === 1) {
    return {
      text,
      start: a.start,
      end: a.end,
      granularity: a.granularity,
      months: a.wholeMonths ? a.monthTo - a.monthFrom : null,
    };
  }
  const b = parsePoint(parts[1]!.trim());
  if (typeof b === "string") return b;
  if (b.end < a.start) return `interval "${text}" ends before it starts`;
  const whole = a.wholeMonths && b.wholeMonths;
  return { text, start: a.start, end: b.end, granularity: "interval", months: whole ? b.monthTo - a.monthFrom : null };
}

/** True when the string is a valid date or period. */
export const isPeriod = (text: string): boolean => typeof parsePeriod(text) !== "string";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Human label: "2020", "January 2022", "21 September 2022", "21–27 September 2022". */
export function formatPeriod(text: string): string {
  const p = parsePeriod(text);
  if (typeof p === "string") return text;
  const [sy, sm, sd] = p.start.split("-").map(Number) as [number, number, number];
  const [ey, em, ed] = p.end.split("-").map(Number) as [number, number, number];
  if (p.granularity === "year") return String(sy);
  if (p.granularity === "month") return `${MONTHS[sm - 1]} ${sy}`;
  if (p.granularity === "day") return `${sd} ${MONTHS[sm - 1]} ${sy}`;
  const wholeYears = p.start.endsWith("-01-01") && p.end.endsWith("-12-31");
  if (wholeYears) return `${sy}–${ey}`;
  const wholeMonths = sd === 1 && ed === new Date(Date.UTC(ey, em, 0)).getUTCDate();
  if (wholeMonths)
    return sy === ey
      ? `${MONTHS[sm - 1]}–${MONTHS[em - 1]} ${sy}`
      : `${MONTHS[sm - 1]} ${sy} – ${MONTHS[em - 1]} ${ey}`;
  if (sy === ey && sm === em) return `${sd}–${ed} ${MONTHS[sm - 1]} ${sy}`;
  if (sy === ey) return `${sd} ${MONTHS[sm - 1]} – ${ed} ${MONTHS[em - 1]} ${sy}`;
  return `${sd} ${MONTHS[sm - 1]} ${sy} – ${ed} ${MONTHS[em - 1]} ${ey}`;
}
