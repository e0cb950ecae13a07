/**
 * What an entry point downloads, from the Vite manifest (build.manifest: true): the
 * entry chunk, its static imports (transitively), the `import()`s it needs to hydrate,
 * and their CSS; then what it loads later, on demand. Bytes are the files' sizes, raw
 * and gzip-compressed at zlib's default level (what Vite's build report shows); the
 * same for the built HTML pages.
 *
 * Used by the byte-budget test (test/budget) and by the bench, which checks it
 * against the requests the browser actually made.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { EntryPoint } from "./entryPoints.ts";

export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
export type ViteManifest = Record<string, ManifestChunk>;

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface FileBytes extends Bytes {
  file: string;
}

export interface Downloads {
  js: FileBytes[];
  css: FileBytes[];
}

export const KiB = 1024;

export function readManifest(distDir: string): ViteManifest {
  return JSON.parse(readFileSync(path.join(distDir, ".vite", "manifest.json"), "utf8")) as ViteManifest;
}

const gzipCache = new Map<string, Bytes>();

/** Raw and gzip size of a built file (cached by path). */
export function fileBytes(distDir: string, file: string): FileBytes {
  const full = path.join(distDir, file);
  let b = gzipCache.get(full);
  if (!b) {
    const buf = readFileSync(full);
    b = { raw: buf.length, gzip: gzipSync(buf).length };
    gzipCache.set(full, b);
  }
  return { file, ...b };
}

/** Gzip size of a buffer at zlib's default level. */
export const gzipSize = (buf: Buffer | Uint8Array): number => gzipSync(buf).length;

export const sum = (files: readonly Bytes[]): Bytes =>
  files.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), { raw: 0, gzip: 0 });

/**
 * The manifest key of a module given by its source path. A module that one entry
 * imports statically and another with import() is emitted in a shared chunk, keyed by
 * the chunk ("_BorderStopsGraphic-hash.js") rather than by the source path: such a chunk
 * is found by its name, which Vite takes from the module's file name.
 */
export function manifestKey(manifest: ViteManifest, ref: string): string {
  if (manifest[ref]) return ref;
  const bySrc = Object.keys(manifest).filter((k) => manifest[k]!.src === ref);
  if (bySrc.length === 1) return bySrc[0]!;
  const name = path.basename(ref).replace(/\.[^.]+$/, "");
  const byName = Object.keys(manifest).filter(
    (k) => k.startsWith("_") && manifest[k]!.name === name && manifest[k]!.file.endsWith(".js"),
  );
  if (byName.length === 1) return byName[0]!;
  throw new Error(
    `${ref} is not in the Vite manifest${byName.length > 1 ? ` (${byName.length} chunks are named ${name})` : ""}: renamed? Update scripts/bench/entryPoints.ts`,
  );
}

/**
 * The files (JS, CSS) the chunks under `keys` need: each chunk, its static imports,
 * their CSS; and JS assets they emit (MapLibre's worker script). Dynamic imports are
 * not followed: the caller lists the ones a page needs. Keys are manifest keys or
 * source paths (see manifestKey).
 */
export function closure(manifest: ViteManifest, keys: readonly string[]): { js: Set<string>; css: Set<string> } {
  const js = new Set<string>();
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key]!;
    if (chunk.file.endsWith(".js")) js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const a of chunk.assets ?? []) if (a.endsWith(".js")) js.add(a);
    for (const i of chunk.imports ?? []) visit(i);
  };
  keys.forEach((k) => visit(manifestKey(manifest, k)));
  return { js, css };
}

export interface EntryDownloads {
  /** What the page needs to become interactive (none of it to paint its graphics, which are in its HTML). */
  interactive: Downloads;
  /** What it loads afterwards, on demand (MapLibre, its CSS and its worker; an embed's figure record). */
  after: Downloads;
}

/** The manifest's account of what an entry point downloads, with the scripts it loads from public/. */
export function entryDownloads(distDir: string, manifest: ViteManifest, entry: EntryPoint): EntryDownloads {
  const first = closure(manifest, [entry.html, ...entry.interactive]);
  for (const f of entry.publicScripts) first.js.add(f);
  const later = closure(manifest, entry.after);
  const bytes = (files: Iterable<string>, skip: Set<string>) =>
    [...files]
      .filter((f) => !skip.has(f))
      .sort()
      .map((f) => fileBytes(distDir, f));
  return {
    interactive: { js: bytes(first.js, new Set()), css: bytes(first.css, new Set()) },
    after: { js: bytes(later.js, first.js), css: bytes(later.css, first.css) },
  };
}
