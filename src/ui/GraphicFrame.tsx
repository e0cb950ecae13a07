/**
 * The frame every graphic shares, in the explorer, in embeds and in the
 * presentation: title, subtitle, view switch (chart / table), downloads (CSV,
 * JSON, SVG, PNG), the chart, its notes (caveats and corrections), a text
 * alternative, and the source line.
 */
import { useId, useRef, useState, type ReactNode } from "react";
import { datasetUrl } from "../data/datasetQuery.ts";
import type { GraphicMeta } from "../schema/datasets.ts";
import { canvasExport, download, standaloneSvg, svgToPng } from "./exportGraphic.ts";
import { GraphicHeadingLevel } from "./headingLevel.ts";
import { noteLines, Notes, type GraphicNotes } from "./Notes.tsx";
import { formatDate, sourceLine } from "./sourceLine.ts";
import { SITE_NAME } from "../pages/site.ts";

export interface GraphicFrameProps {
  /** Dataset name: also the CSV/JSON download names. */
  dataset: string;
  meta: GraphicMeta;
  /** The caveats and corrections to print under it: the meta's own, or a slide's share of them. */
  notes?: GraphicNotes;
  /** The text alternative, generated from the data. */
  description: string;
  asTable: boolean;
  onToggleTable: (asTable: boolean) => void;
  table: ReactNode;
  children: ReactNode;
  /** Heading level of the title: 2 in the explorer, 1 in an embed. Default 2. */
  level?: 1 | 2;
  /** Extra actions (the explorer's "Embed" button). */
  actions?: ReactNode;
}

export function GraphicFrame({
  dataset,
  meta,
  notes = meta,
  description,
  asTable,
  onToggleTable,
  table,
  children,
  level = 2,
  actions,
}: GraphicFrameProps) {
  const id = useId();
  const body = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const Heading = level === 1 ? "h1" : "h2";
  const source = sourceLine(meta);

  /** `scale`: a PNG's pixels per CSS pixel (1 for the web, 2 for print and high-density screens). */
  const exportAs = async (kind: "svg" | "png", scale = 2) => {
    setExportError(null);
    // The artboard on screen (the others, if still mounted, are display: none).
    const svg = [...(body.current?.querySelectorAll<SVGSVGElement>("svg[data-export]") ?? [])].find(
      (el) => el.getClientRects().length > 0,
    );
    const canvas = body.current?.querySelector<HTMLCanvasElement>("canvas");
    if (!svg && !canvas) {
      setExportError("Switch to the chart view to export an image.");
      return;
    }
    try {
      const page = new URL(`embed/${dataset}.html`, new URL(import.meta.env.BASE_URL, window.location.href)).href;
      const caption = {
        title: meta.title,
        subtitle: meta.subtitle,
        notes: noteLines(notes),
        source,
        credit: `${SITE_NAME} · ${page}`,
        legend: body.current?.querySelector<HTMLElement>("[data-export-legend]") ?? null,
      };
      const text = svg
        ? standaloneSvg(svg, caption)
        : canvasExport(
            canvas!,
            caption,
            body.current?.querySelector<SVGSVGElement>("svg[data-export-overlay]") ?? null,
          );
      if (kind === "svg") download(`${dataset}.svg`, text);
      else download(scale === 2 ? `${dataset}@2x.png` : `${dataset}.png`, await svgToPng(text, scale));
    } catch (err) {
      setExportError(`Export failed: ${(err as Error).message}`);
    }
  };

  return (
    <figure className="graphic" aria-labelledby={`${id}-title`} data-graphic={dataset}>
      <header className="graphic__header">
        <Heading id={`${id}-title`} className="graphic__title">
          {meta.title}
        </Heading>
        <p className="graphic__subtitle">{meta.subtitle}</p>
      </header>
      <div className="graphic__toolbar" role="toolbar" aria-label={`${meta.title}: view and downloads`}>
        {/* Radios, not buttons: CSS shows the chart or the table by which is checked, so the
            switch works before, and without, any script (styles.css, .graphic:has(…)). */}
        <div className="segmented view-switch" role="radiogroup" aria-label="View">
          <label>
            <input
              type="radio"
              name={`${id}-view`}
              value="chart"
              checked={!asTable}
              onChange={() => onToggleTable(false)}
            />
            <span>Chart</span>
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-view`}
              value="table"
              checked={asTable}
              onChange={() => onToggleTable(true)}
            />
            <span>Table</span>
          </label>
        </div>
        <details className="downloads">
          <summary>Get the data</summary>
          <ul>
            <li>
              <a href={datasetUrl(dataset, "csv")} download>
                CSV
              </a>
            </li>
            <li>
              <a href={datasetUrl(dataset, "json")} download>
                JSON
              </a>
            </li>
            <li className="needs-js">
              <button type="button" onClick={() => void exportAs("svg")}>
                SVG image
              </button>
            </li>
            <li className="needs-js">
              <button type="button" onClick={() => void exportAs("png", 1)}>
                PNG image
              </button>
            </li>
            <li className="needs-js">
              <button type="button" onClick={() => void exportAs("png", 2)}>
                PNG image, 2× (print)
              </button>
            </li>
          </ul>
        </details>
        {actions}
      </div>
      {exportError && (
        <p className="graphic__note" role="status">
          {exportError}
        </p>
      )}
      <GraphicHeadingLevel value={level}>
        <div ref={body} className="graphic__body graphic__chart" aria-describedby={`${id}-desc`}>
          {children}
        </div>
        <div className="graphic__table">{table}</div>
      </GraphicHeadingLevel>
      <Notes caveats={notes.caveats} corrections={notes.corrections} />
      <details className="graphic__description">
        <summary>Describe this graphic</summary>
        <p id={`${id}-desc`}>{description}</p>
      </details>
      <figcaption className="graphic__source">
        {source}{" "}
        {meta.verification.status === "verified" ? (
          <span className="badge badge--ok">
            {meta.verification.by === "lock" && meta.verification.date
              ? `Quotes verified against the archived articles (last checked ${formatDate(meta.verification.date)}, as recorded with the data).`
              : "Quotes verified against the archived articles."}
          </span>
        ) : (
          <span className="badge badge--warn">Quotes not verified against the archived articles.</span>
        )}
      </figcaption>
    </figure>
  );
}
