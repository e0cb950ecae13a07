/**
 * Reading numbers as newspapers print them: "13,367", "9", "four million",
 * "Two", "no", "fifth", "22nd", "15billion". Used to check that a figure's
 * `printed` text means its `value`, and to find numbers for the coverage report.
 */

const UNITS: Record<string, number> = {
  no: 0,
  zero: 0,
  none: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/** Parses a printed number; null when the text is not one. */
export function parsePrinted(printed: string): number | null {
  const text = printed.trim().toLowerCase().replace(/[£$€]/g, "");
  // "22nd", "1st", "3rd", "4th"
  const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(text);
  if (ordinal) return Number(ordinal[1]);
  // "13,367", "4.5", "15billion", "4 million"
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(hundred|thousand|million|billion)?$/.exec(text);
  if (digits) {
    const base = Number(digits[1]!.replaceAll(",", "") + (digits[2] ?? ""));
    return digits[3] ? base * SCALES[digits[3]]! : base;
  }
  // "four million", "twenty-two", "fifth"
  const words = text.split(/[\s-]+/);
  if (words.length === 1 && words[0]! in ORDINALS) return ORDINALS[words[0]!]!;
  let total = 0;
  let current = 0;
  let seen = false;
  // "no", "none", "zero" stand alone: "no million" is not a number.
  if (words.length > 1 && words.some((w) => UNITS[w] === 0)) return null;
  for (const w of words) {
    if (w in UNITS) {
      current += UNITS[w]!;
      seen = true;
    } else if (w in SCALES) {
      if (!seen) return null;
      current = (current || 1) * SCALES[w]!;
      if (SCALES[w]! >= 1000) {
        total += current;
        current = 0;
      }
    } else return null;
  }
  return seen ? total + current : null;
}

/**
 * Number-like tokens in a text, with their offsets: what the coverage report lists.
 * Digits, number words and ordinals, and the plural number words a reporter uses for
 * a vague quantity ("hundreds", "tens of thousands", "scores", "dozens"), so the
 * report cannot claim nothing is left while missing them.
 */
const TOKEN = new RegExp(
  [
    // Plural number words and phrases: quantities too, if vague ("tens of thousands of men").
    String.raw`\b(?:tens|hundreds) of thousands\b`,
    String.raw`\b(?:hundreds|thousands|millions|scores|dozens)\b`,
    String.raw`\d{4}-\d{2}-\d{2}`,
    String.raw`\b\d{1,2}:\d{2}\b`,
    String.raw`[£$€]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s?(?:million|billion))?`,
    String.raw`[£$€]?\d+(?:\.\d+)?(?:\s?(?:million|billion)|st|nd|rd|th)?(?:-year-old)?`,
    String.raw`\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million)(?:\s(?:hundred|thousand|million|billion))?\b`,
    String.raw`\b(?:fifth|sixth|seventh|eighth|ninth|tenth)\b`,
    String.raw`\ba year\b`,
  ].join("|"),
  "gi",
);

export interface NumberToken {
  text: string;
  start: number;
  end: number;
}

export function findNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    // Skip digits glued to letters on the left (ids, "b2b").
    const before = text[m.index - 1];
    if (before && /[A-Za-z]/.test(before) && /^\d/.test(m[0])) continue;
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
