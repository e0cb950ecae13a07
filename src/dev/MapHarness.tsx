/**
 * Temporary harness for looking at the exit-route map (screenshots). Query parameters:
 * theme=light|dark, camera=<id>, period=<id>, mode=road,sea, route=<id>, engine=svg.
 */
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { ExitRoutesGraphic } from "../map/ExitRoutesGraphic.tsx";
import { ExitRoutesDataset } from "../schema/datasets.ts";
import { useAppStore } from "../state/store.ts";
import { parseUrlState } from "../state/urlState.ts";
import "../styles.css";

const params = new URLSearchParams(location.search);
const theme = params.get("theme");
if (theme === "dark" || theme === "light") document.documentElement.dataset.theme = theme;
useAppStore.getState().replaceUrlState(parseUrlState(location.search));

function Harness() {
  const [data, setData] = useState<ExitRoutesDataset | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch("/data/exit-routes.json")
      .then((r) => r.json())
      .then((json: unknown) => setData(ExitRoutesDataset.parse(json)))
      .catch((e: unknown) => setError(String(e)));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <main style={{ maxWidth: 1280, margin: "0 auto", padding: "12px" }}>
      <h1 style={{ fontSize: 20, margin: "0 0 8px" }}>{data.meta.title}</h1>
      <ExitRoutesGraphic data={data} engine={params.get("engine") === "svg" ? "svg" : "auto"} />
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
