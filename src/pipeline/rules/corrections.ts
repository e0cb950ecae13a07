/**
 * Editorial rule: a change to what was published needs an entry in the corrections
 * log. The ledger is compared with data/published.json (the last publication); every
 * published figure field or text key that changed or disappeared must be named by a
 * pending correction (one in data/corrections.yaml that the publication does not list
 * yet). Additions need none. A published correction is never edited or removed.
 */
import type { Ledger, LedgerFileName } from "../../schema/ledger.ts";
import type { LedgerProblem } from "../LedgerError.ts";
import { problemAt, type LoadedFile, type LocatedFile } from "../loadLedger.ts";
import {
  correctionHash,
  coversKey,
  figureSnapshot,
  ledgerTexts,
  PUBLISHED_FIGURE_FIELDS,
  PUBLISHED_FILE,
  type Anchor,
  type Published,
} from "../publication.ts";

type Path = (string | number)[];

/** A published value that is absent (null, empty list) was never shown: filling it is an addition. */
const absent = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown) => JSON.stringify(v);

export interface PublishedRecord {
  value: Published;
  file: LocatedFile;
}

export function checkCorrections(
  ledger: Ledger,
  files: Record<LedgerFileName, LoadedFile>,
  published: PublishedRecord | null,
): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const at = (file: LedgerFileName, p: Path, message: string) => problems.push(problemAt(files[file], p, message));
  const { texts, anchors } = ledgerTexts(ledger);
  const figureIndex = new Map(ledger.figures.map((f, i) => [f.id, i]));
  const pub = published?.value;
  const publishedKeys = Object.keys(pub?.texts ?? {});

  // What a pending entry names must exist, now or in the last publication. (A published
  // entry may name what has since gone: it was there when the entry was published.)
  ledger.corrections.forEach((c, i) => {
    if (pub?.corrections.includes(c.id)) return;
    c.figures.forEach((id, j) => {
      if (!figureIndex.has(id) && !(pub && id in pub.figures))
        at(
          "corrections.yaml",
          ["corrections", i, "figures", j],
          `unknown figure "${id}": not in figures.yaml, nor in the last publication`,
        );
    });
    c.texts.forEach((key, j) => {
      if (![...texts.keys(), ...publishedKeys].some((k) => coversKey(key, k)))
        at(
          "corrections.yaml",
          ["corrections", i, "texts", j],
          `"${key}" names no text, now or in the last publication: a key is a slash path such as places/russia/name or story/alaska`,
        );
    });
  });
  if (!pub) return problems;

  const where = `data/${PUBLISHED_FILE}, ${pub.date}`;
  // Published corrections stay as they were published.
  const current = new Map(ledger.corrections.map((c, i) => [c.id, { c, i }]));
  for (const id of pub.corrections) {
    const found = current.get(id);
    if (!found)
      at(
        "corrections.yaml",
        ["corrections"],
        `the published correction "${id}" is missing (${where}): a correction readers have seen may not be removed; restore it`,
      );
    else if (pub.correctionHashes[id] !== undefined && pub.correctionHashes[id] !== correctionHash(found.c))
      at(
        "corrections.yaml",
        ["corrections", found.i],
        `"${id}" was published (${where}) and may not be edited: restore it as published and add a new correction`,
      );
  }

  const pending = ledger.corrections.filter((c) => !pub.corrections.includes(c.id));
  const figureCovered = (id: string) => pending.some((c) => c.figures.includes(id));
  const textCovered = (key: string) => pending.some((c) => c.texts.some((entry) => coversKey(entry, key)));
  const undo = (what: string) => `add an entry to data/corrections.yaml naming ${what}, or undo the change`;

  for (const [id, before] of Object.entries(pub.figures)) {
    const i = figureIndex.get(id);
    if (i === undefined) {
      if (!figureCovered(id))
        at("figures.yaml", ["figures"], `"${id}" was published (${where}) and is no longer in the ledger: ${undo(id)}`);
      continue;
    }
    if (figureCovered(id)) continue;
    const now = figureSnapshot(ledger.figures[i]!);
    for (const field of PUBLISHED_FIGURE_FIELDS) {
      const was = before[field];
      const is = now[field];
      if (absent(was) || same(was, is)) continue;
      at(
        "figures.yaml",
        ["figures", i, field],
        absent(is)
          ? `removed since the last publication (${where}; it was ${show(was)}): ${undo(id)}`
          : `changed from ${show(was)} to ${show(is)} since the last publication (${where}): ${undo(id)}`,
      );
    }
  }

  for (const [key, was] of Object.entries(pub.texts)) {
    if (textCovered(key)) continue;
    const entry = texts.get(key);
    if (entry && entry.text === was) continue;
    const name = `${key} in its texts`;
    if (entry)
      at(
        entry.file,
        entry.path,
        `changed from ${show(was)} to ${show(entry.text)} since the last publication (${where}): ${undo(name)}`,
      );
    else {
      const { file, path } = anchorOf(key, anchors);
      at(file, path, `removed since the last publication (${where}; it was ${show(was)}): ${undo(name)}`);
    }
  }
  return problems;
}

/** Where a key whose text is gone should be reported: its field in the nearest record that remains. */
function anchorOf(key: string, anchors: ReadonlyMap<string, Anchor>): Anchor {
  const segments = key.split("/");
  for (let n = segments.length - 1; n >= 1; n--) {
    const anchor = anchors.get(segments.slice(0, n).join("/"));
    if (anchor)
      return { file: anchor.file, path: n === segments.length - 1 ? [...anchor.path, segments[n]!] : anchor.path };
  }
  return { file: "story.yaml", path: [] };
}
