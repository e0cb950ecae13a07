/**
 * Precompression: at the end of `vite build` (after the prerenderer has written the
 * final pages), `<file>.gz` and `<file>.br` are written beside every compressible file
 * in the output folder, so a server sends them as they are (nginx `gzip_static`,
 * `brotli_static`; CDNs and static hosts that look for them) instead of compressing on
 * every request, and at the strongest settings, which would be too slow per request.
 *
 * Node's zlib only, no dependency. The output is deterministic: gzip's header carries
 * no time stamp or file name (MTIME 0), and both encoders are fed the same bytes with
 * fixed settings, so two builds of the same files give the same .gz and .br bytes.
 *
 * This module runs in Node (vite.config.ts); the app does not import it.
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";
import { listBuildFiles } from "./listBuildFiles.ts";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** The extensions worth compressing: text formats. Images, fonts and archives are compressed already. */
export const COMPRESSIBLE_EXTENSIONS: readonly string[] = [
  ".html",
  ".js",
  ".mjs",
  ".css",
  ".json",
  ".csv",
  ".svg",
  ".xml",
  ".txt",
];

/** Files smaller than this (bytes) are sent as they are: they fit in a packet either way. */
export const MIN_BYTES = 1024;

export type Encoding = "gzip" | "br";

export const ENCODING_SUFFIX: Readonly<Record<Encoding, string>> = { gzip: ".gz", br: ".br" };

export const isCompressible = (file: string): boolean =>
  COMPRESSIBLE_EXTENSIONS.includes(path.extname(file).toLowerCase());

/** gzip at level 9; zlib writes MTIME 0 and no file name, so equal input gives equal bytes. */
export const gzipBytes = (input: Uint8Array): Promise<Buffer> =>
  gzipAsync(input, { level: constants.Z_BEST_COMPRESSION });

/**
 * Files larger than this (bytes) are brotli-compressed at quality 10, not 11. Quality
 * 11 takes 2–3 s per MB on a 2-core machine, about twice quality 10, for 1.5–3 % fewer
 * bytes; the files this large (MapLibre, its worker, the fine basemap) load on demand,
 * while every page's own code and data are below it and get quality 11.
 */
export const BROTLI_MAX_QUALITY_BYTES = 256 * 1024;

/** Brotli, quality 11 (10 above BROTLI_MAX_QUALITY_BYTES), text mode, the input's size as a hint. */
export const brotliBytes = (input: Uint8Array): Promise<Buffer> =>
  brotliAsync(input, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]:
        input.byteLength > BROTLI_MAX_QUALITY_BYTES ? constants.BROTLI_MAX_QUALITY - 1 : constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: input.byteLength,
    },
  });

export interface PrecompressedFile {
  /** Path from the output folder, with "/" separators. */
  file: string;
  bytes: number;
  /** Bytes of each encoded copy written; an encoding is missing where it did not shrink the file. */
  encoded: Partial<Record<Encoding, number>>;
}

/**
 * Writes `<file>.gz` and `<file>.br` beside every compressible file of at least
 * MIN_BYTES under `dir`; an encoded copy that is not smaller than the file is not
 * written (and one left from before is not there: Vite empties the folder first).
 * Files are compressed a few at a time (zlib works on libuv's thread pool).
 */
export async function precompressDir(dir: string, concurrency = availableParallelism()): Promise<PrecompressedFile[]> {
  const files: string[] = [];
  for (const file of await listBuildFiles(dir)) {
    if (!isCompressible(file)) continue;
    const { size } = await stat(path.join(dir, file));
    if (size >= MIN_BYTES) files.push(file);
  }
  const results: PrecompressedFile[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      const abs = path.join(dir, file);
      const input = await readFile(abs);
      const encoded: PrecompressedFile["encoded"] = {};
      for (const [encoding, encode] of [
        ["gzip", gzipBytes],
        ["br", brotliBytes],
      ] as const) {
        const bytes = await encode(input);
        if (bytes.byteLength >= input.byteLength) continue;
        await writeFile(abs + ENCODING_SUFFIX[encoding], bytes);
        encoded[encoding] = bytes.byteLength;
      }
      results[i] = { file, bytes: input.byteLength, encoded };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return results;
}

/**
 * The Vite plugin: precompresses the client build's output folder once the whole
 * build (browser bundle, prerenderer, prerendered pages) is done: a `buildApp` hook
 * ordered "post" runs after the builder's own buildApp (src/prerender/prerenderPlugin.ts).
 */
export function precompress(): Plugin {
  return {
    name: "exodus:precompress",
    apply: "build",
    buildApp: {
      order: "post",
      async handler(builder) {
        const config = builder.environments.client?.config;
        if (!config) return;
        const outDir = path.resolve(config.root, config.build.outDir);
        const started = performance.now();
        const done = await precompressDir(outDir);
        const sum = (e?: Encoding) => done.reduce((n, f) => n + (e ? (f.encoded[e] ?? 0) : f.bytes), 0);
        const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
        config.logger.info(
          `✓ precompressed ${done.length} files (${kib(sum())}) to .gz (${kib(sum("gzip"))}) and .br (${kib(sum("br"))}) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
