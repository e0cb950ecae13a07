// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ForcesChart } from "./ForcesChart.tsx";
import { ForcesTable } from "./ForcesTable.tsx";
import { forcesFixture as data } from "./fixture.ts";
import { expectLabelInName, markByReading } from "../testMarks.ts";

afterEach(cleanup);

describe("<ForcesChart>", () => {
  it("is a labelled group whose numbers are buttons with full readings", () => {
    render(<ForcesChart data={data} width={900} onOpenFigure={() => {}} />);
    const group = screen.getByRole("group", { name: /armed forces before the invasion/ });
    const buttons = within(group).getAllByRole("button");
    // 11 categories × 2 sides, plus a ratio for every row except Army (no number to show).
    expect(buttons.length).toBe(11 * 2 + 10);
    expect(
      markByReading("Russia, Active military: about 900,000 personnel. Open its source.").getAttribute("aria-label"),
    ).toBe("~900,000, Russia, Active military");
    expect(markByReading(/^Russia, Helicopters: at least 478 helicopters\. Caveat: /).getAttribute("aria-label")).toBe(
      "≥478†, Russia, Helicopters",
    );
    markByReading(/^Active military: Russia has about 4\.6 times as many as Ukraine \(our arithmetic/);
    expectLabelInName(group);
  });

  it("renders a missing value as 'not reported' with an outline and no bar", () => {
    const { container } = render(<ForcesChart data={data} width={320} onOpenFigure={() => {}} />);
    const missing = markByReading(/^Ukraine, Tanks: not reported\./);
    expect(missing.getAttribute("data-kind")).toBe("missing");
    expect(missing.textContent).toBe("not reported");
    // Only the dashed outline and the invisible hit area: no filled bar.
    const rects = [...missing.querySelectorAll("rect")];
    expect(rects.filter((r) => r.getAttribute("aria-hidden") !== "true")).toHaveLength(1);
    expect(rects.find((r) => r.dataset.missing)!.style.strokeDasharray).toBe("3 2");
    expect(rects.find((r) => r.dataset.missing)!.style.fill).toBe("none");
    expect(container.querySelectorAll('[data-kind="missing"]')).toHaveLength(2);
  });

  it("renders a zero as 0 with no bar and no ratio", () => {
    render(<ForcesChart data={data} width={900} onOpenFigure={() => {}} />);
    const zero = markByReading("Ukraine, Submarines: 0 submarines. Open its source.");
    expect(zero.textContent).toBe("0");
    expect([...zero.querySelectorAll("rect")].filter((r) => r.getAttribute("aria-hidden") !== "true")).toHaveLength(0);
    expect(markByReading(/^Submarines: No ratio/).textContent).toBe("51 vs none");
  });

  it("draws a caveat's marker at the numbers it qualifies, in their accessible names", () => {
    render(<ForcesChart data={data} width={900} onOpenFigure={() => {}} />);
    const russia = markByReading(/^Russia, Helicopters/);
    expect(russia.textContent).toBe("≥478†");
    expect(russia.getAttribute("aria-label")).toBe("≥478†, Russia, Helicopters");
  });

  it("opens the right figure on Enter, Space and click", () => {
    const open = vi.fn();
    render(<ForcesChart data={data} width={900} onOpenFigure={open} />);
    fireEvent.keyDown(markByReading(/^Ukraine, Tanks/), { key: "Enter" });
    expect(open).toHaveBeenLastCalledWith("ua-tanks");
    fireEvent.keyDown(markByReading(/^Tanks: Russia has more than 6 times/), { key: " " });
    expect(open).toHaveBeenLastCalledWith("tanks-ratio");
    fireEvent.click(markByReading(/^Active military: Russia has/));
    expect(open).toHaveBeenLastCalledWith("ru-active-personnel");
    fireEvent.keyDown(markByReading(/^Ukraine, Navy/), { key: "Enter" });
    expect(open).toHaveBeenLastCalledWith("ua-navy-personnel");
  });

  it("shows a tooltip on hover that says whose arithmetic a ratio is", () => {
    render(<ForcesChart data={data} width={900} onOpenFigure={() => {}} />);
    fireEvent.pointerEnter(markByReading(/^Navy: Russia has 10 times/));
    expect(screen.getByTestId("chart-tooltip").textContent).toContain("our arithmetic: 150,000 ÷ 15,000");
  });
});

describe("<ForcesTable>", () => {
  it("has a caption, row groups and the same values with qualifiers", () => {
    render(<ForcesTable data={data} />);
    const table = screen.getByRole("table", { name: /armed forces before the invasion/ });
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toContain("Tanks (tanks)");
    const tanks = within(table).getByRole("row", { name: /^Tanks/ });
    expect(tanks.textContent).toContain("13,367");
    expect(tanks.textContent).toContain("not reported");
    expect(tanks.textContent).toContain("more than 6×");
    expect(tanks.textContent).toContain("Ratio as the article reports it.");
    const subs = within(table).getByRole("row", { name: /^Submarines/ });
    expect(subs.textContent).toContain("51 vs none");
  });
});
