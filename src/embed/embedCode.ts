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

export function embedCode(o: EmbedCodeOptions): string {
  const src = embedUrl(o);
  return [
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(o.title)}" loading="lazy" width="100%" height="${o.initialHeight ?? 600}" style="border:0;width:100%;" data-exodus-embed></iframe>`,
    `<script src="${escapeAttr(`${o.appUrl}embed-parent.js`)}" async></script>`,
  ].join("\n");
}
