/**
 * What a reader must see beside the numbers, as a printed graphic's footnotes do: each
 * caveat by the marker drawn at its number, and the corrections to what was published.
 * Caveats are always on screen, never behind a click; corrections show as one line
 * with the graphic (when, how many) that opens to what changed and why.
 */
import type { CaveatNote, CorrectionNote } from "../schema/datasets.ts";
import { formatDate, latestDate } from "./sourceLine.ts";

/** The caveats and corrections printed under a graphic or a step. */
export interface GraphicNotes {
  caveats: readonly CaveatNote[];
  corrections: readonly CorrectionNote[];
}

export function Notes({ caveats, corrections, className = "notes" }: GraphicNotes & { className?: string }) {
  if (caveats.length === 0 && corrections.length === 0) return null;
  return (
    <div className={className} data-notes>
      {caveats.length > 0 && (
        <ul className="notes__caveats" aria-label="Notes">
          {caveats.map((c) => (
            <li key={c.marker} data-caveat-marker={c.marker}>
              <span className="notes__marker">{c.marker}</span> {c.text}
            </li>
          ))}
        </ul>
      )}
      {corrections.length > 0 && (
        <details className="notes__corrections">
          <summary>
            <strong>Corrected {formatDate(latestDate(corrections.map((c) => c.date))!)}</strong>:{" "}
            {corrections.length === 1 ? "what changed and why" : `${corrections.length} changes, and why`}
          </summary>
          <ul>
            {corrections.map((c) => (
              <Correction key={c.id} correction={c} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** One correction, as a list item: when, what changed, and why. */
export function Correction({ correction: c, id }: { correction: CorrectionNote; id?: string }) {
  return (
    <li id={id} data-correction={c.id}>
      <p>
        <strong>{formatDate(c.date)}:</strong> {c.change}
      </p>
      <p className="notes__why">{c.reason}</p>
    </li>
  );
}

/** The notes as lines of plain text, for an exported image: "* The same article…", "Correction, 28 Nov 2026: …". */
export function noteLines({ caveats, corrections }: GraphicNotes): string[] {
  return [
    ...caveats.map((c) => `${c.marker} ${c.text}`),
    ...corrections.map((c) => `Correction, ${formatDate(c.date)}: ${c.change}`),
  ];
}

/** The marker to draw at each figure a caveat is on: figure id → "*". */
export function markersByFigure(caveats: readonly CaveatNote[]): ReadonlyMap<string, string> {
  return new Map(caveats.flatMap((c) => c.figures.map((id) => [id, c.marker] as const)));
}
