import { afterEach, describe, expect, it, vi } from "vitest";
import { DatasetError, datasetQuery, fetchDataset } from "./datasetQuery.ts";

const respond = (body: string, status = 200) => vi.fn(async () => new Response(body, { status }));

afterEach(() => vi.unstubAllGlobals());

describe("fetchDataset", () => {
  it.each([
    ["a server error, worth one retry", respond("boom", 500), /HTTP 500/, true],
    ["a missing file", respond("nope", 404), /HTTP 404/, false],
    ["invalid JSON", respond("{not json"), /not valid JSON/, false],
    ["JSON that fails the schema", respond('{"version":1}'), /does not match its schema \(/, false],
  ])("reports %s as a DatasetError", async (_label, fetchMock, message, retryable) => {
    vi.stubGlobal("fetch", fetchMock);
    const error = await fetchDataset("border-stops").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).message).toMatch(message);
    expect((error as DatasetError).retryable).toBe(retryable);
  });

  it("reports a network failure as retryable", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    const error = (await fetchDataset("forces").catch((e: unknown) => e)) as DatasetError;
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/network error/);
  });

  it("retries only retryable errors, once", () => {
    const retry = datasetQuery("forces").retry as (n: number, e: Error) => boolean;
    expect(retry(0, new DatasetError("forces", "x", true))).toBe(true);
    expect(retry(1, new DatasetError("forces", "x", true))).toBe(false);
    expect(retry(0, new DatasetError("forces", "x", false))).toBe(false);
    expect(retry(0, new Error("render"))).toBe(false);
  });
});
