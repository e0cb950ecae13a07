/**
 * A hand-written forces dataset for tests, so they do not depend on the pipeline
 * having run. Values as in data/figures.yaml (IISS figures as reported in February
 * 2022); it covers every case the chart draws: a missing value with and without a
 * reported ratio, a zero, a caveat, derived ratios with and without a qualifier.
 */
import type { ForcesDataset } from "../../schema/datasets.ts";

const P = "February 2022";

export const forcesFixture: ForcesDataset = {
  version: 1,
  meta: {
    title: "Russia's and Ukraine's armed forces before the invasion",
    subtitle: "IISS figures as reported in February 2022. Each row has its own scale; the ratio shows how many Russian units there are for every Ukrainian one.",
    sources: [
      { id: "conscription-fears", headline: "Conscription fears grip Russia as thousands try to claim US asylum", outlet: null, published: "2022-02-27" },
      { id: "abandon-putin", headline: "Russians 'Abandon' Putin, Fearing Enlistment in Military? Immigration Experts Say They Try to Enter US Via Mexico", outlet: null, published: "2022-02-28" },
    ],
    verification: "verified",
  },
  sides: ["Russia", "Ukraine"],
  groups: [
    {
      id: "personnel",
      label: "Personnel",
      categories: [
        {
          id: "active",
          label: "Active military",
          unit: "personnel",
          a: { id: "ru-active-personnel", value: 900000, qualifier: "about", unit: "personnel", basis: "reported", counts: "Russia's active military personnel", period: P },
          b: { id: "ua-active-personnel", value: 196600, qualifier: "exact", unit: "personnel", basis: "reported", counts: "Ukraine's military personnel", period: P },
          missing: null,
          ratio: { value: 4.6, qualifier: "about", basis: "derived", explanation: "Our arithmetic: 900,000 ÷ 196,600", figure: null },
          caveat: null,
        },
        {
          id: "army",
          label: "Army",
          unit: "personnel",
          a: { id: "ru-army-personnel", value: 280000, qualifier: "about", unit: "personnel", basis: "reported", counts: "Russia's army (ground forces) personnel", period: P },
          b: { id: "ua-army-personnel", value: null, qualifier: "exact", unit: "personnel", basis: "reported", counts: "Ukraine's army (ground forces) personnel", period: P },
          missing: "Neither article gives Ukraine's army personnel; only its air force and navy personnel and its total.",
          ratio: null,
          caveat: null,
        },
        {
          id: "air-force",
          label: "Air force",
          unit: "personnel",
          a: { id: "ru-air-personnel", value: 165000, qualifier: "exact", unit: "personnel", basis: "reported", counts: "Russia's air force personnel", period: P },
          b: { id: "ua-air-personnel", value: 35000, qualifier: "exact", unit: "personnel", basis: "reported", counts: "Ukraine's air force personnel", period: P },
          missing: null,
          ratio: { value: 4.7, qualifier: "exact", basis: "derived", explanation: "Our arithmetic: 165,000 ÷ 35,000", figure: null },
          caveat: null,
        },
        {
          id: "navy",
          label: "Navy",
          unit: "personnel",
          a: { id: "ru-navy-personnel", value: 150000, qualifier: "exact", unit: "personnel", basis: "reported", counts: "Russia's navy personnel", period: P },
          b: { id: "ua-navy-personnel", value: 15000, qualifier: "exact", unit: "personnel", basis: "reported", counts: "Ukraine's navy personnel", period: P },
          missing: null,
          ratio: { value: 10, qualifier: "exact", basis: "derived", explanation: "Our arithmetic: 150,000 ÷ 15,000", figure: null },
          caveat: null,
        },
      ],
    },
    {
      id: "land",
      label: "Land",
      categories: [
        {
          id: "tanks",
          label: "Tanks",
          unit: "tanks",
          a: { id: "ru-tanks", value: 13367, qualifier: "exact", unit: "tanks", basis: "reported", counts: "Russia's tanks", period: P },
          b: { id: "ua-tanks", value: null, qualifier: "exact", unit: "tanks", basis: "reported", counts: "Ukraine's tanks", period: P },
          missing: "The article says Russia's tanks outnumber Ukraine's \"by more than six to one\" but gives no count for Ukraine. 13,367 ÷ 6 would be a number it never printed.",
          ratio: { value: 6, qualifier: "more-than", basis: "reported", explanation: "As the article states it", figure: "tanks-ratio" },
          caveat: null,
        },
        {
          id: "artillery",
          label: "Artillery units",
          unit: "artillery units",
          a: { id: "ru-artillery", value: 5934, qualifier: "exact", unit: "artillery units", basis: "reported", counts: "Russia's artillery units", period: P },
          b: { id: "ua-artillery", value: 1962, qualifier: "exact", unit: "artillery units", basis: "reported", counts: "Ukraine's artillery units", period: P },
          missing: null,
          ratio: { value: 3, qualifier: "exact", basis: "derived", explanation: "Our arithmetic: 5,934 ÷ 1,962", figure: null },
          caveat: null,
        },
        {
          id: "armoured",
          label: "Armoured vehicles",
          unit: "armoured vehicles",
          a: { id: "ru-armoured", value: 19783, qualifier: "exact", unit: "armoured vehicles", basis: "reported", counts: "Russia's armoured military vehicles", period: P },
          b: { id: "ua-armoured", value: 2870, qualifier: "exact", unit: "armoured vehicles", basis: "reported", counts: "Ukraine's armoured military vehicles", period: P },
          missing: null,
          ratio: { value: 6.9, qualifier: "exact", basis: "derived", explanation: "Our arithmetic: 19,783 ÷ 2,870", figure: null },
          caveat: null,
        },
      ],
    },
    {
      id: "air",
      label: "Air",
      categories: [
        {
          id: "attack-aircraft",
          label: "Attack aircraft",
          unit: "aircraft",
          a: { id: "ru-attack-aircraft", value: 1328, qualifier: "exact", unit: "aircraft", basis: "reported", counts: "Russia's attack aircraft", period: P },
          b: { id: "ua-attack-aircraft", value: 146, qualifier: "exact", unit: "aircraft", basis: "reported", counts: "Ukraine's attack aircraft", period: P },
          missing: null,
          ratio: { value: 9.1, qualifier: "exact", basis: "derived", explanation: "Our arithmetic: 1,328 ÷ 146", figure: null },
          caveat: null,
        },
        {
          id: "helicopters",
          label: "Helicopters",
          unit: "helicopters",
          a: { id: "ru-helicopters", value: 478, qualifier: "at-least", unit: "helicopters", basis: "reported", counts: "Russia's helicopters (all types)", period: P },
          b: { id: "ua-attack-helicopters", value: 42, qualifier: "exact", unit: "helicopters", basis: "reported", counts: "Ukraine's attack helicopters", period: P },
          missing: null,
          ratio: { value: 11.4, qualifier: "at-least", basis: "derived", explanation: "Our arithmetic: 478 ÷ 42", figure: null },
          caveat: "Russia's count is all helicopters (\"at least 478\"); Ukraine's is attack helicopters only. They may not count the same thing.",
        },
      ],
    },
    {
      id: "sea",
      label: "Sea",
      categories: [
        {
          id: "warships",
          label: "Warships",
          unit: "warships",
          a: { id: "ru-warships", value: 74, qualifier: "exact", unit: "warships", basis: "reported", counts: "Russia's warships", period: P },
          b: { id: "ua-warships", value: 2, qualifier: "exact", unit: "warships", basis: "reported", counts: "Ukraine's warships", period: P },
          missing: null,
          ratio: { value: 37, qualifier: "exact", basis: "derived", explanation: "Our arithmetic: 74 ÷ 2", figure: null },
          caveat: null,
        },
        {
          id: "submarines",
          label: "Submarines",
          unit: "submarines",
          a: { id: "ru-submarines", value: 51, qualifier: "exact", unit: "submarines", basis: "reported", counts: "Russia's submarines", period: P },
          b: { id: "ua-submarines", value: 0, qualifier: "exact", unit: "submarines", basis: "reported", counts: "Ukraine's submarines", period: P },
          missing: null,
          ratio: null,
          caveat: null,
        },
      ],
    },
  ],
};
