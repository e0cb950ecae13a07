/** Markdown tables whose columns are padded, so they read as well in a terminal as rendered. */

export type Align = "left" | "right";

export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length), 3));
  const pad = (s: string, i: number) => (align[i] === "right" ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => pad(c, i)).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (align[i] === "right" ? `${"-".repeat(w + 1)}:` : `${"-".repeat(w + 2)}`)).join("|")}|`;
  return [line(header), rule, ...rows.map((r) => line(header.map((_, i) => r[i] ?? "")))].join("\n");
}

const finite = (n: number) => Number.isFinite(n);

/** 12.3 KiB */
export const kib = (bytes: number, digits = 1): string => (finite(bytes) ? `${(bytes / 1024).toFixed(digits)}` : "–");
/** 1,234 ms */
export const ms = (v: number): string => (finite(v) ? Math.round(v).toLocaleString("en-GB") : "–");
/** 1.23× */
export const times = (v: number): string => (finite(v) ? `${v.toFixed(2)}×` : "–");
export const num = (v: number, digits = 0): string =>
  finite(v) ? v.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "–";
