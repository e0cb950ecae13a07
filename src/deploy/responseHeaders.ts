/**
 * What a server sends with the app's files, written once: the nginx server block
 * (nginxConfig.ts → deploy/nginx/exodus.conf) and the `_headers` file static hosts read
 * (headersFile.ts → dist/_headers) are both rendered from these rules, and the policy
 * is the one in src/security/csp.ts.
 *
 * This module runs in Node (the build, the deploy script, tests); the app does not import it.
 */
import { CSP_POLICY } from "../security/csp.ts";

/** Hashed file names (dist/assets/): a changed file is a new URL, so a copy may be kept for a year. */
export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Everything else (pages, datasets, oEmbed, boot.js, embed-parent.js): their URLs never
 * change, so caches keep them 5 minutes, then ask again (ETag / Last-Modified make that
 * a 304). A correction reaches readers within 5 minutes, and a CDN still absorbs a
 * rush of readers.
 */
export const CACHE_SHORT = "public, max-age=300";

/** Sent with every response, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // The same policy as the pages' <meta> (no report-uri: a static server has no endpoint).
  // No frame-ancestors and no X-Frame-Options: any site may frame the embeds.
  "Content-Security-Policy": CSP_POLICY,
  // Browsers take the Content-Type as sent: a CSV or JSON file is never run as a script or page.
  "X-Content-Type-Options": "nosniff",
  // Other sites see the app's origin, never a page's path and query (the explorer's view state).
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** The type providers serve oEmbed JSON with (oEmbed 1.0 discovery: type="application/json+oembed"). */
export const OEMBED_CONTENT_TYPE = "application/json+oembed";

export interface FolderRule {
  /** A folder under the base, with a trailing slash; "" for every file no other rule takes. */
  folder: "" | `${string}/`;
  /** Why these headers, for the generated files' comments. */
  why: string;
  /** Headers besides SECURITY_HEADERS, sent with successful responses. */
  headers: Readonly<Record<string, string>>;
  /** The folder's files' Content-Type by extension (without the dot); unset: the server's usual types. */
  types?: Readonly<Record<string, string>>;
}

export const FOLDER_RULES: readonly FolderRule[] = [
  {
    folder: "",
    why: "pages, boot.js, embed-parent.js: short caching",
    headers: { "Cache-Control": CACHE_SHORT },
  },
  {
    folder: "assets/",
    why: "hashed file names: cached for a year, never revalidated",
    headers: { "Cache-Control": CACHE_IMMUTABLE },
  },
  {
    folder: "data/",
    why: "datasets and their CSV twins: short caching; any site may fetch them",
    headers: { "Cache-Control": CACHE_SHORT, "Access-Control-Allow-Origin": "*" },
    types: { json: "application/json", csv: "text/csv; charset=utf-8" },
  },
  {
    folder: "oembed/",
    why: "oEmbed responses (oembed/<graphic>.json): CMSs fetch them from their own origin",
    headers: { "Cache-Control": CACHE_SHORT, "Access-Control-Allow-Origin": "*" },
    types: { json: OEMBED_CONTENT_TYPE },
  },
];

/**
 * Paths under the base that are in the build but not part of the site, answered 404:
 * dot folders (.vite/, the Vite manifest the byte-budget test and the prerenderer
 * read) and `_headers` (static hosts read it and never serve it either).
 */
export const NOT_SERVED_PREFIXES: readonly string[] = [".", "_headers"];
