/**
 * Link-preview images (og:image, 1200 × 630 PNG), drawn at build time from the graphic
 * itself: the widest artboard the prerenderer wrote into the page, under the page's
 * title, over the source line and the site's name, in the light theme.
 *
 * The graphics' SVG paints with the theme's custom properties (var(--fg)…), which a
 * lone SVG file cannot read, so they are replaced by the light theme's values
 * (ui/tokens.ts, which the app's stylesheet is generated from). The PNG is rendered by resvg (no browser at build
 * time) with DejaVu Sans from the dejavu-fonts-ttf package, not the machine's fonts:
 * the same image on every machine, and the font textMetrics.ts measures with.
 */
import { Resvg } from "@resvg/resvg-js";
import { createRequire } from "node:module";
import path from "node:path";
import { wrapText } from "../format/textMetrics.ts";
import { OG_IMAGE_SIZE, SITE_NAME } from "../pages/publishing.ts";
import { LIGHT, LIGHT_TOKENS } from "../ui/tokens.ts";
import { escapeMarkup } from "../format/escapeMarkup.ts";

const { width: OG_WIDTH, height: OG_HEIGHT } = OG_IMAGE_SIZE;
const MARGIN = 48;

export interface OgCard {
  title: string;
  /** A self-contained SVG (its own viewBox; theme properties already resolved). */
  graphic: string;
  source: string;
}

/** `svg` with every var(--name) replaced by its value; an unknown name is an error (it would paint black). */
export function resolveTokens(svg: string, tokens: ReadonlyMap<string, string> = LIGHT_TOKENS): string {
  return svg.replace(/var\((--[a-z0-9-]+)\)/g, (_, name: string) => {
    const value = tokens.get(name);
    if (value === undefined) throw new Error(`og:image: the graphic uses ${name}, which ui/tokens.ts does not define`);
    // Escaped: a value lands in an attribute (fill="var(--ink)"), and some hold quotes (--font).
    return escapeMarkup(value);
  });
}

/** The `<svg>…</svg>` element starting at `from` (the graphics' SVG holds no nested <svg>). */
function svgElementAt(html: string, from: number): string {
  const start = html.indexOf("<svg", from);
  const end = html.indexOf("</svg>", start);
  if (start < 0 || end < 0) throw new Error("og:image: no SVG where the artboard should be");
  return html.slice(start, end + "</svg>".length);
}

/**
 * The SVG of the graphic's artboard `width` px wide in a page: a chart's
 * (`data-artboard="…"`) or the prerendered map's (`artboard--…` in `.exit-map__static`),
 * with the map's shared basemap, which it draws through <use>, copied in. Null when the
 * panel has no such artboard.
 */
export function artboardSvg(html: string, graphic: string, width: number): string | null {
  const panel = html.indexOf(`data-panel="${graphic}"`);
  if (panel < 0) throw new Error(`og:image: the page has no ${graphic} panel`);
  // Within the panel: up to the next one, if any.
  const next = html.indexOf("data-panel=", panel + 1);
  const end = next < 0 ? html.length : next;
  const chart = html.indexOf(`data-artboard="${width}"`, panel);
  const map = html.indexOf(`artboard--${width}"`, panel);
  const at = [chart, map].filter((i) => i >= 0 && i < end).sort((a, b) => a - b)[0];
  if (at === undefined) return null;
  let svg = svgElementAt(html, at);
  const use = /<use href="#([^"]+)"( transform="[^"]*")?\s*\/?>(<\/use>)?/.exec(svg);
  if (use) {
    const def = new RegExp(`<g id="${use[1]}"[^>]*>([\\s\\S]*?)</g></defs>`).exec(html);
    if (!def) throw new Error(`og:image: the map's basemap #${use[1]} is not in the page`);
    svg = svg.replace(use[0], `<g${use[2] ?? ""}>${def[1]}</g>`);
  }
  return svg;
}

/** The viewBox's width and height of an SVG element's markup. */
function viewBoxSize(svg: string): [number, number] {
  const vb = /viewBox="([^"]+)"/
    .exec(svg)?.[1]
    ?.split(/[\s,]+/)
    .map(Number);
  if (!vb || vb.length !== 4 || vb.some((v) => !Number.isFinite(v)))
    throw new Error("og:image: the SVG has no viewBox");
  return [vb[2]!, vb[3]!];
}

/** At most `max` lines, the last one ending in "…" when the text runs on. */
function clampLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max - 1), `${lines[max - 1]!.replace(/[\s,;:.]*\S*$/, "")}…`];
}

/** Where the card's text leaves room for the graphic. */
function cardLayout(card: Pick<OgCard, "title" | "source">) {
  const inner = OG_WIDTH - 2 * MARGIN;
  const title = clampLines(wrapText(card.title, inner, 40, "bold"), 2);
  const source = clampLines(wrapText(card.source, inner, 18), 2);
  const titleBottom = MARGIN + title.length * 48;
  const footerTop = OG_HEIGHT - MARGIN - source.length * 24 - 30;
  return {
    title,
    source,
    footerTop,
    room: { x: MARGIN, y: titleBottom + 16, w: inner, h: footerTop - titleBottom - 32 },
  };
}

/** How much a graphic `svg` is scaled to fill the card's room (its type grows or shrinks by as much). */
export function cardScale(card: Pick<OgCard, "title" | "source">, svg: string): number {
  const { room } = cardLayout(card);
  const [gw, gh] = viewBoxSize(svg);
  return Math.min(room.w / gw, room.h / gh);
}

/** The card as SVG: title, the graphic scaled to the room left and centred in it, source line and site name. */
export function ogCardSvg(card: OgCard): string {
  const { title, source, footerTop, room } = cardLayout(card);
  const [gw, gh] = viewBoxSize(card.graphic);
  const scale = cardScale(card, card.graphic);
  const [w, h] = [gw * scale, gh * scale];
  // The graphic's own <svg>, placed and sized: its viewBox scales it.
  const graphic = card.graphic.replace(
    /^<svg\b[^>]*?(\sviewBox="[^"]+")[^>]*>/,
    `<svg x="${(room.x + (room.w - w) / 2).toFixed(1)}" y="${(room.y + (room.h - h) / 2).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}"$1 overflow="hidden">`,
  );
  const { "--fg": fg, "--muted": muted, "--bg": bg, "--flow": flow, "--rule": rule } = LIGHT;
  const text = (lines: string[], y0: number, step: number, attrs: string) =>
    lines.map((l, i) => `<text x="${MARGIN}" y="${y0 + i * step}" ${attrs}>${escapeMarkup(l)}</text>`).join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" font-family="DejaVu Sans">`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="${bg}"/>`,
    `<rect width="${OG_WIDTH}" height="8" fill="${flow}"/>`,
    text(title, MARGIN + 38, 48, `font-size="40" font-weight="bold" fill="${fg}"`),
    graphic,
    `<line x1="${MARGIN}" x2="${OG_WIDTH - MARGIN}" y1="${footerTop}" y2="${footerTop}" stroke="${rule}"/>`,
    text(source, footerTop + 28, 24, `font-size="18" fill="${muted}"`),
    `<text x="${MARGIN}" y="${OG_HEIGHT - MARGIN + 4}" font-size="20" font-weight="bold" fill="${fg}">${SITE_NAME}</text>`,
    `</svg>`,
  ].join("");
}

const require = createRequire(import.meta.url);
const fontDir = () => path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

/** The card as a PNG, 1200 × 630. */
export function ogPng(svg: string): Buffer {
  const fonts = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"].map((f) => path.join(fontDir(), f));
  const resvg = new Resvg(svg, {
    fitTo: { mode: "original" },
    font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
