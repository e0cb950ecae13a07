/**
 * Pipeline scaling: a copy of the real ledger (data/*.yaml, data/*.json) with `extra` generated
 * context figures appended to figures.yaml. Each is a real figure (value, printed
 * number, unit, place, period, qualifier) under a new id, citing the real quote, so
 * it passes every check, quote verification included.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";

interface TemplateFigure {
  value: number | null;
  printed?: string;
  unit: string;
  counts: string;
  place: string | null;
  period: string;
  qualifier: string;
  basis: string;
  citations?: { source: string; quote: string }[];
}

/** Writes the ledger to `outDir`; returns the number of figures in it. */
export async function generateLedger(dataDir: string, outDir: string, extra: number): Promise<number> {
  await mkdir(outDir, { recursive: true });
  for (const f of await readdir(dataDir))
    // The YAML ledger and the committed records beside it (the quote lock, the last publication).
    if (/\.(yaml|json)$/.test(f)) await copyFile(path.join(dataDir, f), path.join(outDir, f));
  const text = await readFile(path.join(dataDir, "figures.yaml"), "utf8");
  const figures = (parse(text) as { figures: TemplateFigure[] }).figures;
  if (extra === 0) return figures.length;
  const templates = figures.filter(
    (f) => f.value !== null && f.basis !== "derived" && f.printed !== undefined && (f.citations?.length ?? 0) > 0,
  );
  const q = (s: string) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar
  const lines: string[] = [];
  for (let i = 0; i < extra; i++) {
    const t = templates[i % templates.length]!;
    const c = t.citations![0]!;
    lines.push(
      `  - id: generated-${i + 1}`,
      `    value: ${t.value}`,
      `    printed: ${q(t.printed!)}`,
      `    unit: ${q(t.unit)}`,
      `    counts: ${q(t.counts)}`,
      `    place: ${t.place === null ? "null" : q(t.place)}`,
      `    period: ${q(t.period)}`,
      `    qualifier: ${t.qualifier}`,
      `    basis: context`,
      `    citations:`,
      `      - source: ${q(c.source)}`,
      `        quote: ${q(c.quote)}`,
    );
  }
  // Append to the `figures:` list, before the file's next top-level key.
  const next = [...text.matchAll(/^([a-z]\w*):/gm)].find((m) => m[1] !== "figures")?.index;
  const block = lines.join("\n") + "\n";
  const out =
    next === undefined
      ? `${text.trimEnd()}\n${block}`
      : `${text.slice(0, next).trimEnd()}\n${block}\n${text.slice(next)}`;
  await writeFile(path.join(outDir, "figures.yaml"), out);
  return figures.length + extra;
}
