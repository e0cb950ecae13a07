/** Reference (c): the border-stop chart as a Vega-Lite spec rendered by vega-embed (SVG renderer). */
import embed from "vega-embed";
import { HEIGHT, loadBars, markDrawn, TITLE, WIDTH } from "./borderStopsBars.ts";

const bars = await loadBars();
await embed(
  "#chart",
  {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: TITLE,
    width: WIDTH - 80,
    height: HEIGHT - 80,
    data: { values: bars },
    mark: { type: "bar", color: "#b5452b" },
    encoding: {
      x: { field: "label", type: "ordinal", sort: null, title: null, axis: { labelAngle: 0 } },
      y: { field: "perMonth", type: "quantitative", title: "Russians per month", axis: { format: "," } },
    },
  },
  { renderer: "svg", actions: false },
);
markDrawn();
