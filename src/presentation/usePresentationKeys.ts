/** Listens for the presentation's keys on the window (see presentationKeys.ts for which and when). */
import { useEffect, useEffectEvent } from "react";
import { isDialogOpen, keyToAction, targetKind, type KeyAction } from "./presentationKeys.ts";

export function usePresentationKeys(onAction: (action: KeyAction) => void): void {
  const handle = useEffectEvent((e: KeyboardEvent) => {
    // A control inside the graphic (a chart mark, the map) already handled it.
    if (e.defaultPrevented || e.isComposing) return;
    const action = keyToAction(e, { target: targetKind(e.target), dialogOpen: isDialogOpen(document) });
    if (!action) return;
    e.preventDefault();
    onAction(action);
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => handle(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}

/** Full screen on and off; a refusal (no user gesture, iframe without permission) is ignored. */
export function toggleFullscreen(): void {
  try {
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  } catch {
    // Older engines throw synchronously instead of rejecting.
  }
}
