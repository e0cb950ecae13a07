/**
 * Which graphics and story steps each correction affects, so readers see it with
 * them. A figure affects every graphic that draws it (exit-routes: a route's figure,
 * related figures, the total; border-stops: a bar's count and rate, an annotation;
 * forces: either side or the stated ratio; week-breakdown: a part or the total) and
 * every step whose text or notes use it. A text key affects its graphic (routes,
 * places, stances, events: the map), its step, or, for a source, every graphic that
 * credits it and every step that draws on it.
 */
import type { CorrectionNote, CorrectionRecord } from "../../schema/datasets.ts";
import type { Correction, GraphicId, Graphics, Ledger } from "../../schema/ledger.ts";
import { coversKey, ledgerTexts, type Published } from "../publication.ts";
import { figuresIn, stepSourceIds } from "./stepSources.ts";

const GRAPHIC_OF: Record<keyof Graphics, GraphicId> = {
  exitRoutes: "exit-routes",
  borderStops: "border-stops",
  forces: "forces",
  weekBreakdown: "week-breakdown",
};
const ALL_GRAPHICS = Object.values(GRAPHIC_OF);

/** The figures each graphic draws. */
export function figuresDrawn(ledger: Ledger): Record<GraphicId, Set<string>> {
  const g = ledger.graphics;
  const ids = (...list: (string | null | undefined)[]) => new Set(list.filter((x): x is string => !!x));
  return {
    "exit-routes": ids(...ledger.routes.flatMap((r) => [r.figure, ...r.related]), g.exitRoutes.total),
    "border-stops": ids(
      ...g.borderStops.bars.flatMap((b) => [b.figure, b.perMonth]),
      ...g.borderStops.annotations.map((a) => a.figure),
    ),
    forces: ids(...g.forces.groups.flatMap((x) => x.categories.flatMap((c) => [c.a, c.b, c.statedRatio]))),
    "week-breakdown": ids(...g.weekBreakdown.parts, g.weekBreakdown.total),
  };
}

export interface Effects {
  graphics: GraphicId[];
  steps: string[];
}

export function correctionEffects(ledger: Ledger, published: Published | null): Map<string, Effects> {
  const drawn = figuresDrawn(ledger);
  const steps = ledger.story.steps;
  const stepIds = steps.map((s) => s.id);
  const keys = new Set([...ledgerTexts(ledger).texts.keys(), ...Object.keys(published?.texts ?? {})]);

  const ofKey = (key: string): Effects => {
    const [head, id] = key.split("/");
    switch (head) {
      case "graphics":
        return { graphics: id ? [GRAPHIC_OF[id as keyof Graphics]].filter(Boolean) : ALL_GRAPHICS, steps: [] };
      case "routes":
      case "places":
      case "stances":
      case "events":
        return { graphics: ["exit-routes"], steps: [] };
      case "story":
        return { graphics: [], steps: id && id !== "title" ? stepIds.filter((s) => s === id) : stepIds };
      case "sources":
        return {
          graphics: (Object.keys(GRAPHIC_OF) as (keyof Graphics)[])
            .filter((k) => !id || ledger.graphics[k].sources.includes(id))
            .map((k) => GRAPHIC_OF[k]),
          steps: steps.filter((s) => !id || stepSourceIds(ledger, s).includes(id)).map((s) => s.id),
        };
      default:
        return { graphics: [], steps: [] };
    }
  };

  const out = new Map<string, Effects>();
  for (const c of ledger.corrections) {
    const graphics = new Set<GraphicId>();
    const affected = new Set<string>();
    for (const id of c.figures) {
      for (const g of ALL_GRAPHICS) if (drawn[g].has(id)) graphics.add(g);
      for (const s of steps) if ([...figuresIn(s.text), ...figuresIn(s.notes)].includes(id)) affected.add(s.id);
    }
    for (const entry of c.texts)
      for (const key of keys)
        if (coversKey(entry, key)) {
          const e = ofKey(key);
          e.graphics.forEach((g) => graphics.add(g));
          e.steps.forEach((s) => affected.add(s));
        }
    out.set(c.id, {
      graphics: ALL_GRAPHICS.filter((g) => graphics.has(g)),
      steps: stepIds.filter((s) => affected.has(s)),
    });
  }
  return out;
}

export const correctionNote = (c: Correction): CorrectionNote => ({
  id: c.id,
  date: c.date,
  change: c.change,
  reason: c.reason,
});

export const correctionRecord = (c: Correction, e: Effects): CorrectionRecord => ({
  ...correctionNote(c),
  figures: c.figures,
  texts: c.texts,
  graphics: e.graphics,
  steps: e.steps,
});
