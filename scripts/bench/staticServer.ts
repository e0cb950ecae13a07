/**
 * A minimal static file server for the bench: the app's build at `/` and the
 * reference pages at `/bench/`, on one origin, so every page fetches /data/… from the
 * same place. Text files (HTML, JS, CSS, JSON, SVG, CSV) are sent gzip-compressed
 * (zlib's default level) to a client that accepts it, as a production server sends
 * them: a prerendered page is mostly markup, and Lighthouse's simulated slow 4G would
 * otherwise charge it for bytes no reader downloads. No caching (every run opens a
 * fresh browser context). The same for the app and the references. Local only
 * (127.0.0.1).
 */
import { createReadStream, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

const COMPRESSED = new Set([".html", ".js", ".mjs", ".css", ".json", ".csv", ".svg"]);

/** Gzip bodies by file, kept while the file's size and mtime stay the same. */
const gzipped = new Map<string, { key: string; body: Buffer }>();
function gzipFile(file: string, size: number, mtimeMs: number): Buffer {
  const key = `${size}:${mtimeMs}`;
  const hit = gzipped.get(file);
  if (hit?.key === key) return hit.body;
  const body = gzipSync(readFileSync(file));
  gzipped.set(file, { key, body });
  return body;
}

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/** Serves `mounts` (URL prefix → folder; the longest prefix wins) on a free port. */
export async function serveStatic(mounts: Record<string, string>): Promise<StaticServer> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let pathname = decodeURIComponent(url.pathname);
    if (pathname.endsWith("/")) pathname += "index.html";
    const prefix = prefixes.find((p) => pathname.startsWith(p));
    const root = prefix === undefined ? undefined : path.resolve(mounts[prefix]!);
    const file = root === undefined ? undefined : path.resolve(root, `.${pathname.slice(prefix!.length - 1)}`);
    if (!root || !file || !file.startsWith(root + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    let size: number;
    let mtimeMs: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error("not a file");
      size = st.size;
      mtimeMs = st.mtimeMs;
    } catch {
      res.writeHead(404).end();
      return;
    }
    const headers = {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
      Vary: "Accept-Encoding",
    };
    if (COMPRESSED.has(path.extname(file)) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      const body = gzipFile(file, size, mtimeMs);
      res.writeHead(200, { ...headers, "Content-Encoding": "gzip", "Content-Length": body.length }).end(body);
      return;
    }
    res.writeHead(200, { ...headers, "Content-Length": size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
