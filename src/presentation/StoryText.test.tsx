// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FiguresDataset } from "../schema/datasets.ts";
import { resetAppStore, useAppStore } from "../state/store.ts";
import { StoryText } from "./StoryText.tsx";

const figure = (
  id: string,
  value: number,
  qualifier: FiguresDataset["figures"][number]["qualifier"],
): FiguresDataset["figures"][number] => ({
  id,
  value,
  printed: String(value),
  unit: "people",
  counts: "Russians who crossed",
  place: null,
  period: "2022-09",
  periodText: "September 2022",
  qualifier,
  basis: "reported",
  citations: [],
  derivation: null,
  missing: null,
  notes: [],
  related: [],
  verification: "verified",
  corrections: [],
  caveat: null,
  measure: null,
  readings: [],
  conflicts: [],
});

const figures: FiguresDataset = {
  version: 1,
  verification: { status: "verified", by: "archive", date: "2026-11-28", unverified: 0 },
  figures: [figure("exodus-week-total", 194000, "more-than"), figure("kazakhstan-week", 98000, "exact")],
  sources: [],
  events: [],
  corrections: [],
};

function withFigures(children: ReactNode, loaded = true) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity, queryFn: () => new Promise(() => {}) } },
  });
  if (loaded) client.setQueryData(["dataset", "figures"], figures);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

beforeEach(() => resetAppStore());
afterEach(() => cleanup());

describe("StoryText", () => {
  it("shows each figure with its qualifier as a button that opens its record", () => {
    render(withFigures(<StoryText text="Queues: {exodus-week-total} crossed, ({kazakhstan-week}) to Kazakhstan." />));
    const button = screen.getByRole("button", { name: "more than 194,000" });
    expect(button.closest("p, div")?.textContent).toBe("Queues: more than 194,000 crossed, (98,000) to Kazakhstan.");
    fireEvent.click(button);
    expect(useAppStore.getState().figure).toBe("exodus-week-total");
    // The bracket stays on the number's line.
    expect(screen.getByRole("button", { name: "98,000" }).parentElement!.textContent).toBe("(98,000)");
  });

  it("prints figures as text (no buttons) when not interactive", () => {
    render(withFigures(<StoryText text="{exodus-week-total} crossed" interactive={false} />));
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByText("more than 194,000").tagName).toBe("STRONG");
  });

  it("holds the place of a figure while the figures load", () => {
    render(withFigures(<StoryText text="{exodus-week-total} crossed" />, false));
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByText("…")).toBeTruthy();
  });
});
