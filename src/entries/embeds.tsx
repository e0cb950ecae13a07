// First: before any schema module is evaluated (Content Security Policy: no eval).
import "../data/zodJitless.ts";
/**
 * The embed previewer: every embed at common article widths, each in a real iframe
 * resized by the parent script a newsroom would use, with its embed code.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { embedCode, embedUrl } from "../embed/embedCode.ts";
import { GRAPHIC_IDS } from "../state/urlState.ts";
import "../styles.css";

const WIDTHS = [320, 600, 900];
const appUrl = new URL(import.meta.env.BASE_URL, window.location.href).href;

const script = document.createElement("script");
script.src = `${import.meta.env.BASE_URL}embed-parent.js`;
document.head.appendChild(script);

function Previewer() {
  return (
    <main className="page embeds">
      <h1>Embeds</h1>
      <p>
        Every graphic as it appears in an article, at {WIDTHS.join(", ")} px. Each frame is resized by the page&rsquo;s
        own resize script, as on a newsroom&rsquo;s page.
      </p>
      {GRAPHIC_IDS.map((g) => (
        <section key={g} className="embeds__graphic" aria-labelledby={`h-${g}`}>
          <h2 id={`h-${g}`}>{g}</h2>
          <pre className="embeds__code">
            <code>{embedCode({ appUrl, graphic: g, title: g })}</code>
          </pre>
          <div className="embeds__row">
            {WIDTHS.map((w) => (
              <figure key={w} className="embeds__frame" style={{ width: w }}>
                <figcaption>{w} px</figcaption>
                <iframe
                  src={embedUrl({ appUrl: import.meta.env.BASE_URL, graphic: g, params: { childId: `${g}-${w}` } })}
                  title={`${g} at ${w} px`}
                  loading="lazy"
                  width={w}
                  height={500}
                  style={{ border: "1px solid var(--rule)", width: w }}
                  data-exodus-embed=""
                />
              </figure>
            ))}
          </div>
        </section>
      ))}
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Previewer />
  </StrictMode>,
);
