/** Reference (b): the border-stop chart with bare React 19 and d3-scale (no router, query library or schema). */
import { format } from "d3-format";
import { scaleBand, scaleLinear } from "d3-scale";
import { useEffect, useLayoutEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { HEIGHT, loadBars, MARGIN, markDrawn, TITLE, WIDTH, type Bar } from "./borderStopsBars.ts";

const fmt = format(",");

function Chart({ bars }: { bars: Bar[] }) {
  useLayoutEffect(markDrawn, []);
  const x = scaleBand<string>()
    .domain(bars.map((b) => b.label))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.3);
  const y = scaleLinear()
    .domain([0, Math.max(...bars.map((b) => b.perMonth))])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={TITLE}>
      {y.ticks(5).map((t) => (
        <g key={t}>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} stroke="#ddd" />
          <text x={MARGIN.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle" fontSize={11}>
            {fmt(t)}
          </text>
        </g>
      ))}
      {bars.map((b) => (
        <g key={b.label}>
          <rect x={x(b.label)} y={y(b.perMonth)} width={x.bandwidth()} height={y(0) - y(b.perMonth)} fill="#b5452b" />
          <text x={x(b.label)! + x.bandwidth() / 2} y={y(b.perMonth) - 6} textAnchor="middle" fontSize={12}>
            {fmt(b.perMonth)}
          </text>
          <text x={x(b.label)! + x.bandwidth() / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" fontSize={12}>
            {b.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

function App() {
  const [bars, setBars] = useState<Bar[] | null>(null);
  useEffect(() => {
    void loadBars().then(setBars);
  }, []);
  return bars ? <Chart bars={bars} /> : <p>Loading…</p>;
}

createRoot(document.getElementById("chart")!).render(<App />);
