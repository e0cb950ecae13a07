/**
 * The heading level of the graphic a component sits in (GraphicFrame provides it: 2 in
 * the explorer, 1 in an embed), so headings inside a graphic (the route list, the route
 * card) are one level below its title wherever it is shown.
 */
import { createContext, useContext } from "react";

export const GraphicHeadingLevel = createContext<1 | 2>(2);

/** The tag for a heading one level below the graphic's title. */
export function useSubheading(): "h2" | "h3" {
  return useContext(GraphicHeadingLevel) === 1 ? "h2" : "h3";
}
