/**
 * The week breakdown as an accessible table: each place with its figure and the
 * reported total, with its qualifier, in the footer.
 */
import { formatFigure, marked } from "../../format/formatFigure.ts";
import type { WeekBreakdownDataset } from "../../schema/datasets.ts";
import { FigureCell, tableStyles } from "../chartUtils.ts";

export interface WeekBreakdownTableProps {
  data: WeekBreakdownDataset;
  /** When given, each number is a button that opens its figure record. */
  onOpenFigure?: (figureId: string) => void;
}

export function WeekBreakdownTable({ data, onOpenFigure }: WeekBreakdownTableProps) {
  const parts = [...data.parts].sort((a, b) => (b.figure.value ?? -1) - (a.figure.value ?? -1));
  return (
    <table style={tableStyles.table}>
      <caption style={tableStyles.caption}>{data.meta.title}</caption>
      <thead>
        <tr>
          <th scope="col" style={tableStyles.th}>
            Place
          </th>
          <th scope="col" style={tableStyles.thNum}>
            People
          </th>
          <th scope="col" style={tableStyles.th}>
            Period
          </th>
        </tr>
      </thead>
      <tbody>
        {parts.map((p) => (
          <tr key={p.figure.id}>
            <th scope="row" style={tableStyles.rowHeader}>
              {p.place}
            </th>
            <FigureCell
              figureId={p.figure.id}
              text={marked(formatFigure(p.figure, { unit: false }), p.figure)}
              onOpenFigure={onOpenFigure}
              muted={p.figure.value === null}
            />
            <td style={tableStyles.td}>{p.figure.period}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" style={{ ...tableStyles.rowHeader, fontWeight: 700 }}>
            In all
          </th>
          <FigureCell
            figureId={data.total.id}
            text={marked(formatFigure(data.total, { unit: false }), data.total)}
            onOpenFigure={onOpenFigure}
          />
          <td style={tableStyles.td}>{data.total.period}</td>
        </tr>
      </tfoot>
    </table>
  );
}
