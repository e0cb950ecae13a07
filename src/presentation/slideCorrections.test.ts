import { describe, expect, it } from "vitest";
import type { CorrectionNote } from "../schema/datasets.ts";
import { slideCorrections } from "./StepSlide.tsx";

const note = (id: string): CorrectionNote => ({ id, date: "2026-11-28", change: `${id} changed`, reason: "because" });

describe("slideCorrections", () => {
  it("lists the step's corrections, then its graphic's it does not list, each once", () => {
    const step = { corrections: [note("story-wording"), note("forces-attribution")] };
    const graphic = [note("forces-unlike-measures"), note("forces-attribution")];
    expect(slideCorrections(step, graphic).map((c) => c.id)).toEqual([
      "story-wording",
      "forces-attribution",
      "forces-unlike-measures",
    ]);
  });

  it("is the step's own while the graphic's dataset is not there", () => {
    expect(slideCorrections({ corrections: [note("a")] }).map((c) => c.id)).toEqual(["a"]);
  });
});
