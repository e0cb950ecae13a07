/** The five articles, with how each date is known and the archive hash that pins the text. */
import { useQuery } from "@tanstack/react-query";
import { datasetQuery } from "../data/datasetQuery.ts";
import { PanelMessage } from "../ui/PanelBoundary.tsx";
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
    <ol className="sources">
      {data.sources.map((s) => (
        <li key={s.id} id={`source-${s.id}`}>
          <cite>{s.headline}</cite>
          <span className="sources__meta">
            {" "}
            — {s.outlet ?? "outlet not named in the text"}, {formatDate(s.published)}. {s.dateBasis}
            {s.cites.length > 0 && ` Cites: ${s.cites.join(", ")}.`}{" "}
            <span className="sources__hash">
              Archive {s.file}, SHA-256 <code>{s.sha256.slice(0, 12)}…</code>
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
