/**
 * The force comparison as an accessible table: one row group per group, the two
 * sides' values with their qualifiers, the ratio with its basis, and notes.
 */
import { formatFigure, marked } from "../../format/formatFigure.ts";
import type { ForcesDataset } from "../../schema/datasets.ts";
import { FigureCell } from "../chartUtils.ts";
import { ratioRuns } from "./ForcesState.ts";

export interface ForcesTableProps {
  data: ForcesDataset;
  /** When given, each number is a button that opens its figure record. */
  onOpenFigure?: (figureId: string) => void;
}

export function ForcesTable({ data, onOpenFigure }: ForcesTableProps) {
  const [a, b] = data.sides;
  return (
    <div className="data-table-wrap">
      <table className="data-table">
        <caption>{data.meta.title}</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col" className="num">
              {a}
            </th>
            <th scope="col" className="num">
              {b}
            </th>
            <th scope="col" className="num">
              Ratio
            </th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        {data.groups.map((g) => (
          <tbody key={g.id}>
            <tr>
              <th scope="rowgroup" colSpan={5}>
                {g.label}
              </th>
            </tr>
            {g.categories.map((c) => {
              const r = ratioRuns(c);
              const ratioText = r.runs.map((x) => x.text).join("");
              const ratioFigure = c.ratio?.figure ?? c.a.id;
              const notes = [
                c.ratio
                  ? c.ratio.basis === "derived"
                    ? c.ratio.explanation
                    : "Ratio as the article reports it."
                  : null,
                c.missing,
                c.caveat ? `Caveat: ${c.caveat}` : null,
              ].filter((n): n is string => Boolean(n));
              return (
                <tr key={c.id}>
                  <th scope="row">
                    {c.label} <span className="data-table__note">({c.unit})</span>
                  </th>
                  <FigureCell
                    figureId={c.a.id}
                    text={marked(formatFigure(c.a, { unit: false }), c.a)}
                    label={a}
                    onOpenFigure={onOpenFigure}
                    muted={c.a.value === null}
                  />
                  <FigureCell
                    figureId={c.b.id}
                    text={marked(formatFigure(c.b, { unit: false }), c.b)}
                    label={b}
                    onOpenFigure={onOpenFigure}
                    muted={c.b.value === null}
                  />
                  {r.tone === "muted" ? (
                    <td className="num muted" data-label="Ratio">
                      {ratioText}
                    </td>
                  ) : (
                    <FigureCell
                      figureId={ratioFigure}
                      text={
                        c.ratio
                          ? formatFigure({ value: c.ratio.value, qualifier: c.ratio.qualifier, unit: "ratio" })
                          : ratioText
                      }
                      label="Ratio"
                      onOpenFigure={onOpenFigure}
                    />
                  )}
                  <td className="data-table__note data-table__notes" data-label="Notes">
                    <div>
                      {notes.map((n, i) => (
                        <div key={i}>{n}</div>
                      ))}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
