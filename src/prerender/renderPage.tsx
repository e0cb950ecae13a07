/**
 * The prerenderer's server entry (built by Vite's SSR environment, run by
 * prerenderPlugin.ts at the end of `vite build`): renders one page of the registry
 * (src/pages/pages.ts) to HTML with React's static renderer, from the datasets the
 * pipeline just wrote. The same components as in the browser, with the same data and
 * the default view, so the browser hydrates exactly this markup.
 */
import { QueryClient } from "@tanstack/react-query";
import { StrictMode, type ReactElement } from "react";
import { prerender } from "react-dom/static";
import type { Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import countries50m from "world-atlas/countries-50m.json";
import { pageDataScript, type PageData } from "../data/pageData.ts";
import { seedQueryClient } from "../data/queryClient.ts";
import { EmbedApp } from "../embed/EmbedApp.tsx";
import { parseEmbedParams } from "../embed/embedParams.ts";
import { ExplorerApp } from "../explorer/ExplorerApp.tsx";
import { PrerenderTopologyContext } from "../map/PrerenderedMap.tsx";
import type { GraphicDefinition } from "../graphics/GraphicView.tsx";
import type { GraphicDefinitions } from "../graphics/loadGraphic.ts";
import { GRAPHIC_IDS, GRAPHICS, type GraphicId } from "../graphics/registry.ts";
import { EmbedChooser } from "../pages/EmbedChooser.tsx";
import { EmbedsPreviewer } from "../pages/EmbedsPreviewer.tsx";
import { pageHead, type PageHead } from "../pages/pageHead.ts";
import type { PageSpec } from "../pages/pages.ts";
import { PresentationApp } from "../presentation/PresentationApp.tsx";
import { resetAppStore } from "../state/store.ts";

const definitions = import.meta.glob<{ default: GraphicDefinition }>("../graphics/*Graphic.tsx", { eager: true });
const definition = (id: GraphicId): GraphicDefinition => {
  const def = definitions[`../graphics/${GRAPHICS[id].module}`]?.default;
  if (!def) throw new Error(`No graphic module ${GRAPHICS[id].module} for "${id}"`);
  return def;
};

/** The basemaps the prerendered maps are drawn on (in the browser they are fetched). */
const TOPOLOGIES = {
  "110m": countries110m as unknown as Topology,
  "50m": countries50m as unknown as Topology,
};

const allDefinitions = (): GraphicDefinitions => new Map(GRAPHIC_IDS.map((id) => [id, definition(id)]));

export interface RenderedPage {
  /** The markup of #root. */
  body: string;
  /** The page's title and description. */
  head: PageHead;
  /** The non-executing JSON block the page hydrates from ("" when it carries no data). */
  dataScript: string;
}

function element(page: PageSpec, client: QueryClient, data: PageData): ReactElement {
  switch (page.kind) {
    case "explorer":
      return <ExplorerApp client={client} graphics={allDefinitions()} />;
    case "embed": {
      const graphic = page.graphic!;
      return <EmbedApp def={definition(graphic)} client={client} params={parseEmbedParams("", graphic)} />;
    }
    case "presentation":
      return <PresentationApp client={client} graphics={allDefinitions()} />;
    case "embed-chooser":
      return <EmbedChooser data={data} />;
    case "previewer":
      return <EmbedsPreviewer data={data} />;
  }
}

/**
 * `data`: every dataset, by name; the page draws from, and carries, only those its spec
 * lists. The store is reset first: each page starts from the defaults, as in a browser.
 */
export async function renderPage(page: PageSpec, data: PageData): Promise<RenderedPage> {
  resetAppStore();
  const own: PageData = Object.fromEntries(page.datasets.map((name) => [name, data[name]]));
  const client = new QueryClient();
  const seeded = seedQueryClient(client, own);
  const missing = page.datasets.filter((name) => !seeded.includes(name));
  if (missing.length > 0)
    throw new Error(`${page.file}: the dataset(s) ${missing.join(", ")} are missing or fail their schema`);

  let error: unknown = null;
  const { prelude } = await prerender(
    <StrictMode>
      <PrerenderTopologyContext value={TOPOLOGIES}>{element(page, client, data)}</PrerenderTopologyContext>
    </StrictMode>,
    {
      onError(err) {
        error ??= err;
      },
    },
  );
  // A component that throws while prerendering would leave its panel's fallback in
  // the page: the build fails instead, naming the page.
  if (error) throw new Error(`${page.file}: prerendering failed: ${(error as Error).message ?? String(error)}`);
  const body = await new Response(prelude).text();
  return { body, head: pageHead(page, data), dataScript: page.datasets.length > 0 ? pageDataScript(own) : "" };
}
