/**
 * The border-stop data as an accessible table: the same figures, qualifiers and
 * per-month rates as the chart, with the basis of each rate spelled out.
 */
import { compareText, formatFigure, marked } from "../../format/formatFigure.ts";
import type { BorderStopsDataset, FigureRef } from "../../schema/datasets.ts";
import { FigureCell, tableStyles } from "../chartUtils.ts";
import { periodLength } from "./BorderStopsState.ts";

export interface BorderStopsTableProps {
  data: BorderStopsDataset;
  /** When given, each number is a button that opens its figure record. */
  onOpenFigure?: (figureId: string) => void;
}

const cell = (f: FigureRef) => marked(formatFigure(f, { unit: false }), f);

export function BorderStopsTable({ data, onOpenFigure }: BorderStopsTableProps) {
  const bars = [...data.bars].sort((a, b) => compareText(a.periodStart, b.periodStart));
  return (
    <table style={tableStyles.table}>
      <caption style={tableStyles.caption}>{data.meta.title}</caption>
      <thead>
        <tr>
          <th scope="col" style={tableStyles.th}>
            Period
          </th>
          <th scope="col" style={tableStyles.th}>
            Length
          </th>
          <th scope="col" style={tableStyles.thNum}>
            Total
          </th>
          <th scope="col" style={tableStyles.thNum}>
            Per month
          </th>
          <th scope="col" style={tableStyles.th}>
            How the per-month figure is known
          </th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => {
          const annotation = data.annotations.find((a) => a.figure === b.figure.id || a.figure === b.perMonth.id);
          return (
            <tr key={b.figure.id}>
              <th scope="row" style={tableStyles.rowHeader}>
                {b.figure.period}
              </th>
              <td style={tableStyles.td}>{periodLength(b.months)}</td>
              <FigureCell figureId={b.figure.id} text={cell(b.figure)} onOpenFigure={onOpenFigure} />
              <FigureCell figureId={b.perMonth.id} text={cell(b.perMonth)} onOpenFigure={onOpenFigure} />
              <td style={tableStyles.td}>
                {b.perMonth.basis === "derived" ? `Our calculation: ${cell(b.figure)} ÷ ${b.months}` : "As reported"}
                {annotation && <div style={tableStyles.note}>Note: {annotation.text}</div>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
