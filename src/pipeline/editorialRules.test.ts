/**
 * The editorial rules (DESIGN.md: the screen says what the sources say), one describe
 * per rule: each test edits a temporary copy of the real ledger and asserts the exact
 * problem (file, line, column, field path, message), with positions computed from the
 * edited text; and the real ledger passes every rule.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FiguresDataset } from "../schema/datasets.ts";
import { loadJsonRecord, loadLedger } from "./loadLedger.ts";
import { Published } from "./publication.ts";
import { checkEditorialRules } from "./rules/editorialRules.ts";
import { runPipeline } from "./runPipeline.ts";
import { namesPlace } from "./rules/places.ts";
import {
  at,
  DATA_DIR,
  indexOfId,
  lineOf,
  problemsAfter,
  problemsAndText,
  replaceInRecord,
  replaceOnce,
  requireSourcesDir,
  UNPUBLISHED,
  withLedger,
} from "./testLedger.ts";

/** Appends one entry (YAML lines, indented as list items) to data/corrections.yaml. */
function addCorrection(text: string, entry: string): string {
  return text.replace(/corrections: \[\]\n$/, "corrections:\n").trimEnd() + "\n" + entry.trimEnd() + "\n";
}

/** Index of the last entry of data/corrections.yaml's list. */
const lastEntry = (text: string) => (text.match(/^ {2}- /gm)?.length ?? 0) - 1;

const TODAY = "2030-01-15";

let published: Published;
beforeAll(async () => {
  published = Published.parse(JSON.parse(await readFile(path.join(DATA_DIR, "published.json"), "utf8")));
});
const since = () => `since the last publication (data/published.json, ${published.date})`;

describe("the real ledger", () => {
  it("passes every editorial rule, against its last publication", async () => {
    const { ledger, files } = await loadLedger(DATA_DIR);
    const record = await loadJsonRecord(DATA_DIR, "published.json", Published);
    expect(record.problems).toEqual([]);
    expect(checkEditorialRules(ledger, files, { value: record.value!, file: record.file! })).toEqual([]);
  });

  it("passes with the archives: quotes, lock, ignored numbers", async () => {
    const result = await runPipeline({
      dataDir: DATA_DIR,
      outDir: "/nonexistent",
      sourcesDir: requireSourcesDir(),
      check: true,
    });
    expect(result.verification).toMatchObject({ status: "verified", by: "archive", unverified: 0 });
    expect(result.lock.state).toBe("current");
  });
});

describe("caveats: readings, conflicts and a bar's wording", () => {
  it("a figure with readings needs a caveat", async () => {
    const i = await indexOfId("figures.yaml", "figures", "kazakhstan-week");
    const { problems, text } = await problemsAndText(
      "figures.yaml",
      (t) => replaceInRecord(t, "kazakhstan-week", /* the caveat line */ caveatLine(t, "kazakhstan-week"), ""),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "readings: [kazakhstan-reside]",
        10,
        `figures[${i}].readings`,
        "lists readings (another reading of the same printed number), so it needs a caveat: tell readers, wherever the figure is drawn, what the other figure says",
      ),
    ]);
  });

  it("a figure with conflicts needs a caveat", async () => {
    const i = await indexOfId("figures.yaml", "figures", "mobilization-size");
    const { problems, text } = await problemsAndText(
      "figures.yaml",
      (t) => replaceInRecord(t, "mobilization-size", caveatLine(t, "mobilization-size"), ""),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "conflicts: [mobilization-size-over]",
        11,
        `figures[${i}].conflicts`,
        "lists conflicts (stating the same quantity differently), so it needs a caveat: tell readers, wherever the figure is drawn, what the other figure says",
      ),
    ]);
  });

  it("the relation goes both ways: reported at the side that is missing it", async () => {
    const i = await indexOfId("figures.yaml", "figures", "kazakhstan-reside");
    const j = await indexOfId("figures.yaml", "figures", "civilians-killed-ukraine");
    let text = "";
    const problems = await problemsAfter({
      "figures.yaml": (t) =>
        (text = replaceInRecord(
          replaceInRecord(t, "kazakhstan-reside", "\n    readings: [kazakhstan-week]", ""),
          "civilians-killed-ukraine",
          "    conflicts: [civilians-killed-un]",
          "    conflicts: []",
        )),
    });
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "id: kazakhstan-reside",
        0,
        `figures[${i}].readings`,
        "must list kazakhstan-week: kazakhstan-week lists kazakhstan-reside in readings (another reading of the same printed number), and the relation goes both ways",
      ),
      at(
        "figures.yaml",
        text,
        "conflicts: []",
        11,
        `figures[${j}].conflicts`,
        "must list civilians-killed-un: civilians-killed-un lists civilians-killed-ukraine in conflicts (stating the same quantity differently), and the relation goes both ways",
      ),
    ]);
  });

  it("every id in readings or conflicts must exist, and not be the figure itself", async () => {
    const i = await indexOfId("figures.yaml", "figures", "kazakhstan-week");
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(
        t,
        "kazakhstan-week",
        "readings: [kazakhstan-reside]",
        "readings: [kazakhstan-reside, kazakhstan-wek, kazakhstan-week]",
      ),
    );
    expect(problems).toEqual([
      at("figures.yaml", text, "kazakhstan-wek,", 0, `figures[${i}].readings[1]`, 'unknown figure "kazakhstan-wek"'),
      at(
        "figures.yaml",
        text,
        "kazakhstan-wek, kazakhstan-week]",
        16,
        `figures[${i}].readings[2]`,
        "a figure cannot list itself in readings",
      ),
    ]);
  });

  it("a bar whose counts does not use the chart's subject needs a caveat", async () => {
    const i = await indexOfId("figures.yaml", "figures", "stops-2022-01");
    const { problems, text } = await problemsAndText(
      "figures.yaml",
      (t) => replaceInRecord(t, "stops-2022-01", caveatLine(t, "stops-2022-01"), ""),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "counts: Russians who tried to cross",
        8,
        `figures[${i}].counts`,
        'does not say "Russians stopped", the border-stop chart\'s subject (graphics.yaml), yet the chart draws it as a bar: give the figure a caveat saying how what it counts differs',
      ),
    ]);
  });

  it("the subject is matched ignoring case and dash style", async () => {
    await withLedger(async (ledger) => {
      await ledger.edit({
        ...UNPUBLISHED,
        "graphics.yaml": (t) =>
          replaceOnce(t, "subject: Russians stopped", "subject: RUSSIANS STOPPED AT THE US-MEXICO BORDER"),
      });
      await expect(ledger.run()).resolves.toBeTruthy();
    });
  });
});

describe("comparisons: a ratio only between figures that count the same thing", () => {
  it("a derived ratio's inputs must be measured alike", async () => {
    const i = await indexOfId("figures.yaml", "figures", "stops-jump-ratio");
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(
        t,
        "stops-2020",
        "    measure: Russians stopped at the US–Mexico border\n",
        "    measure: Russians stopped at the US border\n",
      ),
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "inputs: [stops-2021, stops-2020], decimals: 1",
        8,
        `figures[${i}].derivation.inputs`,
        'a ratio needs its inputs to count the same thing: stops-2021 measures "Russians stopped at the US–Mexico border", stops-2020 measures "Russians stopped at the US border"',
      ),
    ]);
  });

  it("a derived ratio's inputs must have a measure", async () => {
    const i = await indexOfId("figures.yaml", "figures", "stops-jump-ratio");
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(t, "stops-2021", "    measure: Russians stopped at the US–Mexico border\n", ""),
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "inputs: [stops-2021, stops-2020], decimals: 1",
        8,
        `figures[${i}].derivation.inputs`,
        'a ratio needs its inputs to count the same thing: stops-2021 has no measure, stops-2020 measures "Russians stopped at the US–Mexico border"',
      ),
    ]);
  });

  it("a forces category compares only figures measured alike, unless compare: false", async () => {
    const { problems, text } = await problemsAndText("graphics.yaml", (t) =>
      replaceOnce(
        t,
        "            b: ua-attack-helicopters\n            compare: false",
        "            b: ua-attack-helicopters",
      ),
    );
    expect(problems).toEqual([
      at(
        "graphics.yaml",
        text,
        "b: ua-attack-helicopters",
        3,
        "graphics.forces.groups[2].categories[1].b",
        'compares ru-helicopters (measure "helicopters") with ua-attack-helicopters (measure "attack helicopters"); a ratio needs the same measure: set compare: false to show them side by side without one',
      ),
    ]);
  });

  it("a forces category's figures need a measure to be compared", async () => {
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(t, "ua-warships", "    measure: warships\n", ""),
    );
    const graphics = await readFile(path.join(DATA_DIR, "graphics.yaml"), "utf8");
    expect(text).toContain("  - id: ua-warships\n");
    expect(problems).toEqual([
      at(
        "graphics.yaml",
        graphics,
        "b: ua-warships",
        3,
        "graphics.forces.groups[3].categories[0].b",
        'compares ru-warships (measure "warships") with ua-warships (no measure); a ratio needs the same measure: set compare: false to show them side by side without one',
      ),
    ]);
  });

  it("the pipeline's name for a category's ratio figure must be free", async () => {
    // A figure of the ledger's own, under the name the pipeline gives the warships ratio.
    const clash = [
      "  - id: forces-warships-ratio",
      "    value: 74",
      '    printed: "74"',
      "    unit: warships",
      "    counts: Russia's warships",
      "    place: russia",
      "    period: 2022-02",
      "    qualifier: exact",
      "    basis: context",
      "    citations:",
      "      - source: conscription-fears",
      '        quote: "Putin\'s 74 warships and 51 submarines"',
      "",
    ].join("\n");
    let graphics = "";
    const problems = await problemsAfter({
      "figures.yaml": (t) => replaceOnce(t, "  - id: ru-warships\n", `${clash}\n  - id: ru-warships\n`),
      "graphics.yaml": (t) => (graphics = t),
    });
    expect(problems).toEqual([
      at(
        "graphics.yaml",
        graphics,
        "id: warships,",
        4,
        "graphics.forces.groups[3].categories[0].id",
        'the pipeline names this category\'s ratio figure "forces-warships-ratio", which figures.yaml already uses: rename that figure',
      ),
    ]);
  });

  it("compare: false: no ratio of ours, comparable false; the article's stated ratio is still shown", async () => {
    await withLedger(async (ledger) => {
      await ledger.edit({
        "graphics.yaml": (t) =>
          replaceOnce(
            replaceOnce(t, "b: ua-warships }", "b: ua-warships, compare: false }"),
            "b: ua-tanks, statedRatio: tanks-ratio }",
            "b: ua-tanks, statedRatio: tanks-ratio, compare: false }",
          ),
      });
      await ledger.run();
      const forces = JSON.parse(await readFile(path.join(ledger.outDir, "forces.json"), "utf8")) as {
        groups: { categories: { id: string; ratio: { figure: string } | null; comparable: boolean }[] }[];
      };
      const c = new Map(forces.groups.flatMap((g) => g.categories).map((x) => [x.id, x]));
      expect(c.get("warships")).toMatchObject({ ratio: null, comparable: false });
      expect(c.get("tanks")).toMatchObject({ ratio: { figure: "tanks-ratio" }, comparable: false });
      const figures = JSON.parse(await readFile(path.join(ledger.outDir, "figures.json"), "utf8")) as {
        figures: { id: string }[];
      };
      expect(figures.figures.map((f) => f.id)).not.toContain("forces-warships-ratio");
    });
  });
});

describe("places: named in a quote, or marked as our placement", () => {
  it("a place marked named must be in some cited quote", async () => {
    const i = await indexOfId("places.yaml", "places", "st-lawrence-island");
    const { problems, text } = await problemsAndText(
      "places.yaml",
      (t) => replaceOnce(t, "    name: Alaska\n", "    name: St. Lawrence Island, Alaska\n"),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at(
        "places.yaml",
        text,
        "name: St. Lawrence Island, Alaska",
        6,
        `places[${i}].name`,
        '"St. Lawrence Island, Alaska" is not in any cited quote: quote the article that names it, or set named: false and give placement',
      ),
    ]);
  });

  it("whole words only: Alaskan does not name Alaska", async () => {
    expect(namesPlace("near an Alaskan city", "Alaska")).toBe(false);
    expect(namesPlace("arriving by boat in Alaska.", "alaska")).toBe(true);
    expect(namesPlace("stopped at the US-Mexico border in 2020", "US–Mexico border")).toBe(true);
    expect(namesPlace("the Russian coastline", "Russian coast")).toBe(false);
  });

  it("an alias can name the place when the quotes spell it otherwise", async () => {
    const i = await indexOfId("places.yaml", "places", "usa");
    const edit = (t: string) => replaceOnce(t, "    name: United States\n", "    name: USA\n");
    const { problems, text } = await problemsAndText("places.yaml", edit, {}, UNPUBLISHED);
    expect(problems).toEqual([
      at(
        "places.yaml",
        text,
        "name: USA",
        6,
        `places[${i}].name`,
        '"USA" is not in any cited quote: quote the article that names it, or set named: false and give placement',
      ),
    ]);
    await withLedger(async (ledger) => {
      await ledger.edit({
        ...UNPUBLISHED,
        "places.yaml": (t) => replaceOnce(edit(t), "    name: USA\n", "    name: USA\n    aliases: [United States]\n"),
      });
      await expect(ledger.run()).resolves.toBeTruthy();
    });
  });

  it("a place not named in a quote needs a placement", async () => {
    const i = await indexOfId("places.yaml", "places", "chukotka-coast");
    const { problems, text } = await problemsAndText(
      "places.yaml",
      (t) =>
        replaceInRecord(
          replaceInRecord(t, "chukotka-coast", "    named: true\n", "    named: false\n"),
          "chukotka-coast",
          /^ {4}placement: .*\n/m.exec(t.slice(t.indexOf("  - id: chukotka-coast")))![0],
          "",
        ),
      {},
      UNPUBLISHED,
    );
    expect(problems).toEqual([
      at(
        "places.yaml",
        text,
        "named: false\n    citations:\n      - source: alaska-boat\n        quote: They were found",
        7,
        `places[${i}].named`,
        "is false, so the place needs a placement: say why we put the point here (readers see it as our placement)",
      ),
    ]);
  });

  it("the dataset carries each place's placement", async () => {
    await withLedger(async (ledger) => {
      await ledger.run();
      const data = JSON.parse(await readFile(path.join(ledger.outDir, "exit-routes.json"), "utf8")) as {
        places: { id: string; name: string; named: boolean; placement: string | null }[];
      };
      const byId = new Map(data.places.map((p) => [p.id, p]));
      expect(byId.get("chukotka-coast")).toMatchObject({ name: "Russian coast", named: true });
      expect(byId.get("chukotka-coast")!.placement).toMatch(/Chukotka coast, the Russian shore nearest Alaska/);
      expect(byId.get("st-lawrence-island")).toMatchObject({ name: "Alaska", named: true });
      expect(byId.get("st-lawrence-island")!.placement).toMatch(/St\. Lawrence Island/);
      expect(byId.get("georgia")!.placement).toBeNull();
    });
  });
});

describe("story steps name their sources", () => {
  it("a step with no figure, no quote and no sources is a problem", async () => {
    const { problems, text } = await problemsAndText("story.yaml", (t) =>
      replaceOnce(t, "    sources: [neighbors-shun]\n", ""),
    );
    expect(problems).toEqual([
      at(
        "story.yaml",
        text,
        "id: refusals",
        0,
        "steps[5].sources",
        "the step has no source: it uses no {figure-id}, quotes nothing and lists no sources; give sources, the ids of the articles its prose draws on",
      ),
    ]);
  });

  it("a step's sources must exist", async () => {
    const { problems, text } = await problemsAndText("story.yaml", (t) =>
      replaceOnce(t, "    sources: [conscription-fears]\n", "    sources: [conscription-fear]\n"),
    );
    expect(problems).toEqual([
      at("story.yaml", text, "conscription-fear]", 0, "steps[0].sources[0]", 'unknown source "conscription-fear"'),
    ]);
  });

  it("a step's sources are its own, its figures', its quote's; its caveats its figures', then its own", async () => {
    await withLedger(async (ledger) => {
      await ledger.edit({
        "story.yaml": (t) =>
          replaceOnce(
            t,
            "    sources: [neighbors-shun]\n",
            "    sources: [neighbors-shun, us-openness]\n    caveats: [A caveat of the step's own.]\n",
          ),
      });
      await ledger.run();
      const story = JSON.parse(await readFile(path.join(ledger.outDir, "story.json"), "utf8")) as {
        steps: { id: string; sources: { id: string; sha256: string }[]; caveats: unknown[] }[];
      };
      const step = new Map(story.steps.map((x) => [x.id, x]));
      expect(step.get("refusals")!.sources.map((x) => x.id)).toEqual(["neighbors-shun", "us-openness"]);
      // The refusals step's map, of the Baltic, shows none of the map's caveats (Kazakhstan's
      // "*" is off it), so the step's own takes the first marker. (A step whose map shows
      // markers continues after them: stepMarkers.test.ts, the mobilization step.)
      expect(step.get("refusals")!.caveats).toEqual([
        { marker: "*", text: "A caveat of the step's own.", figures: [] },
      ]);
      expect(step.get("invasion")!.sources.map((x) => x.id)).toEqual(["conscription-fears", "abandon-putin"]);
      expect(step.get("mobilization")!.sources.map((x) => x.id)).toEqual(["neighbors-shun", "us-openness"]);
      expect(step.get("alaska")!.sources.map((x) => x.id)).toEqual(["alaska-boat"]);
      expect(step.get("week")!.caveats).toEqual([
        {
          marker: "*",
          text: 'The same article also says "Approximately 98,000 Russians reside in Kazakhstan": the same number, described as residents.',
          figures: ["kazakhstan-week"],
        },
      ]);
      expect(step.get("week")!.sources[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});

describe("coverage: an ignored entry must match a number in its article", () => {
  it("with the archives, an entry that matches no number is a problem", async () => {
    const sourcesDir = requireSourcesDir();
    const { ignored } = parse(await readFile(path.join(DATA_DIR, "figures.yaml"), "utf8")) as {
      ignored: { source: string; printed: string }[];
    };
    const i = ignored.findIndex((g) => g.source === "alaska-boat" && g.printed === "thousands");
    const edit = (t: string) =>
      replaceOnce(t, "{ source: alaska-boat, printed: thousands,", "{ source: us-openness, printed: thousands,");
    const { problems, text } = await problemsAndText("figures.yaml", edit, { sourcesDir });
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "{ source: us-openness, printed: thousands,",
        32,
        `ignored[${i}].printed`,
        '"thousands" matches no number in 003_8d95c0665bcc7826.txt',
      ),
    ]);
    // Without the archives there is nothing to match against.
    await withLedger(async (ledger) => {
      await ledger.edit({ "figures.yaml": edit });
      await expect(ledger.run()).resolves.toBeTruthy();
    });
  });
});

/** The `caveat:` line (with its newline) of one figure record. */
function caveatLine(text: string, id: string): string {
  const start = text.indexOf(`  - id: ${id}\n`);
  const at = text.indexOf("    caveat: ", start);
  return text.slice(at, text.indexOf("\n", at) + 1);
}

describe("corrections: a change to what was published needs an entry in the corrections log", () => {
  it("a changed figure value is reported at the value, with the other problems the change causes", async () => {
    const i = await indexOfId("figures.yaml", "figures", "kazakhstan-week");
    const sum = await indexOfId("figures.yaml", "figures", "exodus-week-sum");
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(t, "kazakhstan-week", "    value: 98000\n", "    value: 97000\n"),
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "    value: 194000\n    unit: people\n    counts: Sum",
        11,
        `figures[${sum}].value`,
        "is 194000, but sum of georgia-week, kazakhstan-week, finland-week gives 193000",
      ),
      at(
        "figures.yaml",
        text,
        "printed: 98,000\n    unit: people\n    counts: Russian citizens who went",
        9,
        `figures[${i}].printed`,
        '"98,000" reads as 98000, but value is 97000',
      ),
      at(
        "figures.yaml",
        text,
        "value: 97000",
        7,
        `figures[${i}].value`,
        `changed from 98000 to 97000 ${since()}: add an entry to data/corrections.yaml naming kazakhstan-week, or undo the change`,
      ),
    ]);
  });

  it("a changed note is reported at the notes, old and new", async () => {
    const i = await indexOfId("figures.yaml", "figures", "georgia-queue");
    const { problems, text } = await problemsAndText("figures.yaml", (t) =>
      replaceInRecord(t, "georgia-queue", "      - About 14.5 km.", "      - About 15 km."),
    );
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "- About 15 km.",
        0,
        `figures[${i}].notes`,
        `changed from ["About 14.5 km."] to ["About 15 km."] ${since()}: add an entry to data/corrections.yaml naming georgia-queue, or undo the change`,
      ),
    ]);
  });

  it("a pending correction naming the figure covers the change", async () => {
    await withLedger(async (ledger) => {
      await ledger.edit({
        "figures.yaml": (t) => replaceInRecord(t, "georgia-queue", "      - About 14.5 km.", "      - About 15 km."),
        "corrections.yaml": (t) =>
          addCorrection(
            t,
            `  - id: queue-rounding
    date: ${TODAY}
    change: The note on the queue's length now rounds 9 miles to 15 km.
    reason: A test.
    figures: [georgia-queue]`,
          ),
      });
      const result = await ledger.run();
      expect(result.publication?.date).toBe(published.date);
      expect(result.publication?.pending).toContain("queue-rounding");
    });
  });

  it("a changed text is reported where it is; a correction naming its key or a prefix of it covers it", async () => {
    const { problems, text } = await problemsAndText("places.yaml", (t) =>
      replaceOnce(t, "pointBasis: Ulaanbaatar, the capital.", "pointBasis: Ulaanbaatar, its capital."),
    );
    expect(problems).toEqual([
      at(
        "places.yaml",
        text,
        "pointBasis: Ulaanbaatar, its capital.",
        12,
        `places[${await indexOfId("places.yaml", "places", "mongolia")}].pointBasis`,
        `changed from "Ulaanbaatar, the capital." to "Ulaanbaatar, its capital." ${since()}: add an entry to data/corrections.yaml naming places/mongolia/pointBasis in its texts, or undo the change`,
      ),
    ]);
    for (const key of ["places/mongolia/pointBasis", "places/mongolia", "places"])
      await withLedger(async (ledger) => {
        await ledger.edit({
          "places.yaml": (t) =>
            replaceOnce(t, "pointBasis: Ulaanbaatar, the capital.", "pointBasis: Ulaanbaatar, its capital."),
          "corrections.yaml": (t) =>
            addCorrection(
              t,
              `  - { id: mongolia, date: ${TODAY}, change: Renamed., reason: A test., texts: [${key}] }`,
            ),
        });
        await expect(ledger.run(), key).resolves.toBeTruthy();
      });
  });

  it("a key prefix must end at a slash: places/mongol covers nothing", async () => {
    let corrections = "";
    let places = "";
    const problems = await problemsAfter({
      "places.yaml": (t) =>
        (places = replaceOnce(t, "pointBasis: Ulaanbaatar, the capital.", "pointBasis: Ulaanbaatar, its capital.")),
      "corrections.yaml": (t) =>
        (corrections = addCorrection(
          t,
          `  - { id: mongolia, date: ${TODAY}, change: Renamed., reason: A test., texts: [places/mongol] }`,
        )),
    });
    const index = lastEntry(corrections);
    expect(problems).toEqual([
      at(
        "corrections.yaml",
        corrections,
        "places/mongol]",
        0,
        `corrections[${index}].texts[0]`,
        '"places/mongol" names no text, now or in the last publication: a key is a slash path such as places/russia/name or story/alaska',
      ),
      at(
        "places.yaml",
        places,
        "pointBasis: Ulaanbaatar, its capital.",
        12,
        `places[${await indexOfId("places.yaml", "places", "mongolia")}].pointBasis`,
        `changed from "Ulaanbaatar, the capital." to "Ulaanbaatar, its capital." ${since()}: add an entry to data/corrections.yaml naming places/mongolia/pointBasis in its texts, or undo the change`,
      ),
    ]);
  });

  it("a removed text is reported at its field's record", async () => {
    const i = await indexOfId("places.yaml", "places", "mongolia");
    const { problems, text } = await problemsAndText("places.yaml", (t) =>
      replaceOnce(t, "    pointBasis: Ulaanbaatar, the capital.\n", ""),
    );
    expect(problems).toEqual([
      at(
        "places.yaml",
        text,
        "id: mongolia",
        0,
        `places[${i}].pointBasis`,
        `removed ${since().replace(")", `; it was "Ulaanbaatar, the capital.")`)}: add an entry to data/corrections.yaml naming places/mongolia/pointBasis in its texts, or undo the change`,
      ),
    ]);
  });

  it("a removed figure is reported at the figures list", async () => {
    const { problems, text } = await problemsAndText("figures.yaml", (t) => {
      const start = t.indexOf("  - id: arson-first-six-months\n");
      return t.slice(0, start) + t.slice(t.indexOf("  # ── Force comparison", start));
    });
    expect(problems).toEqual([
      at(
        "figures.yaml",
        text,
        "  - id: stops-2020\n",
        2,
        "figures",
        `"arson-first-six-months" was published (data/published.json, ${published.date}) and is no longer in the ledger: add an entry to data/corrections.yaml naming arson-first-six-months, or undo the change`,
      ),
    ]);
  });

  it("additions need no correction: a caveat where there was none, a text where there was none", async () => {
    await withLedger(async (ledger) => {
      await ledger.edit({
        "figures.yaml": (t) =>
          replaceInRecord(
            t,
            "georgia-queue",
            "    notes:\n      - About 14.5 km.",
            "    caveat: A test caveat.\n    notes:\n      - About 14.5 km.",
          ),
        "places.yaml": (t) =>
          replaceOnce(t, "    name: Poland\n", "    name: Poland\n    pointBasis: Warsaw, the capital.\n"),
      });
      await expect(ledger.run()).resolves.toBeTruthy();
    });
  });

  it("what a correction names must exist, now or in the last publication", async () => {
    const { problems, text } = await problemsAndText("corrections.yaml", (t) =>
      addCorrection(
        t,
        `  - { id: ghost, date: ${TODAY}, change: Nothing., reason: A test., figures: [no-such-figure], texts: [places/atlantis] }`,
      ),
    );
    const index = lastEntry(text);
    expect(problems).toEqual([
      at(
        "corrections.yaml",
        text,
        "no-such-figure]",
        0,
        `corrections[${index}].figures[0]`,
        'unknown figure "no-such-figure": not in figures.yaml, nor in the last publication',
      ),
      at(
        "corrections.yaml",
        text,
        "places/atlantis]",
        0,
        `corrections[${index}].texts[0]`,
        '"places/atlantis" names no text, now or in the last publication: a key is a slash path such as places/russia/name or story/alaska',
      ),
    ]);
  });

  it("a correction names something", async () => {
    const { problems, text } = await problemsAndText("corrections.yaml", (t) =>
      addCorrection(t, `  - { id: empty, date: ${TODAY}, change: Nothing., reason: A test. }`),
    );
    expect(problems).toEqual([
      at(
        "corrections.yaml",
        text,
        "{ id: empty",
        0,
        `corrections[${lastEntry(text)}].figures`,
        "a correction must name what it changes: give figures or texts (or both)",
      ),
    ]);
  });

  it("a correction's id is unique", async () => {
    const entry = `  - { id: twice, date: ${TODAY}, change: Something., reason: A test., figures: [georgia-queue] }`;
    const { problems, text } = await problemsAndText("corrections.yaml", (t) =>
      addCorrection(addCorrection(t, entry), entry.replace("{ id: twice", "{ id: twice ")),
    );
    expect(problems).toEqual([
      at("corrections.yaml", text, "id: twice ,", 4, `corrections[${lastEntry(text)}].id`, 'duplicate id "twice"'),
    ]);
  });

  it("with no publication on record, no change needs a correction", async () => {
    await withLedger(async (ledger) => {
      await ledger.edit({
        ...UNPUBLISHED,
        "places.yaml": (t) =>
          replaceOnce(t, "pointBasis: Ulaanbaatar, the capital.", "pointBasis: Ulaanbaatar, its capital."),
      });
      const result = await ledger.run();
      expect(result.publication).toBeNull();
    });
  });
});

describe("corrections in the datasets: readers see them with what they affect", () => {
  it("a correction reaches the graphics that draw its figures, the steps that use them, and its texts' places", async () => {
    await withLedger(async (ledger) => {
      await ledger.edit({
        "corrections.yaml": (t) =>
          addCorrection(
            addCorrection(
              t,
              `  - id: test-week
    date: ${TODAY}
    change: A change to the Kazakhstan count and to the Alaska step.
    reason: A test.
    figures: [kazakhstan-week]
    texts: [story/alaska/text, places/russia]`,
            ),
            `  - { id: test-artillery, date: ${TODAY}, change: Artillery., reason: A test., figures: [ru-artillery], texts: [sources/neighbors-shun] }`,
          ),
      });
      await ledger.run();
      const read = async (name: string) =>
        JSON.parse(await readFile(path.join(ledger.outDir, `${name}.json`), "utf8")) as Record<string, unknown>;
      const figures = FiguresDataset.parse(await read("figures"));
      const log = new Map(figures.corrections.map((c) => [c.id, c]));
      expect(log.get("test-week")).toEqual({
        id: "test-week",
        date: TODAY,
        change: "A change to the Kazakhstan count and to the Alaska step.",
        reason: "A test.",
        figures: ["kazakhstan-week"],
        texts: ["story/alaska/text", "places/russia"],
        graphics: ["exit-routes", "week-breakdown"],
        steps: ["week", "alaska"],
      });
      // A source's text affects every graphic that credits it; a figure of the forces, that chart.
      expect(log.get("test-artillery")).toMatchObject({
        graphics: ["exit-routes", "forces"],
        steps: ["mobilization", "refusals"],
      });
      const record = new Map(figures.figures.map((f) => [f.id, f]));
      expect(record.get("kazakhstan-week")!.corrections).toEqual(["test-week"]);
      expect(record.get("ru-artillery")!.corrections).toEqual(["test-artillery"]);
      expect(record.get("forces-artillery-ratio")!.corrections).toEqual(["test-artillery"]);
      expect(record.get("georgia-week")!.corrections).toEqual([]);

      const note = {
        id: "test-week",
        date: TODAY,
        change: "A change to the Kazakhstan count and to the Alaska step.",
        reason: "A test.",
      };
      const ids = (meta: unknown) => (meta as { corrections: { id: string }[] }).corrections.map((c) => c.id);
      expect(((await read("week-breakdown")).meta as { corrections: unknown[] }).corrections).toContainEqual(note);
      expect(ids((await read("week-breakdown")).meta)).not.toContain("test-artillery");
      expect(ids((await read("exit-routes")).meta)).toEqual(expect.arrayContaining(["test-week", "test-artillery"]));
      // The border chart draws neither: no test correction reaches it (the ledger's own may).
      expect(ids((await read("border-stops")).meta).filter((id) => id.startsWith("test-"))).toEqual([]);
      const story = (await read("story")) as { steps: { id: string; corrections: { id: string }[] }[] };
      const steps = new Map(story.steps.map((x) => [x.id, x.corrections.map((c) => c.id)]));
      expect(steps.get("week")).toContain("test-week");
      expect(steps.get("alaska")).toContain("test-week");
      expect(steps.get("before")!.filter((id) => id.startsWith("test-"))).toEqual([]);
    });
  });
});

describe("publishing (npm run data:publish)", () => {
  const correction = `  - id: queue-rounding
    date: ${TODAY}
    change: The note on the queue's length now rounds 9 miles to 15 km.
    reason: A test.
    figures: [georgia-queue]`;

  it("records the ledger and every correction as published; a published correction is then never edited or removed", async () => {
    await withLedger(async (ledger) => {
      await ledger.edit({
        "figures.yaml": (t) => replaceInRecord(t, "georgia-queue", "      - About 14.5 km.", "      - About 15 km."),
        "corrections.yaml": (t) => addCorrection(t, correction),
      });
      const result = await ledger.run({ sourcesDir: undefined, publish: true, today: TODAY }).catch((e: unknown) => e);
      expect(String(result)).toContain("publishing needs the archived texts");

      const sourcesDir = requireSourcesDir();
      const run = await ledger.run({ sourcesDir, publish: true, today: TODAY });
      expect(run.published).toMatchObject({ date: TODAY });
      const after = Published.parse(JSON.parse(await ledger.read("published.json")));
      expect(after.date).toBe(TODAY);
      expect(after.corrections).toContain("queue-rounding");
      expect(after.figures["georgia-queue"]!.notes).toEqual(["About 15 km."]);
      expect((await ledger.run()).publication).toEqual({ date: TODAY, pending: [] });

      // Edited after publication.
      const edited = await ledger.read("corrections.yaml");
      await ledger.write("corrections.yaml", replaceOnce(edited, "reason: A test.", "reason: A better test."));
      const err1 = await ledger.run().catch((e: unknown) => e);
      const index = lastEntry(edited);
      const text1 = await ledger.read("corrections.yaml");
      expect((err1 as { problems: unknown[] }).problems).toEqual([
        {
          file: "corrections.yaml",
          line: lineOf(text1, "id: queue-rounding"),
          column: 5,
          field: `corrections[${index}]`,
          message: `"queue-rounding" was published (data/published.json, ${TODAY}) and may not be edited: restore it as published and add a new correction`,
        },
      ]);

      // Removed after publication.
      const removed = edited.slice(0, edited.indexOf("  - id: queue-rounding"));
      await ledger.write("corrections.yaml", removed.replace(/corrections:\n$/, "corrections: []\n"));
      const text2 = await ledger.read("corrections.yaml");
      const err2 = await ledger.run().catch((e: unknown) => e);
      // Located at the list (its first entry, or the empty list).
      const list = text2.includes("corrections: []") ? ["corrections: []", 13] : ["corrections:\n  - ", 15];
      expect((err2 as { problems: unknown[] }).problems).toEqual([
        at(
          "corrections.yaml",
          text2,
          list[0] as string,
          list[1] as number,
          "corrections",
          `the published correction "queue-rounding" is missing (data/published.json, ${TODAY}): a correction readers have seen may not be removed; restore it`,
        ),
      ]);
    });
  });

  it("a run that fails publishes nothing", async () => {
    await withLedger(async (ledger) => {
      const before = await ledger.read("published.json");
      await ledger.edit({
        "figures.yaml": (t) => replaceInRecord(t, "georgia-queue", "      - About 14.5 km.", "      - About 15 km."),
      });
      await expect(ledger.run({ sourcesDir: requireSourcesDir(), publish: true, today: TODAY })).rejects.toThrow(
        "naming georgia-queue",
      );
      expect(await ledger.read("published.json")).toBe(before);
    });
  });
});
