/**
 * Development harness: every chart at 320 px and 900 px, for screenshots.
 * Open /harness-charts.html (add ?theme=dark, ?chart=forces, ?widths=280,600).
 * Not an entry point of the app; it reads the pipeline's output like the app does.
 */
import { StrictMode, useEffect, useState, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { fetchDataset } from "../data/datasetQuery.ts";
import type { BorderStopsDataset, ForcesDataset, WeekBreakdownDataset } from "../schema/datasets.ts";
import { BorderStopsChart } from "../charts/borderStops/BorderStopsChart.tsx";
import { BorderStopsTable } from "../charts/borderStops/BorderStopsTable.tsx";
import { describeBorderStops } from "../charts/borderStops/describeBorderStops.ts";
import { ForcesChart } from "../charts/forces/ForcesChart.tsx";
import { ForcesTable } from "../charts/forces/ForcesTable.tsx";
import { describeForces } from "../charts/forces/describeForces.ts";
import { WeekBreakdownChart } from "../charts/weekBreakdown/WeekBreakdownChart.tsx";
import { WeekBreakdownTable } from "../charts/weekBreakdown/WeekBreakdownTable.tsx";
import { describeWeekBreakdown } from "../charts/weekBreakdown/describeWeekBreakdown.ts";
import "../styles.css";

const params = new URLSearchParams(location.search);
if (params.get("theme") === "dark" || params.get("theme") === "light") document.documentElement.dataset.theme = params.get("theme")!;
const widths = (params.get("widths") ?? "320,900").split(",").map(Number);
const only = params.get("chart");
const showTables = params.has("tables");
const highlight = params.get("highlight")?.split(",");

interface Data {
  border: BorderStopsDataset;
  forces: ForcesDataset;
  week: WeekBreakdownDataset;
}

function Panel({ name, width, children }: { name: string; width: number; children: ReactNode }) {
  return (
    <section data-chart={name} data-width={width} style={{ width: width + 32, padding: 16, border: "1px dashed var(--rule)", marginBottom: 24 }}>
      <p style={{ margin: "0 0 12px", font: "12px var(--font-num)", color: "var(--muted)" }}>
        {name} · {width}px
      </p>
      {children}
    </section>
  );
}

function Harness() {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string[]>([]);
  useEffect(() => {
    Promise.all([fetchDataset("border-stops"), fetchDataset("forces"), fetchDataset("week-breakdown")])
      .then(([border, forces, week]) => setData({ border, forces, week }))
      .catch((e: Error) => setError(e.message));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const open = (id: string) => setOpened((o) => [...o, id]);
  const charts: [string, (w: number) => ReactNode, ReactNode, string][] = [
    [
      "border-stops",
      (w) => (
        <BorderStopsChart
          data={data.border}
          width={w}
          onOpenFigure={open}
          highlight={highlight}
          copy={{ subject: "Russians stopped", axisTitle: "Russians per month" }}
        />
      ),
      <BorderStopsTable data={data.border} onOpenFigure={open} />,
      describeBorderStops(data.border),
    ],
    ["forces", (w) => <ForcesChart data={data.forces} width={w} onOpenFigure={open} highlight={highlight} />, <ForcesTable data={data.forces} onOpenFigure={open} />, describeForces(data.forces)],
    [
      "week-breakdown",
      (w) => <WeekBreakdownChart data={data.week} width={w} onOpenFigure={open} highlight={highlight} />,
      <WeekBreakdownTable data={data.week} onOpenFigure={open} />,
      describeWeekBreakdown(data.week),
    ],
  ];
  return (
    <main style={{ padding: 16 }}>
      <p id="opened" style={{ font: "12px var(--font-num)", color: "var(--muted)" }}>
        opened: {opened.join(", ") || "none"}
      </p>
      {charts
        .filter(([name]) => !only || only === name)
        .map(([name, chart, table, description]) => (
          <div key={name}>
            {widths.map((w) => (
              <Panel key={w} name={name} width={w}>
                {chart(w)}
              </Panel>
            ))}
            {showTables && (
              <Panel name={`${name} table`} width={Math.max(...widths)}>
                {table}
                <p style={{ maxWidth: 640 }}>{description}</p>
              </Panel>
            )}
          </div>
        ))}
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
