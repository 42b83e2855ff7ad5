/** Percentile rows by projection year, the data of the fan charts (no DOM here: these types are public). */

/** One projection year's distribution across simulated paths. */
export interface PercentileRow {
  year: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export interface ReferenceLine {
  value: number;
  label: string;
}

/** Rows must be non-empty, finite, one per year, with p5 ≤ p25 ≤ p50 ≤ p75 ≤ p95. */
export function checkPercentileRows(chart: string, rows: readonly PercentileRow[]): void {
  if (rows.length === 0) throw new Error(`${chart}: no rows`);
  const years = new Set<number>();
  rows.forEach((r, i) => {
    const values = [r.p5, r.p25, r.p50, r.p75, r.p95];
    if (!Number.isInteger(r.year) || !values.every(Number.isFinite)) throw new Error(`${chart}: row ${i} has a non-integer year or a non-finite percentile`);
    if (values.some((v, k) => k > 0 && v < values[k - 1]!)) throw new Error(`${chart}: row ${i} (${r.year}) percentiles are not in order p5 ≤ p25 ≤ p50 ≤ p75 ≤ p95`);
    if (years.has(r.year)) throw new Error(`${chart}: year ${r.year} appears twice`);
    years.add(r.year);
  });
}

/** At most about a dozen integer year ticks. */
export function yearTicks(years: readonly number[]): number[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const step = Math.ceil(sorted.length / 12);
  return sorted.filter((_, i) => i % step === 0);
}
