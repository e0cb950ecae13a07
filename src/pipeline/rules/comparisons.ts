/**
 * Editorial rule: a ratio or comparison only between figures that count the same
 * thing. Two figures count the same thing when their `measure`s are equal.
 *
 * - A derived figure with formula `ratio` needs both inputs measured alike.
 * - A forces category computes a ratio (compare, the default) only between figures
 *   measured alike; `compare: false` shows them side by side without one.
 * - The pipeline names a category's ratio figure `forces-<category>-ratio`; that id
 *   must be free in figures.yaml.
 */
import type { Figure, Ledger, LedgerFileName } from "../../schema/ledger.ts";
import { forceRatioId } from "../derive/forceRatios.ts";
import type { LedgerProblem } from "../LedgerError.ts";
import { problemAt, type LoadedFile } from "../loadLedger.ts";

const measured = (f: Figure) => (f.measure ? `measures "${f.measure}"` : "has no measure");
const measure = (f: Figure) => (f.measure ? `measure "${f.measure}"` : "no measure");

export function checkComparisons(ledger: Ledger, files: Record<LedgerFileName, LoadedFile>): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const figures = new Map<string, Figure>();
  for (const f of ledger.figures) if (!figures.has(f.id)) figures.set(f.id, f);

  ledger.figures.forEach((f, i) => {
    const d = f.derivation;
    if (d?.formula !== "ratio" || d.inputs.length !== 2) return;
    const [a, b] = d.inputs.map((id) => figures.get(id));
    if (!a || !b) return; // an unknown input: reported by the cross-checks
    if (!a.measure || !b.measure || a.measure !== b.measure)
      problems.push(
        problemAt(
          files["figures.yaml"],
          ["figures", i, "derivation", "inputs"],
          `a ratio needs its inputs to count the same thing: ${a.id} ${measured(a)}, ${b.id} ${measured(b)}`,
        ),
      );
  });

  ledger.graphics.forces.groups.forEach((group, i) =>
    group.categories.forEach((c, j) => {
      const cp = ["graphics", "forces", "groups", i, "categories", j];
      const generated = forceRatioId(c.id);
      if (figures.has(generated))
        problems.push(
          problemAt(
            files["graphics.yaml"],
            [...cp, "id"],
            `the pipeline names this category's ratio figure "${generated}", which figures.yaml already uses: rename that figure`,
          ),
        );
      const a = figures.get(c.a);
      const b = figures.get(c.b);
      if (!c.compare || !a || !b) return;
      if (!a.measure || !b.measure || a.measure !== b.measure)
        problems.push(
          problemAt(
            files["graphics.yaml"],
            [...cp, "b"],
            `compares ${a.id} (${measure(a)}) with ${b.id} (${measure(b)}); a ratio needs the same measure: set compare: false to show them side by side without one`,
          ),
        );
    }),
  );
  return problems;
}
