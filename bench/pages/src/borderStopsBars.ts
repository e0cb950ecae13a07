/**
 * The reference charts' data: the same three bars as the app's border-stop chart,
 * read at run time from the app's own dataset (/data/border-stops.json) like the app
 * does, so every page pays for one fetch and one JSON parse. No validation: the
 * references are the bare libraries.
 *
 * 2020: 467 people in 12 months; 2021: 9,376 in 12 months; January 2022: 1,028 in
 * one month. Drawn as the per-month rate, as the app draws them.
 */
export interface Bar {
  label: string;
  /** People per month (the bar). */
  perMonth: number;
  /** People in the whole period, and its length. */
  total: number;
  months: number;
}

interface Dataset {
  bars: { figure: { value: number; period: string }; perMonth: { value: number }; months: number }[];
}

export async function loadBars(): Promise<Bar[]> {
  const data = (await (await fetch("/data/border-stops.json")).json()) as Dataset;
  return data.bars.map((b) => ({
    label: b.figure.period,
    perMonth: b.perMonth.value,
    total: b.figure.value,
    months: b.months,
  }));
}

export const WIDTH = 640;
export const HEIGHT = 360;
export const MARGIN = { top: 24, right: 16, bottom: 40, left: 56 };
export const TITLE = "Russians stopped at the US–Mexico border, per month";

/** Tells the bench the graphic is drawn (it watches this attribute). */
export const markDrawn = (): void => {
  document.documentElement.dataset.benchDrawn = "true";
};
