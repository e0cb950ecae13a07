/**
 * The record behind a number: value as printed, its caveat, the quote(s) with the
 * source's headline and date and when each was found in the archived copy, the
 * verification status, derivation, other printings, corrections and notes. Opens for the figure id in the
 * store (so it is also a permalink: ?figure=kazakhstan-week).
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { datasetQuery } from "../data/datasetQuery.ts";
import { formatFigure } from "../format/formatFigure.ts";
import type { CorrectionRecord, FigureRecord, SourceRecord } from "../schema/datasets.ts";
import { useAppStore } from "../state/store.ts";
import { PanelMessage } from "../ui/PanelBoundary.tsx";
import { formatDate } from "../ui/sourceLine.ts";

const BASIS_LABEL: Record<FigureRecord["basis"], string> = {
  reported: "Reported in the article",
  derived: "Derived: our calculation from reported figures",
  context: "Context: reported, not drawn as data",
};

const STATUS_LABEL: Record<FigureRecord["verification"], string> = {
  verified: "Quote verified against the archived article",
  unverified: "Quote NOT verified (neither the archived articles nor a committed record of checking it were at hand)",
  derived: "Computed and checked by the pipeline from the figures below",
};

/**
 * `inline` (embeds): the record takes the graphic's place in the page's flow, with a
 * button back to the graphic, rather than floating over it as a modal dialog: an
 * iframe in an article column is too small for a dialog, and this way the page's
 * height, which the embed reports to its parent (useEmbedResize), is the record's.
 */
export function ProvenancePanel({ inline = false }: { inline?: boolean }) {
  const figureId = useAppStore((s) => s.figure);
  const openFigure = useAppStore((s) => s.openFigure);
  const dialog = useRef<HTMLDialogElement>(null);
  const { data, error, isFetching, refetch } = useQuery({ ...datasetQuery("figures"), enabled: figureId !== null });

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (figureId && !d.open) {
      if (inline) d.show();
      else d.showModal();
    }
    if (!figureId && d.open) d.close();
  }, [figureId, inline]);

  const figure = data?.figures.find((f) => f.id === figureId);
  const sources = new Map((data?.sources ?? []).map((s) => [s.id, s]));

  return (
    <dialog
      ref={dialog}
      className={inline ? "provenance provenance--inline" : "provenance"}
      aria-labelledby="provenance-title"
      onClose={() => openFigure(null)}
      // A non-modal dialog does not close on Escape by itself.
      onKeyDown={inline ? (e) => e.key === "Escape" && openFigure(null) : undefined}
    >
      <div className="provenance__head">
        <h2 id="provenance-title">Where this number comes from</h2>
        <button type="button" className="button" onClick={() => openFigure(null)} autoFocus>
          {inline ? "Back to the graphic" : "Close"}
        </button>
      </div>
      {figureId && error && !data && (
        <PanelMessage
          title="Sorry, the figure records could not be loaded."
          detail={error.message}
          busy={isFetching}
          onRetry={() => void refetch()}
        />
      )}
      {figureId && !error && !data && <p role="status">Loading the figure record…</p>}
      {figureId && data && !figure && <p role="alert">No figure “{figureId}” in the ledger.</p>}
      {figure && (
        <FigureRecordView
          figure={figure}
          sources={sources}
          all={data!.figures}
          corrections={data!.corrections}
          by={data!.verification.by}
          onOpen={openFigure}
        />
      )}
    </dialog>
  );
}

function FigureRecordView({
  figure: f,
  sources,
  all,
  corrections,
  by,
  onOpen,
}: {
  figure: FigureRecord;
  sources: Map<string, SourceRecord>;
  all: FigureRecord[];
  corrections: CorrectionRecord[];
  /** How the figures dataset's quotes were verified (archive, the committed lock, or not). */
  by: "archive" | "lock" | null;
  onOpen: (id: string) => void;
}) {
  const byId = new Map(all.map((x) => [x.id, x]));
  const figureLink = (id: string, withPeriod = false) => {
    const x = byId.get(id);
    return (
      <button type="button" className="link-button" onClick={() => onOpen(id)}>
        {x ? `${formatFigure(x)}: ${x.counts}${withPeriod ? `, ${x.period}` : ""}` : id}
      </button>
    );
  };
  const ownCorrections = corrections.filter((c) => f.corrections.includes(c.id));
  const otherPrintings = [
    ...f.readings.map((id) => ({ id, how: "The same number, read another way" })),
    ...f.conflicts.map((id) => ({ id, how: "The same quantity, stated differently" })),
  ];
  const lastChecked = f.citations
    .map((c) => c.verified?.date)
    .filter((d) => d !== undefined)
    .sort()
    .at(-1);
  return (
    <div className="record" data-figure={f.id}>
      <p className="record__value">
        <span className="record__number">{formatFigure(f)}</span>{" "}
        <span className="record__unit">
          {f.unit === "ratio" || f.unit === "km" || f.unit === "miles" ? "" : f.unit}
        </span>
      </p>
      <p className="record__counts">{f.counts}</p>
      {f.caveat && (
        <p className="record__caveat">
          <strong>Caveat:</strong> {f.caveat}
        </p>
      )}
      <dl className="record__facts">
        <dt>Printed as</dt>
        <dd>
          {f.printed
            ? `“${f.printed}”`
            : f.value === null
              ? "Not printed: the articles give no number"
              : "Not printed: computed"}
        </dd>
        <dt>Where, when</dt>
        <dd>
          {f.place ?? "—"}, {f.period}
        </dd>
        <dt>Basis</dt>
        <dd>{BASIS_LABEL[f.basis]}</dd>
        <dt>Status</dt>
        <dd className={`status status--${f.verification}`}>
          {STATUS_LABEL[f.verification]}
          {f.verification === "verified" && by === "lock" && lastChecked
            ? ` (last checked ${formatDate(lastChecked)}, as recorded with the data)`
            : ""}
        </dd>
      </dl>
      {f.missing && (
        <p className="record__missing">
          <strong>Why it is missing:</strong> {f.missing}
        </p>
      )}
      {f.derivation && (
        <div className="record__derivation">
          <h3>How we computed it</h3>
          <p>{f.derivation.explanation}</p>
          <ul>
            {f.derivation.inputs.map((id) => (
              <li key={id}>{figureLink(id, true)}</li>
            ))}
          </ul>
        </div>
      )}
      {f.citations.length > 0 && (
        <div className="record__quotes">
          <h3>{f.citations.length > 1 ? `Quoted in ${f.citations.length} places` : "The quote"}</h3>
          {f.citations.map((c, i) => {
            const s = sources.get(c.source);
            return (
              <blockquote key={i}>
                <p>“{c.quote}”</p>
                <footer>
                  {s ? (
                    <>
                      <cite>{s.headline}</cite> — {s.outlet ?? "outlet not named in the text"},{" "}
                      {formatDate(s.published)}
                    </>
                  ) : (
                    c.source
                  )}
                  {c.verified && (
                    <span className="record__check">
                      Found in the archived copy on {formatDate(c.verified.date)} (SHA-256{" "}
                      <code title={c.verified.sha256}>{c.verified.sha256.slice(0, 12)}…</code>).
                    </span>
                  )}
                </footer>
              </blockquote>
            );
          })}
        </div>
      )}
      {f.notes.length > 0 && (
        <div className="record__notes">
          <h3>Notes</h3>
          <ul>
            {f.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {otherPrintings.length > 0 && (
        <div className="record__printings">
          <h3>Printed differently</h3>
          <ul>
            {otherPrintings.map(({ id, how }) => (
              <li key={id}>
                {how}: {figureLink(id)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {ownCorrections.length > 0 && (
        <div className="record__corrections">
          <h3>{ownCorrections.length > 1 ? "Corrections" : "Correction"}</h3>
          <ul>
            {ownCorrections.map((c) => (
              <li key={c.id} data-correction={c.id}>
                <strong>{formatDate(c.date)}:</strong> {c.change} <span className="record__why">{c.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {f.related.length > 0 && (
        <div className="record__related">
          <h3>See also</h3>
          <ul>
            {f.related.map((id) => (
              <li key={id}>{figureLink(id)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
