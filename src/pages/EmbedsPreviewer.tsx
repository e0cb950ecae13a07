/**
 * The embed previewer (embeds.html): every embed at common article widths, each in a
 * real iframe resized by the parent script a newsroom would use, with its embed code.
 * Static HTML: the page needs no script of its own besides that parent script.
 */
import type { PageData } from "../data/pageData.ts";
import { embedCode, embedUrl } from "../embed/embedCode.ts";
import { GRAPHIC_IDS, GRAPHICS } from "../graphics/registry.ts";
import { graphicTitle } from "./EmbedChooser.tsx";

const WIDTHS = [320, 600, 900];
const APP_URL = "https://YOUR-HOST/exodus/";

export function EmbedsPreviewer({ data }: { data: PageData }) {
  const base = import.meta.env.BASE_URL;
  return (
    <main className="page embeds">
      <h1>Embeds</h1>
      <p>
        Every graphic as it appears in an article, at {WIDTHS.join(", ")} px. Each frame is resized by the page&rsquo;s
        own resize script, as on a newsroom&rsquo;s page.
      </p>
      {GRAPHIC_IDS.map((g) => {
        const title = graphicTitle(data, g);
        return (
          <section key={g} className="embeds__graphic" aria-labelledby={`h-${g}`}>
            <h2 id={`h-${g}`}>{title}</h2>
            <pre className="embeds__code">
              <code>{embedCode({ appUrl: APP_URL, graphic: g, title, initialHeight: GRAPHICS[g].embedHeight })}</code>
            </pre>
            <div className="embeds__row">
              {WIDTHS.map((w) => (
                <figure key={w} className="embeds__frame" style={{ width: w }}>
                  <figcaption>{w} px</figcaption>
                  <iframe
                    src={embedUrl({ appUrl: base, graphic: g, params: { childId: `${g}-${w}` } })}
                    title={`${title} at ${w} px`}
                    loading="lazy"
                    width={w}
                    height={GRAPHICS[g].embedHeight}
                    style={{ border: "1px solid var(--rule)", width: w }}
                    data-exodus-embed=""
                  />
                </figure>
              ))}
            </div>
          </section>
        );
      })}
    </main>
  );
}
