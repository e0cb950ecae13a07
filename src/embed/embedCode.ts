/** The HTML a newsroom pastes into an article to embed one graphic. */
import type { GraphicId } from "../schema/ledger.ts";

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export interface EmbedCodeOptions {
  /** Absolute URL of the app's folder, ending in "/", e.g. "https://graphics.example.org/exodus/". */
  appUrl: string;
  graphic: GraphicId;
  title: string;
  /** Extra allowed parameters, e.g. { theme: "dark", view: "table" }. */
  params?: Record<string, string>;
  /** Height before the first resize message, in px. */
  initialHeight?: number;
}

/**
 * The graphic's own page, embed/<graphic>.html, which downloads its code and data with
 * the page (embed.html?graphic=… still works, a round trip slower).
 */
export function embedUrl({
  appUrl,
  graphic,
  params = {},
}: Pick<EmbedCodeOptions, "appUrl" | "graphic" | "params">): string {
  const q = new URLSearchParams(params).toString();
  return `${appUrl}embed/${graphic}.html${q ? `?${q}` : ""}`;
}

/** The iframe alone, for a CMS that takes no scripts: it keeps its first height. */
export function iframeCode(o: EmbedCodeOptions): string {
  return `<iframe src="${escapeAttr(embedUrl(o))}" title="${escapeAttr(o.title)}" loading="lazy" width="100%" height="${o.initialHeight ?? 600}" style="border:0;width:100%;" data-exodus-embed></iframe>`;
}

/** The iframe and the parent script that resizes it (our own, or Pym.js's where the page has it). */
export function embedCode(o: EmbedCodeOptions): string {
  return [iframeCode(o), `<script src="${escapeAttr(`${o.appUrl}embed-parent.js`)}" async></script>`].join("\n");
}

/**
 * An AMP page's code: amp-iframe (which needs the amp-iframe extension script in the
 * page's head) resizes on our embed-size messages; its placeholder shows until it loads.
 */
export function ampCode(o: EmbedCodeOptions): string {
  return [
    `<amp-iframe src="${escapeAttr(embedUrl(o))}" title="${escapeAttr(o.title)}" width="600" height="${o.initialHeight ?? 600}" layout="responsive" sandbox="allow-scripts allow-same-origin allow-popups" resizable frameborder="0">`,
    `  <div overflow tabindex="0" role="button" aria-label="Show the whole graphic">Show the whole graphic</div>`,
    `  <p placeholder>${escapeAttr(o.title)}</p>`,
    `</amp-iframe>`,
  ].join("\n");
}
