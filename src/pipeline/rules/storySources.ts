/**
 * Editorial rule: every story step names its sources. A step's sources are its own
 * `sources`, the sources of the figures its text and notes use ({figure-id}) and its
 * quote's source; a step with none at all makes claims readers cannot trace.
 */
import type { Ledger, LedgerFileName, StoryStep } from "../../schema/ledger.ts";
import { figuresIn, stepSourceIds } from "../derive/stepSources.ts";
import type { LedgerProblem } from "../LedgerError.ts";
import { problemAt, type LoadedFile } from "../loadLedger.ts";

export function checkStorySources(ledger: Ledger, files: Record<LedgerFileName, LoadedFile>): LedgerProblem[] {
  const known = new Set(ledger.figures.map((f) => f.id));
  // A {figure-id} that names no figure is reported by the cross-checks; its sources are unknown, not absent.
  const unknownFigure = (s: StoryStep) => [...figuresIn(s.text), ...figuresIn(s.notes)].some((id) => !known.has(id));
  return ledger.story.steps.flatMap((s, i) =>
    stepSourceIds(ledger, s).length > 0 || unknownFigure(s)
      ? []
      : [
          problemAt(
            files["story.yaml"],
            ["steps", i, "sources"],
            "the step has no source: it uses no {figure-id}, quotes nothing and lists no sources; give sources, the ids of the articles its prose draws on",
          ),
        ],
  );
}
