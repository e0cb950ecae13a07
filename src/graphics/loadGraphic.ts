/**
 * Graphic definitions, by id, from the modules the registry names: each in its own
 * chunk, so a page loads the graphics it shows and no others. A page awaits its
 * graphics before it hydrates (their chunks are preloaded by its HTML, so this costs no
 * round trip): the prerendered markup is then hydrated in one pass, with no Suspense
 * boundary for React to complete (which the static renderer would do with inline
 * scripts, which the Content Security Policy forbids).
 */
import type { GraphicDefinition } from "./GraphicView.tsx";
import { GRAPHICS, type GraphicId } from "./registry.ts";

const modules = import.meta.glob<{ default: GraphicDefinition }>("./*Graphic.tsx");

export type GraphicDefinitions = ReadonlyMap<GraphicId, GraphicDefinition>;

export function loadGraphic<G extends GraphicId>(id: G): Promise<GraphicDefinition<G>> {
  const load = modules[`./${GRAPHICS[id].module}`];
  if (!load)
    return Promise.reject(new Error(`The registry names ${GRAPHICS[id].module}, which is not in src/graphics/.`));
  return load().then((m) => m.default as unknown as GraphicDefinition<G>);
}

/** The definitions of `ids`, once all are loaded. */
export async function loadGraphics(ids: readonly GraphicId[]): Promise<GraphicDefinitions> {
  const defs = await Promise.all(ids.map((id) => loadGraphic(id)));
  return new Map(ids.map((id, i) => [id, defs[i]!]));
}
