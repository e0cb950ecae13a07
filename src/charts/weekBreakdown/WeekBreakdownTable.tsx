/**
 * The week breakdown as an accessible table: each place with its figure and the
 * reported total, with its qualifier, in the footer.
 */
import { formatFigure, marked } from "../../format/formatFigure.ts";
import type { WeekBreakdownDataset } from "../../schema/datasets.ts";
import { FigureCell } from "../chartUtils.ts";

export interface WeekBreakdownTableProps {
  data: WeekBreakdownDataset;
  /** When given, each number is a button that opens its figure record. */
  onOpenFigure?: (figureId: string) => void;
}

export function WeekBreakdownTable({ data, onOpenFigure }: WeekBreakdownTableProps) {
  const parts = [...data.parts].sort((a, b) => (b.figure.value ?? -1) - (a.figure.value ?? -1));
  return (
    <div className="data-table-wrap">
      <table className="data-table">
        <caption>{data.meta.title}</caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col" className="num">
              People
            </th>
            <th scope="col">Period</th>
          </tr>
        </thead>
        <tbody>
          {parts.map((p) => (
            <tr key={p.figure.id}>
              <th scope="row">{p.place}</th>
              <FigureCell
                figureId={p.figure.id}
                text={marked(formatFigure(p.figure, { unit: false }), p.figure)}
                label="People"
                onOpenFigure={onOpenFigure}
                muted={p.figure.value === null}
              />
              <td data-label="Period">{p.figure.period}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">In all</th>
            <FigureCell
              figureId={data.total.id}
              text={marked(formatFigure(data.total, { unit: false }), data.total)}
              label="People"
              onOpenFigure={onOpenFigure}
            />
            <td data-label="Period">{data.total.period}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
