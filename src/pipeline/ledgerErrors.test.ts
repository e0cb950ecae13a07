/**
 * One test per class of ledger mistake: each edits a temporary copy of the real
 * ledger and asserts the exact problem the pipeline reports (file, line, column,
 * field path, message). Expected positions are computed from the edited text, so
 * they point at the line a journalist would have to fix.
 */
import { createHash } from "node:crypto";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, LedgerError } from "./LedgerError.ts";
import {
  at,
  indexOfId,
  lineOf,
  problemsAfter,
  problemsAndText,
  replaceInRecord,
  replaceOnce,
  requireSourcesDir,
  tempDir,
  UNPUBLISHED,
  withLedger,
} from "./testLedger.ts";

describe("malformed YAML", () => {
  it("reports a syntax error at the offending line and column, with no field path", async () => {
    const { problems, text } = await problemsAndText("places.yaml", (t) =>
      replaceOnce(t, "    name: Ukraine\n", '    name: "Ukraine" Kyiv\n'),
    );
    expect(problems).toEqual([
      at("places.yaml", text, '"Ukraine" Kyiv', 10, undefined, "YAML syntax: Unexpected scalar at node end"),
    ]);
  });

  it("reports a key given twice in one record", async () => {
    const { problems, text } = await problemsAndText("places.yaml", (t) =>
      replaceOnce(t, "    name: Ukraine\n", "    name: Ukraine\n    name: Kyiv\n"),
    );
    expect(problems).toEqual([
      at("places.yaml", text, "name: Kyiv", 0, undefined, "YAML syntax: Map keys must be unique"),
    ]);
  });

  it("reports every alias whose anchor is missing, instead of crashing", async () => {
    // Renaming the anchor leaves the three `*sold-out` aliases pointing at nothing.
    const { problems, text } = await problemsAndText("routes.yaml", (t) =>
      replaceOnce(t, "citations: &sold-out\n", "citations: &sold-out-renamed\n"),
    );
    const expected = ["flights-turkey", "flights-azerbaijan", "flights-serbia"].map((id) => {
      const line = lineOf(text, `id: ${id},`);
      const column = text.split("\n")[line - 1]!.indexOf("*sold-out") + 1;
      return { file: "routes.yaml", line, column, message: "YAML alias *sold-out has no anchor &sold-out before it" };
    });
    expect(problems).toEqual(expected);
  });
});

describe("schema errors", () => {
  it("wrong type: a value that is not a number", async () => {
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(t, "stops-2020", "    value: 467\n", '    value: "abc"\n'),
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        'value: "abc"',
        7,
        "figures[0].value",
        "Invalid input: expected number, received string",
      ),
    ]);
  });

  it("missing required field: located at the record that lacks it", async () => {
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(t, "stops-2020", "    unit: people\n", ""),
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "id: stops-2020\n",
        0,
        "figures[0].unit",
        "Invalid input: expected string, received undefined",
      ),
    ]);
  });

  it("missing `missing` on a figure without a value", async () => {
    const i = await indexOfId("figures.yaml", "figures", "ua-army-personnel");
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(t, "ua-army-personnel", "    missing: Neither article", "    notes: [x]\n    # Neither article"),
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "id: ua-army-personnel",
        0,
        `figures[${i}].missing`,
        "is required when value is null: say why the number is missing",
      ),
    ]);
  });

  it("a misspelt field name is not silently ignored", async () => {
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(t, "stops-2020", "    qualifier: exact\n", "    qualifier: exact\n    qualifer: about\n"),
    );
    // Located at the misspelt key itself, not at the start of its record.
    expect(problems).toEqual([
      at("figures.yaml", text, "qualifer: about", 10, "figures[0].qualifer", 'unknown field "qualifer" (misspelt?)'),
    ]);
  });

  it("impossible date in a figure's period", async () => {
    const i = await indexOfId("figures.yaml", "figures", "kazakhstan-reside");
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(t, "kazakhstan-reside", "    period: 2022-09-27\n", "    period: 2022-02-30\n"),
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "period: 2022-02-30",
        8,
        `figures[${i}].period`,
        "invalid period: 2022-02-30 does not exist (2022-02 has 28 days)",
      ),
    ]);
  });

  it("impossible date in a source's publication date", async () => {
    const { problems, text } = await problemsAndText("sources.yaml", (t) =>
      replaceOnce(t, "published: 2022-10-06", "published: 2022-02-30"),
    );
    expect(problems).toEqual([
      at(
        "sources.yaml",
        text,
        "published: 2022-02-30",
        11,
        "sources[0].published",
        "must be a date that exists, written YYYY-MM-DD",
      ),
    ]);
  });
});

// Several of these mistakes change a figure or a text readers have seen, which the
// corrections rule would also report (see editorialRules.test.ts). Those tests run on a
// copy with no publication on record (UNPUBLISHED), so each asserts its own problem.
describe("cross-checks", () => {
  it("unknown reference: a figure's place", async () => {
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(t, "stops-2020", "place: us-mexico-border", "place: atlantis"),
    );
    expect(problems).toEqual([
      at("figures.yaml", text, "place: atlantis", 7, "figures[0].place", 'unknown place "atlantis"'),
    ]);
  });

  it("unknown reference: a route's figure id", async () => {
    const { problems, text } = await problemsAndText("routes.yaml", (t) =>
      replaceOnce(t, "figure: georgia-week\n", "figure: georgia-weak\n"),
    );
    expect(problems).toEqual([
      at("routes.yaml", text, "figure: georgia-weak", 8, "routes[0].figure", 'unknown figure "georgia-weak"'),
    ]);
  });

  it("unknown reference: a figure id in a story step's text", async () => {
    const { problems, text } = await problemsAndText(
      "story.yaml",
      (t) => replaceOnce(t, "{exodus-week-total}", "{exodus-week-totl}"),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at(
        "story.yaml",
        text,
        '"Putin ordered a partial mobilization',
        0,
        "steps[3].text",
        'unknown figure "exodus-week-totl"',
      ),
    ]);
  });

  it("duplicate id", async () => {
    let text = "";
    const problems = await problemsAfter({
      "figures.yaml": (t) => {
        const start = t.indexOf("  - id: stops-2020\n");
        const end = t.indexOf("  - id: stops-2021\n");
        text = t.slice(0, end) + t.slice(start, end) + t.slice(end);
        return text;
      },
    });
    const second = text.indexOf("  - id: stops-2020\n", text.indexOf("  - id: stops-2020\n") + 1);
    const line = text.slice(0, second).split("\n").length;
    expect(problems).toEqual([
      { file: "figures.yaml", line, column: 9, field: "figures[1].id", message: 'duplicate id "stops-2020"' },
    ]);
  });

  it("printed number that does not parse to the value", async () => {
    const { problems, text } = await problemsAndText(
      "figures.yaml",
      (t) => replaceInRecord(t, "stops-2021", "    value: 9376\n", "    value: 9377\n"),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at("figures.yaml", text, "printed: 9,376", 9, "figures[1].printed", '"9,376" reads as 9376, but value is 9377'),
    ]);
  });

  it("printed number that the quote does not print", async () => {
    const { problems, text } = await problemsAndText(
      "figures.yaml",
      (t) =>
        replaceInRecord(
          replaceInRecord(t, "stops-2021", "    value: 9376\n", "    value: 9377\n"),
          "stops-2021",
          "printed: 9,376",
          "printed: 9,377",
        ),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        'quote: "after Russian dissident Alexei Navalny\'s arrest, that figure jumped to 9,376 for 2021"',
        7,
        "figures[1].citations[0].quote",
        'does not print the number "9,377"',
      ),
    ]);
  });

  it("printed text that is not a number", async () => {
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(t, "stops-2021", "printed: 9,376", "printed: nine-ish thousand"),
    );
    expect(problems).toContainEqual(
      at(
        "figures.yaml",
        text,
        "printed: nine-ish",
        9,
        "figures[1].printed",
        '"nine-ish thousand" is not a number the pipeline can read',
      ),
    );
  });

  it("derived mismatch: the week's sum no longer adds up", async () => {
    const i = await indexOfId("figures.yaml", "figures", "exodus-week-sum");
    const { problems, text } = await problemsAndText(
      "figures.yaml",
      (t) => replaceInRecord(t, "exodus-week-sum", "    value: 194000\n", "    value: 195000\n"),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "value: 195000",
        7,
        `figures[${i}].value`,
        "is 195000, but sum of georgia-week, kazakhstan-week, finland-week gives 194000",
      ),
    ]);
  });

  it("derived cross-check against a reported figure fails", async () => {
    const i = await indexOfId("figures.yaml", "figures", "exodus-week-sum");
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(
        t,
        "exodus-week-sum",
        "compare: { relation: equals, figure: exodus-week-total }",
        "compare: { relation: at-least, figure: mobilization-size }",
      ),
    );
    const p = at("figures.yaml", text, "{ relation: at-least", 0, `figures[${i}].derivation.compare`, "");
    expect(problems).toEqual([
      { ...p, message: "194000 should be at least mobilization-size (300000)" },
      { ...p, message: "compares people with troops" },
    ]);
  });

  it("negative count", async () => {
    const i = await indexOfId("figures.yaml", "figures", "civilians-killed-un");
    const { problems, text } = await problemsAndText(
      "figures.yaml",
      (t) => replaceInRecord(t, "civilians-killed-un", "    value: 240\n", "    value: -240\n"),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "value: -240",
        7,
        `figures[${i}].value`,
        "-240 is negative; no count or measure here can be",
      ),
      at("figures.yaml", text, 'printed: "240"', 9, `figures[${i}].printed`, '"240" reads as 240, but value is -240'),
    ]);
  });

  it("fractional count", async () => {
    const i = await indexOfId("figures.yaml", "figures", "civilians-killed-un");
    const { problems, text } = await problemsAndText(
      "figures.yaml",
      (t) => replaceInRecord(t, "civilians-killed-un", "    value: 240\n", "    value: 240.5\n"),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "value: 240.5",
        7,
        `figures[${i}].value`,
        '240.5 is fractional, but "people" is a count',
      ),
      at("figures.yaml", text, 'printed: "240"', 9, `figures[${i}].printed`, '"240" reads as 240, but value is 240.5'),
    ]);
  });

  it("unit mismatch: a sum adds figures in different units", async () => {
    const i = await indexOfId("figures.yaml", "figures", "exodus-week-sum");
    const { problems, text } = await problemsAndText(
      "figures.yaml",
      (t) => replaceInRecord(t, "finland-week", "    unit: people\n", "    unit: cars\n"),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "formula: sum\n      inputs: [georgia-week, kazakhstan-week, finland-week]",
        0,
        `figures[${i}].derivation`,
        "adds figures in different units (people, cars)",
      ),
    ]);
  });

  it("unit mismatch: a sum recorded in another unit than its inputs", async () => {
    const i = await indexOfId("figures.yaml", "figures", "exodus-week-sum");
    const { problems, text } = await problemsAndText(
      "figures.yaml",
      (t) => replaceInRecord(t, "exodus-week-sum", "    unit: people\n", "    unit: troops\n"),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "formula: sum\n      inputs: [georgia-week, kazakhstan-week, finland-week]",
        0,
        `figures[${i}].derivation`,
        "sums people but is recorded in troops",
      ),
    ]);
  });

  it("a border-stop bar whose figure does not cover whole months (a located problem, not a crash)", async () => {
    let graphics = "";
    const problems = await problemsAfter({
      "figures.yaml": (t) => replaceInRecord(t, "stops-2022-01", "    period: 2022-01\n", "    period: 2022-01-15\n"),
      "graphics.yaml": (t) => (graphics = t),
    });
    expect(problems).toEqual([
      at(
        "graphics.yaml",
        graphics,
        "stops-2022-01 }",
        0,
        "graphics.borderStops.bars[2].figure",
        '"stops-2022-01" covers 2022-01-15, not a whole number of months; a bar needs whole months',
      ),
    ]);
  });

  it("a border-stop bar over a year without its per-month rate (a located problem, not a crash)", async () => {
    const { problems, text } = await problemsAndText("graphics.yaml", (t) =>
      replaceOnce(t, "{ figure: stops-2021, perMonth: stops-2021-per-month }", "{ figure: stops-2021 }"),
    );
    expect(problems).toEqual([
      at(
        "graphics.yaml",
        text,
        "{ figure: stops-2021 }",
        0,
        "graphics.borderStops.bars[1]",
        '"stops-2021" covers 12 months; give perMonth, the id of its derived per-month rate',
      ),
    ]);
  });

  it("a story text that types a bare number", async () => {
    const { problems, text } = await problemsAndText(
      "story.yaml",
      (t) => replaceOnce(t, "In January 2022 alone, {stops-2022-01}", "In January 2022 alone, 1028"),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at(
        "story.yaml",
        text,
        'text: "In 2020',
        6,
        "steps[0].text",
        "types the number 1028; write it as {figure-id} so it comes from the ledger",
      ),
    ]);
  });
});

describe("verification against the archived texts", () => {
  it("quote not in the archived text", async () => {
    const sourcesDir = requireSourcesDir();
    const { problems, text } = await problemsAndText(
      "figures.yaml",
      (t) => replaceOnce(t, "US-Mexico border in 2020\n", "US-Mexico border in 2019\n"),
      { sourcesDir },
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "quote: Only 467",
        7,
        "figures[0].citations[0].quote",
        'quote not found in 001_e647231116bd24dd.txt (source "conscription-fears")',
      ),
    ]);
  });

  it("SHA-256 mismatch: one byte of one archive changed", async () => {
    const original = requireSourcesDir();
    const sourcesDir = await tempDir("sources-copy-");
    try {
      await cp(original, sourcesDir, { recursive: true });
      const file = path.join(sourcesDir, "000_03dad1200ff45a92.txt");
      const bytes = await readFile(file);
      bytes[0] = bytes[0]! ^ 0x01;
      await writeFile(file, bytes);
      const sha = createHash("sha256").update(bytes).digest("hex");
      const { problems, text } = await problemsAndText("sources.yaml", (t) => t, { sourcesDir });
      expect(problems).toEqual([
        at(
          "sources.yaml",
          text,
          "sha256: 00c65eac",
          8,
          "sources[0].sha256",
          `archive 000_03dad1200ff45a92.txt has SHA-256 ${sha}; the ledger records 00c65eacf5e0e6fa949e3893f4a175c95e2994aea0bc989278b2db78e4e2255e: the archived text changed`,
        ),
      ]);
    } finally {
      await rm(sourcesDir, { recursive: true, force: true });
    }
  });

  it("an archive missing from the sources folder", async () => {
    const original = requireSourcesDir();
    const sourcesDir = await tempDir("sources-copy-");
    try {
      await cp(original, sourcesDir, { recursive: true });
      await rm(path.join(sourcesDir, "004_cdcf0cd8ae04eed7.txt"));
      const { problems, text } = await problemsAndText("sources.yaml", (t) => t, { sourcesDir });
      expect(problems).toEqual([
        at(
          "sources.yaml",
          text,
          "file: 004_cdcf0cd8ae04eed7.txt",
          6,
          "sources[4].file",
          `archived text "004_cdcf0cd8ae04eed7.txt" not found in ${sourcesDir}`,
        ),
      ]);
    } finally {
      await rm(sourcesDir, { recursive: true, force: true });
    }
  });
});

describe("all problems at once", () => {
  it("two schema mistakes in two files give two problems", async () => {
    let figures = "";
    let places = "";
    const problems = await problemsAfter({
      "figures.yaml": (t) => (figures = replaceInRecord(t, "stops-2020", "    value: 467\n", '    value: "abc"\n')),
      "places.yaml": (t) => (places = replaceOnce(t, "    name: Ukraine\n", '    name: "Ukraine" Kyiv\n')),
    });
    expect(problems).toEqual([
      at(
        "figures.yaml",
        figures,
        'value: "abc"',
        7,
        "figures[0].value",
        "Invalid input: expected number, received string",
      ),
      at("places.yaml", places, '"Ukraine" Kyiv', 10, undefined, "YAML syntax: Unexpected scalar at node end"),
    ]);
  });

  it("two cross-check mistakes in two files give two problems, and so does the error message", async () => {
    let routes = "";
    let story = "";
    const sourcesDir = requireSourcesDir();
    let error: unknown;
    await withLedger(async (ledger) => {
      await ledger.edit({
        ...UNPUBLISHED,
        "routes.yaml": (t) => (routes = replaceOnce(t, "figure: georgia-week\n", "figure: georgia-weak\n")),
        "story.yaml": (t) =>
          (story = replaceOnce(t, "In January 2022 alone, {stops-2022-01}", "In January 2022 alone, 1028")),
      });
      error = await ledger.run({ sourcesDir }).catch((e: unknown) => e);
    });
    expect(error).toBeInstanceOf(LedgerError);
    const problems = (error as LedgerError).problems;
    expect(problems).toEqual([
      at("routes.yaml", routes, "figure: georgia-weak", 8, "routes[0].figure", 'unknown figure "georgia-weak"'),
      at(
        "story.yaml",
        story,
        'text: "In 2020',
        6,
        "steps[0].text",
        "types the number 1028; write it as {figure-id} so it comes from the ledger",
      ),
    ]);
    expect((error as LedgerError).message).toBe(`2 problems in the ledger:\n${problems.map(formatProblem).join("\n")}`);
    expect(formatProblem(problems[0]!)).toBe(
      `routes.yaml:${lineOf(routes, "figure: georgia-weak")}:13: routes[0].figure: unknown figure "georgia-weak"`,
    );
  });
});
