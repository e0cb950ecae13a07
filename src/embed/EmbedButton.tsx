/**
 * The explorer's "Embed" action for one graphic: the code to paste, built from the view
 * the reader is looking at (period, modes, camera, route, table view, theme), in the
 * form the producer's CMS takes (responsive with our parent script or Pym.js, a plain
 * iframe, AMP), with a copy button and a live preview of exactly that URL.
 */
import { useId, useRef, useState } from "react";
import type { GraphicId } from "../graphics/registry.ts";
import { selectUrlState, useAppStore } from "../state/store.ts";
import { DEFAULT_URL_STATE, type ThemeChoice, type UrlState } from "../state/urlState.ts";
import { GRAPHICS } from "../graphics/registry.ts";
import { ampCode, embedCode, embedUrl, iframeCode } from "./embedCode.ts";
import { embedViewParams } from "./embedParams.ts";

const WIDTHS = [320, 600, 900];

type CodeFormat = "responsive" | "iframe" | "amp";
const FORMATS: { id: CodeFormat; label: string; help: string }[] = [
  {
    id: "responsive",
    label: "Responsive",
    help: "An iframe and our resize script: it fits its content on pages with or without Pym.js, and on AMP pages.",
  },
  {
    id: "iframe",
    label: "Plain iframe",
    help: "For a CMS that strips scripts: it keeps the height you set (the graphic scrolls inside if it needs more).",
  },
  {
    id: "amp",
    label: "AMP",
    help: "amp-iframe, which resizes on the graphic's messages; add the amp-iframe extension script to the page's head.",
  },
];
const THEMES: { id: ThemeChoice; label: string }[] = [
  { id: "system", label: "The reader's setting" },
  { id: "light", label: "Light" },
  { id: "dark", label: "Dark" },
];

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
  const [format, setFormat] = useState<CodeFormat>("responsive");
  const [height, setHeight] = useState(GRAPHICS[graphic].embedHeight);
  const [theme, setTheme] = useState<ThemeChoice>("system");
  // The view as it is when the dialog opens.
  const [view, setView] = useState<UrlState>(DEFAULT_URL_STATE);
  const params = embedViewParams(graphic, { ...view, theme });
  // Read from the page's address once the dialog opens (never while prerendering).
  const appUrl = open ? new URL(import.meta.env.BASE_URL, window.location.href).href : "";
  const options = { appUrl, graphic, title, params, initialHeight: height };
  const code = !open
    ? ""
    : format === "responsive"
      ? embedCode(options)
      : format === "iframe"
        ? iframeCode(options)
        : ampCode(options);

  const show = () => {
    loadParentScript();
    const now = selectUrlState(useAppStore.getState());
    setView(now);
    setTheme(now.theme);
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
        <p className="embed-dialog__label">
          The code shows the graphic as you see it now
          {Object.keys(params).length > 0 ? `: it keeps ${describeParams(params)}` : ""}.
        </p>
        <div className="embed-dialog__options">
          <fieldset>
            <legend>Code for</legend>
            {FORMATS.map((f) => (
              <label key={f.id}>
                <input type="radio" name={`${id}-format`} checked={format === f.id} onChange={() => setFormat(f.id)} />{" "}
                {f.label}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Theme</legend>
            {THEMES.map((t) => (
              <label key={t.id}>
                <input type="radio" name={`${id}-theme`} checked={theme === t.id} onChange={() => setTheme(t.id)} />{" "}
                {t.label}
              </label>
            ))}
          </fieldset>
          <label className="embed-dialog__height">
            {format === "iframe" ? "Height" : "Height before it resizes"} (px){" "}
            <input
              type="number"
              min={200}
              max={3000}
              step={10}
              value={height}
              onChange={(e) => setHeight(Math.min(3000, Math.max(200, Number(e.target.value) || 200)))}
            />
          </label>
        </div>
        <label htmlFor={`${id}-code`} className="embed-dialog__label">
          {FORMATS.find((f) => f.id === format)!.help}
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
            {/* Exactly the URL the code embeds; it resizes through the same parent script. */}
            <iframe
              src={embedUrl({ appUrl, graphic, params })}
              title={`Preview: ${title}`}
              loading="lazy"
              width={width}
              height={height}
              style={{ width, maxWidth: "100%", border: "1px solid var(--rule)" }}
              {...(format === "iframe" ? {} : { "data-exodus-embed": "" })}
            />
          </div>
        )}
      </dialog>
    </>
  );
}

const KEPT: Record<string, (value: string) => string> = {
  period: () => "the period",
  mode: () => "the ways of travel",
  camera: () => "the map's view",
  route: () => "the selected route",
  view: () => "the table",
  theme: (v) => `the ${v} theme`,
};

/** "the period, the map's view and the dark theme": what the code keeps, in words. */
function describeParams(params: Record<string, string>): string {
  const parts = Object.entries(params).map(([k, v]) => KEPT[k]?.(v) ?? k);
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts.join("");
}
