/**
 * Monte Carlo summaries across paths: mean, standard error, percentiles, probabilities, and paired
 * differences (common random numbers) with confidence intervals.
 * Values are numbers per path; callers drop non-finite ones first (see finiteValues).
 */

export interface Summary {
  mean: number;
  /** Standard error of the mean across paths; NaN (not identified) with fewer than two. */
  se: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** Percentile by linear interpolation between order statistics (type 7, as R and numpy default). */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  return sum / xs.length;
}

/** Sample standard deviation (n − 1): NaN for fewer than two values, whose spread one cannot tell. */
export function sd(xs: ArrayLike<number>): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  let squares = 0;
  for (let i = 0; i < xs.length; i++) squares += (xs[i]! - m) ** 2;
  return Math.sqrt(squares / (xs.length - 1));
}

export function summarise(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(values).sort(); // a typed array sorts numerically
  return {
    mean: mean(values),
    se: sd(values) / Math.sqrt(values.length),
    p5: percentile(sorted, 0.05),
    p25: percentile(sorted, 0.25),
    p50: percentile(sorted, 0.5),
    p75: percentile(sorted, 0.75),
    p95: percentile(sorted, 0.95),
  };
}

export function probability(flags: readonly boolean[]): number {
  return flags.length === 0 ? NaN : flags.filter(Boolean).length / flags.length;
}

/**
 * Student t quantile for 1 − alpha/2: exact for 1 and 2 degrees of freedom, a Cornish-Fisher expansion
 * above (within 0.7% at 3 df, 0.03% at 9).
 */
export function tQuantile(df: number, alpha = 0.05): number {
  const p = 1 - alpha / 2;
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = normalQuantile(p);
  if (!Number.isFinite(df) || df > 1e6) return z;
  const z2 = z * z;
  return (
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df * df) +
    (z * (3 * z2 ** 3 + 19 * z2 * z2 + 17 * z2 - 15)) / (384 * df ** 3)
  );
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/**
 * A mean across paths with its standard error and a (1 − alpha) t confidence interval [lo, hi]. With one
 * path the spread across paths is unknown: se, lo and hi are NaN (not identified), never a zero-width interval.
 */
export interface MeanInterval {
  mean: number;
  se: number;
  lo: number;
  hi: number;
  paths: number;
}

export function meanInterval(values: ArrayLike<number>, alpha = 0.05): MeanInterval {
  const m = mean(values);
  const se = sd(values) / Math.sqrt(values.length);
  const t = values.length > 1 ? tQuantile(values.length - 1, alpha) : NaN;
  return { mean: m, se, lo: m - t * se, hi: m + t * se, paths: values.length };
}

export type PairedDifference = MeanInterval;

/** Paired difference reform − baseline across paths, with a (1 − alpha) t confidence interval. */
export function pairedDifference(reform: readonly number[], baseline: readonly number[], alpha = 0.05): PairedDifference {
  if (reform.length !== baseline.length) throw new RangeError('paired samples must have the same number of paths');
  return meanInterval(
    reform.map((x, i) => x - baseline[i]!),
    alpha,
  );
}

/**
 * The Wilson score interval of a proportion: `successes` of `n` trials (e.g. the share of paths whose fund is
 * depleted), at confidence 1 − alpha. Unlike a t interval on 0/1 values it stays inside [0, 1] and is not
 * zero-width when every trial agrees (few paths, all meeting). NaN with no trials.
 */
export function wilsonInterval(successes: number, n: number, alpha = 0.05): { lo: number; hi: number } {
  if (n === 0) return { lo: NaN, hi: NaN };
  if (!(n > 0) || !(successes >= 0 && successes <= n)) throw new RangeError(`a proportion needs 0 ≤ successes ≤ n and n ≥ 0, got ${successes} of ${n}`);
  const z = normalQuantile(1 - alpha / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
  // At p = 0 or 1 an end is exactly 0 or 1; the clamps only guard against rounding.
  return { lo: successes === 0 ? 0 : Math.max(0, centre - half), hi: successes === n ? 1 : Math.min(1, centre + half) };
}

/** P(B ≤ k) for k = 0…n, B ~ Binomial(n, p) with 0 < p < 1, summing probabilities computed in log space. */
export function binomialCdfs(n: number, p: number): Float64Array {
  const cdf = new Float64Array(n + 1);
  const odds = Math.log(p) - Math.log1p(-p);
  let logPmf = n * Math.log1p(-p); // P(B = 0)
  let sum = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logPmf += Math.log((n - k + 1) / k) + odds;
    sum += Math.exp(logPmf);
    cdf[k] = Math.min(1, sum);
  }
  cdf[n] = 1;
  return cdf;
}

/**
 * A distribution-free confidence interval for the q-quantile from order statistics: the ranks r < s
 * (1-based) with P(B ≤ r − 1) ≤ alpha/2 and P(B ≤ s − 1) ≥ 1 − alpha/2 for B ~ Binomial(n, q), so that
 * [x(r), x(s)] covers the quantile with probability `coverage` = P(r ≤ B ≤ s − 1) ≥ 1 − alpha.
 * A bound whose rank falls outside 1…n is not identified with this many paths: null.
 */
export interface QuantileInterval {
  lo: number | null;
  hi: number | null;
  coverage: number;
}

export function quantileInterval(sorted: ArrayLike<number>, q: number, alpha = 0.05): QuantileInterval {
  if (!(q > 0 && q < 1)) throw new RangeError(`quantile must be between 0 and 1 (exclusive), got ${q}`);
  const n = sorted.length;
  const cdf = binomialCdfs(n, q);
  let r = 0;
  while (r < n && cdf[r]! <= alpha / 2) r++;
  let s = 1;
  while (s <= n && cdf[s - 1]! < 1 - alpha / 2) s++;
  const coverage = cdf[s - 1]! - (r >= 1 ? cdf[r - 1]! : 0);
  return { lo: r >= 1 ? sorted[r - 1]! : null, hi: s <= n ? sorted[s - 1]! : null, coverage };
}

/** Values that are finite numbers: a ratio over an empty cell is NaN (no claims: no ratio), not 0. */
export function finiteValues(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]!);
  return out;
}
