/** Reference (a): the border-stop chart with bare d3 modules (d3-scale, d3-format) and DOM calls. */
import { format } from "d3-format";
import { scaleBand, scaleLinear } from "d3-scale";
import { HEIGHT, loadBars, MARGIN, markDrawn, TITLE, WIDTH } from "./borderStopsBars.ts";

const SVG = "http://www.w3.org/2000/svg";
const el = (name: string, attrs: Record<string, string | number>, text?: string): SVGElement => {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
};

const bars = await loadBars();
const x = scaleBand<string>()
  .domain(bars.map((b) => b.label))
  .range([MARGIN.left, WIDTH - MARGIN.right])
  .padding(0.3);
const y = scaleLinear()
  .domain([0, Math.max(...bars.map((b) => b.perMonth))])
  .nice()
  .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
const fmt = format(",");

const svg = el("svg", {
  width: WIDTH,
  height: HEIGHT,
  viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
  role: "img",
  "aria-label": TITLE,
});
for (const t of y.ticks(5)) {
  svg.append(el("line", { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(t), y2: y(t), stroke: "#ddd" }));
  svg.append(
    el(
      "text",
      { x: MARGIN.left - 6, y: y(t), "text-anchor": "end", "dominant-baseline": "middle", "font-size": 11 },
      fmt(t),
    ),
  );
}
for (const b of bars) {
  svg.append(
    el("rect", {
      x: x(b.label)!,
      y: y(b.perMonth),
      width: x.bandwidth(),
      height: y(0) - y(b.perMonth),
      fill: "#b5452b",
    }),
  );
  svg.append(
    el(
      "text",
      { x: x(b.label)! + x.bandwidth() / 2, y: y(b.perMonth) - 6, "text-anchor": "middle", "font-size": 12 },
      fmt(b.perMonth),
    ),
  );
  svg.append(
    el(
      "text",
      { x: x(b.label)! + x.bandwidth() / 2, y: HEIGHT - MARGIN.bottom + 16, "text-anchor": "middle", "font-size": 12 },
      b.label,
    ),
  );
}
document.getElementById("chart")!.append(svg);
markDrawn();
