/**
 * Editorial rule: a place on the map is named in a quote, or marked as our placement.
 *
 * - `named: true`: the place's name, or one of its aliases, occurs in a cited quote
 *   somewhere in the ledger (case-insensitive, whole words, dashes normalised, so
 *   "US–Mexico border" is found in "US-Mexico border").
 * - `named: false`: the place needs a `placement`, shown to readers as our placement.
 */
import type { Ledger, LedgerFileName } from "../../schema/ledger.ts";
import { collectCitations } from "../checkLedger.ts";
import type { LedgerProblem } from "../LedgerError.ts";
import { problemAt, type LoadedFile } from "../loadLedger.ts";
import { wording } from "./caveats.ts";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Does `name` occur in `text` as whole words (case, dashes and quotes normalised)? */
export function namesPlace(text: string, name: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(wording(name))}(?![\\p{L}\\p{N}])`, "u").test(wording(text));
}

export function checkPlaces(ledger: Ledger, files: Record<LedgerFileName, LoadedFile>): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const quotes = collectCitations(ledger).map((c) => c.quote);
  ledger.places.forEach((p, i) => {
    if (p.named) {
      if (![p.name, ...p.aliases].some((name) => quotes.some((q) => namesPlace(q, name))))
        problems.push(
          problemAt(
            files["places.yaml"],
            ["places", i, "name"],
            `"${p.name}" is not in any cited quote: quote the article that names it, or set named: false and give placement`,
          ),
        );
    } else if (!p.placement)
      problems.push(
        problemAt(
          files["places.yaml"],
          ["places", i, "named"],
          "is false, so the place needs a placement: say why we put the point here (readers see it as our placement)",
        ),
      );
  });
  return problems;
}
