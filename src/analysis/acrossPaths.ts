/**
 * What one table row says about a quantity across Monte Carlo paths: a summary of its distribution,
 * a confidence interval for its mean, or a paired reform − baseline difference. Non-finite values
 * (a ratio over an empty cell) are left out; `paths` counts the values used.
 */
import { finiteValues, mean, meanInterval, pairedDifference, summarise, type Summary } from './stats.js';

export type SummaryColumns = Summary & { paths: number };

export interface IntervalColumns {
  mean: number;
  se: number;
  ci_low: number;
  ci_high: number;
  paths: number;
}

export interface PairedColumns {
  reform_mean: number;
  baseline_mean: number;
  /** Mean of the per-path differences reform − baseline. */
  difference: number;
  se: number;
  ci_low: number;
  ci_high: number;
  paths: number;
}

export function summaryColumns(values: ArrayLike<number>): SummaryColumns {
  const xs = finiteValues(values);
  return { ...summarise(xs), paths: xs.length };
}

export function intervalColumns(values: ArrayLike<number>, alpha = 0.05): IntervalColumns {
  const m = meanInterval(finiteValues(values), alpha);
  return { mean: m.mean, se: m.se, ci_low: m.lo, ci_high: m.hi, paths: m.paths };
}

/** Paths pair up by index (common random numbers); a pair is used when both values are finite. */
export function pairedColumns(reform: ArrayLike<number>, baseline: ArrayLike<number>, alpha = 0.05): PairedColumns {
  if (reform.length !== baseline.length) throw new RangeError(`paired samples must have the same number of paths: ${reform.length} vs ${baseline.length}`);
  const r: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < reform.length; i++) {
    if (Number.isFinite(reform[i]) && Number.isFinite(baseline[i])) {
      r.push(reform[i]!);
      b.push(baseline[i]!);
    }
  }
  const d = pairedDifference(r, b, alpha);
  return { reform_mean: mean(r), baseline_mean: mean(b), difference: d.mean, se: d.se, ci_low: d.lo, ci_high: d.hi, paths: d.paths };
}
