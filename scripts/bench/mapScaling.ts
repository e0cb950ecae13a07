/**
 * Map scaling pages: the map embed (embed/exit-routes.html) prerendered with the real
 * flows and with generated ones, as the build would write it for a story with that many
 * (its route list, table, text alternative and data block hold them all; the map is
 * drawn from the data block once the page has hydrated).
 *
 * The page is rendered by the app's own prerenderer (src/prerender/renderPage.tsx,
 * loaded through Vite's SSR module loader, which resolves its import.meta.glob), and
 * its markup and data block replace those of the built page, whose head (scripts,
 * preloads, CSS, CSP) is kept. Rendering the real dataset must give back the built
 * page byte for byte: that checks the replacement.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createServer } from "vite";
import { PAGE_DATA_ID } from "../../src/data/pageData.ts";
import { pageById, type PageSpec } from "../../src/pages/pages.ts";
import type { RenderedPage } from "../../src/prerender/renderPage.tsx";
import type { ExitRoutesDataset } from "../../src/schema/datasets.ts";
import { withGeneratedFlows } from "./flows.ts";

const ROOT_OPEN = '<div id="root">';
const DATA_OPEN = `<script type="application/json" id="${PAGE_DATA_ID}">`;

/** The built page with another rendering's markup (#root) and data block. */
export function replaceRendered(html: string, rendered: RenderedPage): string {
  const root = html.indexOf(ROOT_OPEN);
  const data = html.indexOf(DATA_OPEN);
  const dataEnd = html.indexOf("</script>", data);
  const rootClose = html.lastIndexOf("</div>", data);
  if (root < 0 || data < 0 || dataEnd < 0 || rootClose < root)
    throw new Error("the built map embed has no #root followed by its data block");
  return (
    html.slice(0, root + ROOT_OPEN.length) +
    rendered.body +
    html.slice(rootClose, data) +
    rendered.dataScript +
    html.slice(dataEnd + "</script>".length)
  );
}

/**
 * Writes `<outDir>/<flows>/embed/exit-routes.html` for each count (the real count
 * included, first) and returns the counts. `appDist` is the app's build.
 */
export async function writeMapScalingPages(
  root: string,
  appDist: string,
  outDir: string,
  counts: readonly number[],
): Promise<number[]> {
  const page: PageSpec = pageById("embed-exit-routes")!;
  const built = readFileSync(path.join(appDist, page.file), "utf8");
  const real = JSON.parse(readFileSync(path.join(appDist, "data/exit-routes.json"), "utf8")) as ExitRoutesDataset;
  const vite = await createServer({
    root,
    configFile: path.join(root, "vite.config.ts"),
    appType: "custom",
    logLevel: "error",
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const { renderPage } = (await vite.ssrLoadModule("/src/prerender/renderPage.tsx")) as {
      renderPage: (page: PageSpec, data: Record<string, unknown>) => Promise<RenderedPage>;
    };
    const all = [real.routes.length, ...counts.filter((n) => n > real.routes.length)];
    for (const flows of all) {
      const data = flows === real.routes.length ? real : withGeneratedFlows(real, flows);
      const html = replaceRendered(built, await renderPage(page, { "exit-routes": data }));
      if (flows === real.routes.length && html !== built)
        throw new Error("map scaling: the map embed prerendered again with its real data differs from the build");
      const file = path.join(outDir, String(flows), page.file);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, html);
    }
    return all;
  } finally {
    await vite.close();
  }
}
