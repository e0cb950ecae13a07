/**
 * Map scaling: the real exit-routes dataset with its routes multiplied to `count`
 * flows. Each generated flow joins a real origin to another real place (one leg, a
 * real mode), has a figure of 10 to 100,000 people and a real route's citations, in
 * one of the real periods. The result passes the app's dataset schema, so the app
 * draws it as it would real data.
 */
import { ExitRoutesDataset, type FigureRef, type RouteRecord } from "../../src/schema/datasets.ts";
import { seeded } from "./random.ts";

const MODES = ["road", "sea", "air", "foot"] as const;

export function withGeneratedFlows(real: ExitRoutesDataset, count: number, seed = 2022): ExitRoutesDataset {
  const random = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const origins = [...new Set(real.routes.map((r) => r.path[0]!))];
  const places = real.places.map((p) => p.id);
  const templates = real.routes.filter((r) => r.layer === "flow");
  const routes: RouteRecord[] = [...real.routes];
  for (let i = routes.length; i < count; i++) {
    const from = pick(origins);
    const to = pick(places.filter((p) => p !== from));
    const mode = pick(MODES);
    const template = pick(templates);
    const value = Math.round(10 * 10 ** (random() * 4));
    const figure: FigureRef = {
      id: `generated-${i}`,
      value,
      qualifier: "exact",
      unit: "people",
      basis: "reported",
      counts: "Generated flow (benchmark)",
      period: template.figure?.period ?? "2022",
      caveat: null,
      marker: null,
    };
    routes.push({
      id: `generated-${i}`,
      label: `Generated flow ${i}`,
      period: template.period,
      layer: "flow",
      modes: [mode],
      path: [from, to],
      legs: [{ from, to, mode }],
      figure,
      related: [],
      citations: template.citations,
      notes: [],
    });
  }
  return ExitRoutesDataset.parse({ ...real, routes });
}
