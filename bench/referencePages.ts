/** The reference pages in bench/pages/, by file name (bench/vite.config.ts builds them; the bench opens them). */
export const REFERENCE_PAGES = ["d3", "react", "vega-lite", "chartjs", "maplibre"] as const;
export type ReferencePage = (typeof REFERENCE_PAGES)[number];
