/**
 * The border-stop data as an accessible table: the same figures, qualifiers and
 * per-month rates as the chart, with the basis of each rate spelled out.
 */
import { compareText, formatFigure, marked } from "../../format/formatFigure.ts";
import type { BorderStopsDataset, FigureRef } from "../../schema/datasets.ts";
import { FigureCell } from "../chartUtils.ts";
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
    <div className="data-table-wrap">
      <table className="data-table">
        <caption>{data.meta.title}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Length</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Per month
            </th>
            <th scope="col">How the per-month figure is known</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => {
            const annotation = data.annotations.find((a) => a.figure === b.figure.id || a.figure === b.perMonth.id);
            return (
              <tr key={b.figure.id}>
                <th scope="row">{b.figure.period}</th>
                <td data-label="Length">{periodLength(b.months)}</td>
                <FigureCell figureId={b.figure.id} text={cell(b.figure)} label="Total" onOpenFigure={onOpenFigure} />
                <FigureCell
                  figureId={b.perMonth.id}
                  text={cell(b.perMonth)}
                  label="Per month"
                  onOpenFigure={onOpenFigure}
                />
                <td data-label="How known">
                  <div>
                    {b.perMonth.basis === "derived"
                      ? `Our calculation: ${cell(b.figure)} ÷ ${b.months}`
                      : "As reported"}
                    {annotation && <div className="data-table__note">Note: {annotation.text}</div>}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
