import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { gzipBytes, isCompressible, precompressDir } from "./precompress.ts";

// Seeded bytes that do not compress (a linear congruential generator: deterministic).
function noise(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const page = `<!doctype html><html><body>${"<p>Leaving Russia in 2022</p>\n".repeat(200)}</body></html>`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "precompress-"));
  await mkdir(path.join(dir, "assets"));
  await mkdir(path.join(dir, "data"));
  await mkdir(path.join(dir, ".vite"));
  await writeFile(path.join(dir, "index.html"), page);
  await writeFile(path.join(dir, "assets/app-abc123.js"), "export const x = 1;\n".repeat(100));
  await writeFile(path.join(dir, "assets/app-abc123.css"), ".a { color: red }\n".repeat(100));
  await writeFile(path.join(dir, "data/forces.csv"), "category,russia,ukraine\n".repeat(100));
  await writeFile(path.join(dir, "data/noise.json"), noise(4096));
  await writeFile(path.join(dir, "boot.js"), "(function () {})();\n"); // under MIN_BYTES
  await writeFile(path.join(dir, "assets/picture.png"), "png ".repeat(1000)); // not a text format
  await writeFile(path.join(dir, ".vite/manifest.json"), JSON.stringify({ a: "b".repeat(4000) }));
  await writeFile(path.join(dir, "_headers"), "/*\n  X-Content-Type-Options: nosniff\n".repeat(100));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function allFiles(d: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(d, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await allFiles(d, rel)));
    else out.push(rel);
  }
  return out.sort();
}

describe("precompressDir", () => {
  it("writes .gz and .br beside each text file of at least 1 KiB that they shrink, and nothing else", async () => {
    const report = await precompressDir(dir);
    expect(await allFiles(dir)).toEqual(
      [
        ".vite/manifest.json",
        "_headers",
        "assets/app-abc123.css",
        "assets/app-abc123.css.br",
        "assets/app-abc123.css.gz",
        "assets/app-abc123.js",
        "assets/app-abc123.js.br",
        "assets/app-abc123.js.gz",
        "assets/picture.png",
        "boot.js",
        "data/forces.csv",
        "data/forces.csv.br",
        "data/forces.csv.gz",
        "data/noise.json",
        "index.html",
        "index.html.br",
        "index.html.gz",
      ].sort(),
    );
    // noise.json was tried and kept as it is: neither encoding shrank it.
    expect(report.find((f) => f.file === "data/noise.json")?.encoded).toEqual({});
    expect(report.map((f) => f.file)).not.toContain("boot.js");
  });

  it("writes copies that decode to the original bytes", async () => {
    await precompressDir(dir);
    for (const file of ["index.html", "assets/app-abc123.js", "data/forces.csv"]) {
      const original = await readFile(path.join(dir, file));
      expect(gunzipSync(await readFile(path.join(dir, `${file}.gz`))).equals(original), `${file}.gz`).toBe(true);
      expect(brotliDecompressSync(await readFile(path.join(dir, `${file}.br`))).equals(original), `${file}.br`).toBe(
        true,
      );
    }
  });

  it("is deterministic: the same files give the same bytes, and gzip carries no time or name", async () => {
    await precompressDir(dir);
    const first = await Promise.all(["index.html.gz", "index.html.br"].map((f) => readFile(path.join(dir, f))));
    await precompressDir(dir);
    const second = await Promise.all(["index.html.gz", "index.html.br"].map((f) => readFile(path.join(dir, f))));
    expect(second[0]!.equals(first[0]!)).toBe(true);
    expect(second[1]!.equals(first[1]!)).toBe(true);
    const gz = first[0]!;
    expect([gz[0], gz[1], gz[2]]).toEqual([0x1f, 0x8b, 8]); // gzip, deflate
    expect(gz[3]).toBe(0); // FLG: no file name, comment or extra field
    expect(gz.readUInt32LE(4)).toBe(0); // MTIME 0
    expect((await gzipBytes(Buffer.from(page))).equals(gz)).toBe(true);
  });
});

describe("isCompressible", () => {
  it("takes text formats only", () => {
    for (const f of ["a.html", "a.js", "a.css", "a.json", "a.csv", "a.svg", "a.xml", "a.txt", "A.JSON"])
      expect(isCompressible(f), f).toBe(true);
    for (const f of ["a.png", "a.woff2", "a.gz", "a.br", "_headers", "a.js.map.gz"])
      expect(isCompressible(f), f).toBe(false);
  });
});
