/**
 * An `ignored` entry (figures.yaml) says why a number printed in an article is left
 * out of the ledger. One that matches no number the coverage report finds in its
 * source's archived text accounts for nothing: it is misspelt, or the number is gone.
 * Checked when the archived texts are given.
 */
import type { Ledger, LedgerFileName } from "../../schema/ledger.ts";
import type { LedgerProblem } from "../LedgerError.ts";
import { problemAt, type LoadedFile } from "../loadLedger.ts";
import { findNumbers } from "../numbers.ts";

/** `texts`: normalised archived text by source id (sources whose archive could not be read are absent). */
export function checkIgnored(
  ledger: Ledger,
  files: Record<LedgerFileName, LoadedFile>,
  texts: ReadonlyMap<string, string>,
): LedgerProblem[] {
  const found = new Map<string, Set<string>>();
  for (const [id, text] of texts) found.set(id, new Set(findNumbers(text).map((n) => n.text.toLowerCase())));
  const file = new Map(ledger.sources.map((s) => [s.id, s.file]));
  return ledger.ignored.flatMap((g, i) => {
    const numbers = found.get(g.source);
    if (!numbers || numbers.has(g.printed.toLowerCase())) return [];
    return [
      problemAt(
        files["figures.yaml"],
        ["ignored", i, "printed"],
        `"${g.printed}" matches no number in ${file.get(g.source)}`,
      ),
    ];
  });
}
