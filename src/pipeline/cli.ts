/**
 * npm run data -- [--sources DIR] [--check] [--coverage [SOURCE...]] [--data DIR] [--out DIR]
 *
 * Datasets go to --out (default public/data); messages go to stderr. Exit 0 on
 * success, 1 on ledger problems (each with file:line:column), 2 on bad arguments.
 * SOURCES_DIR may stand in for --sources.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { formatProblem, LedgerError } from "./LedgerError.ts";
import { runPipeline } from "./runPipeline.ts";

const USAGE = `usage: npm run data -- [--sources DIR] [--check] [--coverage [SOURCE...]] [--data DIR] [--out DIR]`;

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
        help: { type: "boolean", default: false },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.error(USAGE);
    return 0;
  }
  const sourcesDir = args.values.sources ?? process.env.SOURCES_DIR ?? undefined;
  if (args.values.coverage && !sourcesDir) {
    console.error("--coverage needs the archived texts: pass --sources DIR or set SOURCES_DIR");
    return 2;
  }
  const started = performance.now();
  try {
    const result = await runPipeline({
      dataDir: args.values.data,
      outDir: args.values.out,
      sourcesDir,
      check: args.values.check,
      coverage: args.values.coverage ? args.positionals : undefined,
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
    if (result.verified)
      console.error(`✓ ${what}: every quote verified against ${sourcesDir} (SHA-256 of every archive matches).`);
    else {
      console.error("!".repeat(78));
      console.error(`! QUOTES NOT VERIFIED: no archived texts folder given (--sources DIR or SOURCES_DIR).`);
      console.error(`! ${what} passed schema and cross-checks only; the datasets are marked "unverified".`);
      console.error("!".repeat(78));
    }
    if (args.values.check) console.error(`✓ check only: nothing written (${ms} ms).`);
    else console.error(`✓ wrote ${result.files.length} files to ${path.resolve(args.values.out)} (${ms} ms).`);
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
