/**
 * The URL path the app is served under: "/" (the default) or a sub-path such as
 * "/exodus/". It is a build setting (Vite's `base`), read from BASE_PATH:
 * `BASE_PATH=/exodus/ npm run build`. Every URL the app writes (pages, scripts, data,
 * the basemap, MapLibre's worker, embed codes) starts with it.
 *
 * This module runs in Node (vite.config.ts, the deploy scripts); the app reads the
 * base as import.meta.env.BASE_URL.
 */

/** One or more path segments of letters, digits, "-", "_" and ".", not "." or ".." alone. */
const SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._-]+$/;

/**
 * The base path for `value` ("/" when unset or empty), always with a leading and a
 * trailing slash: "exodus", "/exodus" and "/exodus/" all give "/exodus/". Anything
 * that is not a plain path (a scheme, a host, a query, "..", spaces) is an error:
 * the base goes into HTML attributes and server configuration as it is.
 */
export function parseBasePath(value: string | undefined): string {
  const raw = (value ?? "").trim();
  if (raw === "" || raw === "/") return "/";
  const segments = raw.split("/").filter((s) => s !== "");
  const bad = segments.find((s) => !SEGMENT.test(s));
  if (bad !== undefined)
    throw new Error(
      `BASE_PATH "${raw}" is not a plain URL path such as /exodus/ (segment "${bad}": letters, digits, - _ . only)`,
    );
  return `/${segments.join("/")}/`;
}
