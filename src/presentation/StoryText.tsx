/**
 * A step's text with its {figure-id} placeholders as numbers. In a slide each number
 * is a button that opens its provenance record; in print and in the presenter's
 * notes it is plain text.
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { datasetQuery } from "../data/datasetQuery.ts";
import type { FigureRecord } from "../schema/datasets.ts";
import { useAppStore } from "../state/store.ts";
import { storySegments } from "./storySegments.ts";

/** Figure records by id, or null while figures.json loads. */
export function useFigureMap(): ReadonlyMap<string, FigureRecord> | null {
  const { data } = useQuery(datasetQuery("figures"));
  return useMemo(() => (data ? new Map(data.figures.map((f) => [f.id, f])) : null), [data]);
}

/** `markers`: the marker to draw at each figure a caveat is on (the step's caveats, printed with it). */
export function StoryText({
  text,
  interactive = true,
  markers,
}: {
  text: string;
  interactive?: boolean;
  markers?: ReadonlyMap<string, string>;
}) {
  const figures = useFigureMap();
  const openFigure = useAppStore((s) => s.openFigure);
  return (
    <>
      {storySegments(text, figures).map((s, i) => {
        if (s.kind === "text") return <span key={i}>{s.text}</span>;
        const label = (s.label ?? (s.known ? "…" : `[unknown figure ${s.id}]`)) + (markers?.get(s.id) ?? "");
        const figure =
          !interactive || s.label === null ? (
            <strong className="story-figure" data-figure={s.id}>
              {label}
            </strong>
          ) : (
            <button
              type="button"
              className="figure-link story-figure"
              data-figure={s.id}
              aria-haspopup="dialog"
              title="Where this number comes from"
              onClick={() => openFigure(s.id)}
            >
              {label}
            </button>
          );
        return (
          <span key={i} className="story-figure-wrap">
            {s.before}
            {figure}
            {s.after}
          </span>
        );
      })}
    </>
  );
}
