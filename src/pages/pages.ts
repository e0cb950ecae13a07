/**
 * Every page the build writes, from the graphic registry: the explorer, one embed page
 * per graphic, the generic embed page, the embed previewer and the presentation. The
 * prerenderer renders each to HTML; Vite builds each page's script. Pure data.
 */
import type { DatasetName } from "../schema/datasets.ts";
import { GRAPHIC_IDS, type GraphicId } from "../graphics/registry.ts";

export type PageKind = "explorer" | "embed" | "embed-chooser" | "previewer" | "presentation";

export interface PageSpec {
  /** Unique, and the Vite input name. */
  id: string;
  kind: PageKind;
  /** Path of the HTML file from the site's root (dist/). */
  file: string;
  /** The one graphic of an embed page. */
  graphic?: GraphicId;
  /** The datasets the page draws from its HTML: rendered into it and carried in its data block. */
  datasets: readonly DatasetName[];
  /** The page's script: a module in src/entries/, or a generated one for an embed page. */
  entry: string;
}

/** The element of embed.html that says which graphic was asked for (src/entries/embed.ts writes it). */
export const CHOOSER_STATUS_ID = "embed-status";

export const EMBED_ENTRY_PREFIX = "/@exodus/embed-entry/";

export const PAGES: readonly PageSpec[] = [
  {
    id: "explorer",
    kind: "explorer",
    file: "index.html",
    datasets: [...GRAPHIC_IDS, "figures"],
    entry: "/src/entries/explorer.tsx",
  },
  ...GRAPHIC_IDS.map((g): PageSpec => ({
    id: `embed-${g}`,
    kind: "embed",
    file: `embed/${g}.html`,
    graphic: g,
    datasets: [g],
    entry: `${EMBED_ENTRY_PREFIX}${g}.tsx`,
  })),
  { id: "embed", kind: "embed-chooser", file: "embed.html", datasets: [], entry: "/src/entries/embed.ts" },
  { id: "embeds", kind: "previewer", file: "embeds.html", datasets: [], entry: "/src/entries/embeds.ts" },
  {
    id: "present",
    kind: "presentation",
    file: "present.html",
    datasets: ["story", "figures", ...GRAPHIC_IDS],
    entry: "/src/entries/present.tsx",
  },
];

export const pageById = (id: string): PageSpec | undefined => PAGES.find((p) => p.id === id);
