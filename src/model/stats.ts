// Summaries of repeated measurements (hashrate windows).

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean of no values');
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Sample standard deviation (n - 1); 0 for a single value. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

export interface Spread {
  min: number;
  max: number;
  /** Coefficient of variation: standard deviation / mean. */
  cv: number;
}

export function spread(values: readonly number[]): Spread {
  const m = mean(values);
  return { min: Math.min(...values), max: Math.max(...values), cv: m === 0 ? 0 : standardDeviation(values) / m };
}
