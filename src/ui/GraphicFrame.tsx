/**
 * The frame every graphic shares, in the explorer, in embeds and in the
 * presentation: title, subtitle, view switch (chart / table), downloads (CSV,
 * JSON, SVG, PNG), the chart, a text alternative, and the source line.
 */
import { useId, useRef, useState, type ReactNode } from "react";
import { datasetUrl } from "../data/datasetQuery.ts";
import type { GraphicMeta } from "../schema/datasets.ts";
import { canvasExport, download, standaloneSvg, svgToPng } from "./exportGraphic.ts";
import { formatDate, sourceLine } from "./sourceLine.ts";

export interface GraphicFrameProps {
  /** Dataset name: also the CSV/JSON download names. */
  dataset: string;
  meta: GraphicMeta;
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

  const exportAs = async (kind: "svg" | "png") => {
    setExportError(null);
    const svg = body.current?.querySelector<SVGSVGElement>("svg[data-export]");
    const canvas = body.current?.querySelector<HTMLCanvasElement>("canvas");
    if (!svg && !canvas) {
      setExportError("Switch to the chart view to export an image.");
      return;
    }
    try {
      const caption = { title: meta.title, source };
      const text = svg
        ? standaloneSvg(svg, caption)
        : canvasExport(
            canvas!,
            caption,
            body.current?.querySelector<SVGSVGElement>("svg[data-export-overlay]") ?? null,
          );
      if (kind === "svg") download(`${dataset}.svg`, text);
      else download(`${dataset}.png`, await svgToPng(text, 2));
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
        <div className="segmented" role="group" aria-label="View">
          <button type="button" aria-pressed={!asTable} onClick={() => onToggleTable(false)}>
            Chart
          </button>
          <button type="button" aria-pressed={asTable} onClick={() => onToggleTable(true)}>
            Table
          </button>
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
            <li>
              <button type="button" onClick={() => void exportAs("svg")}>
                SVG image
              </button>
            </li>
            <li>
              <button type="button" onClick={() => void exportAs("png")}>
                PNG image
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
      <div ref={body} className="graphic__body" aria-describedby={`${id}-desc`}>
        {asTable ? table : children}
      </div>
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
