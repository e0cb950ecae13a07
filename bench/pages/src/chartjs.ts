/** Reference (d): the border-stop chart with Chart.js (only the bar chart's parts registered; no animation). */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Title } from "chart.js";
import { HEIGHT, loadBars, markDrawn, TITLE, WIDTH } from "./borderStopsBars.ts";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Title);

const bars = await loadBars();
const canvas = document.createElement("canvas");
canvas.width = WIDTH;
canvas.height = HEIGHT;
canvas.setAttribute("role", "img");
canvas.setAttribute("aria-label", TITLE);
document.getElementById("chart")!.append(canvas);
new Chart(canvas, {
  type: "bar",
  data: {
    labels: bars.map((b) => b.label),
    datasets: [{ label: "Russians per month", data: bars.map((b) => b.perMonth), backgroundColor: "#b5452b" }],
  },
  options: { animation: false, responsive: false, plugins: { title: { display: true, text: TITLE } } },
});
markDrawn();
