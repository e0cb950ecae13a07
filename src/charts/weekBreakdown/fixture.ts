/**
 * A hand-written week-breakdown dataset for tests, so they do not depend on the
 * pipeline having run. Values as in data/figures.yaml (source: "US Expresses
 * Openness To Accept Russian People Seeking Asylum…", 27 September 2022).
 */
import type { WeekBreakdownDataset } from "../../schema/datasets.ts";

const period = "21–27 September 2022";

export const weekBreakdownFixture: WeekBreakdownDataset = {
  version: 1,
  meta: {
    title: "The first week after the mobilization order",
    subtitle: "Russian citizens who crossed into Georgia, Kazakhstan and Finland by 27 September 2022.",
    sources: [
      {
        id: "us-openness",
        headline: "US Expresses Openness To Accept Russian People Seeking Asylum",
        outlet: null,
        published: "2022-09-27",
        sha256: "85a71cd9cc467a57243b6037100618e6d2285e200e3e985dbe9a80c05588edb6",
      },
    ],
    verification: { status: "verified", by: "archive", date: "2026-11-28", unverified: 0 },
    corrections: [],
    caveats: [],
  },
  parts: [
    {
      figure: {
        id: "georgia-week",
        value: 53000,
        qualifier: "exact",
        unit: "people",
        basis: "reported",
        counts: "Russian citizens who crossed",
        period,
        caveat: null,
        marker: null,
      },
      place: "Georgia",
    },
    {
      figure: {
        id: "kazakhstan-week",
        value: 98000,
        qualifier: "exact",
        unit: "people",
        basis: "reported",
        counts: "Russian citizens who crossed",
        period,
        caveat: null,
        marker: null,
      },
      place: "Kazakhstan",
    },
    {
      figure: {
        id: "finland-week",
        value: 43000,
        qualifier: "exact",
        unit: "people",
        basis: "reported",
        counts: "Russian citizens who crossed",
        period,
        caveat: null,
        marker: null,
      },
      place: "Finland",
    },
  ],
  total: {
    id: "exodus-week-total",
    value: 194000,
    qualifier: "more-than",
    unit: "people",
    basis: "reported",
    counts: "Russian citizens who crossed",
    period,
    caveat: null,
    marker: null,
  },
};
