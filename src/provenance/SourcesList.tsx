/**
 * The five articles as readers know them (headline, outlet, date, how the date is
 * known, the hash that pins the archived text), the download of every figure with its
 * quote, and the corrections log.
 */
import { useQuery } from "@tanstack/react-query";
import { datasetQuery, datasetUrl } from "../data/datasetQuery.ts";
import type { FiguresDataset } from "../schema/datasets.ts";
import { PanelMessage } from "../ui/PanelBoundary.tsx";
import { Correction } from "../ui/Notes.tsx";
import { formatDate } from "../ui/sourceLine.ts";

export function SourcesList() {
  const { data, error, isPending, isFetching, refetch } = useQuery(datasetQuery("figures"));
  if (isPending) return <p role="status">Loading sources…</p>;
  if (error && !data)
    return (
      <PanelMessage
        title="Sorry, the list of sources could not be loaded."
        detail={error.message}
        busy={isFetching}
        onRetry={() => void refetch()}
      />
    );
  return (
    <>
      <ol className="sources">
        {data.sources.map((s) => (
          <li key={s.id} id={`source-${s.id}`}>
            <cite>{s.headline}</cite>
            <span className="sources__meta">
              {" "}
              — {s.outlet ?? "outlet not named in the text"}, {formatDate(s.published)}. {s.dateBasis}
              {s.cites.length > 0 && ` Cites: ${s.cites.join(", ")}.`}{" "}
              <span className="sources__hash">
                Archived copy: SHA-256 <code title={s.sha256}>{s.sha256.slice(0, 12)}…</code>
              </span>
            </span>
          </li>
        ))}
      </ol>
      <p className="sources__download">
        Download all figures with their quotes: <a href={datasetUrl("figures", "csv")}>CSV</a> ·{" "}
        <a href={datasetUrl("figures", "json")}>JSON</a>
      </p>
      <Corrections corrections={data.corrections} />
    </>
  );
}

/** The corrections log, newest first: what changed, when and why. */
function Corrections({ corrections }: { corrections: FiguresDataset["corrections"] }) {
  return (
    <section className="corrections" aria-labelledby="corrections-title">
      <h2 className="section-title" id="corrections-title">
        Corrections
      </h2>
      {corrections.length === 0 ? (
        <p>No corrections so far.</p>
      ) : (
        <ol className="corrections__list">
          {[...corrections].reverse().map((c) => (
            <Correction key={c.id} correction={c} id={`correction-${c.id}`} />
          ))}
        </ol>
      )}
    </section>
  );
}
