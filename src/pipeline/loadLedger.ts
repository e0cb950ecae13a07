/** Reads the YAML ledger, validates every file against src/schema, and locates each problem. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isNode, LineCounter, parseDocument, visit, type Document } from "yaml";
import { LEDGER_FILE_NAMES, LedgerFiles, type Ledger, type LedgerFileName } from "../schema/ledger.ts";
import { formatPath, LedgerError, type LedgerProblem } from "./LedgerError.ts";

/** A parsed file whose problems can be located: a ledger YAML file or a committed JSON record. */
export interface LocatedFile {
  name: string;
  doc: Document;
  lines: LineCounter;
}

export interface LoadedFile extends LocatedFile {
  name: LedgerFileName;
}

/** Finds the line and column of a field path in a parsed file (or of its nearest existing parent). */
export function locate(file: LocatedFile, fieldPath: readonly PropertyKey[]): { line: number; column: number } {
  for (let n = fieldPath.length; n >= 0; n--) {
    const node = file.doc.getIn(fieldPath.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) {
      const pos = file.lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

export function problemAt(file: LocatedFile, fieldPath: readonly PropertyKey[], message: string): LedgerProblem {
  return { file: file.name, ...locate(file, fieldPath), field: formatPath(fieldPath), message };
}

export interface LoadedLedger {
  ledger: Ledger;
  files: Record<LedgerFileName, LoadedFile>;
}

/** Loads every ledger file. Throws a LedgerError listing every problem in every file. */
export async function loadLedger(dataDir: string): Promise<LoadedLedger> {
  const problems: LedgerProblem[] = [];
  const files = {} as Record<LedgerFileName, LoadedFile>;
  const values: Partial<Record<LedgerFileName, unknown>> = {};

  for (const name of LEDGER_FILE_NAMES) {
    let text: string;
    try {
      text = await readFile(path.join(dataDir, name), "utf8");
    } catch (err) {
      problems.push({ file: name, message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
      continue;
    }
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const file: LoadedFile = { name, doc, lines };
    files[name] = file;
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const pos = lines.linePos(e.pos[0]);
        problems.push({
          file: name,
          line: pos.line,
          column: pos.col,
          message: `YAML syntax: ${e.message.split("\n")[0]}`,
        });
      }
      continue;
    }
    // An alias whose anchor is missing (or comes after it) is not a syntax error to the
    // YAML parser: toJS() would throw a bare ReferenceError. Report it where it is.
    const unresolved: LedgerProblem[] = [];
    visit(doc, {
      Alias(_key, node) {
        if (node.resolve(doc)) return;
        const pos = lines.linePos(node.range?.[0] ?? 0);
        unresolved.push({
          file: name,
          line: pos.line,
          column: pos.col,
          message: `YAML alias *${node.source} has no anchor &${node.source} before it`,
        });
      },
    });
    if (unresolved.length > 0) {
      problems.push(...unresolved);
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      problems.push({ file: name, line: 1, column: 1, message: `YAML: ${(err as Error).message}` });
      continue;
    }
    const result = LedgerFiles[name].safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        // Point a misspelt key at the key itself, not at the start of its record.
        if (issue.code === "unrecognized_keys")
          for (const key of issue.keys)
            problems.push(problemAt(file, [...issue.path, key], `unknown field "${key}" (misspelt?)`));
        else problems.push(problemAt(file, issue.path, issue.message));
      }
      continue;
    }
    values[name] = result.data;
  }
  if (problems.length > 0) throw new LedgerError(problems);

  const v = values as { [K in LedgerFileName]: import("zod").infer<(typeof LedgerFiles)[K]> };
  const ledger: Ledger = {
    sources: v["sources.yaml"].sources,
    figures: v["figures.yaml"].figures,
    ignored: v["figures.yaml"].ignored,
    places: v["places.yaml"].places,
    stances: v["places.yaml"].stances,
    routes: v["routes.yaml"].routes,
    events: v["routes.yaml"].events,
    graphics: v["graphics.yaml"].graphics,
    story: v["story.yaml"],
    corrections: v["corrections.yaml"].corrections,
  };
  return { ledger, files };
}

/**
 * Reads a committed JSON record beside the ledger (data/published.json,
 * data/quotes.lock.json) and validates it. A missing file is not a problem here
 * (value null): what its absence means is for the caller to say. JSON is YAML, so
 * the same parser locates a problem in it by line and column.
 */
export async function loadJsonRecord<T>(
  dataDir: string,
  name: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } } },
): Promise<{ value: T | null; file: LocatedFile | null; text: string | null; problems: LedgerProblem[] }> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, name), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { value: null, file: null, text: null, problems: [] };
    return {
      value: null,
      file: null,
      text: null,
      problems: [{ file: name, message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` }],
    };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const file: LocatedFile = { name, doc, lines };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return {
      value: null,
      file,
      text,
      problems: [{ file: name, line: 1, column: 1, message: `not valid JSON: ${(err as Error).message}` }],
    };
  }
  const result = schema.safeParse(json);
  if (!result.success)
    return { value: null, file, text, problems: result.error.issues.map((i) => problemAt(file, i.path, i.message)) };
  return { value: result.data, file, text, problems: [] };
}

interface Issue {
  path: PropertyKey[];
  message: string;
}
