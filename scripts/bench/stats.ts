/** Medians and friends for the bench's repeated measurements. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Every measurement, in run order. */
  values: number[];
}

export function summarise(values: readonly number[]): Summary {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, values: [...values] };
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, values: [...values] };
}

/** a ÷ b, or NaN when either is missing. */
export const ratio = (a: number, b: number): number =>
  Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;

/**
 * Growth exponent between two sizes: t ∝ n^k gives k = log(t2/t1) / log(n2/n1).
 * 1 is linear; 2 is quadratic.
 */
export const growthExponent = (n1: number, t1: number, n2: number, t2: number): number =>
  Math.log(t2 / t1) / Math.log(n2 / n1);
