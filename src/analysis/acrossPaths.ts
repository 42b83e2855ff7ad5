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

/** The values a quantity can take, [low, high]. */
export type Range = readonly [number, number];

/** A share of a whole (of member-years, of a bill, of paths) lies in [0, 1]. */
export const SHARE: Range = [0, 1];

/** The range of a row's metric when its measures list it among their shares; otherwise none. */
export function shareRange(shares: readonly string[] | undefined, labels: object): Range | undefined {
  const metric = (labels as { metric?: unknown }).metric;
  return typeof metric === 'string' && shares?.includes(metric) ? SHARE : undefined;
}

/**
 * A t interval cut to the values the quantity can take (a share's 0 and 1). Cut, not replaced by an interval for
 * a proportion: a path's share is a ratio over its thousands of member-years, and the uncertainty that matters is
 * across paths, which the t interval measures. Cutting drops impossible values only, so coverage is unchanged.
 */
function cut(lo: number, hi: number, range: Range | undefined): { ci_low: number; ci_high: number } {
  return range ? { ci_low: Math.max(lo, range[0]), ci_high: Math.min(hi, range[1]) } : { ci_low: lo, ci_high: hi };
}

export function summaryColumns(values: ArrayLike<number>): SummaryColumns {
  const xs = finiteValues(values);
  return { ...summarise(xs), paths: xs.length };
}

/** `range`: the values the quantity can take (SHARE for a share); the interval is cut to it. */
export function intervalColumns(values: ArrayLike<number>, alpha = 0.05, range?: Range): IntervalColumns {
  const m = meanInterval(finiteValues(values), alpha);
  return { mean: m.mean, se: m.se, ...cut(m.lo, m.hi, range), paths: m.paths };
}

/**
 * Paths pair up by index (common random numbers); a pair is used when both values are finite. `range`: the
 * values each side can take; a difference of two then lies in [low − high, high − low] ([−1, 1] for shares).
 */
export function pairedColumns(reform: ArrayLike<number>, baseline: ArrayLike<number>, alpha = 0.05, range?: Range): PairedColumns {
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
  const spread: Range | undefined = range && [range[0] - range[1], range[1] - range[0]];
  return { reform_mean: mean(r), baseline_mean: mean(b), difference: d.mean, se: d.se, ...cut(d.lo, d.hi, spread), paths: d.paths };
}
