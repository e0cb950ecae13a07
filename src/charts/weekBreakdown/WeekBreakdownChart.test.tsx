// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { weekBreakdownFixture as data } from "./fixture.ts";
import { WeekBreakdownChart } from "./WeekBreakdownChart.tsx";
import { WeekBreakdownTable } from "./WeekBreakdownTable.tsx";
import { expectLabelInName, markByReading } from "../testMarks.ts";

afterEach(cleanup);

describe("<WeekBreakdownChart>", () => {
  it("is a labelled group with a button per number, the total included", () => {
    render(<WeekBreakdownChart data={data} width={320} onOpenFigure={() => {}} />);
    const group = screen.getByRole("group", { name: /The first week after the mobilization order/ });
    expect(
      within(group)
        .getAllByRole("button")
        .map((b) => b.getAttribute("aria-description")),
    ).toEqual([
      "Kazakhstan: 98,000 people, 21–27 September 2022. Open its source.",
      "Georgia: 53,000 people, 21–27 September 2022. Open its source.",
      "Finland: 43,000 people, 21–27 September 2022. Open its source.",
      "In all: more than 194,000 people, 21–27 September 2022. Open its source.",
    ]);
    expect(group.textContent).toContain("More than 194,000 in all");
    expect(markByReading(/^Georgia/).getAttribute("aria-label")).toBe("53,000, Georgia");
    expectLabelInName(group);
  });

  it("opens the figure on Enter and click", () => {
    const open = vi.fn();
    render(<WeekBreakdownChart data={data} width={900} onOpenFigure={open} />);
    fireEvent.keyDown(markByReading(/^Georgia/), { key: "Enter" });
    expect(open).toHaveBeenLastCalledWith("georgia-week");
    fireEvent.click(markByReading(/^In all/));
    expect(open).toHaveBeenLastCalledWith("exodus-week-total");
  });
});

describe("<WeekBreakdownTable>", () => {
  it("has a caption, places largest first and the total with its qualifier", () => {
    render(<WeekBreakdownTable data={data} />);
    const table = screen.getByRole("table", { name: "The first week after the mobilization order" });
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toEqual(["Kazakhstan", "Georgia", "Finland", "In all"]);
    expect(within(table).getByRole("row", { name: /^In all/ }).textContent).toContain("more than 194,000");
  });
});
