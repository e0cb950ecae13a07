/**
 * Keyboard → action, as a pure function of the key and where focus is, plus the one
 * DOM helper that classifies the focused element. Keys are left alone when the reader
 * is typing, using a control of the graphic (a radio group's arrows, the map canvas's
 * arrow-key panning) or reading the provenance dialog.
 */
import type { NavAction } from "./stepModel.ts";

export type KeyAction = NavAction | "fullscreen" | "presenter";

/**
 * Where a key press happens:
 * - "control": text entry, select, slider, radio/checkbox, the map: every key is theirs;
 * - "activatable": a button, link or summary: Space (and Enter) activate it, arrows are ours;
 * - "other": the page, a heading, the slide text.
 */
export type TargetKind = "control" | "activatable" | "other";

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

export interface KeyContext {
  target: TargetKind;
  /** A modal dialog (the provenance record) is open. */
  dialogOpen: boolean;
}

export function keyToAction(e: KeyInput, ctx: KeyContext): KeyAction | null {
  // Browser and OS shortcuts (Ctrl+End, Alt+Left = back, Cmd+P = print) keep working.
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  if (ctx.dialogOpen || ctx.target === "control") return null;
  const isSpace = e.key === " " || e.key === "Spacebar";
  if (isSpace && ctx.target === "activatable") return null;
  if (isSpace) return e.shiftKey ? "prev" : "next";
  switch (e.key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
      return "next";
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
      return "prev";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "f":
    case "F":
      return "fullscreen";
    case "p":
    case "P":
      return "presenter";
    default:
      return null;
  }
}

/** Ctrl+P, or Cmd+P on a Mac: the browser's print shortcut (Ctrl+Shift+P is another command in some browsers). */
export function isPrintShortcut(e: KeyInput): boolean {
  return (e.ctrlKey === true || e.metaKey === true) && !e.altKey && !e.shiftKey && (e.key === "p" || e.key === "P");
}

const CONTROL_SELECTOR = [
  "input",
  "select",
  "textarea",
  "[contenteditable]:not([contenteditable='false'])",
  "canvas",
  ".exit-map",
  ".maplibregl-canvas-container",
  "[role=slider]",
  "[role=textbox]",
  "[role=combobox]",
  "[role=listbox]",
  "[role=radiogroup]",
  "[role=menu]",
  "[role=grid]",
].join(",");
const ACTIVATABLE_SELECTOR = "button, a[href], summary, [role=button], [role=link], [role=tab]";

/** Classifies the element a key event targets. */
export function targetKind(target: EventTarget | null): TargetKind {
  if (!target || typeof (target as Element).closest !== "function") return "other";
  const el = target as Element;
  if (el.closest(CONTROL_SELECTOR)) return "control";
  if (el.closest(ACTIVATABLE_SELECTOR)) return "activatable";
  return "other";
}

/** Is a modal dialog open in this document? */
export const isDialogOpen = (doc: Document): boolean => doc.querySelector("dialog[open]") !== null;
