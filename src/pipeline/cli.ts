/**
 * npm run data -- [--sources DIR] [--check] [--coverage [SOURCE...]] [--update-lock] [--publish] [--data DIR] [--out DIR]
 *
 * Datasets go to --out (default public/data); messages go to stderr. Exit 0 on
 * success, 1 on ledger problems (each with file:line:column), 2 on bad arguments.
 * SOURCES_DIR may stand in for --sources.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { formatProblem, LedgerError } from "./LedgerError.ts";
import { runPipeline } from "./runPipeline.ts";

const USAGE = `usage: npm run data -- [--sources DIR] [--check] [--coverage [SOURCE...]] [--update-lock] [--publish] [--data DIR] [--out DIR]`;

const HELP = `${USAGE}

Turns the ledger (data/*.yaml) into the datasets in public/data/, or reports every
problem as file:line:column: field: message and writes nothing.

  --sources DIR   the archived article texts (or SOURCES_DIR): verify every quote,
                  and hold the committed lock (data/quotes.lock.json) to them.
                  Without them, a quote counts as verified when the lock records it
                  for the archive its source record names, and the run says so.
  --update-lock   rewrite data/quotes.lock.json from this run's verification (needs
                  --sources); unchanged entries keep their date, new ones get today's
  --check         verify only; write no datasets (--update-lock and --publish
                  still write their records when the run passes)
  --coverage      list every number in the archived texts and whether the ledger
                  accounts for it (needs --sources); give source ids to limit it
  --publish       after a passing run, record the ledger as published: rewrite
                  data/published.json with today's date (UTC) and every correction
                  in data/corrections.yaml as published (needs --sources)
  --data DIR      the ledger folder (default data)
  --out DIR       where the datasets go (default public/data)

A journalist's workflow:
  1. Edit data/*.yaml. A number is typed once, in figures.yaml, with its quote.
  2. npm run data:verify   checks every quote against the archived articles and
     rewrites data/quotes.lock.json, the record of those checks that lets a clone
     without the archives show the quotes as verified (by lock). npm run data with
     the archives fails while that record is stale.
  3. Changed something readers have already seen (a figure's value, qualifier, unit,
     printed, counts, caveat or notes; a title, label, note, place name…)? The run
     says which field, and since which publication. Add an entry to
     data/corrections.yaml: id, date, change (what changed, for readers), reason,
     and the figures and text keys it changes (figures: [kazakhstan-week];
     texts: [places/russia/name] or a prefix such as story/alaska). Readers see it
     with every graphic and step it affects. Never edit or remove an entry already
     published: add a new one.
  4. Commit the ledger with its corrections and data/quotes.lock.json.
  5. When the story goes out: npm run data:publish records the ledger as published
     (data/published.json) and the pending corrections as published. Commit it.
`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        sources: { type: "string" },
        data: { type: "string", default: "data" },
        out: { type: "string", default: "public/data" },
        check: { type: "boolean", default: false },
        coverage: { type: "boolean", default: false },
        publish: { type: "boolean", default: false },
        "update-lock": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.error(HELP);
    return 0;
  }
  const sourcesDir = args.values.sources ?? process.env.SOURCES_DIR ?? undefined;
  if (args.values.coverage && !sourcesDir) {
    console.error("--coverage needs the archived texts: pass --sources DIR or set SOURCES_DIR");
    return 2;
  }
  if (args.values.publish && !sourcesDir) {
    console.error(
      "--publish needs the archived texts (nothing unverified is published): pass --sources DIR or set SOURCES_DIR",
    );
    return 2;
  }
  if (args.values["update-lock"] && !sourcesDir) {
    console.error("--update-lock needs the archived texts: pass --sources DIR or set SOURCES_DIR");
    return 2;
  }
  if (args.values.publish && args.values.coverage) {
    console.error("--publish and --coverage do not go together");
    return 2;
  }
  const today = new Date().toISOString().slice(0, 10);
  const started = performance.now();
  try {
    const result = await runPipeline({
      dataDir: args.values.data,
      outDir: args.values.out,
      sourcesDir,
      check: args.values.check,
      coverage: args.values.coverage ? args.positionals : undefined,
      publish: args.values.publish,
      updateLock: args.values["update-lock"],
      today,
    });
    if (result.coverage) {
      let source = "";
      for (const row of result.coverage) {
        if (row.source !== source) {
          source = row.source;
          const mine = result.coverage.filter((r) => r.source === source);
          const count = (s: string) => mine.filter((r) => r.status === s).length;
          console.log(
            `\n${source}: ${mine.length} numbers, ${count("quoted")} quoted, ${count("ignored")} ignored, ${count("unaccounted")} unaccounted`,
          );
        }
        const mark = row.status === "quoted" ? "  ok  " : row.status === "ignored" ? "  --  " : "  ??  ";
        console.log(
          `${mark}${row.number.padEnd(14)} ${row.sentence}${row.status === "ignored" ? `  [ignored: ${row.by}]` : ""}`,
        );
      }
      const left = result.coverage.filter((r) => r.status === "unaccounted").length;
      console.log(`\n${left} number${left === 1 ? "" : "s"} not accounted for by the ledger.`);
      return 0;
    }
    const ms = Math.round(performance.now() - started);
    const what = `${result.figures} figures, ${result.quotes} quotes`;
    const lockName = path.relative(process.cwd(), result.lock.file) || result.lock.file;
    const v = result.verification;
    if (v.by === "archive" && result.verified) {
      console.error(`✓ ${what}: every quote verified against ${sourcesDir} (SHA-256 of every archive matches).`);
      if (result.lock.state === "written")
        console.error(
          `✓ wrote ${lockName}: ${result.lock.entries} quotes, each with its archive, offset and the day it was verified (unchanged entries keep theirs). Commit it.`,
        );
      else console.error(`✓ the committed lock (${lockName}) agrees with the archives: ${result.lock.entries} quotes.`);
    } else if (v.by === "lock")
      console.error(
        `✓ ${result.quoteChecks.verified} quotes verified by the committed lock (${lockName}, archived copies last checked ${v.date}); ${result.quoteChecks.unverified} not verified.`,
      );
    if (!result.verified) {
      const why =
        result.lock.state === "missing"
          ? `no archived texts folder given (--sources DIR or SOURCES_DIR) and no lock (${lockName})`
          : `no archived texts folder given, and the lock (${lockName}) does not vouch for them`;
      console.error("!".repeat(78));
      console.error(`! ${result.quoteChecks.unverified} QUOTES NOT VERIFIED: ${why}.`);
      console.error(
        `! ${what} passed schema, cross-checks and editorial rules; the datasets say how many are unverified.`,
      );
      console.error("!".repeat(78));
    }
    if (result.publication) {
      const pending = result.publication.pending;
      console.error(
        `✓ every change since the publication of ${result.publication.date} is in the corrections log` +
          (pending.length > 0 ? ` (${pending.length} pending: ${pending.join(", ")}).` : "."),
      );
    } else console.error(`✓ no publication recorded yet (data/published.json): no corrections needed.`);
    if (args.values.check) console.error(`✓ check only: nothing written (${ms} ms).`);
    else console.error(`✓ wrote ${result.files.length} files to ${path.resolve(args.values.out)} (${ms} ms).`);
    if (result.published)
      console.error(
        `✓ published: ${path.relative(process.cwd(), result.published.file)} records the ledger as of ${result.published.date}, with ${result.published.corrections} correction${result.published.corrections === 1 ? "" : "s"}. Commit it.`,
      );
    return 0;
  } catch (err) {
    if (err instanceof LedgerError) {
      for (const p of err.problems) console.error(formatProblem(p));
      console.error(
        `✗ ${err.problems.length} problem${err.problems.length === 1 ? "" : "s"}; nothing written, previous datasets left as they were.`,
      );
      return 1;
    }
    console.error(`✗ pipeline failed: ${(err as Error).message}; nothing written.`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
