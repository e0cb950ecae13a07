/** A step's quote, with the headline, outlet and date of the article it comes from. */
import type { SourceRef, StoryDataset } from "../schema/datasets.ts";
import { formatDate } from "../ui/sourceLine.ts";

type Quote = NonNullable<StoryDataset["steps"][number]["quote"]>;

/** `sources`: the step's articles, the quote's among them (the pipeline puts it there). */
export function StepQuote({ quote, sources }: { quote: Quote; sources: readonly SourceRef[] }) {
  const source = sources.find((s) => s.id === quote.source);
  return (
    <figure className="slide-quote">
      <blockquote className="slide-quote__text">
        <p>“{quote.quote}”</p>
      </blockquote>
      <figcaption className="slide-quote__source">
        {source ? (
          <>
            <cite>{source.headline}</cite>, {source.outlet ?? "outlet not named"}, {formatDate(source.published)}
          </>
        ) : (
          quote.source
        )}
      </figcaption>
    </figure>
  );
}
