/**
 * The editorial rules (DESIGN.md): the checks that hold the screen to what the
 * sources say, run after the cross-checks on a ledger whose references resolve.
 */
import type { Ledger, LedgerFileName } from "../../schema/ledger.ts";
import type { LedgerProblem } from "../LedgerError.ts";
import type { LoadedFile } from "../loadLedger.ts";
import { checkCaveats } from "./caveats.ts";
import { checkComparisons } from "./comparisons.ts";
import { checkCorrections, type PublishedRecord } from "./corrections.ts";
import { checkPlaces } from "./places.ts";
import { checkStorySources } from "./storySources.ts";

export function checkEditorialRules(
  ledger: Ledger,
  files: Record<LedgerFileName, LoadedFile>,
  published: PublishedRecord | null,
): LedgerProblem[] {
  return [
    ...checkCaveats(ledger, files),
    ...checkComparisons(ledger, files),
    ...checkPlaces(ledger, files),
    ...checkStorySources(ledger, files),
    ...checkCorrections(ledger, files, published),
  ];
}
