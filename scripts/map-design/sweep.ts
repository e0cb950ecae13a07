/**
 * npx tsx scripts/map-design/sweep.ts
 *
 * For every width from 300 to 1400 px: the recommended frame's layout and height, and
 * the destinations (plus the origin and Tijuana) that layoutLabels leaves without a
 * label. For tuning the cameras' bounds and the layout's breakpoints.
 */
import { buildFlowModel } from "../../src/map/flowModel.ts";
import { locate, mapFrame } from "../../src/map/mapFrame.ts";
import { labelCandidates, layoutLabels } from "../../src/map/placeLabels.ts";
import { exitRoutesFixture } from "../../src/map/testData.ts";
import { PROPOSED_CAMERAS as cameras } from "./candidates.ts";

const data = exitRoutesFixture();
const model = buildFlowModel(data);
const wanted = [...new Set(model.routes.map((r) => r.destination.id)), "russia", "tijuana"];
const all = labelCandidates(model.routes, data.stances, model.places);

for (let width = 300; width <= 1400; width += width < 460 ? 5 : 20) {
  const shown = all.filter((c) => width >= 600 || c.role !== "stance");
  const f = mapFrame({ width, cameras, places: shown.map((c) => [c.coordinates[0]!, c.coordinates[1]!]) });
  const candidates = shown.map((c) => (f.labels.styleDetails || c.style === "flow" ? c : { ...c, detail: null }));
  const placed: string[] = [];
  for (const panel of f.panels) {
    const { x0, y0 } = panel.box;
    const points = candidates.flatMap((candidate) => {
      const at = locate(f, [candidate.coordinates[0]!, candidate.coordinates[1]!]);
      return at && at.panel === panel ? [{ candidate, x: at.x - x0, y: at.y - y0 }] : [];
    });
    const laid = layoutLabels(points, {
      width: panel.box.x1 - x0,
      height: panel.box.y1 - y0,
      fontSize: f.labels.fontSize,
      detailSize: f.labels.detailSize,
      obstacles: panel.obstacles.map((b) => ({ x0: b.x0 - x0, y0: b.y0 - y0, x1: b.x1 - x0, y1: b.y1 - y0 })),
    });
    placed.push(...laid.map((l) => l.candidate.placeId));
  }
  const missing = wanted.filter((id) => !placed.includes(id));
  console.log(`${width}\t${f.layout}\t${f.height}\t${missing.join(" ") || "all labelled"}`);
}
