/**
 * The coverage report: every number printed in an archived article, with its
 * sentence, and whether the ledger accounts for it (quoted by a record, or
 * deliberately ignored). A journalist adding an article sees what is left to do.
 */
import type { Ledger } from "../schema/ledger.ts";
import { collectCitations } from "./checkLedger.ts";
import { normaliseText } from "./normalise.ts";
import { findNumbers } from "./numbers.ts";

export interface CoverageRow {
  source: string;
  number: string;
  sentence: string;
  status: "quoted" | "ignored" | "unaccounted";
  /** Where it is accounted for: a field path of the quoting record, or the ignore reason. */
  by: string;
}

function sentenceAround(text: string, start: number, end: number): string {
  const stop = text.lastIndexOf(". ", start);
  const from = Math.max(stop === -1 ? 0 : stop + 2, start - 120, 0);
  let to = text.indexOf(". ", end);
  if (to === -1 || to > end + 120) to = Math.min(text.length, end + 120);
  return text.slice(from, to + 1).trim();
}

export function coverageReport(
  ledger: Ledger,
  texts: ReadonlyMap<string, string>,
  only?: readonly string[],
): CoverageRow[] {
  const rows: CoverageRow[] = [];
  const citations = collectCitations(ledger);
  for (const source of ledger.sources) {
    if (only && only.length > 0 && !only.includes(source.id) && !only.includes(source.file)) continue;
    const text = texts.get(source.id);
    if (text === undefined) continue;
    const spans: { start: number; end: number; by: string }[] = [];
    for (const c of citations.filter((c) => c.source === source.id)) {
      const q = normaliseText(c.quote);
      for (let i = text.indexOf(q); i !== -1; i = text.indexOf(q, i + 1))
        spans.push({ start: i, end: i + q.length, by: `${c.file} ${c.path.join(".")}` });
    }
    const ignored = ledger.ignored.filter((g) => g.source === source.id);
    for (const n of findNumbers(text)) {
      const span = spans.find((s) => n.start >= s.start && n.end <= s.end);
      const ignore = ignored.find((g) => g.printed.toLowerCase() === n.text.toLowerCase());
      rows.push({
        source: source.id,
        number: n.text,
        sentence: sentenceAround(text, n.start, n.end),
        status: span ? "quoted" : ignore ? "ignored" : "unaccounted",
        by: span ? span.by : ignore ? ignore.why : "",
      });
    }
  }
  return rows;
}
