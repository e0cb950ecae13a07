/**
 * A hand-written border-stops dataset for tests, so they do not depend on the
 * pipeline having run. Values as in data/figures.yaml (source: "Conscription fears
 * grip Russia as thousands try to claim US asylum", 27 February 2022).
 */
import type { BorderStopsDataset } from "../../schema/datasets.ts";

export const borderStopsFixture: BorderStopsDataset = {
  version: 1,
  meta: {
    title: "Russians stopped at the US–Mexico border",
    subtitle: "Yearly totals for 2020 and 2021 and one month, January 2022.",
    sources: [
      {
        id: "conscription-fears",
        headline: "Conscription fears grip Russia as thousands try to claim US asylum",
        outlet: null,
        published: "2022-02-27",
        sha256: "f172c3e3ae9b1c2861d0c97fcb5683f0dc6829c8f8f626fa3532da594123f776",
      },
    ],
    verification: { status: "verified", by: "archive", date: "2026-11-28", unverified: 0 },
    corrections: [],
    caveats: [],
  },
  subject: "Russians stopped",
  axisLabel: "Russians per month",
  bars: [
    {
      figure: {
        id: "stops-2020",
        value: 467,
        qualifier: "exact",
        unit: "people",
        basis: "reported",
        counts: "Russians stopped at the US\u2013Mexico border",
        period: "2020",
        caveat: null,
        marker: null,
      },
      perMonth: {
        id: "stops-2020-per-month",
        value: 39,
        qualifier: "about",
        unit: "people per month",
        basis: "derived",
        counts: "Russians stopped at the US\u2013Mexico border, average per month",
        period: "2020",
        caveat: null,
        marker: null,
      },
      months: 12,
      periodStart: "2020-01-01",
    },
    {
      figure: {
        id: "stops-2021",
        value: 9376,
        qualifier: "exact",
        unit: "people",
        basis: "reported",
        counts: "Russians stopped at the US\u2013Mexico border",
        period: "2021",
        caveat: null,
        marker: null,
      },
      perMonth: {
        id: "stops-2021-per-month",
        value: 781,
        qualifier: "about",
        unit: "people per month",
        basis: "derived",
        counts: "Russians stopped at the US\u2013Mexico border, average per month",
        period: "2021",
        caveat: null,
        marker: null,
      },
      months: 12,
      periodStart: "2021-01-01",
    },
    {
      figure: {
        id: "stops-2022-01",
        value: 1028,
        qualifier: "exact",
        unit: "people",
        basis: "reported",
        counts: "Russians who tried to cross the US\u2013Mexico border",
        period: "January 2022",
        caveat: null,
        marker: null,
      },
      perMonth: {
        id: "stops-2022-01",
        value: 1028,
        qualifier: "exact",
        unit: "people",
        basis: "reported",
        counts: "Russians who tried to cross the US\u2013Mexico border",
        period: "January 2022",
        caveat: null,
        marker: null,
      },
      months: 1,
      periodStart: "2022-01-01",
    },
  ],
  annotations: [
    {
      figure: "stops-2021",
      text: "After the arrest of Alexei Navalny",
      citation: {
        source: "conscription-fears",
        quote: "after Russian dissident Alexei Navalny's arrest, that figure jumped to 9,376 for 2021",
        verified: { date: "2026-11-28", sha256: "f172c3e3ae9b1c2861d0c97fcb5683f0dc6829c8f8f626fa3532da594123f776" },
      },
    },
  ],
};
