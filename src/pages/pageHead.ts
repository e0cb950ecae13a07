/**
 * Each page's title and description, from the datasets (graphic titles and subtitles
 * come from the ledger), so no two pages share a title.
 */
import type { PageData } from "../data/pageData.ts";
import type { GraphicMeta, StoryDataset } from "../schema/datasets.ts";
import type { PageSpec } from "./pages.ts";

export interface PageHead {
  title: string;
  description: string;
}

const meta = (data: PageData, name: string): GraphicMeta | undefined =>
  (data[name as keyof PageData] as { meta?: GraphicMeta } | undefined)?.meta;

export function pageHead(page: PageSpec, data: PageData): PageHead {
  const story = data.story as StoryDataset | undefined;
  const site = story?.title ?? "Leaving Russia in 2022";
  const siteDescription =
    "The routes out of Russia that five news articles reported in 2022, with every number traced to its quote.";
  switch (page.kind) {
    case "explorer":
      return { title: `${site}: the routes, the border, the forces`, description: siteDescription };
    case "embed": {
      const m = meta(data, page.graphic!);
      return { title: `${m?.title ?? page.graphic} · ${site}`, description: m?.subtitle ?? siteDescription };
    }
    case "presentation":
      return {
        title: `${site}: presentation`,
        description: `The story in ${story?.steps.length ?? "a few"} steps, each with its graphic and sources.`,
      };
    case "embed-chooser":
      return { title: `Embedded graphics · ${site}`, description: "Every graphic of the story, to embed." };
    case "previewer":
      return { title: `Embeds: every graphic at article widths · ${site}`, description: siteDescription };
  }
}
