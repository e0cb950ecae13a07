/**
 * SVG and PNG export of a drawn graphic. CSS variables and classes do not travel
 * with a lone SVG file, so every element's computed paint is inlined first.
 */
import { textWidth, wrapText, type FontWeight } from "../format/textMetrics.ts";
import { escapeMarkup } from "../format/escapeMarkup.ts";
import { INSET_TITLE_BAND, INSET_TITLE_PAD, INSET_TITLE_SIZE, insetTitleWidth } from "../map/insetTitle.ts";

const PAINT = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "font-variant-numeric",
  "paint-order",
  "stroke-linejoin",
  "stroke-linecap",
];

/** A copy of `svg` with every element's computed paint written into its style attribute. */
function withInlinePaint(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [clone, ...clone.querySelectorAll("*")];
  originals.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const style = PAINT.map((p) => `${p}:${cs.getPropertyValue(p)}`)
      .filter((d) => !d.endsWith(":"))
      .join(";");
    copies[i]!.setAttribute("style", style);
    copies[i]!.removeAttribute("class");
    copies[i]!.removeAttribute("tabindex");
  });
  return clone;
}

export interface Caption {
  title: string;
  /** What the graphic shows, under the title. */
  subtitle?: string;
  /** The graphic's notes, each a paragraph: its caveats by marker, then its corrections. */
  notes: readonly string[];
  source: string;
  /** Who made it and where it lives: "Leaving Russia in 2022 · https://…/embed/forces.html". */
  credit?: string;
  /** The graphic's key, where it is HTML beside the SVG (the map's, `[data-export-legend]`). */
  legend?: HTMLElement | null;
}

/** The title's and source line's type, and the room they take. */
interface CaptionType {
  size: number;
  weight: FontWeight;
  lineHeight: number;
}
const TITLE: CaptionType = { size: 16, weight: "bold", lineHeight: 20 };
const SUBTITLE: CaptionType = { size: 13, weight: "normal", lineHeight: 17 };
const SOURCE: CaptionType = { size: 11, weight: "normal", lineHeight: 14 };
const GAP = 10;
/** White space around everything, so nothing touches the file's edge. */
const MARGIN = 16;

/**
 * An HTML key drawn as SVG, `width` px wide, as the page shows it: each paragraph as
 * wrapped text; each list's entries in rows, an entry's sample (its SVG, painted, or a
 * colour swatch: an empty `aria-hidden` span) before its words.
 */
export function legendMarkup(legend: HTMLElement, width: number): { markup: string; height: number } {
  const parts: string[] = [];
  let y = 0;
  const text = (s: string, x: number, base: number, color: string, size: number) =>
    `<text x="${x}" y="${base}" style="font:${size}px system-ui, sans-serif;fill:${color}">${escapeMarkup(s)}</text>`;
  for (const el of legend.querySelectorAll<HTMLElement>("p, ul")) {
    if (el.tagName === "P") {
      const color = getComputedStyle(el).color;
      for (const line of wrapText(el.textContent ?? "", width, 11)) {
        parts.push(text(line, 0, y + 11, color, 11));
        y += 14;
      }
      y += 4;
      continue;
    }
    const color = getComputedStyle(el).color;
    let x = 0;
    let rowHeight = 0;
    for (const li of el.querySelectorAll<HTMLElement>(":scope > li")) {
      const label = (li.textContent ?? "").trim();
      const svg = li.querySelector("svg");
      const swatch = li.querySelector<HTMLElement>('span[aria-hidden="true"]');
      const box = (svg ?? swatch)?.getBoundingClientRect();
      const [sw, sh] = [Math.ceil(box?.width ?? 0), Math.ceil(box?.height ?? 0)];
      const itemWidth = sw + 6 + textWidth(label, 12);
      if (x > 0 && x + itemWidth > width) {
        y += rowHeight + 6;
        [x, rowHeight] = [0, 0];
      }
      const h = Math.max(sh, 15);
      const top = y + (h - sh) / 2;
      if (svg) {
        const clone = withInlinePaint(svg);
        clone.setAttribute("x", String(x));
        clone.setAttribute("y", String(top));
        parts.push(new XMLSerializer().serializeToString(clone));
      } else if (swatch && sw > 1 && sh > 1) {
        // (A legend that is not laid out measures 0 × 0: no swatch, rather than a negative rect.)
        const cs = getComputedStyle(swatch);
        parts.push(
          `<rect x="${x + 0.5}" y="${top + 0.5}" width="${sw - 1}" height="${sh - 1}" fill="${cs.backgroundColor}" stroke="${cs.borderTopColor}"/>`,
        );
      }
      parts.push(text(label, x + sw + 6, y + h / 2 + 4, color, 12));
      x += itemWidth + 14;
      rowHeight = Math.max(rowHeight, h);
    }
    y += rowHeight + 6;
  }
  return { markup: parts.join(""), height: Math.max(0, y - 4) };
}

/**
 * A standalone SVG file, with margins on the page's background colour: the title and
 * subtitle above `content` (SVG markup, `width` × `height` px); its key (where it is
 * HTML), the notes, the source line and the credit with the page's URL below; all wrapped to the graphic's width.
 * An exported graphic carries what explains it, as the page does.
 */
function framed(content: string, width: number, height: number, caption: Caption): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  const bg = getComputedStyle(document.body).backgroundColor;
  const fg = getComputedStyle(document.body).color;
  let y = MARGIN;
  const parts: string[] = [];
  const block = (text: string | readonly string[] | undefined, type: CaptionType) => {
    const lines = [text ?? []].flat().flatMap((t) => wrapText(t, w, type.size, type.weight));
    if (lines.length === 0) return;
    parts.push(
      `<text style="font:${type.weight} ${type.size}px system-ui, sans-serif;fill:${fg}">${lines.map((l, n) => `<tspan x="${MARGIN}" y="${y + type.size + n * type.lineHeight}">${escapeMarkup(l)}</tspan>`).join("")}</text>`,
    );
    y += lines.length * type.lineHeight + GAP;
  };
  block(caption.title, TITLE);
  block(caption.subtitle, SUBTITLE);
  parts.push(`<g transform="translate(${MARGIN} ${y})">${content}</g>`);
  y += h + GAP;
  if (caption.legend) {
    const legend = legendMarkup(caption.legend, w);
    parts.push(`<g transform="translate(${MARGIN} ${y})">${legend.markup}</g>`);
    y += legend.height + GAP;
  }
  block(caption.notes, SOURCE);
  block(caption.source, SOURCE);
  block(caption.credit, SOURCE);
  const total = y - GAP + MARGIN;
  const fullWidth = w + 2 * MARGIN;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${fullWidth}" height="${total}" viewBox="0 0 ${fullWidth} ${total}">`,
    `<rect width="100%" height="100%" fill="${bg}"/>`,
    ...parts,
    `</svg>`,
  ].join("");
}

/** The insets drawn with a map (MapInsets: `.map-inset` in its `.exit-map-wrap`), as shown. */
function shownInsets(svg: SVGSVGElement): { picture: SVGSVGElement; title: string }[] {
  const wrap = svg.closest(".exit-map-wrap");
  return [...(wrap?.querySelectorAll<HTMLElement>(".map-inset") ?? [])].flatMap((inset) => {
    const picture = inset.querySelector<SVGSVGElement>("svg");
    if (!picture || picture.getClientRects().length === 0) return [];
    return [{ picture, title: inset.querySelector(".map-inset__title")?.textContent ?? "" }];
  });
}

/**
 * The graphic as one SVG file, framed with its caption. A narrow map's insets come with
 * it, where the page shows them, each with its heading: the file shows every route the
 * page does.
 */
export function standaloneSvg(svg: SVGSVGElement, caption: Caption): string {
  const origin = svg.getBoundingClientRect();
  const clone = withInlinePaint(svg);
  clone.setAttribute("width", String(Math.ceil(origin.width)));
  clone.setAttribute("height", String(Math.ceil(origin.height)));
  let content = new XMLSerializer().serializeToString(clone);
  let height = origin.height;
  const { backgroundColor: bg, color: fg } = getComputedStyle(document.body);
  for (const { picture, title } of shownInsets(svg)) {
    const r = picture.getBoundingClientRect();
    const [x, y] = [Math.round(r.left - origin.left), Math.round(r.top - origin.top)];
    const inset = withInlinePaint(picture);
    inset.setAttribute("x", String(x));
    inset.setAttribute("y", String(y));
    inset.setAttribute("width", String(Math.ceil(r.width)));
    inset.setAttribute("height", String(Math.ceil(r.height)));
    content += new XMLSerializer().serializeToString(inset);
    // The heading as the page sets it (insetTitle.ts): bold on the page's colour, its
    // baseline 4 px above the band's foot.
    content +=
      `<rect x="${x}" y="${y}" width="${Math.ceil(insetTitleWidth(title))}" height="${INSET_TITLE_BAND}" style="fill:${bg}"/>` +
      `<text x="${x + INSET_TITLE_PAD}" y="${y + INSET_TITLE_BAND - 4}" style="font:700 ${INSET_TITLE_SIZE}px system-ui, sans-serif;fill:${fg}">${escapeMarkup(title)}</text>`;
    height = Math.max(height, y + r.height);
  }
  return framed(content, origin.width, height, caption);
}

export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width * scale;
    canvas.height = img.height * scale;
    const ctx = canvas.getContext("2d")!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(name: string, data: Blob | string, type = "image/svg+xml"): void {
  const blob = typeof data === "string" ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A WebGL map has no SVG: its canvas is exported as a PNG, framed with the title and
 * source line like the SVG exports (and, for "SVG image", wrapped in an SVG file). An SVG
 * drawn over the canvas (the map's place labels) goes on top, as vector text.
 */
export function canvasExport(
  canvas: HTMLCanvasElement,
  caption: Caption,
  overlay: SVGSVGElement | null = null,
): string {
  const { width, height } = canvas.getBoundingClientRect();
  // xlink:href rather than SVG 2's href: older editors (the file may go to a desk's Illustrator) read only that.
  const image = `<image width="${Math.ceil(width)}" height="${Math.ceil(height)}" xlink:href="${canvas.toDataURL("image/png")}"/>`;
  const labels = overlay ? new XMLSerializer().serializeToString(withInlinePaint(overlay)) : "";
  return framed(image + labels, width, height, caption);
}
