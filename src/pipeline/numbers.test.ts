/** Reading numbers as newspapers print them (parsePrinted) and finding them in a text (findNumbers). */
import { readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findNumbers, parsePrinted } from "./numbers.ts";
import { DATA_DIR } from "./testLedger.ts";

describe("parsePrinted", () => {
  it.each([
    ["13,367", 13367],
    ["9,376", 9376],
    ["196,600", 196600],
    ["1,000,000", 1_000_000],
    ["64", 64],
    ["0", 0],
    ["4.5", 4.5],
    ["Two", 2],
    ["two", 2],
    ["six", 6],
    ["twenty-two", 22],
    ["one hundred", 100],
    ["five hundred thousand", 500_000],
    ["four million", 4_000_000],
    ["one million two hundred thousand", 1_200_000],
    ["no", 0],
    ["none", 0],
    ["fifth", 5],
    ["first", 1],
    ["22nd", 22],
    ["1st", 1],
    ["3rd", 3],
    ["4th", 4],
    ["£15billion", 15_000_000_000],
    ["$4.5 million", 4_500_000],
    ["15 thousand", 15_000],
    ["  64  ", 64],
  ])("%j reads as %d", (printed, value) => {
    expect(parsePrinted(printed)).toBe(value);
  });

  it.each([
    "",
    " ",
    "abc",
    "-5",
    "−5",
    "1,2345",
    "13,36",
    "12,34,567",
    "1.2.3",
    ".5",
    "million",
    "hundred thousand",
    "64 km",
    "22nd place",
    "fifth-largest",
    "first second",
    "two and a half",
    "Approximately 98,000",
    "98,000 people",
    "2022-09-21",
    "07:56",
    "1e6",
    "0x1D3",
  ])("%j is not a number", (printed) => {
    expect(parsePrinted(printed)).toBeNull();
  });

  it("reads every whole number printed with thousands separators", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parsePrinted(n.toLocaleString("en-GB"))).toBe(n);
        expect(parsePrinted(String(n))).toBe(n);
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it("reads every `printed` in the real ledger as its figure's value", async () => {
    const { figures } = parse(await readFile(path.join(DATA_DIR, "figures.yaml"), "utf8")) as {
      figures: { id: string; value: number | null; printed?: string }[];
    };
    const withPrinted = figures.filter((f) => f.printed !== undefined);
    expect(withPrinted.length).toBeGreaterThan(30);
    for (const f of withPrinted) expect(parsePrinted(f.printed!), `${f.id}: "${f.printed}"`).toBe(f.value);
  });
});

describe("findNumbers", () => {
  const texts = (s: string) => findNumbers(s).map((n) => n.text);

  it("finds digits, separators, years and currency amounts, with their offsets", () => {
    const s = "Only 467 Russians were stopped in 2020 but 9,376 for 2021, at £15billion a day.";
    const found = findNumbers(s);
    expect(found.map((n) => n.text)).toEqual(["467", "2020", "9,376", "2021", "£15billion"]);
    for (const n of found) expect(s.slice(n.start, n.end)).toBe(n.text);
    expect(found[0]).toEqual({ text: "467", start: 5, end: 8 });
  });

  it("finds numbers written in words, ordinals and ages", () => {
    expect(texts("Two Russians; four million Ukrainians could leave")).toEqual(["Two", "four million"]);
    expect(texts("the fifth day; its military in 22nd place")).toEqual(["fifth", "22nd"]);
    expect(texts("a 23-year-old man, serving a year in the military")).toEqual(["23-year-old", "a year"]);
    expect(texts("a 4.5 million budget")).toEqual(["4.5 million"]);
  });

  it("finds plural number words and phrases, in any case, a phrase as one token", () => {
    expect(
      texts(
        "Tens of thousands of men fled; hundreds of thousands may; Thousands try; hundreds of emails; millions shelter",
      ),
    ).toEqual(["Tens of thousands", "hundreds of thousands", "Thousands", "hundreds", "millions"]);
    expect(texts("scores of Russian men, dozens of cars")).toEqual(["scores", "dozens"]);
    expect(texts("a thousand, thousandth, scored, dozen")).toEqual(["thousand"]);
  });

  it("keeps dates and times whole", () => {
    expect(texts("462 2022-56-23 Friday, 07:56 PM")).toEqual(["462", "2022-56-23", "07:56"]);
  });

  it("skips digits glued to letters on the left, and words that are not numbers", () => {
    expect(texts("b2b and mp3 files, no one, twentieth")).toEqual([]);
  });

  it("returns tokens in order, without overlaps, each equal to its slice of the text", () => {
    fc.assert(
      fc.property(
        fc
          .array(
            fc.oneof(
              fc.constantFrom(
                "1,028",
                "two",
                " ",
                "-",
                "£",
                "million",
                "22nd",
                "a year",
                "2022-09-21",
                "x",
                ".",
                ",",
                "9",
              ),
              fc.string({ maxLength: 4 }),
            ),
            { maxLength: 30 },
          )
          .map((a) => a.join("")),
        (s) => {
          let last = 0;
          for (const n of findNumbers(s)) {
            expect(n.start).toBeGreaterThanOrEqual(last);
            expect(n.end).toBeGreaterThan(n.start);
            expect(s.slice(n.start, n.end)).toBe(n.text);
            last = n.end;
          }
        },
      ),
      { numRuns: 300, seed: 2 },
    );
  });
});
