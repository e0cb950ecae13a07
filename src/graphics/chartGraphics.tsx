/** The three chart graphics, for entry points that show them all (explorer, presentation). */
export { borderStopsGraphic } from "./BorderStopsView.tsx";
export { forcesGraphic } from "./ForcesView.tsx";
export { weekBreakdownGraphic } from "./WeekBreakdownView.tsx";
