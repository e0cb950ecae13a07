/**
 * What nginx sends, read off the wire (node:http, nothing decoded for us): the policy
 * as a header, caching, content types, the precompressed copies, CORS, and 404s.
 */
import { readdirSync, readFileSync } from "node:fs";
import { request, type IncomingHttpHeaders } from "node:http";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { CACHE_IMMUTABLE, CACHE_SHORT, OEMBED_CONTENT_TYPE } from "../../src/deploy/responseHeaders.ts";
import { PAGES } from "../../src/pages/pages.ts";
import { CSP_POLICY } from "../../src/security/csp.ts";
import { APP_ORIGIN, APP_URL, ARTICLE_URL, BASE, currentRun, OEMBED_FIXTURE } from "./nginxServer.ts";

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const run = () => currentRun();
const file = (rel: string) => readFileSync(path.join(run().siteDir, rel));
const assets = () => readdirSync(path.join(run().siteDir, "assets"));
const asset = (prefix: string, ext: string) => {
  const name = assets().find((f) => f.startsWith(prefix) && f.endsWith(ext));
  if (!name) throw new Error(`no assets/${prefix}*${ext} in the build`);
  return `assets/${name}`;
};

const PAGE_FILES = PAGES.map((p) => p.file);

test("every page has the Content Security Policy as a header, and nothing that limits framing", async () => {
  for (const rel of ["", ...PAGE_FILES]) {
    const r = await get(`${APP_URL}${rel}`);
    expect(r.status, rel).toBe(200);
    expect(r.headers["content-security-policy"], rel).toBe(CSP_POLICY);
    expect(r.headers["content-security-policy"], rel).not.toMatch(/frame-ancestors/);
    expect(r.headers["x-frame-options"], rel).toBeUndefined();
    expect(r.headers["x-content-type-options"], rel).toBe("nosniff");
    expect(r.headers["referrer-policy"], rel).toBe("strict-origin-when-cross-origin");
    expect(r.headers["content-type"], rel).toBe("text/html; charset=utf-8");
    expect(r.headers["cache-control"], rel).toBe(CACHE_SHORT);
    expect(r.headers["server"], rel).toBe("nginx"); // no version
  }
});

test("hashed assets are cached for a year; pages, data and the two public scripts briefly", async () => {
  const html = file("index.html").toString("utf8");
  const referenced = [...html.matchAll(/(?:src|href)="\/exodus\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  expect(referenced.length).toBeGreaterThan(5);
  for (const rel of [...new Set(referenced)]) {
    const r = await get(`${APP_URL}${rel}`);
    expect(r.status, rel).toBe(200);
    expect(r.headers["cache-control"], rel).toBe(CACHE_IMMUTABLE);
  }
  for (const rel of ["boot.js", "embed-parent.js", "data/forces.json", "data/forces.csv", "data/manifest.json"]) {
    const r = await get(`${APP_URL}${rel}`);
    expect(r.status, rel).toBe(200);
    expect(r.headers["cache-control"], rel).toBe(CACHE_SHORT);
    expect(r.headers["etag"], rel).toBeTruthy(); // after 5 minutes, a revalidation answered 304
  }
});

test("content types: JSON, CSV, JavaScript, CSS, the basemap, the link-preview images", async () => {
  const expected: [string, string][] = [
    ["data/forces.json", "application/json"],
    ["data/figures.json", "application/json"],
    ["data/forces.csv", "text/csv; charset=utf-8"],
    ["boot.js", "application/javascript; charset=utf-8"],
    [asset("mount-", ".js"), "application/javascript; charset=utf-8"],
    [asset("styles-", ".css"), "text/css; charset=utf-8"],
    [asset("countries-110m-", ".json"), "application/json"],
    ["og/explorer.png", "image/png"],
    ["og/embed-forces.png", "image/png"],
  ];
  for (const [rel, type] of expected) expect((await get(`${APP_URL}${rel}`)).headers["content-type"], rel).toBe(type);
});

test("gzip: the build's .gz copies, sent as they are to clients that accept gzip", async () => {
  const files = [
    "index.html",
    "embed/forces.html",
    asset("mount-", ".js"),
    asset("styles-", ".css"),
    "data/figures.json",
  ];
  for (const rel of files) {
    const gz = file(`${rel}.gz`);
    const r = await get(`${APP_URL}${rel}`, { "accept-encoding": "gzip" });
    expect(r.headers["content-encoding"], rel).toBe("gzip");
    expect(r.headers["vary"], rel).toBe("Accept-Encoding");
    // Byte for byte the precompressed file (nginx compresses nothing itself: gzip_static).
    expect(r.body.equals(gz), `${rel}: the body is ${rel}.gz`).toBe(true);
    expect(gunzipSync(r.body).equals(file(rel)), `${rel}: decodes to the file`).toBe(true);

    const plain = await get(`${APP_URL}${rel}`);
    expect(plain.headers["content-encoding"], rel).toBeUndefined();
    expect(plain.body.equals(file(rel)), rel).toBe(true);
  }
});

test("brotli: the build's .br copies where nginx has the brotli_static module", async () => {
  const rel = asset("mount-", ".js");
  const r = await get(`${APP_URL}${rel}`, { "accept-encoding": "br, gzip" });
  if (!run().brotli) {
    // Debian's nginx package has no brotli: the .gz copy is sent, and the .br one waits for a CDN.
    expect(r.headers["content-encoding"]).toBe("gzip");
    test.skip(true, "libnginx-mod-http-brotli-static is not installed: nginx serves the .gz copies only");
  }
  expect(r.headers["content-encoding"]).toBe("br");
  expect(r.body.equals(file(`${rel}.br`))).toBe(true);
  expect(brotliDecompressSync(r.body).equals(file(rel))).toBe(true);
});

test("oEmbed JSON has its own type, short caching, and is open to every origin (a fixture in the test's copy)", async () => {
  const r = await get(`${APP_URL}${OEMBED_FIXTURE}`);
  expect(r.status).toBe(200);
  expect(r.headers["content-type"]).toBe(OEMBED_CONTENT_TYPE);
  expect(r.headers["access-control-allow-origin"]).toBe("*");
  expect(r.headers["cache-control"]).toBe(CACHE_SHORT);
  expect(JSON.parse(r.body.toString("utf8"))).toMatchObject({ version: "1.0", type: "rich" });
});

test("a newsroom's page on another origin can fetch the data and oEmbed JSON (CORS)", async ({ page }) => {
  await page.goto(ARTICLE_URL);
  const results = await page.evaluate(
    async (urls) => {
      const out: string[] = [];
      for (const url of urls) {
        try {
          const r = await fetch(url);
          out.push(`${r.status} ${r.headers.get("content-type")} ${Object.keys(await r.json()).length > 0}`);
        } catch (err) {
          out.push(`blocked: ${String(err)}`);
        }
      }
      return out;
    },
    [`${APP_URL}data/forces.json`, `${APP_URL}${OEMBED_FIXTURE}`],
  );
  expect(results).toEqual(["200 application/json true", `200 ${OEMBED_CONTENT_TYPE} true`]);
});

test("unknown paths, folders and build files are a plain 404 that names nothing", async () => {
  const paths = [
    `${BASE}no-such-page.html`,
    `${BASE}assets/`,
    `${BASE}assets/no-such-chunk-abcdef.js`,
    `${BASE}embed/`,
    `${BASE}data/no-such.json`,
    `${BASE}oembed/no-such.json`,
    `${BASE}.vite/manifest.json`,
    `${BASE}_headers`,
    `${BASE}../etc/passwd`,
    "/",
    "/index.html",
  ];
  for (const p of paths) {
    const r = await get(`${APP_ORIGIN}${p}`);
    expect(r.status, p).toBe(404);
    expect(r.body.toString("utf8"), p).toBe("Not found\n");
    expect(r.headers["content-type"], p).toBe("text/plain; charset=utf-8");
    expect(r.headers["server"], p).toBe("nginx");
    expect(r.headers["cache-control"], p).toBeUndefined(); // never "immutable" for a missing asset
    expect(r.headers["content-security-policy"], p).toBe(CSP_POLICY);
  }
  const redirect = await get(`${APP_ORIGIN}${BASE.replace(/\/$/, "")}`);
  expect(redirect.status).toBe(301);
  expect(redirect.headers["location"]).toBe(BASE);
});
