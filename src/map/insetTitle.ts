/**
 * An inset's heading, as the page sets it (map.css's `.map-inset__title`): in the
 * panel's top-left corner, its words padded each side. The insets keep their labels off
 * it (MapInsets.tsx) and the SVG export draws it (exportGraphic.ts). No React here: the
 * export is part of every page's graphic frame.
 */
import { textWidth } from "../format/textMetrics.ts";

/** The heading's type size and band, px. */
export const INSET_TITLE_SIZE = 11;
export const INSET_TITLE_BAND = 16;
/** Its padding each side, px (map.css's `padding: 0 6px`). */
export const INSET_TITLE_PAD = 6;

/** How wide the heading's band is for `label`, px. */
export const insetTitleWidth = (label: string): number =>
  textWidth(label, INSET_TITLE_SIZE, "bold") + 2 * INSET_TITLE_PAD;
