/**
 * The deck's footer, shared by the audience and presenter windows: Previous and Next,
 * a line between them, and the step announced to screen readers as it changes.
 */
import type { ReactNode } from "react";
import { stepAnnouncement, type NavAction } from "./stepModel.ts";

export function DeckNav({
  index,
  count,
  title,
  act,
  keyShortcuts = false,
  children,
}: {
  index: number;
  count: number;
  title: string;
  act: (action: NavAction) => void;
  keyShortcuts?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <nav className="deck-nav" aria-label="Steps">
        <button
          type="button"
          className="button button--large"
          onClick={() => act("prev")}
          aria-disabled={index === 0}
          aria-keyshortcuts={keyShortcuts ? "ArrowLeft" : undefined}
        >
          <span aria-hidden="true">←</span> Previous
        </button>
        <p className="deck-nav__next">{children}</p>
        <button
          type="button"
          className="button button--large button--primary"
          onClick={() => act("next")}
          aria-disabled={index === count - 1}
          aria-keyshortcuts={keyShortcuts ? "ArrowRight" : undefined}
        >
          Next <span aria-hidden="true">→</span>
        </button>
      </nav>
      <p className="visually-hidden deck-live" aria-live="polite" aria-atomic="true">
        {stepAnnouncement(index, count, title)}
      </p>
    </>
  );
}
