/**
 * The nginx server block that serves the build (deploy/nginx/exodus.conf, written by
 * `npm run deploy:config`; test/nginx renders the same block for its own nginx), from
 * the header rules in responseHeaders.ts and the policy in src/security/csp.ts.
 *
 * What it relies on in nginx: the core, `alias`, `try_files`, `add_header`, `charset`,
 * `types` and gzip_static (all in Debian's `nginx` package). Brotli is optional: Debian
 * ships it as a separate module (libnginx-mod-http-brotli-static); `brotli: true`
 * writes `brotli_static on;`, which nginx rejects where that module is not loaded.
 *
 * This module runs in Node (the deploy script, tests); the app does not import it.
 */
import { parseBasePath } from "./basePath.ts";
import { FOLDER_RULES, NOT_SERVED_PREFIXES, SECURITY_HEADERS, type FolderRule } from "./responseHeaders.ts";

export interface NginxOptions {
  /** The URL path the build was made for (BASE_PATH), e.g. "/exodus/"; "/" for a site's root. */
  base: string;
  /** Absolute path of the build's folder (dist/) on the server. */
  dist: string;
  /** nginx's `listen` value, e.g. "80" or "127.0.0.1:4181". */
  listen: string;
  /** nginx's `server_name`. */
  serverName: string;
  /** Serve <file>.br too (needs the brotli_static module loaded); false: .gz only. */
  brotli: boolean;
}

/** The committed server block, from the repository's root (written by `npm run deploy:config`). */
export const NGINX_CONFIG_FILE = "deploy/nginx/exodus.conf";

/** The committed deploy/nginx/exodus.conf is rendered with these. */
export const DEFAULT_NGINX_OPTIONS: NginxOptions = {
  base: "/exodus/",
  dist: "/srv/exodus/dist",
  listen: "80",
  serverName: "graphics.example.org",
  brotli: false,
};

/** Types that carry "; charset=utf-8" besides text/html, which always does. */
const BASE_CHARSET_TYPES = ["text/css", "text/plain", "application/javascript"];

/** A value nginx takes in double quotes as it is: no quote, backslash, variable or newline. */
function quoted(value: string): string {
  if (/["\\$\n\r]/.test(value)) throw new Error(`Cannot quote for nginx: ${value}`);
  return `"${value}"`;
}

/** A bare nginx word (paths, listen, server_name): no spaces, quotes, braces or semicolons. */
function word(value: string, what: string): string {
  if (!/^[A-Za-z0-9_.:/\-[\]*]+$/.test(value))
    throw new Error(`${what} "${value}" cannot go into nginx's configuration`);
  return value;
}

const mimeOf = (type: string) => type.split(";")[0]!.trim();

function headerLines(headers: Readonly<Record<string, string>>, always: boolean): string[] {
  return Object.entries(headers).map(
    ([name, value]) => `add_header ${name} ${quoted(value)}${always ? " always" : ""};`,
  );
}

/** The inside of one folder's location: types, lookup, headers. */
function folderBody(rule: FolderRule): string[] {
  const lines: string[] = [];
  if (rule.types) {
    lines.push("types {", ...Object.entries(rule.types).map(([ext, type]) => `    ${mimeOf(type)} ${ext};`), "}");
    lines.push("default_type application/octet-stream;");
  }
  // A file, or (for the base only) its index.html: a folder is never listed, anything else is 404.
  lines.push(rule.folder === "" ? "try_files $uri ${uri}index.html =404;" : "try_files $uri =404;");
  // add_header in a location replaces the outer level's: each location sends the full set.
  lines.push(...headerLines(rule.headers, false), ...headerLines(SECURITY_HEADERS, true));
  return lines;
}

const indent = (lines: readonly string[], by: string) => lines.map((l) => (l ? `${by}${l}` : l));

export function nginxServerBlock(options: NginxOptions): string {
  const base = parseBasePath(options.base);
  const dist = word(options.dist.replace(/\/+$/, ""), "dist");
  const listen = word(options.listen, "listen");
  const serverName = word(options.serverName, "serverName");
  const charsetTypes = [
    ...new Set([
      ...BASE_CHARSET_TYPES,
      ...FOLDER_RULES.flatMap((r) => Object.values(r.types ?? {}))
        .filter((t) => /charset=utf-8/i.test(t))
        .map(mimeOf),
    ]),
  ];
  const [everything, ...folders] = FOLDER_RULES;
  if (!everything || everything.folder !== "") throw new Error("FOLDER_RULES must start with the base's own rule");

  const inner: string[] = [
    `alias ${dist}/;`,
    `# ${everything.why}`,
    ...folderBody(everything),
    "",
    ...folders.flatMap((rule) => [
      `location ^~ ${base}${rule.folder} {`,
      `    # ${rule.why}`,
      ...indent(folderBody(rule), "    "),
      "}",
      "",
    ]),
    "# In the build, not in the site: the Vite manifest (.vite/), the static hosts' _headers.",
    ...NOT_SERVED_PREFIXES.map((p) => `location ^~ ${base}${p} { return 404; }`),
  ];

  const server: string[] = [
    `listen ${listen};`,
    `server_name ${serverName};`,
    "",
    "server_tokens off;    # no nginx version in headers or error pages",
    "absolute_redirect off;    # redirects say Location: /path, whatever proxy is in front",
    "charset utf-8;",
    `charset_types ${charsetTypes.join(" ")};`,
    "",
    "# The build writes <file>.gz beside every text file over 1 KiB: sent as it is to",
    "# clients that accept gzip (nothing is compressed per request).",
    "gzip_static on;",
    "gzip_vary on;",
    options.brotli
      ? "brotli_static on;    # <file>.br to clients that accept br (libnginx-mod-http-brotli-static)"
      : "# <file>.br too, where the brotli_static module is loaded (Debian: apt-get install\n    # libnginx-mod-http-brotli-static; `npm run deploy:config -- --brotli` writes it):\n    # brotli_static on;",
    "",
    "# Unknown paths: a plain 404, naming neither the server nor the files.",
    "error_page 404 @not_found;",
    "location @not_found {",
    "    types { }    # text/plain, whatever the path's extension",
    "    default_type text/plain;",
    ...indent(headerLines(SECURITY_HEADERS, true), "    "),
    '    return 404 "Not found\\n";',
    "}",
    "",
    ...(base === "/"
      ? []
      : [
          `location = ${base.replace(/\/$/, "")} { return 301 ${base}; }`,
          "# This server block serves the app alone: nothing outside its path.",
          "location / { return 404; }",
          "",
        ]),
    `location ^~ ${base} {`,
    ...indent(inner, "    "),
    "}",
  ];

  return [
    "# The app's build (dist/) served by nginx, with the headers it needs.",
    "#",
    "# Generated by `npm run deploy:config` from src/deploy/responseHeaders.ts and",
    "# src/security/csp.ts: do not edit it by hand (a unit test fails when it is stale).",
    `# Built for ${base}: \`BASE_PATH=${base} npm run build\`, then copy dist/ to ${dist}/.`,
    "# Include this file in nginx's http block (Debian: /etc/nginx/conf.d/exodus.conf),",
    "# or copy its location blocks into an existing server. To serve at a site's root:",
    "# `npm run build` and `npm run deploy:config -- --base /`. See the README, Deployment.",
    "server {",
    ...indent(server, "    "),
    "}",
    "",
  ].join("\n");
}
