/**
 * Writes the datasets, their CSV twins and a manifest of SHA-256 hashes, atomically:
 * everything goes to a temporary folder beside the output, which then replaces it
 * in one rename. A run that fails at any point leaves the previous output as it was.
 */
import { createHash } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DATASET_VERSION, DATASETS, type DatasetName, type Verification } from "../schema/datasets.ts";
import { formatFigure } from "../format/formatFigure.ts";
import type { Datasets } from "./deriveDatasets.ts";

type Cell = string | number | boolean | null;

/** RFC 4180 CSV; cells with commas, quotes or line breaks are quoted. */
export function toCsv(rows: Record<string, Cell>[]): string {
  if (rows.length === 0) return "";
  const cols = Object.keys(rows[0]!);
  const cell = (v: Cell) => {
    const s = v === null ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c] ?? null)).join(","))].join("\n") + "\n";
}

/** Cells joined when a row carries several: " | ". */
const JOIN = " | ";
const distinct = (xs: readonly (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

type Cited = { source: string; quote: string };

/**
 * Where a row's number comes from, from figures.json: each citation's source (headline,
 * outlet or "outlet not named", date) and quote, each once, joined with " | ". A
 * derived figure rests on its inputs' citations.
 */
function provenance(d: Datasets) {
  const records = new Map(d.figures.figures.map((f) => [f.id, f]));
  const sources = new Map(d.figures.sources.map((s) => [s.id, s]));
  const citationsOf = (id: string, seen = new Set<string>()): Cited[] => {
    const f = records.get(id);
    if (!f || seen.has(id)) return [];
    seen.add(id);
    return f.derivation ? f.derivation.inputs.flatMap((i) => citationsOf(i, seen)) : f.citations;
  };
  const cited = (cs: readonly Cited[]) => ({
    source: distinct(
      cs.map((c) => {
        const s = sources.get(c.source);
        return s ? `${s.headline}, ${s.outlet ?? "outlet not named"}, ${s.published}` : c.source;
      }),
    ).join(JOIN),
    quote: distinct(cs.map((c) => c.quote)).join(JOIN),
  });
  return {
    cited,
    /** The sources and quotes of these figures. */
    of: (ids: readonly (string | null | undefined)[]) => cited(ids.flatMap((id) => (id ? citationsOf(id) : []))),
  };
}

/** The CSV twin of each dataset: the rows a reader downloading the data expects, with caveats and sources. */
export function csvTwins(d: Datasets): Record<string, string> {
  const { of: from, cited } = provenance(d);
  const places = new Map(d["exit-routes"].places.map((p) => [p.id, p]));
  const placement = (id: string) => {
    const p = places.get(id);
    return p?.placement ? `${p.name}: ${p.placement}` : null;
  };
  return {
    "exit-routes.csv": toCsv(
      d["exit-routes"].routes.map((r) => {
        const from_ = r.path[0]!;
        const to = r.path[r.path.length - 1]!;
        // A route with a number: where the number comes from; one without: the quotes that show it was taken.
        const prov = r.figure ? from([r.figure.id]) : cited(r.citations);
        return {
          route: r.id,
          label: r.label,
          period: r.period,
          layer: r.layer,
          modes: r.modes.join(" "),
          from: from_,
          to,
          value: r.figure?.value ?? null,
          qualifier: r.figure?.qualifier ?? null,
          as_shown: r.figure ? formatFigure(r.figure) : "no number reported",
          figure_id: r.figure?.id ?? null,
          caveat: r.figure?.caveat ?? null,
          source: prov.source,
          quote: prov.quote,
          placement: distinct([placement(from_), placement(to)]).join(JOIN) || null,
        };
      }),
    ),
    "border-stops.csv": toCsv(
      d["border-stops"].bars.map((b) => ({
        figure_id: b.figure.id,
        period: b.figure.period,
        months: b.months,
        value: b.figure.value,
        qualifier: b.figure.qualifier,
        per_month: b.perMonth.value,
        per_month_basis: b.perMonth.basis,
        caveat: distinct([b.figure.caveat, b.perMonth.caveat]).join(JOIN) || null,
        ...from([b.figure.id]),
      })),
    ),
    "forces.csv": toCsv(
      d.forces.groups.flatMap((g) =>
        g.categories.map((c) => ({
          group: g.label,
          category: c.label,
          unit: c.unit,
          [`${d.forces.sides[0]}_value`.toLowerCase()]: c.a.value,
          [`${d.forces.sides[0]}_qualifier`.toLowerCase()]: c.a.qualifier,
          [`${d.forces.sides[1]}_value`.toLowerCase()]: c.b.value,
          [`${d.forces.sides[1]}_qualifier`.toLowerCase()]: c.b.qualifier,
          ratio: c.ratio?.value ?? null,
          ratio_qualifier: c.ratio?.qualifier ?? null,
          ratio_basis: c.ratio?.basis ?? null,
          comparable: c.comparable,
          missing: c.missing,
          caveat: distinct([c.caveat, c.a.caveat, c.b.caveat]).join(JOIN) || null,
          ...from([c.a.id, c.b.id, c.ratio?.basis === "reported" ? c.ratio.figure : null]),
        })),
      ),
    ),
    "week-breakdown.csv": toCsv(
      [
        ...d["week-breakdown"].parts.map((p) => ({ place: p.place, figure: p.figure })),
        { place: "Total", figure: d["week-breakdown"].total },
      ].map(({ place, figure }) => ({
        place,
        value: figure.value,
        qualifier: figure.qualifier,
        period: figure.period,
        figure_id: figure.id,
        caveat: figure.caveat,
        ...from([figure.id]),
      })),
    ),
    "figures.csv": toCsv(
      d.figures.figures.map((f) => ({
        id: f.id,
        value: f.value,
        printed: f.printed,
        qualifier: f.qualifier,
        unit: f.unit,
        counts: f.counts,
        measure: f.measure,
        place: f.place,
        period: f.periodText,
        basis: f.basis,
        // As readers know the articles (headline, outlet, date), and for a figure we
        // derived, the quotes of the figures it was derived from.
        ...from([f.id]),
        missing: f.missing,
        caveat: f.caveat,
        notes: f.notes.join(JOIN),
        verification: f.verification,
        corrections: f.corrections.join(" "),
      })),
    ),
  };
}

/** File name → contents, every dataset validated with the schema the app parses it with. */
/** `verification`: of every quote in the ledger, for the manifest. */
export function serialise(datasets: Datasets, verification: Verification): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of Object.keys(DATASETS) as DatasetName[]) {
    const parsed = DATASETS[name].safeParse(datasets[name]);
    if (!parsed.success)
      throw new Error(
        `dataset ${name} does not match its schema: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    out.set(`${name}.json`, JSON.stringify(datasets[name]) + "\n");
  }
  for (const [name, csv] of Object.entries(csvTwins(datasets))) out.set(name, csv);
  const files = [...out.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, text]) => ({
      name,
      bytes: Buffer.byteLength(text),
      sha256: createHash("sha256").update(text).digest("hex"),
    }));
  out.set("manifest.json", JSON.stringify({ version: DATASET_VERSION, verification, files }, null, 2) + "\n");
  return out;
}

/** Replaces outDir with exactly these files, or leaves it untouched on any failure. */
export async function writeAtomically(outDir: string, files: Map<string, string>): Promise<void> {
  const parent = path.dirname(path.resolve(outDir));
  const base = path.basename(outDir);
  const tmp = path.join(parent, `.${base}.tmp-${process.pid}`);
  const old = path.join(parent, `.${base}.old-${process.pid}`);
  await mkdir(parent, { recursive: true });
  await rm(tmp, { recursive: true, force: true });
  try {
    await mkdir(tmp);
    for (const [name, text] of files) await writeFile(path.join(tmp, name), text);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  let moved = false;
  try {
    await rename(outDir, old);
    moved = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") {
      await rm(tmp, { recursive: true, force: true });
      throw err;
    }
  }
  try {
    await rename(tmp, outDir);
  } catch (err) {
    if (moved) await rename(old, outDir);
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  if (moved) await rm(old, { recursive: true, force: true });
}

/** Replaces one file in one rename: a reader of it sees the old text or the new, never half of one. */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
