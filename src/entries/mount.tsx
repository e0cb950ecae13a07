/**
 * Starts a page's React tree on its #root: hydrates the prerendered markup when there
 * is some (every built page), renders from scratch when there is none (the dev server,
 * which serves the shells unrendered).
 *
 * Once the tree has committed, the page marks `exodus:interactive` on the performance
 * timeline: from then on a number opens its record (the bench reads the mark).
 */
import { StrictMode, useEffect, type ReactNode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { setHydrating } from "../ui/hydration.ts";

export const INTERACTIVE_MARK = "exodus:interactive";

function MarkInteractive({ children }: { children: ReactNode }) {
  useEffect(() => {
    if (performance.getEntriesByName(INTERACTIVE_MARK).length === 0) performance.mark(INTERACTIVE_MARK);
  }, []);
  return children;
}

/**
 * The graphics' code could not all be loaded (a chunk failed to download), so the app
 * cannot take the page over: the page stays as its HTML drew it, read as without
 * scripts (public/boot.js's `js` class off: CSS hides the controls only the app can
 * work, and the deck shows every slide), instead of offering controls that do nothing.
 * public/boot.js does the same when the page's own script fails to load.
 */
export function stayStatic(error: unknown): undefined {
  document.documentElement.classList.remove("js");
  console.error("The page's code could not be loaded: it stays as its HTML drew it.", error);
  return undefined;
}

/** `fresh`: draw over whatever the page holds instead of hydrating it (the presenter's window). */
export function mount(app: ReactNode, { fresh = false } = {}): void {
  const root = document.getElementById("root")!;
  const element = (
    <StrictMode>
      <MarkInteractive>{app}</MarkInteractive>
    </StrictMode>
  );
  const hydrate = root.firstElementChild !== null && !fresh;
  setHydrating(hydrate);
  if (hydrate) hydrateRoot(root, element);
  else createRoot(root).render(element);
}
