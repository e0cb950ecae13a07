/**
 * npm run deploy:config: writes the nginx server block (deploy/nginx/exodus.conf) from
 * the header rules (src/deploy/responseHeaders.ts) and the Content Security Policy
 * (src/security/csp.ts). Without options it writes the committed file; with them, a
 * block for another server:
 *
 *   npm run deploy:config -- --base / --dist /var/www/exodus --server-name news.example.org --out -
 *
 * --base PATH        the URL path the build was made for (BASE_PATH), default /exodus/
 * --dist DIR         where the build's folder is on the server, default /srv/exodus/dist
 * --listen VALUE     nginx's listen, default 80
 * --server-name NAME nginx's server_name, default graphics.example.org
 * --brotli           also serve <file>.br (needs libnginx-mod-http-brotli-static loaded)
 * --out FILE         where to write it ("-": standard output), default deploy/nginx/exodus.conf
 *
 * dist/_headers, for static hosts, is written by the build itself (src/deploy/headersFile.ts).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_NGINX_OPTIONS, NGINX_CONFIG_FILE, nginxServerBlock } from "../src/deploy/nginxConfig.ts";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: DEFAULT_NGINX_OPTIONS.base },
    dist: { type: "string", default: DEFAULT_NGINX_OPTIONS.dist },
    listen: { type: "string", default: DEFAULT_NGINX_OPTIONS.listen },
    "server-name": { type: "string", default: DEFAULT_NGINX_OPTIONS.serverName },
    brotli: { type: "boolean", default: DEFAULT_NGINX_OPTIONS.brotli },
    out: { type: "string", default: NGINX_CONFIG_FILE },
  },
  strict: true,
});

try {
  const text = nginxServerBlock({
    base: values.base,
    dist: values.dist,
    listen: values.listen,
    serverName: values["server-name"],
    brotli: values.brotli,
  });
  if (values.out === "-") process.stdout.write(text);
  else {
    writeFileSync(path.resolve(import.meta.dirname, "..", values.out), text);
    console.error(`deploy:config: wrote ${values.out}`);
  }
} catch (err) {
  console.error(`deploy:config: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
