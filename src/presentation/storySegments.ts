/**
 * Story text → segments: plain text, and {figure-id} placeholders resolved to the
 * figure's value with its qualifier ("more than 194,000"), so no number is typed twice.
 * Punctuation touching a placeholder ("(98,000)," ) travels with the figure, so a line
 * never breaks between a number and its bracket or comma.
 */
import { formatFigure, type Formattable } from "../format/formatFigure.ts";

export type StorySegment =
  | { kind: "text"; text: string }
  | {
      kind: "figure";
      id: string;
      /** "more than 194,000"; null while the figures load, or when the id names no figure. */
      label: string | null;
      /** False when the figures are loaded and none has this id. */
      known: boolean;
      /** Opening punctuation right before the placeholder: "(". */
      before: string;
      /** Closing punctuation right after it: ")," . */
      after: string;
    };

/** A figure id in braces; other braces ("{ b }") are text. The pipeline checks every placeholder names a figure. */
const PLACEHOLDER = /\{([a-z0-9]+(?:-[a-z0-9]+)*)\}/g;
const OPENING = /[([“‘"']+$/u;
const CLOSING = /^[)\].,;:!?”’"'%]+/u;

export function storySegments(text: string, figures: ReadonlyMap<string, Formattable> | null): StorySegment[] {
  const out: StorySegment[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index;
    let before = "";
    if (at > last) {
      let chunk = text.slice(last, at);
      before = OPENING.exec(chunk)?.[0] ?? "";
      chunk = chunk.slice(0, chunk.length - before.length);
      if (chunk) out.push({ kind: "text", text: chunk });
    }
    const end = at + m[0].length;
    const rest = text.slice(end);
    // The next placeholder's opening punctuation is its own; stop at the next "{".
    const after = CLOSING.exec(rest.split("{", 1)[0]!)?.[0] ?? "";
    const id = m[1]!;
    const figure = figures?.get(id);
    out.push({
      kind: "figure",
      id,
      label: figure ? formatFigure(figure) : null,
      known: figures === null || figure !== undefined,
      before,
      after,
    });
    last = end + after.length;
  }
  if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  return out;
}
