import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CSP_POLICY } from "../security/csp.ts";
import { DEFAULT_NGINX_OPTIONS, NGINX_CONFIG_FILE, nginxServerBlock } from "./nginxConfig.ts";
import { CACHE_IMMUTABLE, CACHE_SHORT, OEMBED_CONTENT_TYPE } from "./responseHeaders.ts";

const committed = readFileSync(path.resolve(import.meta.dirname, "../..", NGINX_CONFIG_FILE), "utf8");
const block = nginxServerBlock(DEFAULT_NGINX_OPTIONS);

/** The text of the location block opened by `header` (up to its matching brace). */
function location(conf: string, header: string): string {
  const start = conf.indexOf(`${header} {`);
  if (start < 0) throw new Error(`no ${header}`);
  let depth = 0;
  for (let i = conf.indexOf("{", start); i < conf.length; i++) {
    if (conf[i] === "{") depth++;
    else if (conf[i] === "}" && --depth === 0) return conf.slice(start, i + 1);
  }
  throw new Error(`unclosed ${header}`);
}

describe("deploy/nginx/exodus.conf", () => {
  it("is what npm run deploy:config writes today (run it after changing the rules or the policy)", () => {
    expect(committed, `${NGINX_CONFIG_FILE} is stale: run npm run deploy:config`).toBe(block);
  });
});

describe("nginxServerBlock", () => {
  it("sends the pages' policy as a header, and never restricts framing", () => {
    expect(block).toContain(`add_header Content-Security-Policy "${CSP_POLICY}" always;`);
    expect(block).not.toMatch(/X-Frame-Options|frame-ancestors/i);
  });

  it("serves every location with the full set of security headers (add_header is not inherited into one that has its own)", () => {
    const locations = block.match(/add_header Cache-Control/g) ?? [];
    const csp = block.match(/add_header Content-Security-Policy /g) ?? [];
    const nosniff = block.match(/add_header X-Content-Type-Options "nosniff" always;/g) ?? [];
    // The base, assets/, data/, oembed/, and the 404 answer (which has no Cache-Control).
    expect(locations).toHaveLength(4);
    expect(csp).toHaveLength(5);
    expect(nosniff).toHaveLength(5);
  });

  it("caches hashed assets for a year and everything else briefly", () => {
    expect(location(block, "location ^~ /exodus/assets/")).toContain(`add_header Cache-Control "${CACHE_IMMUTABLE}";`);
    for (const l of ["location ^~ /exodus/", "location ^~ /exodus/data/", "location ^~ /exodus/oembed/"])
      expect(
        location(block, l)
          .split("\n")
          .find((x) => x.includes("Cache-Control")),
      ).toContain(CACHE_SHORT);
  });

  it("types data and oEmbed JSON, and lets any origin fetch them", () => {
    const data = location(block, "location ^~ /exodus/data/");
    expect(data).toMatch(/application\/json json;/);
    expect(data).toMatch(/text\/csv csv;/);
    expect(block).toMatch(/charset_types [^;]*text\/csv/);
    const oembed = location(block, "location ^~ /exodus/oembed/");
    expect(oembed).toContain(`${OEMBED_CONTENT_TYPE} json;`);
    for (const l of [data, oembed]) expect(l).toContain('add_header Access-Control-Allow-Origin "*";');
    expect(location(block, "location ^~ /exodus/assets/")).not.toContain("Access-Control-Allow-Origin");
  });

  it("serves the .gz copies, and the .br ones only when asked (the module is not in Debian's nginx package)", () => {
    expect(block).toMatch(/^\s+gzip_static on;$/m);
    expect(block).not.toMatch(/^\s+brotli_static on;/m);
    expect(nginxServerBlock({ ...DEFAULT_NGINX_OPTIONS, brotli: true })).toMatch(/^\s+brotli_static on;/m);
  });

  it("answers 404 for folders, build files and paths outside the app", () => {
    expect(block).toContain("server_tokens off;");
    expect(block).not.toMatch(/autoindex on/);
    expect(block).toContain("location ^~ /exodus/. { return 404; }");
    expect(block).toContain("location ^~ /exodus/_headers { return 404; }");
    expect(block).toContain("location / { return 404; }");
    expect(block).toContain("location = /exodus { return 301 /exodus/; }");
  });

  it("serves a build made for the site's root at /", () => {
    const root = nginxServerBlock({ ...DEFAULT_NGINX_OPTIONS, base: "/" });
    expect(root).toContain("location ^~ / {");
    expect(root).toContain("location ^~ /assets/ {");
    expect(root).not.toContain("location / { return 404; }");
    expect(root).not.toMatch(/location[^\n]*\/exodus/);
  });

  it("refuses values that would change the configuration's meaning", () => {
    expect(() => nginxServerBlock({ ...DEFAULT_NGINX_OPTIONS, dist: "/srv/x; include /etc/passwd" })).toThrow(/dist/);
    expect(() => nginxServerBlock({ ...DEFAULT_NGINX_OPTIONS, serverName: "a b" })).toThrow(/serverName/);
    expect(() => nginxServerBlock({ ...DEFAULT_NGINX_OPTIONS, base: "/ex odus/" })).toThrow(/BASE_PATH/);
  });
});
