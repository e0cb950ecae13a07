/**
 * Editorial rule: a caveat recorded on a figure is shown wherever the figure is drawn,
 * so the figures that need one must have one.
 *
 * - `readings` (another reading of the same printed number) and `conflicts` (the same
 *   quantity stated differently) name existing figures, go both ways, and oblige the
 *   figure to carry a `caveat` telling readers about the other figure.
 * - A border-stop bar counts what the chart's `subject` says ("Russians stopped"); a
 *   bar whose `counts` is worded otherwise needs a caveat saying so.
 */
import type { Ledger, LedgerFileName } from "../../schema/ledger.ts";
import type { LedgerProblem } from "../LedgerError.ts";
import { problemAt, type LoadedFile } from "../loadLedger.ts";
import { normaliseText } from "../normalise.ts";

const RELATIONS = {
  readings: "another reading of the same printed number",
  conflicts: "stating the same quantity differently",
} as const;

/** Lower case, dashes and quotes normalised: "US–Mexico" and "us-mexico" read alike. */
export const wording = (s: string) => normaliseText(s).toLowerCase();

export function checkCaveats(ledger: Ledger, files: Record<LedgerFileName, LoadedFile>): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const at = (file: LedgerFileName, p: (string | number)[], message: string) =>
    problems.push(problemAt(files[file], p, message));
  const index = new Map<string, number>();
  ledger.figures.forEach((f, i) => {
    if (!index.has(f.id)) index.set(f.id, i);
  });

  ledger.figures.forEach((f, i) => {
    for (const rel of ["readings", "conflicts"] as const) {
      f[rel].forEach((id, j) => {
        const other = index.get(id);
        if (id === f.id) at("figures.yaml", ["figures", i, rel, j], `a figure cannot list itself in ${rel}`);
        else if (other === undefined) at("figures.yaml", ["figures", i, rel, j], `unknown figure "${id}"`);
        else if (!ledger.figures[other]![rel].includes(f.id))
          at(
            "figures.yaml",
            ["figures", other, rel],
            `must list ${f.id}: ${f.id} lists ${id} in ${rel} (${RELATIONS[rel]}), and the relation goes both ways`,
          );
      });
    }
    const rel = f.readings.length > 0 ? "readings" : f.conflicts.length > 0 ? "conflicts" : null;
    if (rel && !f.caveat)
      at(
        "figures.yaml",
        ["figures", i, rel],
        `lists ${rel} (${RELATIONS[rel]}), so it needs a caveat: tell readers, wherever the figure is drawn, what the other figure says`,
      );
  });

  const g = ledger.graphics.borderStops;
  const subject = wording(g.subject);
  const seen = new Set<string>();
  for (const b of g.bars)
    for (const id of [b.figure, b.perMonth]) {
      const i = id === undefined ? undefined : index.get(id);
      if (i === undefined || seen.has(id!)) continue;
      seen.add(id!);
      const f = ledger.figures[i]!;
      if (!wording(f.counts).includes(subject) && !f.caveat)
        at(
          "figures.yaml",
          ["figures", i, "counts"],
          `does not say "${g.subject}", the border-stop chart's subject (graphics.yaml), yet the chart draws it as a bar: give the figure a caveat saying how what it counts differs`,
        );
    }
  return problems;
}
