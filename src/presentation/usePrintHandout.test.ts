// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { usePrintHandout } from "./usePrintHandout.ts";

// The idle prefetch of the print map's chunk is not what these tests are about.
vi.mock("./StepGraphic.tsx", () => ({ preloadPrintMap: () => new Promise(() => undefined) }));

let print: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  vi.useFakeTimers();
  print = vi.spyOn(window, "print").mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("usePrintHandout", () => {
  it("mounts the handout and, if it never draws, prints after 30 s anyway", () => {
    const { result } = renderHook(() => usePrintHandout());
    act(() => result.current.print());
    expect(result.current.mounted).toBe(true);
    expect(result.current.preparing).toBe(true);
    act(() => vi.advanceTimersByTime(30_000));
    act(() => vi.runOnlyPendingTimers());
    expect(print).toHaveBeenCalledTimes(1);
    expect(result.current.preparing).toBe(false);
  });

  it("opens no print dialog once unmounted while waiting", () => {
    const { result, unmount } = renderHook(() => usePrintHandout());
    act(() => result.current.print());
    unmount();
    vi.advanceTimersByTime(60_000);
    expect(print).not.toHaveBeenCalled();
  });

  it("opens no print dialog once unmounted between the wait's end and the dialog", () => {
    const { result, unmount } = renderHook(() => usePrintHandout());
    act(() => result.current.print());
    // The wait is over: the dialog is due in the next task.
    act(() => vi.advanceTimersByTime(30_000));
    expect(result.current.preparing).toBe(false);
    unmount();
    vi.runOnlyPendingTimers();
    expect(print).not.toHaveBeenCalled();
  });

  it("opens one dialog when print is asked for again while one is due", () => {
    const { result } = renderHook(() => usePrintHandout());
    act(() => result.current.print());
    act(() => vi.advanceTimersByTime(30_000));
    act(() => result.current.print());
    act(() => vi.advanceTimersByTime(60_000));
    expect(print).toHaveBeenCalledTimes(1);
  });
});
