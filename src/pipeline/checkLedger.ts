/**
 * Cross-checks that a schema cannot express: references between records, duplicate
 * ids, counts that are not counts, derived figures recomputed from their inputs,
 * printed numbers that do not mean the value, and (given the archived texts) quotes
 * that are not in their source and archives whose SHA-256 changed.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parsePeriod } from "../schema/period.ts";
import { isCountUnit, type Figure, type Ledger, type LedgerFileName } from "../schema/ledger.ts";
import type { LedgerProblem } from "./LedgerError.ts";
import { problemAt, type LoadedFile } from "./loadLedger.ts";
import { normaliseText } from "./normalise.ts";
import { parsePrinted } from "./numbers.ts";

type Path = (string | number)[];

/** The ledger regrouped by file, so every check can point at a file and a field path. */
export function ledgerByFile(ledger: Ledger): Record<LedgerFileName, unknown> {
  return {
    "sources.yaml": { sources: ledger.sources },
    "figures.yaml": { figures: ledger.figures, ignored: ledger.ignored },
    "places.yaml": { places: ledger.places, stances: ledger.stances },
    "routes.yaml": { routes: ledger.routes, events: ledger.events },
    "graphics.yaml": { graphics: ledger.graphics },
    "story.yaml": ledger.story,
    "corrections.yaml": { corrections: ledger.corrections },
  };
}

export interface FoundCitation {
  file: LedgerFileName;
  path: Path;
  source: string;
  quote: string;
}

/** Every {source, quote} anywhere in the ledger, with where it is. */
export function collectCitations(ledger: Ledger): FoundCitation[] {
  const out: FoundCitation[] = [];
  const walk = (file: LedgerFileName, value: unknown, p: Path) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(file, v, [...p, i]));
    else if (value && typeof value === "object") {
      const o = value as Record<string, unknown>;
      if (typeof o.source === "string" && typeof o.quote === "string")
        out.push({ file, path: p, source: o.source, quote: o.quote });
      else for (const [k, v] of Object.entries(o)) walk(file, v, [...p, k]);
    }
  };
  for (const [file, value] of Object.entries(ledgerByFile(ledger))) walk(file as LedgerFileName, value, []);
  return out;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Recomputes a derived figure from its inputs; returns the value or a reason it cannot be computed. */
export function computeDerived(f: Figure, byId: ReadonlyMap<string, Figure>): number | string {
  const d = f.derivation!;
  const inputs = d.inputs.map((id) => byId.get(id));
  if (inputs.some((x) => !x)) return "has an unknown input";
  const values = inputs.map((x) => x!.value);
  if (values.some((v) => v === null)) return `input ${d.inputs[values.indexOf(null)]} has no value`;
  const nums = values as number[];
  switch (d.formula) {
    case "sum": {
      const units = new Set(inputs.map((x) => x!.unit));
      if (units.size > 1) return `adds figures in different units (${[...units].join(", ")})`;
      if (inputs[0]!.unit !== f.unit) return `sums ${inputs[0]!.unit} but is recorded in ${f.unit}`;
      return round(
        nums.reduce((a, b) => a + b, 0),
        d.decimals,
      );
    }
    case "ratio":
      if (nums.length !== 2) return "a ratio takes exactly two inputs";
      if (nums[1] === 0) return "divides by zero";
      return round(nums[0]! / nums[1]!, d.decimals);
    case "per-month": {
      if (nums.length !== 1) return "a per-month rate takes exactly one input";
      const p = parsePeriod(inputs[0]!.period);
      if (typeof p === "string" || p.months === null)
        return `input ${d.inputs[0]}'s period is not a whole number of months`;
      return round(nums[0]! / p.months, d.decimals);
    }
  }
}

export function checkLedger(ledger: Ledger, files: Record<LedgerFileName, LoadedFile>): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const at = (file: LedgerFileName, p: Path, message: string) => problems.push(problemAt(files[file], p, message));

  // Duplicate ids, per kind.
  const index = <T extends { id: string }>(file: LedgerFileName, prefix: Path, records: T[]) => {
    const map = new Map<string, T>();
    records.forEach((r, i) => {
      if (map.has(r.id)) at(file, [...prefix, i, "id"], `duplicate id "${r.id}"`);
      else map.set(r.id, r);
    });
    return map;
  };
  const sources = index("sources.yaml", ["sources"], ledger.sources);
  const figures = index("figures.yaml", ["figures"], ledger.figures);
  const places = index("places.yaml", ["places"], ledger.places);
  index("routes.yaml", ["routes"], ledger.routes);
  const events = index("routes.yaml", ["events"], ledger.events);
  index("story.yaml", ["steps"], ledger.story.steps);
  index("corrections.yaml", ["corrections"], ledger.corrections);
  const periods = index("graphics.yaml", ["graphics", "exitRoutes", "periods"], ledger.graphics.exitRoutes.periods);
  index("graphics.yaml", ["graphics", "exitRoutes", "cameras"], ledger.graphics.exitRoutes.cameras);

  const ref =
    (kind: string, map: ReadonlyMap<string, unknown>) =>
    (file: LedgerFileName, p: Path, id: string | null | undefined) => {
      if (id != null && !map.has(id)) at(file, p, `unknown ${kind} "${id}"`);
    };
  const refSource = ref("source", sources);
  const refFigure = ref("figure", figures);
  const refPlace = ref("place", places);
  const refEvent = ref("event", events);
  const refPeriod = ref("period", periods);

  for (const c of collectCitations(ledger)) refSource(c.file, [...c.path, "source"], c.source);

  // Figures: references, counts, printed numbers, derivations.
  ledger.figures.forEach((f, i) => {
    const fp: Path = ["figures", i];
    refPlace("figures.yaml", [...fp, "place"], f.place);
    f.related.forEach((id, j) => refFigure("figures.yaml", [...fp, "related", j], id));
    if (f.value !== null && f.basis !== "derived") {
      if (f.value < 0) at("figures.yaml", [...fp, "value"], `${f.value} is negative; no count or measure here can be`);
      else if (isCountUnit(f.unit) && !Number.isInteger(f.value))
        at("figures.yaml", [...fp, "value"], `${f.value} is fractional, but "${f.unit}" is a count`);
    }
    if (f.printed !== undefined && f.value !== null) {
      const parsed = parsePrinted(f.printed);
      if (parsed === null)
        at("figures.yaml", [...fp, "printed"], `"${f.printed}" is not a number the pipeline can read`);
      else if (parsed !== f.value)
        at("figures.yaml", [...fp, "printed"], `"${f.printed}" reads as ${parsed}, but value is ${f.value}`);
      const needle = normaliseText(f.printed).toLowerCase();
      f.citations.forEach((c, j) => {
        const hay = normaliseText(c.quote).toLowerCase();
        const re = new RegExp(`(^|[^\\w,.])${needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\w,]|[.,](?!\\d))`);
        if (!re.test(hay))
          at("figures.yaml", [...fp, "citations", j, "quote"], `does not print the number "${f.printed}"`);
      });
    }
    if (f.derivation) {
      const d = f.derivation;
      d.inputs.forEach((id, j) => refFigure("figures.yaml", [...fp, "derivation", "inputs", j], id));
      if (d.compare) refFigure("figures.yaml", [...fp, "derivation", "compare", "figure"], d.compare.figure);
      if (d.inputs.includes(f.id))
        at("figures.yaml", [...fp, "derivation", "inputs"], "a figure cannot be derived from itself");
      else if (d.inputs.every((id) => figures.has(id))) {
        const computed = computeDerived(f, figures);
        if (typeof computed === "string") at("figures.yaml", [...fp, "derivation"], computed);
        else if (f.value !== computed)
          at(
            "figures.yaml",
            [...fp, "value"],
            `is ${f.value}, but ${d.formula} of ${d.inputs.join(", ")} gives ${computed}`,
          );
        else if (d.compare && figures.get(d.compare.figure)?.value != null) {
          const other = figures.get(d.compare.figure)!;
          const v = other.value!;
          const ok =
            d.compare.relation === "equals"
              ? computed === v
              : d.compare.relation === "at-most"
                ? computed <= v
                : computed >= v;
          if (!ok)
            at(
              "figures.yaml",
              [...fp, "derivation", "compare"],
              `${computed} should be ${d.compare.relation.replace("-", " ")} ${other.id} (${v})`,
            );
          if (other.unit !== f.unit)
            at("figures.yaml", [...fp, "derivation", "compare"], `compares ${f.unit} with ${other.unit}`);
        }
      }
    }
  });

  ledger.ignored.forEach((g, i) => refSource("figures.yaml", ["ignored", i, "source"], g.source));
  ledger.stances.forEach((s, i) => refPlace("places.yaml", ["stances", i, "place"], s.place));

  ledger.routes.forEach((r, i) => {
    const rp: Path = ["routes", i];
    refPeriod("routes.yaml", [...rp, "period"], r.period);
    refFigure("routes.yaml", [...rp, "figure"], r.figure);
    r.related.forEach((id, j) => refFigure("routes.yaml", [...rp, "related", j], id));
    r.legs.forEach((leg, j) => {
      refPlace("routes.yaml", [...rp, "legs", j, "from"], leg.from);
      refPlace("routes.yaml", [...rp, "legs", j, "to"], leg.to);
      if (j > 0 && r.legs[j - 1]!.to !== leg.from)
        at(
          "routes.yaml",
          [...rp, "legs", j, "from"],
          `a leg must start where the previous one ended ("${r.legs[j - 1]!.to}")`,
        );
    });
    const fig = r.figure ? figures.get(r.figure) : undefined;
    if (fig && fig.value === null)
      at("routes.yaml", [...rp, "figure"], `"${fig.id}" has no value; use figure: null for an unquantified route`);
  });

  const g = ledger.graphics;
  const gp = (...p: Path): Path => ["graphics", ...p];
  for (const [key, graphic] of Object.entries(g))
    (graphic.sources as string[]).forEach((id, j) => refSource("graphics.yaml", gp(key, "sources", j), id));
  g.exitRoutes.periods.forEach((p, i) => refEvent("graphics.yaml", gp("exitRoutes", "periods", i, "event"), p.event));
  refFigure("graphics.yaml", gp("exitRoutes", "total"), g.exitRoutes.total);
  g.borderStops.bars.forEach((b, i) => {
    refFigure("graphics.yaml", gp("borderStops", "bars", i, "figure"), b.figure);
    refFigure("graphics.yaml", gp("borderStops", "bars", i, "perMonth"), b.perMonth);
    // What deriveDatasets needs to draw the bar; caught here so it is a located problem, not a crash.
    const bar = figures.get(b.figure);
    const span = bar ? parsePeriod(bar.period) : null;
    if (bar && span && typeof span !== "string") {
      if (span.months === null)
        at(
          "graphics.yaml",
          gp("borderStops", "bars", i, "figure"),
          `"${bar.id}" covers ${bar.period}, not a whole number of months; a bar needs whole months`,
        );
      else if (span.months !== 1 && !b.perMonth)
        at(
          "graphics.yaml",
          gp("borderStops", "bars", i),
          `"${bar.id}" covers ${span.months} months; give perMonth, the id of its derived per-month rate`,
        );
    }
    const rate = b.perMonth ? figures.get(b.perMonth) : undefined;
    if (rate && (rate.derivation?.formula !== "per-month" || rate.derivation.inputs[0] !== b.figure)) {
      at(
        "graphics.yaml",
        gp("borderStops", "bars", i, "perMonth"),
        `"${rate.id}" must be derived as per-month of "${b.figure}"`,
      );
    }
  });
  g.borderStops.annotations.forEach((a, i) =>
    refFigure("graphics.yaml", gp("borderStops", "annotations", i, "figure"), a.figure),
  );
  g.forces.groups.forEach((group, i) =>
    group.categories.forEach((c, j) => {
      const cp = gp("forces", "groups", i, "categories", j);
      refFigure("graphics.yaml", [...cp, "a"], c.a);
      refFigure("graphics.yaml", [...cp, "b"], c.b);
      refFigure("graphics.yaml", [...cp, "statedRatio"], c.statedRatio);
      const a = figures.get(c.a);
      const b = figures.get(c.b);
      if (a && b && a.unit !== b.unit) at("graphics.yaml", [...cp, "b"], `compares ${a.unit} with ${b.unit}`);
    }),
  );
  g.weekBreakdown.parts.forEach((id, i) => refFigure("graphics.yaml", gp("weekBreakdown", "parts", i), id));
  refFigure("graphics.yaml", gp("weekBreakdown", "total"), g.weekBreakdown.total);

  ledger.story.steps.forEach((s, i) => {
    s.sources.forEach((id, j) => refSource("story.yaml", ["steps", i, "sources", j], id));
    for (const key of ["text", "notes"] as const) {
      for (const m of s[key].matchAll(/\{([^}]*)\}/g)) refFigure("story.yaml", ["steps", i, key], m[1]!);
      const bare = s[key]
        .replace(/\{[^}]*\}/g, "")
        .match(/\b\d[\d,.]*\b/g)
        ?.filter((n) => !/^(1[89]|20)\d\d$/.test(n) && Number(n.replace(/,/g, "")) > 31);
      if (bare?.length)
        at(
          "story.yaml",
          ["steps", i, key],
          `types the number ${bare[0]}; write it as {figure-id} so it comes from the ledger`,
        );
    }
  });

  return problems;
}

export interface SourceTexts {
  /** Normalised archived text by source id. */
  texts: Map<string, string>;
}

/** Checks archives' SHA-256 and that every quote occurs in its archived text. */
export async function verifyQuotes(
  ledger: Ledger,
  files: Record<LedgerFileName, LoadedFile>,
  sourcesDir: string,
): Promise<{ problems: LedgerProblem[]; texts: Map<string, string> }> {
  const problems: LedgerProblem[] = [];
  const texts = new Map<string, string>();
  for (const [i, s] of ledger.sources.entries()) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(sourcesDir, s.file));
    } catch {
      problems.push(
        problemAt(
          files["sources.yaml"],
          ["sources", i, "file"],
          `archived text "${s.file}" not found in ${sourcesDir}`,
        ),
      );
      continue;
    }
    const sha = createHash("sha256").update(bytes).digest("hex");
    if (sha !== s.sha256) {
      problems.push(
        problemAt(
          files["sources.yaml"],
          ["sources", i, "sha256"],
          `archive ${s.file} has SHA-256 ${sha}; the ledger records ${s.sha256}: the archived text changed`,
        ),
      );
      continue;
    }
    texts.set(s.id, normaliseText(bytes.toString("utf8")));
  }
  for (const c of collectCitations(ledger)) {
    const text = texts.get(c.source);
    if (text === undefined) continue; // unknown source or bad archive: reported above
    if (!text.includes(normaliseText(c.quote))) {
      const file = ledger.sources.find((s) => s.id === c.source)!.file;
      problems.push(
        problemAt(files[c.file], [...c.path, "quote"], `quote not found in ${file} (source "${c.source}")`),
      );
    }
  }
  return { problems, texts };
}
