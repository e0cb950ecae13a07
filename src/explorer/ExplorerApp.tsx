import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { datasetQuery } from "../data/datasetQuery.ts";
import { formatFigure } from "../format/formatFigure.ts";

function FigureList() {
  const { data, error, isPending } = useQuery(datasetQuery("figures"));
  if (isPending) return <p>Loading figures…</p>;
  if (error) return <p role="alert">{error.message}</p>;
  return (
    <ul>
      {data.figures.map((f) => (
        <li key={f.id}>
          <strong>{formatFigure(f)}</strong> {f.counts} — “{f.citations[0]?.quote}” ({f.verification})
        </li>
      ))}
    </ul>
  );
}

export function ExplorerApp() {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <main>
        <h1>Leaving Russia in 2022</h1>
        <FigureList />
      </main>
    </QueryClientProvider>
  );
}
