/**
 * Markup the prerenderer drew that the browser keeps as it is until it can draw the
 * same itself (the map's basemap: projected at build time, from a topology the page
 * has not downloaded yet). While hydrating, the element's own HTML, already in the
 * page, is what React is given: it adopts it unchanged. From then on `markup` (null
 * while it cannot be made) replaces it whenever it changes.
 */
import { useId, useState } from "react";

/** The HTML the page already has in this element, read once, while hydrating. */
function useMarkupInPage(id: string): string {
  const [found] = useState(() =>
    typeof document === "undefined" ? "" : (document.getElementById(id)?.innerHTML ?? ""),
  );
  return found;
}

export function ServerMarkupG({ markup, className }: { markup: string | null; className?: string }) {
  const id = `m${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const inPage = useMarkupInPage(id);
  return <g id={id} className={className} aria-hidden="true" dangerouslySetInnerHTML={{ __html: markup ?? inPage }} />;
}
