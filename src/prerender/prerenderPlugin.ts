/**
 * Static first, inside the Vite build. One plugin:
 *
 * - generates every page's HTML shell and every embed page's entry module from the
 *   page list (src/pages/pages.ts, itself from the graphic registry), so no page or
 *   entry file is written by hand per graphic;
 * - builds the app in two environments, the browser's (client) and Node's (ssr: the
 *   prerenderer's entry, src/prerender/renderPage.tsx, into .ssr/<client outDir>/);
 * - then renders every page with React's static renderer from the datasets the
 *   pipeline wrote (dist/data/), and writes the markup, the page's title and
 *   description, its data block and modulepreload links for the graphics it lazily
 *   loads into the built HTML, with its stylesheets inlined (inlineStylesheets). The
 *   finished page is checked against the Content Security Policy again (no inline
 *   script may have crept in).
 *
 * In the dev server the shells are served unrendered and the app renders in the
 * browser (src/entries/mount.ts creates a root where there is no markup to hydrate).
 *
 * This module runs in Node (vite.config.ts); the app does not import it.
 */
import { readFileSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { minify, type Manifest, type Plugin, type ResolvedConfig } from "vite";
import { PAGE_DATA_ID } from "../data/pageData.ts";
import { inlineScriptProblems } from "../security/csp.ts";
import { GRAPHIC_IDS, GRAPHICS, isGraphicId } from "../graphics/registry.ts";
import { EMBED_ENTRY_PREFIX, PAGES, type PageSpec } from "../pages/pages.ts";
import {
  ogCaption,
  ogGraphic,
  ogImageFile,
  oembedFile,
  oembedJson,
  publicUrlFrom,
  publishingTags,
  type SiteAddress,
} from "../pages/publishing.ts";
import { ARTBOARD_WIDTHS } from "../ui/artboardWidths.ts";
import { artboardSvg, cardScale, ogCardSvg, ogPng, resolveTokens } from "./ogImage.ts";
import type { GraphicMeta } from "../schema/datasets.ts";
import type { RenderedPage } from "./renderPage.tsx";
import { escapeMarkup } from "../format/escapeMarkup.ts";
import { slideElementId } from "../presentation/stepModel.ts";

/**
 * Where the prerenderer's bundle goes: beside nothing that is served, and one folder per
 * client output folder, so two builds at once (the bench's, the nginx suite's) do not
 * overwrite each other's.
 */
const ssrOutDir = (clientOutDir: string) => path.join(".ssr", path.basename(path.resolve(clientOutDir)));
const SSR_ENTRY = "src/prerender/renderPage.tsx";
const VIRTUAL_EMBED_ENTRY = "\0exodus-embed-entry:";

/** A page's HTML before the build: the placeholders are filled by the prerenderer. */
export function pageShell(page: PageSpec): string {
  const embedded = page.kind === "embed" || page.kind === "embed-chooser";
  // With its CSS inline, a page can paint before its HTML is parsed. An embed's graphic
  // grows as it is parsed: the browser waits for the data block, which follows #root,
  // so the first paint holds the whole graphic. The deck waits for its current slide
  // only (deckExpect). The explorer, a page that grows downwards, paints as it parses.
  const expect =
    page.kind === "embed" && page.datasets.length > 0
      ? `\n    <link rel="expect" href="#${PAGE_DATA_ID}" blocking="render" />`
      : "";
  return `<!doctype html>
<html lang="en"${embedded ? ' class="is-embed"' : ""}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title><!--page-title--></title>
    <!--page-head-->
    <link rel="icon" href="data:," />${expect}
    <script src="/boot.js"></script>
  </head>
  <body>
    <div id="root"><!--page-body--></div>
    <!--page-data-->
    <script type="module" src="${page.entry}"></script>
  </body>
</html>
`;
}

/**
 * An embed page's entry: the graphic's `start` module first (a chunk of its own, see
 * vite.config.ts, so it runs before the chunk that holds React), then its one graphic,
 * imported statically so it downloads with the page.
 */
function embedEntry(graphic: string): string {
  if (!isGraphicId(graphic)) throw new Error(`No graphic "${graphic}" in the registry`);
  const { start } = GRAPHICS[graphic];
  return [
    ...(start ? [`import "/src/${start}";`] : []),
    `import "/src/data/zodJitless.ts";`,
    `import "/src/styles.css";`,
    `import def from "/src/graphics/${GRAPHICS[graphic].module}";`,
    `import { startEmbed } from "/src/entries/startEmbed.tsx";`,
    `startEmbed(def);`,
  ].join("\n");
}

export interface ChunkAssets {
  /** Script files: the module's chunk first, then the chunks it imports. */
  js: string[];
  /** Stylesheets those chunks bring. */
  css: string[];
}

/**
 * Every file a module needs, for the page's head: its chunks, for <link rel="modulepreload">,
 * and their stylesheets, for <link rel="stylesheet">. A graphic the page imports lazily
 * brings its own CSS (the map's), which Vite would inject when the chunk runs: the
 * prerendered graphic needs it from the first paint, and without a script at all.
 */
export function chunkAssets(manifest: Manifest, key: string, seen = new Set<string>()): ChunkAssets {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return { js: [], css: [] };
  seen.add(key);
  const imported = (chunk.imports ?? []).map((k) => chunkAssets(manifest, k, seen));
  return {
    js: [chunk.file, ...imported.flatMap((a) => a.js)],
    css: [...(chunk.css ?? []), ...imported.flatMap((a) => a.css)],
  };
}

/** The graphics a page draws through lazily loaded chunks (an embed imports its own statically). */
const lazyGraphics = (page: PageSpec) => (page.kind === "explorer" || page.kind === "presentation" ? GRAPHIC_IDS : []);

/**
 * The deck's first paint waits for the slide on screen, not the whole deck (every step,
 * each chart at six widths: 600 KB of HTML): a slide is centred and grows as its graphic
 * is parsed, so the paint holds until it is. Chromium lets the paint go once the
 * expected element has started, so the link names what follows the slide: the next
 * slide's `<article id="slide-…">`, or after the last the data block. This is for the
 * first step; public/boot.js points it past the `?step=` slide before the body is
 * parsed, from the steps' order in `data-deck`. (The deck bar comes before the slides;
 * the footer after them is fixed, and its room kept.)
 */
export function deckExpect(page: PageSpec, data: Record<string, unknown>): string[] {
  if (page.kind !== "presentation") return [];
  const steps = (data["story"] as { steps?: { id: string }[] } | undefined)?.steps?.map((s) => s.id) ?? [];
  if (steps.length === 0) throw new Error(`${page.file}: the story has no steps`);
  const after = steps[1] ? slideElementId(steps[1]) : PAGE_DATA_ID;
  return [
    `<link rel="expect" href="#${escapeMarkup(after)}" blocking="render" data-deck="${escapeMarkup(steps.join(" "))}" />`,
  ];
}

/** The start modules' chunk (vite.config.ts's code-splitting group). */
export const START_CHUNK = "map-start";

export function startScript(page: PageSpec, manifest: Manifest, base: string): string[] {
  if (page.kind !== "embed" || !page.graphic || !GRAPHICS[page.graphic].start) return [];
  const first = manifest[page.file]?.imports?.[0];
  const file = first && manifest[first]?.name === START_CHUNK ? manifest[first].file : undefined;
  if (!file) throw new Error(`${page.file}: its entry's first import is not the "${START_CHUNK}" chunk`);
  return [`<script type="module" async crossorigin src="${escapeMarkup(base + file)}"></script>`];
}

/** The built page with the prerendered markup, head, data and preloads in place. */
export function fillPage(
  html: string,
  rendered: RenderedPage,
  assets: ChunkAssets,
  tags: readonly string[] = [],
): string {
  const fill = (text: string, placeholder: string, value: string) => {
    if (!text.includes(placeholder)) throw new Error(`the page has no ${placeholder}`);
    return text.replace(placeholder, () => value);
  };
  const absent = (href: string) => !html.includes(`href="${href}"`);
  // The lazily loaded graphics' chunks and stylesheets go after the page's own (Vite
  // writes those last in the head), in the order the app would have asked for them.
  // A chunk the page's entry already preloads is not listed twice.
  const links = [
    ...assets.js.filter(absent).map((href) => `<link rel="modulepreload" crossorigin href="${escapeMarkup(href)}" />`),
    ...assets.css.filter(absent).map((href) => `<link rel="stylesheet" crossorigin href="${escapeMarkup(href)}" />`),
  ]
    .map((link) => `  ${link}\n  `)
    .join("");
  let out = fill(html, "<!--page-title-->", escapeMarkup(rendered.head.title));
  out = fill(
    out,
    "<!--page-head-->",
    [`<meta name="description" content="${escapeMarkup(rendered.head.description)}" />`, ...tags].join("\n    "),
  );
  out = fill(out, "</head>", `${links}</head>`);
  out = fill(out, "<!--page-body-->", rendered.body);
  out = fill(out, "<!--page-data-->", rendered.dataScript);
  return out;
}

/** The `<meta>` public/boot.js reads the app's modules from: the page's entry first, then the modules to preload. */
export const APP_META = "exodus-app";
const PAGE_ENTRY = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/g;
const MODULE_PRELOAD = /<link rel="modulepreload" crossorigin href="([^"]+)"\s*\/?>\s*/g;

/**
 * The app's JavaScript after the first paint. Every graphic is in the page's HTML, so
 * nothing the reader first sees needs a script; downloading and compiling the app's
 * 110–160 KiB while the page is parsed and painted held its first paint back by about
 * 80–120 ms on two cores (README, Performance budgets). The page's entry script and
 * its module preloads leave the HTML for one `<meta name="exodus-app">` that lists them
 * (entry first), so neither the parser nor the preload scanner fetches them;
 * public/boot.js adds them once the page is parsed and its first frame is drawn. The
 * graphic's `start` module (an `async` script) stays: with engine=maplibre it starts
 * MapLibre with the page. Without scripts nothing changes: nothing was run.
 */
export function deferApp(html: string): string {
  const entries = [...html.matchAll(PAGE_ENTRY)].map((m) => m[1]!);
  if (entries.length !== 1) throw new Error(`the page has ${entries.length} entry scripts, not one`);
  const preloads = [...new Set([...html.matchAll(MODULE_PRELOAD)].map((m) => m[1]!))];
  // The URLs as the page wrote them (attribute text, already escaped): copied as they are.
  const files = [entries[0]!, ...preloads.filter((f) => f !== entries[0])];
  const meta = `<meta name="${APP_META}" content="${files.join(" ")}" />\n    `;
  const out = html.replace(PAGE_ENTRY, "").replace(MODULE_PRELOAD, "");
  // A tag written another way (attributes in another order, an integrity hash) would
  // still be fetched before the first paint: refuse it rather than miss it.
  if (/rel="?modulepreload/.test(out) || /<script(?![^>]*\basync\b)[^>]*type="?module/.test(out))
    throw new Error("a module script or preload is left in the page, written in a form deferApp does not know");
  const boot = out.search(/<script src="[^"]*\/boot\.js"/);
  if (boot < 0 || boot > out.indexOf("</head>")) throw new Error("the page's head has no boot.js to start the app");
  return `${out.slice(0, boot)}${meta}${out.slice(boot)}`;
}

/**
 * The pages whose app starts after the first paint (deferApp): those that draw graphics
 * from their HTML. The embed chooser (which sends an older embed code's
 * `embed.html?graphic=` on to its page) and the previewer start at once, as before.
 */
export const startsAfterPaint = (page: PageSpec): boolean =>
  page.kind === "explorer" || page.kind === "embed" || page.kind === "presentation";

const STYLESHEET_LINK = /<link rel="stylesheet" crossorigin href="([^"]+)"\s*\/?>\s*/g;

/**
 * The page's stylesheets, written into it: a `<style>` per stylesheet, in the order the
 * head linked them, before the head's first script. With nothing to download before it
 * can paint but boot.js, the page paints as soon as its HTML is parsed (its CSS is
 * 2–5 KiB gzip; the Content Security Policy allows inline styles, not scripts).
 *
 * Each link is left in place, `disabled`, which the browser does not fetch: Vite's
 * loader, which adds a lazily loaded chunk's stylesheet to the head when the chunk is
 * imported (and waits for it), finds it there and leaves it be.
 *
 * `css(href)`: the stylesheet's text. Its url()s must be data: URLs or absolute paths,
 * which mean the same from the page as from the stylesheet.
 */
export function inlineStylesheets(html: string, css: (href: string) => string): string {
  const hrefs = [...html.matchAll(STYLESHEET_LINK)].map((m) => m[1]!);
  if (hrefs.length === 0) return html;
  const styles = hrefs.map((href) => {
    const text = css(href).trim();
    const relative = [...text.matchAll(/url\(\s*["']?([^"')]*)/g)]
      .map((m) => m[1]!)
      .filter((u) => !/^(data:|\/)/.test(u));
    if (relative.length > 0) throw new Error(`${href}: relative url() cannot be inlined: ${relative.join(", ")}`);
    if (/<\/style/i.test(text)) throw new Error(`${href}: holds "</style"`);
    return `<style data-href="${escapeMarkup(href)}">${text}</style>`;
  });
  const out = html.replace(
    STYLESHEET_LINK,
    (_, href: string) => `<link rel="stylesheet" crossorigin href="${href}" disabled />\n    `,
  );
  const firstScript = out.indexOf("<script");
  const headEnd = out.indexOf("</head>");
  const at = firstScript >= 0 && firstScript < headEnd ? firstScript : headEnd;
  return `${out.slice(0, at)}${styles.join("\n    ")}\n    ${out.slice(at)}`;
}

async function readDatasets(dir: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const file of await readdir(dir)) {
    if (!file.endsWith(".json") || file === "manifest.json") continue;
    out[file.replace(/\.json$/, "")] = JSON.parse(await readFile(path.join(dir, file), "utf8"));
  }
  return out;
}

/** oembed/<graphic>.json for every graphic: what a CMS given the graphic's URL asks for. */
async function writeOembedFiles(outDir: string, data: Record<string, unknown>, site: SiteAddress): Promise<void> {
  await mkdir(path.join(outDir, "oembed"), { recursive: true });
  for (const g of GRAPHIC_IDS) {
    const meta = (data[g] as { meta?: GraphicMeta } | undefined)?.meta;
    if (!meta) throw new Error(`oEmbed: the ${g} dataset has no meta`);
    await writeFile(path.join(outDir, oembedFile(g)), JSON.stringify(oembedJson(g, meta, site), null, 2));
  }
}

/**
 * og/<page id>.png for every page: its graphic (else the map) as the graphic's own embed
 * page drew it, with a title and the source line (ogImage.ts).
 */
async function writeOgImages(
  outDir: string,
  rendered: ReadonlyMap<PageSpec, RenderedPage>,
  data: Record<string, unknown>,
): Promise<void> {
  await mkdir(path.join(outDir, "og"), { recursive: true });
  const embedBody = (graphic: string) =>
    [...rendered].find(([p]) => p.kind === "embed" && p.graphic === graphic)?.[1].body;
  for (const [page, { head }] of rendered) {
    const graphic = ogGraphic(page);
    const html = embedBody(graphic);
    if (!html) throw new Error(`og:image: no embed page draws the ${graphic} graphic`);
    const caption = ogCaption(page, head, data);
    // The artboard whose type comes out largest (a short chart reads better from a narrow
    // artboard, scaled up); the map at its widest, which labels every place.
    const candidates = (graphic === "exit-routes" ? [1000] : [...ARTBOARD_WIDTHS].reverse())
      .map((w) => artboardSvg(html, graphic, w))
      .filter((svg): svg is string => svg !== null);
    const best = candidates.reduce<string | undefined>(
      (a, b) => (a === undefined || cardScale(caption, b) > cardScale(caption, a) + 0.01 ? b : a),
      undefined,
    );
    if (!best) throw new Error(`og:image: the ${graphic} embed page has no artboard`);
    const card = ogCardSvg({ ...caption, graphic: resolveTokens(best) });
    await writeFile(path.join(outDir, ogImageFile(page)), ogPng(card));
  }
}

async function prerenderAll(config: ResolvedConfig): Promise<void> {
  const root = config.root;
  const outDir = path.resolve(root, config.build.outDir);
  const started = performance.now();
  const bundle = path.resolve(root, ssrOutDir(config.build.outDir), "renderPage.js");
  const { renderPage } = (await import(pathToFileURL(bundle).href)) as {
    renderPage: (page: PageSpec, data: Record<string, unknown>) => Promise<RenderedPage>;
  };
  const data = await readDatasets(path.join(outDir, "data"));
  const site = { base: config.base, publicUrl: publicUrlFrom(process.env.PUBLIC_URL) };
  await writeOembedFiles(outDir, data, site);
  const manifest = JSON.parse(await readFile(path.join(outDir, ".vite/manifest.json"), "utf8")) as Manifest;
  const css = new Map<string, string>();
  const pages = new Map<PageSpec, RenderedPage>();
  for (const page of PAGES) {
    const file = path.join(outDir, page.file);
    const rendered = await renderPage(page, data);
    pages.set(page, rendered);
    const lazy = lazyGraphics(page).map((g) => chunkAssets(manifest, `src/graphics/${GRAPHICS[g].module}`));
    const withBase = (files: string[]) => [...new Set(files)].map((f) => `${config.base}${f}`);
    const assets = { js: withBase(lazy.flatMap((a) => a.js)), css: withBase(lazy.flatMap((a) => a.css)) };
    const tags = [
      ...publishingTags(page, rendered.head, data, site),
      ...deckExpect(page, data),
      ...startScript(page, manifest, config.base),
    ];
    const built = fillPage(await readFile(file, "utf8"), rendered, assets, tags);
    const filled = startsAfterPaint(page) ? deferApp(built) : built;
    const html = inlineStylesheets(filled, (href) => {
      if (!href.startsWith(config.base))
        throw new Error(`${page.file}: the stylesheet ${href} is not under ${config.base}`);
      return (
        css.get(href) ??
        css.set(href, readFileSync(path.join(outDir, href.slice(config.base.length)), "utf8")).get(href)!
      );
    });
    const problems = inlineScriptProblems(html);
    if (problems.length > 0)
      throw new Error(`${page.file}: the prerendered page breaks the Content Security Policy: ${problems.join("; ")}`);
    await writeFile(file, html);
  }
  config.logger.info(`✓ prerendered ${PAGES.length} pages in ${Math.round(performance.now() - started)} ms`);
  const ogStarted = performance.now();
  await writeOgImages(outDir, pages, data);
  config.logger.info(`✓ drew ${pages.size} link-preview images in ${Math.round(performance.now() - ogStarted)} ms`);
}

/**
 * boot.js, the one script every page waits for before its first paint, minified in the
 * build (public/ is copied as it is): its comments are most of its bytes (1.9 KiB gzip
 * as written, 0.8 minified).
 */
async function minifyBoot(config: ResolvedConfig): Promise<void> {
  const file = path.resolve(config.root, config.build.outDir, "boot.js");
  const { code, errors } = await minify("boot.js", await readFile(file, "utf8"), { compress: true, mangle: true });
  if (errors.length > 0) throw new Error(`boot.js: ${errors.map((e) => e.message).join("; ")}`);
  await writeFile(file, code);
}

export function staticPages(): Plugin {
  let root = process.cwd();
  const pageByFile = new Map(PAGES.map((p) => [p.file, p]));
  const pageFor = (id: string): PageSpec | undefined => {
    const rel = path.isAbsolute(id) ? path.relative(root, id) : id.replace(/^\//, "");
    return pageByFile.get(rel.split(path.sep).join("/"));
  };
  return {
    name: "exodus:static-pages",
    config(config) {
      root = path.resolve(config.root ?? process.cwd());
      return {
        environments: {
          client: {
            build: {
              rollupOptions: { input: Object.fromEntries(PAGES.map((p) => [p.id, path.resolve(root, p.file)])) },
            },
          },
          ssr: {
            build: {
              outDir: ssrOutDir(config.build?.outDir ?? "dist"),
              emptyOutDir: true,
              copyPublicDir: false,
              manifest: false,
              rollupOptions: { input: { renderPage: path.resolve(root, SSR_ENTRY) } },
            },
          },
        },
        builder: {
          async buildApp(builder) {
            await builder.build(builder.environments.client!);
            await minifyBoot(builder.environments.client!.config);
            await builder.build(builder.environments.ssr!);
            await prerenderAll(builder.environments.client!.config);
          },
        },
      };
    },
    resolveId(id) {
      if (id.startsWith(EMBED_ENTRY_PREFIX)) return VIRTUAL_EMBED_ENTRY + id.slice(EMBED_ENTRY_PREFIX.length);
      if (id.endsWith(".html") && pageFor(id)) return path.resolve(root, pageFor(id)!.file);
      return undefined;
    },
    load(id) {
      if (id.startsWith(VIRTUAL_EMBED_ENTRY))
        return embedEntry(id.slice(VIRTUAL_EMBED_ENTRY.length).replace(/\.tsx$/, ""));
      if (id.endsWith(".html")) {
        const page = pageFor(id);
        if (page) return pageShell(page);
      }
      return undefined;
    },
    configureServer(server) {
      // The dev server serves the shells as they are; the app renders in the browser.
      // Under a sub-path (base "/exodus/") a page's URL starts with the base; this
      // middleware runs before Vite's own, which would strip it.
      const base = server.config.base;
      server.middlewares.use(async (req, res, next) => {
        const url = new URL(req.url ?? "/", "http://localhost");
        if (!url.pathname.startsWith(base)) return next();
        const rel = url.pathname.slice(base.length) || "index.html";
        const page = pageByFile.get(rel.endsWith("/") ? `${rel}index.html` : rel);
        if (!page || req.method !== "GET") return next();
        try {
          const html = await server.transformIndexHtml(req.url ?? "/", pageShell(page));
          res.setHeader("content-type", "text/html; charset=utf-8");
          res.end(html);
        } catch (err) {
          next(err);
        }
      });
    },
  };
}
