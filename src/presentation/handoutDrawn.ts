/**
 * Is every graphic in the handout drawn? Read from the DOM, the one place every
 * graphic (chart, map, table, error message) ends up, so printing can wait for it.
 */

/** What a step's graphic looks like once it has drawn, or has finally failed to. */
const DONE = ".graphic__body table, .panel-message";
const DRAWN: Record<string, string> = {
  // The print map's frame says so once its basemap is in (or has failed to load).
  "exit-routes": "[data-map-ready=true]",
};
const CHART_DRAWN = ".graphic__body svg[data-export]";

/** True when every `[data-graphic-kind]` section under root has its graphic drawn (a table or an error message counts). */
export function handoutDrawn(root: ParentNode): boolean {
  const sections = root.querySelectorAll<HTMLElement>("[data-graphic-kind]");
  if (sections.length === 0) return false;
  for (const section of sections) {
    const drawn = DRAWN[section.dataset["graphicKind"] ?? ""] ?? CHART_DRAWN;
    if (!section.querySelector(`${drawn}, ${DONE}`)) return false;
  }
  return true;
}
