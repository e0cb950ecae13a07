/**
 * SVG and PNG export of a drawn graphic. CSS variables and classes do not travel
 * with a lone SVG file, so every element's computed paint is inlined first.
 */
const PAINT = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "opacity", "font-family", "font-size", "font-weight", "text-anchor", "dominant-baseline", "font-variant-numeric", "paint-order", "stroke-linejoin", "stroke-linecap"];

/** A copy of `svg` with every element's computed paint written into its style attribute. */
function withInlinePaint(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [clone, ...clone.querySelectorAll("*")];
  originals.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const style = PAINT.map((p) => `${p}:${cs.getPropertyValue(p)}`).filter((d) => !d.endsWith(":")).join(";");
    copies[i]!.setAttribute("style", style);
    copies[i]!.removeAttribute("class");
    copies[i]!.removeAttribute("tabindex");
  });
  return clone;
}

/** A standalone SVG document for the given SVG element, with title and source line added. */
export function standaloneSvg(svg: SVGSVGElement, caption: { title: string; source: string }): string {
  const clone = withInlinePaint(svg);
  const { width, height } = svg.getBoundingClientRect();
  const pad = 44;
  const bg = getComputedStyle(document.body).backgroundColor;
  const fg = getComputedStyle(document.body).color;
  const ns = "http://www.w3.org/2000/svg";
  const out = document.createElementNS(ns, "svg");
  out.setAttribute("xmlns", ns);
  out.setAttribute("width", String(Math.ceil(width)));
  out.setAttribute("height", String(Math.ceil(height + pad * 2)));
  out.setAttribute("viewBox", `0 0 ${Math.ceil(width)} ${Math.ceil(height + pad * 2)}`);
  out.innerHTML = `<rect width="100%" height="100%" fill="${bg}"/>`;
  const text = (y: number, s: string, size: number, weight: number) => {
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", "0");
    t.setAttribute("y", String(y));
    t.setAttribute("style", `font:${weight} ${size}px system-ui, sans-serif;fill:${fg}`);
    t.textContent = s;
    return t;
  };
  out.appendChild(text(20, caption.title, 16, 700));
  const g = document.createElementNS(ns, "g");
  g.setAttribute("transform", `translate(0 ${pad - 10})`);
  clone.setAttribute("width", String(Math.ceil(width)));
  clone.setAttribute("height", String(Math.ceil(height)));
  g.appendChild(clone);
  out.appendChild(g);
  out.appendChild(text(height + pad + 20, caption.source, 11, 400));
  return new XMLSerializer().serializeToString(out);
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
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
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
export function canvasExport(canvas: HTMLCanvasElement, caption: { title: string; source: string }, overlay: SVGSVGElement | null = null): string {
  const { width, height } = canvas.getBoundingClientRect();
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  const pad = 44;
  const bg = getComputedStyle(document.body).backgroundColor;
  const fg = getComputedStyle(document.body).color;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const png = canvas.toDataURL("image/png");
  const labels = overlay ? `<g transform="translate(0 ${pad - 10})">${new XMLSerializer().serializeToString(withInlinePaint(overlay))}</g>` : "";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h + pad * 2}" viewBox="0 0 ${w} ${h + pad * 2}">`,
    `<rect width="100%" height="100%" fill="${bg}"/>`,
    `<text x="0" y="20" style="font:700 16px system-ui, sans-serif;fill:${fg}">${esc(caption.title)}</text>`,
    `<image x="0" y="${pad - 10}" width="${w}" height="${h}" href="${png}"/>`,
    labels,
    `<text x="0" y="${h + pad + 20}" style="font:400 11px system-ui, sans-serif;fill:${fg}">${esc(caption.source)}</text>`,
    `</svg>`,
  ].join("");
}
