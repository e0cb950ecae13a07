/**
 * One marker, one note, on a whole slide: a step's text and its graphic each mark their
 * figures' caveats, and the slide lists both sets of footnotes, so a marker the two
 * share must stand for the same note ("300,000*" in the text and "98,000 people*" on
 * the map, with two different "*" notes, was the mobilization slide's).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { caveatsInView } from "../map/flowModel.ts";
import { deriveDatasets, type Datasets } from "../pipeline/deriveDatasets.ts";
import { loadLedger } from "../pipeline/loadLedger.ts";
import { DATA_DIR } from "../pipeline/testLedger.ts";
import type { CaveatNote } from "../schema/datasets.ts";
import { parseUrlState } from "../state/urlState.ts";

describe("the real story's slides", () => {
  let datasets: Datasets;
  beforeAll(async () => {
    datasets = deriveDatasets((await loadLedger(DATA_DIR)).ledger);
  });

  const graphicNotes = (step: Datasets["story"]["steps"][number]): CaveatNote[] =>
    step.graphic === "exit-routes"
      ? caveatsInView(datasets["exit-routes"], parseUrlState(step.state))
      : datasets[step.graphic].meta.caveats;

  it("never use one marker for two notes, text and graphic together", () => {
    let shared = 0;
    for (const step of datasets.story.steps) {
      const byMarker = new Map(graphicNotes(step).map((n) => [n.marker, n.text]));
      for (const note of step.caveats) {
        const other = byMarker.get(note.marker);
        if (other !== undefined) {
          shared++;
          expect(other, `${step.id}: ${note.marker}`).toBe(note.text);
        }
      }
      // And the markers stay symbols: a digit after a number would read as part of it.
      for (const note of step.caveats) expect(note.marker, step.id).not.toMatch(/\d/);
    }
    // Some slides do share a note (the week's 98,000*), which keeps its one marker.
    expect(shared).toBeGreaterThan(0);
  });
});
