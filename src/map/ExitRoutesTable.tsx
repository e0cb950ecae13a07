/** The table view of the exit-route map: one row per route, numbers with qualifiers. */
import { formatFigure, marked } from "../format/formatFigure.ts";
import type { ExitRoutesDataset } from "../schema/datasets.ts";

const MODE_LABEL: Record<string, string> = {
  road: "road",
  sea: "sea",
  air: "air",
  foot: "on foot",
  unstated: "not stated",
};

export function ExitRoutesTable({
  data,
  onOpenFigure,
}: {
  data: ExitRoutesDataset;
  onOpenFigure?: (id: string) => void;
}) {
  const place = new Map(data.places.map((p) => [p.id, marked(p.name, p)]));
  const period = new Map(data.periods.map((p) => [p.id, p.label]));
  const rows = [...data.routes].sort((a, b) => (b.figure?.value ?? -1) - (a.figure?.value ?? -1));
  return (
    <>
      <div className="data-table-wrap">
        <table className="data-table">
          <caption>{data.meta.title}: every route, largest number first</caption>
          <thead>
            <tr>
              <th scope="col">Route</th>
              <th scope="col">When</th>
              <th scope="col">How</th>
              <th scope="col" className="num">
                People
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.label}
                  <br />
                  <small>{r.path.map((id) => place.get(id) ?? id).join(" → ")}</small>
                </th>
                <td data-label="When">{period.get(r.period) ?? r.period}</td>
                <td data-label="How">{r.modes.map((m) => MODE_LABEL[m] ?? m).join(", ")}</td>
                <td className="num" data-label="People">
                  {r.figure ? (
                    onOpenFigure ? (
                      <button type="button" className="link-button" onClick={() => onOpenFigure(r.figure!.id)}>
                        {marked(formatFigure(r.figure), r.figure)}
                      </button>
                    ) : (
                      marked(formatFigure(r.figure), r.figure)
                    )
                  ) : (
                    <em>{r.layer === "flights" ? "flights sold out; no number reported" : "no number reported"}</em>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.stances.length > 0 && (
        <div className="data-table-wrap">
          <table className="data-table">
            <caption>What governments said about taking in Russians fleeing the draft</caption>
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col">Position</th>
                <th scope="col">Who said it</th>
              </tr>
            </thead>
            <tbody>
              {data.stances.map((s) => (
                <tr key={s.place}>
                  <th scope="row">{s.name}</th>
                  <td data-label="Position">
                    {s.position === "refuse" ? "Will not grant asylum" : "Signalled it would take some in"}
                  </td>
                  <td data-label="Who said it">{s.who}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
