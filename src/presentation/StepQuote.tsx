/** A step's quote, with the headline, outlet and date of the article it comes from. */
import { useQuery } from "@tanstack/react-query";
import { datasetQuery } from "../data/datasetQuery.ts";
import type { StoryDataset } from "../schema/datasets.ts";
import { formatDate } from "../ui/sourceLine.ts";

type Quote = NonNullable<StoryDataset["steps"][number]["quote"]>;

export function StepQuote({ quote }: { quote: Quote }) {
  const { data } = useQuery(datasetQuery("figures"));
  const source = data?.sources.find((s) => s.id === quote.source);
  return (
    <figure className="slide-quote">
      <blockquote className="slide-quote__text" cite={source?.file}>
        <p>“{quote.quote}”</p>
      </blockquote>
      <figcaption className="slide-quote__source">
        {source ? (
          <>
            <cite>{source.headline}</cite>
            {source.outlet ? `, ${source.outlet}` : ""}, {formatDate(source.published)}
          </>
        ) : (
          quote.source
        )}
      </figcaption>
    </figure>
  );
}
