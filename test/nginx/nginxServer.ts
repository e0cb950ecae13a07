/**
 * Debian's nginx serving the build as a server would, for the tests in this folder
 * (playwright.nginx.config.ts): the server block is the one `npm run deploy:config`
 * writes (src/deploy/nginxConfig.ts), rendered for a temporary copy of the build, and a
 * second server block on another port serves a newsroom's article that embeds a
 * graphic from the first: two origins, as in real life.
 *
 * nginx runs as the current user, in the foreground, with its pid file, logs and
 * temporary folders in a temporary folder, listening on 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { nginxServerBlock } from "../../src/deploy/nginxConfig.ts";
import { embedCode } from "../../src/embed/embedCode.ts";

export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
/** Debian's package of the brotli_static module (libnginx-mod-http-brotli-static) puts it here. */
export const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
export const BASE = "/exodus/";
/** The build made for BASE by `npm run test:nginx` (never dist/, which other tests serve). */
export const BUILD_DIR = path.resolve(import.meta.dirname, "../../dist-nginx");

const APP_PORT = Number(process.env.NGINX_APP_PORT ?? 4181);
const NEWSROOM_PORT = Number(process.env.NGINX_NEWSROOM_PORT ?? 4182);
export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;
export const NEWSROOM_ORIGIN = `http://127.0.0.1:${NEWSROOM_PORT}`;
export const APP_URL = `${APP_ORIGIN}${BASE}`;
export const ARTICLE_URL = `${NEWSROOM_ORIGIN}/article.html`;

/** The graphic the newsroom's article embeds, and its initial iframe height (px), smaller than the graphic. */
export const ARTICLE_GRAPHIC = "forces";
export const ARTICLE_INITIAL_HEIGHT = 150;

/**
 * An oEmbed response for the nginx rule for oembed/ to be tested against before the
 * build writes oEmbed files: it goes in the test's copy of the build, never in dist.
 */
export const OEMBED_FIXTURE = "oembed/forces.json";

/** What the tests read: set by globalSetup in the environment the test workers inherit. */
export interface NginxRun {
  /** The copy of the build nginx serves (with the oEmbed fixture). */
  siteDir: string;
  /** nginx is serving <file>.br (the brotli_static module was found and loaded). */
  brotli: boolean;
}

export const RUN_ENV = "EXODUS_NGINX_RUN";

export function currentRun(): NginxRun {
  const raw = process.env[RUN_ENV];
  if (!raw) throw new Error(`${RUN_ENV} is not set: run these tests with playwright.nginx.config.ts`);
  return JSON.parse(raw) as NginxRun;
}

function articleHtml(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A newsroom's article</title>
    <link rel="icon" href="data:," />
  </head>
  <body style="margin: 0 auto; max-width: 640px; font-family: serif">
    <h1>A newsroom's article</h1>
    <p>The article's text, then the graphic, pasted from the explorer's Embed dialog:</p>
    ${embedCode({ appUrl: APP_URL, graphic: ARTICLE_GRAPHIC, title: "Russia's and Ukraine's forces", initialHeight: ARTICLE_INITIAL_HEIGHT })}
    <p id="after">The article goes on below the graphic.</p>
  </body>
</html>
`;
}

function nginxConf(dir: string, siteDir: string, newsroomDir: string, brotli: boolean): string {
  const tmp = (name: string) => path.join(dir, "tmp", name);
  // As root, nginx's workers would switch to "nobody", which cannot read the temporary folder.
  const user = process.getuid?.() === 0 ? `user ${userInfo().username};\n` : "";
  return `# Written by test/nginx/nginxServer.ts for one test run.
${brotli ? `load_module ${BROTLI_MODULE};\n` : ""}${user}worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${path.join(dir, "access.log")};
  client_body_temp_path ${tmp("body")};
  proxy_temp_path ${tmp("proxy")};
  fastcgi_temp_path ${tmp("fastcgi")};
  uwsgi_temp_path ${tmp("uwsgi")};
  scgi_temp_path ${tmp("scgi")};
  sendfile on;

${nginxServerBlock({ base: BASE, dist: siteDir, listen: `127.0.0.1:${APP_PORT}`, serverName: "app.test", brotli })}
# The newsroom: another origin, whose article embeds a graphic from the app.
server {
    listen 127.0.0.1:${NEWSROOM_PORT};
    server_name newsroom.test;
    root ${newsroomDir};
}
}
`;
}

function waitForPort(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`nginx exited with code ${child.exitCode}`));
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.end();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() - started > timeoutMs) reject(new Error(`nginx did not listen on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** Copies the build, writes the configuration, starts nginx; resolves to a function that stops it. */
export async function startNginx(): Promise<{ run: NginxRun; stop: () => Promise<void> }> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} not found: apt-get install nginx (or set NGINX_PATH)`);
  if (!existsSync(path.join(BUILD_DIR, "index.html")))
    throw new Error(`${BUILD_DIR} has no build: run npm run test:nginx (it builds with BASE_PATH=${BASE})`);
  const built = readFileSync(path.join(BUILD_DIR, "index.html"), "utf8");
  if (!built.includes(`src="${BASE}boot.js"`))
    throw new Error(`${BUILD_DIR} was not built for ${BASE}: run npm run test:nginx`);

  const dir = mkdtempSync(path.join(tmpdir(), "exodus-nginx-"));
  const siteDir = path.join(dir, "site");
  const newsroomDir = path.join(dir, "newsroom");
  cpSync(BUILD_DIR, siteDir, { recursive: true });
  mkdirSync(path.join(siteDir, path.dirname(OEMBED_FIXTURE)), { recursive: true });
  writeFileSync(
    path.join(siteDir, OEMBED_FIXTURE),
    JSON.stringify({
      version: "1.0",
      type: "rich",
      title: "Russia's and Ukraine's forces (a test fixture, not the build's)",
      provider_name: "Leaving Russia in 2022",
      html: embedCode({ appUrl: APP_URL, graphic: "forces", title: "Russia's and Ukraine's forces" }),
      width: 600,
      height: 600,
    }),
  );
  mkdirSync(newsroomDir);
  writeFileSync(path.join(newsroomDir, "article.html"), articleHtml());
  mkdirSync(path.join(dir, "tmp"));

  const brotli = existsSync(BROTLI_MODULE);
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(conf, nginxConf(dir, siteDir, newsroomDir, brotli));

  const child = spawn(NGINX, ["-p", dir, "-c", conf, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  try {
    await waitForPort(APP_PORT, child);
    await waitForPort(NEWSROOM_PORT, child);
  } catch (err) {
    child.kill("SIGTERM");
    const log = existsSync(path.join(dir, "error.log")) ? readFileSync(path.join(dir, "error.log"), "utf8") : "";
    throw new Error(`${(err as Error).message}\n${log}`);
  }

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGQUIT"); // graceful: finish the open requests
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGTERM"); // fast: the master stops its workers
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { run: { siteDir, brotli }, stop };
}
