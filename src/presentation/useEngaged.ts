import { useEffect, useState } from "react";

const ENGAGE_EVENTS = ["keydown", "pointerdown", "wheel", "touchstart"] as const;

/**
 * False until someone first presses a key, clicks, scrolls or touches the page, or
 * `step` changes (the presenter window drives the deck over a BroadcastChannel). The
 * deck uses it to start MapLibre for its slide maps (camera flights from step to step)
 * once a presenter is driving it, and not for a page that is merely opened.
 */
export function useEngaged(step: unknown): boolean {
  const [engaged, setEngaged] = useState(false);
  const [firstStep] = useState(step);
  useEffect(() => {
    if (engaged) return;
    const engage = () => setEngaged(true);
    for (const type of ENGAGE_EVENTS) window.addEventListener(type, engage, { passive: true, capture: true });
    return () => {
      for (const type of ENGAGE_EVENTS) window.removeEventListener(type, engage, { capture: true });
    };
  }, [engaged]);
  return engaged || step !== firstStep;
}
