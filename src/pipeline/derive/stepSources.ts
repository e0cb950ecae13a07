/** The articles behind a story step, and the figures its prose uses. */
import type { Ledger, StoryStep } from "../../schema/ledger.ts";

/** The figure ids a story text writes as {figure-id}, in order. */
export const figuresIn = (text: string): string[] => [...text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);

/** Source ids of a figure's quotes; for a derived figure, of its inputs'. */
export function figureSources(ledger: Ledger, id: string, seen = new Set<string>()): string[] {
  const f = ledger.figures.find((x) => x.id === id);
  if (!f || seen.has(id)) return [];
  seen.add(id);
  return f.derivation
    ? f.derivation.inputs.flatMap((i) => figureSources(ledger, i, seen))
    : f.citations.map((c) => c.source);
}

/**
 * A step's sources, each once, in first-mention order: its own `sources`, then those
 * of the figures its text and then its notes use, then its quote's.
 */
export function stepSourceIds(ledger: Ledger, step: StoryStep): string[] {
  const ids = [
    ...step.sources,
    ...[...figuresIn(step.text), ...figuresIn(step.notes)].flatMap((id) => figureSources(ledger, id)),
    ...(step.quote ? [step.quote.source] : []),
  ];
  return [...new Set(ids)];
}
