/**
 * The heading level of the graphic a component sits in (GraphicFrame provides it: 2 in
 * the explorer, 1 in an embed), so headings inside a graphic (the route list, the route
 * card) are one level below its title wherever it is shown.
 */
import { createContext, createElement, useContext, type ComponentPropsWithRef } from "react";

export const GraphicHeadingLevel = createContext<1 | 2>(2);

/** A heading one level below the graphic's title: h2 in an embed, h3 in the explorer. */
export function Subheading(props: ComponentPropsWithRef<"h3">) {
  return createElement(useContext(GraphicHeadingLevel) === 1 ? "h2" : "h3", props);
}
