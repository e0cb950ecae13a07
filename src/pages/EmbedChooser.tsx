/**
 * embed.html: the page older embed codes point at (embed.html?graphic=…). Its script
 * (src/entries/embed.ts) sends a known graphic on to its own page, embed/<graphic>.html,
 * and otherwise says the graphic is unknown; without a script, or for an unknown id,
 * the reader gets this list of the graphics there are. It never shows another graphic.
 */
import type { PageData } from "../data/pageData.ts";
import { GRAPHIC_IDS } from "../graphics/registry.ts";
import type { GraphicMeta } from "../schema/datasets.ts";
import { CHOOSER_STATUS_ID } from "./pages.ts";

export function graphicTitle(data: PageData, id: string): string {
  return (data[id as keyof PageData] as { meta?: GraphicMeta } | undefined)?.meta?.title ?? id;
}

export function EmbedChooser({ data }: { data: PageData }) {
  return (
    <main className="embed embed-chooser">
      <h1 className="graphic__title">Embedded graphics</h1>
      <p id={CHOOSER_STATUS_ID} className="embed-chooser__status" role="status">
        Choose a graphic:
      </p>
      <ul>
        {GRAPHIC_IDS.map((id) => (
          <li key={id}>
            <a href={`${import.meta.env.BASE_URL}embed/${id}.html`} data-graphic={id}>
              {graphicTitle(data, id)}
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
