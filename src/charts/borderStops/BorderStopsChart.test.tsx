// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BorderStopsChart } from "./BorderStopsChart.tsx";
import { BorderStopsTable } from "./BorderStopsTable.tsx";
import { borderStopsFixture as data } from "./fixture.ts";
import { expectLabelInName } from "../testMarks.ts";

afterEach(cleanup);

const copy = { axisTitle: "Russians per month" };

describe("<BorderStopsChart>", () => {
  it("is a labelled group of focusable buttons, one per number", () => {
    render(<BorderStopsChart data={data} width={900} onOpenFigure={() => {}} copy={copy} />);
    const group = screen.getByRole("group", { name: /Russians stopped at the US–Mexico border/ });
    const buttons = within(group).getAllByRole("button");
    expect(buttons).toHaveLength(5);
    for (const b of buttons) expect(b.getAttribute("tabindex")).toBe("0");
    expectLabelInName(group);
    // The name starts with what the mark shows (Label in Name); the full reading is its description.
    const total = screen.getByRole("button", { name: "9,376 in 2021, Russians stopped at the US–Mexico border" });
    expect(total.getAttribute("aria-description")).toBe(
      "2021: 9,376 Russians stopped at the US–Mexico border, about 781 a month on average (our calculation). Open its source.",
    );
    const rate = screen.getByRole("button", {
      name: /^~781 a month average, our calculation, 2021, average per month$/,
    });
    expect(rate.getAttribute("aria-description")).toMatch(
      /^2021: about 781 a month on average \(our calculation\), from 9,376 over 12 months/,
    );
    const january = screen.getByRole("button", {
      name: /^1,028 in January 2022 .*Russians who tried to cross the US–Mexico border$/,
    });
    expect(january.getAttribute("aria-description")).toMatch(
      /^January 2022: 1,028 Russians who tried to cross the US–Mexico border in one month, as reported\. Open its source\.$/,
    );
  });

  it("draws derived heights hatched and the reported month solid", () => {
    const { container } = render(<BorderStopsChart data={data} width={320} onOpenFigure={() => {}} />);
    const kinds = [...container.querySelectorAll("[data-kind]")].map((g) => [
      g.getAttribute("data-figure"),
      g.getAttribute("data-kind"),
    ]);
    expect(kinds).toEqual([
      ["stops-2020", "derived"],
      ["stops-2021", "derived"],
      ["stops-2022-01", "reported"],
    ]);
    const hatched = container.querySelector('[data-figure="stops-2021"] rect:not([aria-hidden])') as SVGRectElement;
    expect(hatched.style.fill).toMatch(/^url\(#hatch-/);
    expect(container.querySelector("pattern")).not.toBeNull();
    expect(container.textContent).toContain("~781 a month");
    expect(container.textContent).toContain("9,376 in 2021");
    expect(container.textContent).toContain("After the arrest of Alexei Navalny");
  });

  it("opens the figure on Enter, Space and click", () => {
    const open = vi.fn();
    render(<BorderStopsChart data={data} width={900} onOpenFigure={open} copy={copy} />);
    fireEvent.keyDown(screen.getByRole("button", { name: /^9,376 in 2021/ }), { key: "Enter" });
    expect(open).toHaveBeenLastCalledWith("stops-2021");
    fireEvent.keyDown(screen.getByRole("button", { name: /^~781 a month/ }), { key: " " });
    expect(open).toHaveBeenLastCalledWith("stops-2021-per-month");
    fireEvent.click(screen.getByRole("button", { name: /^1,028 in January 2022/ }));
    expect(open).toHaveBeenLastCalledWith("stops-2022-01");
    fireEvent.keyDown(screen.getByRole("button", { name: /^467 in 2020/ }), { key: "a" });
    expect(open).toHaveBeenCalledTimes(3);
  });

  it("shows a tooltip with the values on focus and hides it on blur", () => {
    render(<BorderStopsChart data={data} width={900} onOpenFigure={() => {}} copy={copy} />);
    const bar = screen.getByRole("button", { name: /^9,376 in 2021/ });
    fireEvent.focus(bar);
    const tip = screen.getByTestId("chart-tooltip");
    expect(tip.textContent).toContain("9,376 Russians stopped at the US–Mexico border in a year");
    expect(tip.textContent).toContain("About 781 a month on average (our calculation)");
    expect(tip.getAttribute("aria-hidden")).toBe("true");
    fireEvent.blur(bar);
    expect(screen.queryByTestId("chart-tooltip")).toBeNull();
  });

  it("dims what the highlight does not name", () => {
    render(
      <BorderStopsChart data={data} width={900} onOpenFigure={() => {}} highlight={["stops-2022-01"]} copy={copy} />,
    );
    expect(screen.getByRole("button", { name: /^9,376 in 2021/ }).style.opacity).toBe("0.3");
    expect(screen.getByRole("button", { name: /^1,028 in January 2022/ }).style.opacity).toBe("1");
  });

  it("fits 280 px: the SVG is exactly as wide as asked", () => {
    const { container } = render(<BorderStopsChart data={data} width={280} onOpenFigure={() => {}} />);
    const svg = container.querySelector("svg")!;
    expect(svg.getAttribute("width")).toBe("280");
    expect(svg.getAttribute("role")).toBe("group");
  });
});

describe("<BorderStopsTable>", () => {
  it("has a caption and the same values with qualifiers", () => {
    const open = vi.fn();
    render(<BorderStopsTable data={data} onOpenFigure={open} />);
    const table = screen.getByRole("table", { name: "Russians stopped at the US–Mexico border" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(4);
    expect(rows[2]!.textContent).toContain("9,376");
    expect(rows[2]!.textContent).toContain("about 781");
    expect(rows[2]!.textContent).toContain("Our calculation: 9,376 ÷ 12");
    expect(rows[3]!.textContent).toContain("As reported");
    fireEvent.click(within(rows[2]!).getByRole("button", { name: "about 781" }));
    expect(open).toHaveBeenCalledWith("stops-2021-per-month");
  });
});
