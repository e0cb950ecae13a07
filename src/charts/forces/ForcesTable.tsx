/**
 * The force comparison as an accessible table: one row group per group, the two
 * sides' values with their qualifiers, the ratio with its basis, and notes.
 */
import { formatFigure, marked } from "../../format/formatFigure.ts";
import type { ForcesDataset } from "../../schema/datasets.ts";
import { FigureCell, tableStyles } from "../chartUtils.ts";
import { ratioRuns } from "./ForcesState.ts";

export interface ForcesTableProps {
  data: ForcesDataset;
  /** When given, each number is a button that opens its figure record. */
  onOpenFigure?: (figureId: string) => void;
}

export function ForcesTable({ data, onOpenFigure }: ForcesTableProps) {
  const [a, b] = data.sides;
  return (
    <table style={tableStyles.table}>
      <caption style={tableStyles.caption}>{data.meta.title}</caption>
      <thead>
        <tr>
          <th scope="col" style={tableStyles.th}>
            Category
          </th>
          <th scope="col" style={tableStyles.thNum}>
            {a}
          </th>
          <th scope="col" style={tableStyles.thNum}>
            {b}
          </th>
          <th scope="col" style={tableStyles.thNum}>
            Ratio
          </th>
          <th scope="col" style={tableStyles.th}>
            Notes
          </th>
        </tr>
      </thead>
      {data.groups.map((g) => (
        <tbody key={g.id}>
          <tr>
            <th scope="rowgroup" colSpan={5} style={tableStyles.groupHeader}>
              {g.label}
            </th>
          </tr>
          {g.categories.map((c) => {
            const r = ratioRuns(c);
            const ratioText = r.runs.map((x) => x.text).join("");
            const ratioFigure = c.ratio?.figure ?? c.a.id;
            const notes = [
              c.ratio ? (c.ratio.basis === "derived" ? c.ratio.explanation : "Ratio as the article reports it.") : null,
              c.missing,
              c.caveat ? `Caveat: ${c.caveat}` : null,
            ].filter((n): n is string => Boolean(n));
            return (
              <tr key={c.id}>
                <th scope="row" style={tableStyles.rowHeader}>
                  {c.label} <span style={tableStyles.note}>({c.unit})</span>
                </th>
                <FigureCell
                  figureId={c.a.id}
                  text={marked(formatFigure(c.a, { unit: false }), c.a)}
                  onOpenFigure={onOpenFigure}
                  muted={c.a.value === null}
                />
                <FigureCell
                  figureId={c.b.id}
                  text={marked(formatFigure(c.b, { unit: false }), c.b)}
                  onOpenFigure={onOpenFigure}
                  muted={c.b.value === null}
                />
                {r.tone === "muted" ? (
                  <td style={{ ...tableStyles.tdNum, color: "var(--muted)" }}>{ratioText}</td>
                ) : (
                  <FigureCell
                    figureId={ratioFigure}
                    text={
                      c.ratio
                        ? formatFigure({ value: c.ratio.value, qualifier: c.ratio.qualifier, unit: "ratio" })
                        : ratioText
                    }
                    onOpenFigure={onOpenFigure}
                  />
                )}
                <td style={{ ...tableStyles.td, ...tableStyles.note, maxWidth: "32em" }}>
                  {notes.map((n, i) => (
                    <div key={i}>{n}</div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}
