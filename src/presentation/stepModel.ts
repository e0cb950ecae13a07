/**
 * The pure step model: which step an id names, where a navigation action leads, how
 * progress reads, and what a step's saved view state (its query string) does to the
 * store. A step is a saved view: the same query string the explorer writes.
 */
import { parseUrlState, restrictToKnown, type KnownIds, type ThemeChoice, type UrlState } from "../state/urlState.ts";

/** What a key, a button or a swipe asks for. */
export type NavAction = "next" | "prev" | "first" | "last";

/** The index of the step with this id; the first step (0) for a missing or unknown id. */
export function stepIndexFromId(steps: readonly { id: string }[], id: string | null | undefined): number {
  if (!id) return 0;
  const i = steps.findIndex((s) => s.id === id);
  return i < 0 ? 0 : i;
}

/** Where an action leads from `index` in a story of `count` steps; clamped, never wraps. */
export function applyNavAction(index: number, action: NavAction, count: number): number {
  if (count <= 0) return 0;
  const last = count - 1;
  const from = Math.min(Math.max(0, Math.trunc(index) || 0), last);
  switch (action) {
    case "next":
      return Math.min(from + 1, last);
    case "prev":
      return Math.max(from - 1, 0);
    case "first":
      return 0;
    case "last":
      return last;
  }
}

/** "Step 3 of 7". */
export const progressLabel = (index: number, count: number): string => `Step ${index + 1} of ${count}`;

/** Share of the story reached, 0–1 (the first step of seven is 1/7, the last is 1). */
export const progressFraction = (index: number, count: number): number =>
  count <= 0 ? 0 : Math.min(1, Math.max(0, (index + 1) / count));

/** The announcement when the step changes: "Step 3 of 7: The forces Russia could draw on". */
export const stepAnnouncement = (index: number, count: number, title: string): string =>
  `${progressLabel(index, count)}: ${title}`;

export interface StepView {
  /** What goes into the store. */
  state: UrlState;
  /** Ids the graphic emphasises (GraphicView options.highlight): the figure and route the state names. */
  highlight: string[];
}

/** The store fields only the map reads. */
const MAP_FIELDS = ["period", "modes", "camera", "route"] as const satisfies readonly (keyof UrlState)[];

/**
 * A step's saved view as store state. Three departures from the explorer's reading of
 * the same query string, all deliberate:
 * - the deck's theme is kept (a step must not flip a dark deck to light);
 * - a `figure` is a highlight, not an open provenance dialog (a dialog popping up on
 *   a step would hide the slide), and any open dialog closes;
 * - a step that does not show the map leaves the map's fields as they are, so the
 *   (hidden) map stays on the last map view and flies from there to the next one
 *   rather than from the world view.
 */
export function stepView(
  step: { state: string; graphic: string },
  options: { current: UrlState; known?: KnownIds | undefined },
): StepView {
  let parsed = parseUrlState(step.state);
  if (options.known) parsed = restrictToKnown(parsed, options.known);
  const highlight = [parsed.figure, parsed.route].filter((id): id is string => id !== null);
  const kept: Partial<UrlState> = {};
  if (step.graphic !== "exit-routes") for (const f of MAP_FIELDS) Object.assign(kept, { [f]: options.current[f] });
  return { state: { ...parsed, ...kept, figure: null, theme: options.current.theme }, highlight };
}

export interface PresentationParams {
  step: string;
  /** The presenter window. */
  presenter?: boolean;
  theme?: ThemeChoice;
}

/** The presentation's own query string: the step, the presenter flag and an explicit theme; nothing else. */
export function presentationSearch({ step, presenter = false, theme = "system" }: PresentationParams): string {
  const out = new URLSearchParams();
  if (presenter) out.set("presenter", "1");
  out.set("step", step);
  if (theme !== "system") out.set("theme", theme);
  return `?${out.toString()}`;
}

/**
 * A slide's element id. The deck's first paint waits for it to be parsed
 * (prerenderPlugin's deckExpect; public/boot.js writes the same for `?step=`).
 */
export const slideElementId = (stepId: string): string => `slide-${stepId}`;
