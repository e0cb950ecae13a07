/**
 * The explorer's "Embed" action for one graphic: the code to paste (an iframe with
 * title and lazy loading, plus the resize script), a copy button and a live preview.
 */
import { useId, useRef, useState } from "react";
import type { GraphicId } from "../graphics/registry.ts";
import { embedCode, embedUrl } from "./embedCode.ts";

const WIDTHS = [320, 600, 900];

function loadParentScript() {
  if (document.querySelector("script[data-exodus-parent]")) return;
  const s = document.createElement("script");
  s.src = `${import.meta.env.BASE_URL}embed-parent.js`;
  s.dataset.exodusParent = "";
  document.head.appendChild(s);
}

export function EmbedButton({ graphic, title }: { graphic: GraphicId; title: string }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [width, setWidth] = useState(600);
  const [status, setStatus] = useState("");
  // Read from the page's address once the dialog opens (never while prerendering).
  const code = open
    ? embedCode({ appUrl: new URL(import.meta.env.BASE_URL, window.location.href).href, graphic, title })
    : "";

  const show = () => {
    loadParentScript();
    setOpen(true);
    setStatus("");
    dialog.current?.showModal();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setStatus("Copied to the clipboard.");
    } catch {
      const area = document.getElementById(`${id}-code`) as HTMLTextAreaElement | null;
      area?.select();
      setStatus("Select-all done: press Ctrl+C (or ⌘C) to copy.");
    }
  };

  return (
    <>
      <button type="button" className="button needs-js" onClick={show}>
        Embed
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        <div className="provenance__head">
          <h2 id={`${id}-title`}>Embed “{title}”</h2>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        <label htmlFor={`${id}-code`} className="embed-dialog__label">
          Paste this where the graphic should appear. It resizes itself on pages with or without Pym.js, and on AMP
          pages.
        </label>
        <textarea
          id={`${id}-code`}
          className="embed-dialog__code"
          readOnly
          rows={5}
          value={code}
          onFocus={(e) => e.currentTarget.select()}
        />
        <div className="embed-dialog__actions">
          <button type="button" className="button" onClick={() => void copy()}>
            Copy code
          </button>
          <span role="status">{status}</span>
        </div>
        <fieldset className="embed-dialog__widths">
          <legend>Preview width</legend>
          {WIDTHS.map((w) => (
            <label key={w}>
              <input type="radio" name={`${id}-width`} checked={width === w} onChange={() => setWidth(w)} /> {w} px
            </label>
          ))}
        </fieldset>
        {open && (
          <div className="embed-dialog__preview">
            <iframe
              src={embedUrl({ appUrl: import.meta.env.BASE_URL, graphic, params: { childId: `preview-${graphic}` } })}
              title={`Preview: ${title}`}
              loading="lazy"
              width={width}
              height={500}
              style={{ width, maxWidth: "100%", border: "1px solid var(--rule)" }}
              data-exodus-embed=""
            />
          </div>
        )}
      </dialog>
    </>
  );
}
