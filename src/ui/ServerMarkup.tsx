/**
 * Markup the prerenderer drew that the browser keeps as it is until it can draw the
 * same itself (the map's basemap: projected at build time, from a topology the page
 * has not downloaded yet). While hydrating, the element's own HTML, already in the
 * page, is what React is given: it adopts it unchanged. From then on `markup` (null
 * while it cannot be made) replaces it whenever it changes.
 *
 * The element's `id` is the caller's, stable across renders and pages (not React's
 * useId): a component drawn later in place of a static copy of the page's HTML (a
 * presentation slide waking up) finds the same element there, while it renders, and
 * adopts its markup too.
 */
import { useState } from "react";

/** The HTML the page already has in this element, read once, while hydrating. */
function useMarkupInPage(id: string): string {
  const [found] = useState(() =>
    typeof document === "undefined" ? "" : (document.getElementById(id)?.innerHTML ?? ""),
  );
  return found;
}

export function ServerMarkupG({ id, markup, className }: { id: string; markup: string | null; className?: string }) {
  const inPage = useMarkupInPage(id);
  return <g id={id} className={className} aria-hidden="true" dangerouslySetInnerHTML={{ __html: markup ?? inPage }} />;
}
