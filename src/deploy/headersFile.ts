/**
 * dist/_headers: the same response headers as the nginx server block, for static hosts
 * that read a `_headers` file at the root of what they publish (Netlify, Cloudflare
 * Pages), rendered from responseHeaders.ts at the end of every build.
 *
 * Those hosts apply every rule whose path matches a request and join the values of a
 * header that two matching rules both set. So no header is set by two rules that can
 * match one path: the security headers by the base's splat, Cache-Control by each
 * folder's splat, and, for the files outside those folders (the pages, boot.js,
 * embed-parent.js), by one rule per file, listed from the build. A folder's
 * Content-Type is one splat rule where it has one type, else one rule per file.
 *
 * This module runs in Node (the build, tests); the app does not import it.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Plugin } from "vite";
import { parseBasePath } from "./basePath.ts";
import { ENCODING_SUFFIX } from "./precompress.ts";
import { listBuildFiles } from "./listBuildFiles.ts";
import { FOLDER_RULES, NOT_SERVED_PREFIXES, SECURITY_HEADERS } from "./responseHeaders.ts";

export const HEADERS_FILE = "_headers";

const rule = (urlPath: string, headers: Readonly<Record<string, string>>) => [
  urlPath,
  ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
];

/**
 * The `_headers` text for a build made for `base`, whose files (paths from dist/, as
 * listBuildFiles gives them) are `files`. Precompressed copies are not listed: these
 * hosts compress for themselves.
 */
export function headersFile(basePath: string, files: readonly string[]): string {
  const base = parseBasePath(basePath);
  const encoded = Object.values(ENCODING_SUFFIX);
  const served = files.filter(
    (f) => !encoded.some((s) => f.endsWith(s)) && !NOT_SERVED_PREFIXES.some((p) => f.startsWith(p)),
  );
  const [everything, ...folders] = FOLDER_RULES;
  if (!everything || everything.folder !== "") throw new Error("FOLDER_RULES must start with the base's own rule");
  const inFolder = (f: string) => folders.some((r) => f.startsWith(r.folder));
  const ext = (f: string) => path.extname(f).slice(1).toLowerCase();

  const blocks: string[][] = [
    [
      "# Every response: the Content Security Policy and the other security headers.",
      ...rule(`${base}*`, SECURITY_HEADERS),
    ],
  ];
  for (const folder of folders) {
    const block = [`# ${folder.why}`, ...rule(`${base}${folder.folder}*`, folder.headers)];
    const types = Object.entries(folder.types ?? {});
    if (types.length === 1) block.push(`  Content-Type: ${types[0]![1]}`);
    else
      for (const f of served.filter((f) => f.startsWith(folder.folder) && folder.types?.[ext(f)]))
        block.push(...rule(`${base}${f}`, { "Content-Type": folder.types![ext(f)]! }));
    blocks.push(block);
  }
  const others = served.filter((f) => !inFolder(f));
  const pages = others.flatMap((f) =>
    f === "index.html" ? ["", f] : f.endsWith("/index.html") ? [f.slice(0, -10), f] : [f],
  );
  blocks.push([`# ${everything.why}`, ...pages.flatMap((f) => rule(`${base}${f}`, everything.headers))]);

  return [
    `# Response headers for static hosts that read this file (Netlify, Cloudflare Pages), for a`,
    `# build made for ${base}. Written by the build (src/deploy/headersFile.ts), with the same`,
    `# rules as deploy/nginx/exodus.conf. Serve the build so that its files are at ${base}.`,
    "",
    blocks.map((b) => b.join("\n")).join("\n\n"),
    "",
  ].join("\n");
}

/** The Vite plugin: writes dist/_headers once the build's files are all there. */
export function staticHostHeaders(): Plugin {
  return {
    name: "exodus:static-host-headers",
    apply: "build",
    buildApp: {
      order: "post",
      async handler(builder) {
        const config = builder.environments.client?.config;
        if (!config) return;
        const outDir = path.resolve(config.root, config.build.outDir);
        await writeFile(path.join(outDir, HEADERS_FILE), headersFile(config.base, await listBuildFiles(outDir)));
        config.logger.info(`✓ wrote ${HEADERS_FILE} for ${config.base}`);
      },
    },
  };
}
