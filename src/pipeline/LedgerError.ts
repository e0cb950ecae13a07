/** One problem in the ledger, located precisely enough to fix without searching. */
export interface LedgerProblem {
  /** Ledger file name, e.g. "figures.yaml", or the archived text's name. */
  file: string;
  /** 1-based line and column, when the problem has a place in the file. */
  line?: number;
  column?: number;
  /** Field path, e.g. "figures[3].citations[0].quote". */
  field?: string;
  message: string;
}

export function formatProblem(p: LedgerProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return p.field ? `${where}: ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Thrown to stop a pipeline run; carries every problem found so far. */
export class LedgerError extends Error {
  constructor(readonly problems: LedgerProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in the ledger:\n` +
        problems.map(formatProblem).join("\n"),
    );
    this.name = "LedgerError";
  }
}
