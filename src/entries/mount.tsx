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

export const INTERACTIVE_MARK = "exodus:interactive";

function MarkInteractive({ children }: { children: ReactNode }) {
  useEffect(() => {
    if (performance.getEntriesByName(INTERACTIVE_MARK).length === 0) performance.mark(INTERACTIVE_MARK);
  }, []);
  return children;
}

/** `fresh`: draw over whatever the page holds instead of hydrating it (the presenter's window). */
export function mount(app: ReactNode, { fresh = false } = {}): void {
  const root = document.getElementById("root")!;
  const element = (
    <StrictMode>
      <MarkInteractive>{app}</MarkInteractive>
    </StrictMode>
  );
  if (root.firstElementChild && !fresh) hydrateRoot(root, element);
  else createRoot(root).render(element);
}
