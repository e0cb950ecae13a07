/**
 * What a page tells the platforms that link to it, as the build writes it: the
 * canonical URL, link-preview tags (Open Graph, Twitter), an oEmbed discovery link and
 * JSON (graphic pages), and schema.org JSON-LD citing the articles behind the numbers.
 *
 * URLs are absolute when the build knows the public address (PUBLIC_URL, e.g.
 * "https://graphics.example.org/exodus/"); otherwise they are root-relative under the
 * base path, which browsers follow but link-preview crawlers may not (README,
 * "Embedding").
 */
import { GRAPHIC_IDS, GRAPHICS, type GraphicId } from "../graphics/registry.ts";
import { iframeCode } from "../embed/embedCode.ts";
import type { PageData } from "../data/pageData.ts";
import type { GraphicMeta, SourceRef } from "../schema/datasets.ts";
import { formatDate, latestDate, sourceLine } from "../ui/sourceLine.ts";
import type { PageHead } from "./pageHead.ts";
import type { PageSpec } from "./pages.ts";
import { SITE_NAME } from "./site.ts";

export { SITE_NAME };

export interface SiteAddress {
  /** Vite's base path: "/" or "/exodus/". */
  base: string;
  /** The public URL of the app's folder, ending in "/"; null when the build was not told it. */
  publicUrl: string | null;
}

/** A file of the site (from its root folder) as a URL: absolute with a public URL, else under the base path. */
export const siteUrl = (file: string, site: SiteAddress): string =>
  site.publicUrl ? new URL(file, site.publicUrl).href : `${site.base}${file}`;

/** The public URL from the environment, checked: absolute http(s), ending in "/". */
export function publicUrlFrom(value: string | undefined): string | null {
  if (!value) return null;
  const url = new URL(value); // throws on a relative or malformed value: the build stops and says so
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`PUBLIC_URL must be http(s): ${value}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

export const oembedFile = (graphic: GraphicId) => `oembed/${graphic}.json`;

/** A page's link-preview image (src/prerender/ogImage.ts draws it at build time). */
export const ogImageFile = (page: PageSpec) => `og/${page.id}.png`;
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The graphic a page's link-preview image shows: its own, else the map. */
export const ogGraphic = (page: PageSpec): GraphicId => page.graphic ?? "exit-routes";

/** The width an embed is drawn at in a typical article column, for oEmbed consumers that want one. */
const EMBED_WIDTH = 680;

const graphicMeta = (data: PageData, graphic: GraphicId): GraphicMeta | undefined =>
  (data[graphic] as { meta?: GraphicMeta } | undefined)?.meta;

/** What a page's link-preview image says: a title, and the source line under the graphic. */
export function ogCaption(page: PageSpec, head: PageHead, data: PageData): { title: string; source: string } {
  const m = graphicMeta(data, ogGraphic(page));
  if (page.kind === "embed" && m) return { title: m.title, source: sourceLine(m) };
  const sources = new Map(
    GRAPHIC_IDS.flatMap((g) => graphicMeta(data, g)?.sources ?? []).map((s) => [s.headline, s.published]),
  );
  const dates = [...sources.values()].sort();
  const span = dates.length > 0 ? `, ${formatDate(dates[0]!)} to ${formatDate(dates[dates.length - 1]!)}` : "";
  return { title: head.title, source: `Sources: ${sources.size} news articles${span}.` };
}

/** What the link-preview image shows, in words (og:image:alt). */
export function ogImageAlt(page: PageSpec, head: PageHead, data: PageData): string {
  const graphic = ogGraphic(page);
  const title = graphicMeta(data, graphic)?.title;
  const shown = `${graphic === "exit-routes" ? "Map" : "Chart"}${title ? `: ${title}` : ""}`;
  return page.kind === "embed" ? `${shown}, with its source line.` : `${head.title}. ${shown}, with the sources.`;
}

/** The oEmbed response for a graphic (type rich, version 1.0): a responsive iframe any CMS can paste. */
export function oembedJson(graphic: GraphicId, meta: GraphicMeta, site: SiteAddress) {
  const height = GRAPHICS[graphic].embedHeight;
  const appUrl = siteUrl("", site);
  return {
    type: "rich",
    version: "1.0",
    title: meta.title,
    provider_name: SITE_NAME,
    provider_url: appUrl,
    width: EMBED_WIDTH,
    height,
    html: iframeCode({ appUrl, graphic, title: meta.title, initialHeight: height }),
  };
}

const article = (s: SourceRef) => ({
  "@type": "NewsArticle",
  headline: s.headline,
  datePublished: s.published,
  ...(s.outlet ? { publisher: { "@type": "Organization", name: s.outlet } } : {}),
});

/** schema.org JSON-LD for a graphic: a Dataset based on the articles it cites, with its corrections and downloads. */
export function graphicJsonLd(graphic: GraphicId, meta: GraphicMeta, site: SiteAddress) {
  const articles = meta.sources.map(article);
  const modified = latestDate([meta.verification.date, ...meta.corrections.map((c) => c.date)]);
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    name: meta.title,
    description: meta.subtitle,
    url: siteUrl(`embed/${graphic}.html`, site),
    isAccessibleForFree: true,
    isBasedOn: articles,
    citation: articles,
    ...(modified ? { dateModified: modified } : {}),
    distribution: (["csv", "json"] as const).map((format) => ({
      "@type": "DataDownload",
      encodingFormat: format === "csv" ? "text/csv" : "application/json",
      contentUrl: siteUrl(`data/${graphic}.${format}`, site),
    })),
    ...(meta.corrections.length > 0
      ? {
          correction: meta.corrections.map((c) => ({
            "@type": "CorrectionComment",
            datePublished: c.date,
            text: `${c.change} ${c.reason}`,
          })),
        }
      : {}),
  };
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** JSON inside <script>: "</" and U+2028/9 escaped so the data cannot end the element or break a parser. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/<\//g, "<\\/")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/** The head tags of a page, after its <title> and description. */
export function publishingTags(page: PageSpec, head: PageHead, data: PageData, site: SiteAddress): string[] {
  const url = siteUrl(page.file === "index.html" ? "" : page.file, site);
  const meta = (property: string, content: string, attr = "property") =>
    `<meta ${attr}="${property}" content="${escapeAttr(content)}" />`;
  const tags = [
    `<link rel="canonical" href="${escapeAttr(url)}" />`,
    meta("og:type", "website"),
    meta("og:site_name", SITE_NAME),
    meta("og:title", head.title),
    meta("og:description", head.description),
    meta("og:url", url),
    meta("og:image", siteUrl(ogImageFile(page), site)),
    meta("og:image:type", "image/png"),
    meta("og:image:width", String(OG_IMAGE_SIZE.width)),
    meta("og:image:height", String(OG_IMAGE_SIZE.height)),
    meta("og:image:alt", ogImageAlt(page, head, data)),
    meta("twitter:card", "summary_large_image", "name"),
    meta("twitter:title", head.title, "name"),
    meta("twitter:description", head.description, "name"),
    meta("twitter:image", siteUrl(ogImageFile(page), site), "name"),
    meta("twitter:image:alt", ogImageAlt(page, head, data), "name"),
  ];
  if (page.kind === "explorer") {
    const graphs = GRAPHIC_IDS.flatMap((g) => {
      const m = graphicMeta(data, g);
      return m ? [graphicJsonLd(g, m, site)] : [];
    });
    if (graphs.length > 0)
      tags.push(
        `<script type="application/ld+json">${scriptJson({ "@context": "https://schema.org", "@graph": graphs.map(({ "@context": _, ...rest }) => rest) })}</script>`,
      );
  }
  const graphic = page.kind === "embed" ? page.graphic : undefined;
  const gm = graphic && graphicMeta(data, graphic);
  if (graphic && gm) {
    tags.push(
      `<link rel="alternate" type="application/json+oembed" href="${escapeAttr(siteUrl(oembedFile(graphic), site))}" title="${escapeAttr(gm.title)}" />`,
      `<script type="application/ld+json">${scriptJson(graphicJsonLd(graphic, gm, site))}</script>`,
    );
  }
  return tags;
}
