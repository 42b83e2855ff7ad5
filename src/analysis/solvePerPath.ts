/**
 * Sizing a lever that does not change claims (a per-head subsidy, a contribution rate): each path's
 * outcome is monotone in the lever, so each path has its own threshold, the smallest value at which it
 * meets the target, found by bisection. The answer, the smallest value at which at most
 * `allowedFailure` of the paths fail, is an order statistic of the thresholds; its Monte Carlo
 * uncertainty is the distribution-free order-statistic interval for that quantile (stats.ts).
 */
import { SizingError, checkRange } from './sizingError.js';
import { quantileInterval } from './stats.js';

export interface PerPathProblem {
  /** Number of paths; evaluatePath is called with 0 … paths − 1. */
  paths: number;
  /** The allowed range of the lever. */
  lo: number;
  hi: number;
  /** A path's threshold is found to within this width (lever units, e.g. 0.01 yuan). */
  tolerance: number;
  /** Whether a path meets the target with the lever at x; once it does, it must at every larger x. */
  evaluatePath: (path: number, x: number) => boolean | Promise<boolean>;
  /** Share of paths allowed to fail, 0 < allowedFailure < 1 (e.g. 0.05). */
  allowedFailure: number;
  /** Of the interval (default 0.95). */
  confidence?: number;
  /** Refuse to start when the worst case needs more evaluations (default 100,000). */
  maxEvaluations?: number;
}

export interface PerPathSolution {
  /** The smallest value found at which at most allowedFailure of the paths fail (at most `tolerance` above the exact one). */
  value: number;
  /** Order-statistic interval for the value; a bound is null when these paths cannot identify it. */
  interval: { lo: number | null; hi: number | null; coverage: number };
  /** Per path: the smallest passing value found; lo when the path passes at lo, Infinity when it fails at hi. */
  thresholds: number[];
  /** Share of paths failing at `value`. */
  failureShare: number;
  /** The target is met at lo already: the smallest value may lie below the range. */
  atLowerBound: boolean;
  evaluations: number;
}

export async function solvePerPath(problem: PerPathProblem): Promise<PerPathSolution> {
  const { paths, lo, hi, tolerance, evaluatePath, allowedFailure } = problem;
  const confidence = problem.confidence ?? 0.95;
  checkRange(lo, hi, tolerance);
  if (!Number.isInteger(paths) || paths < 1) throw new SizingError('range', `paths must be a positive integer, got ${paths}`);
  if (!(allowedFailure > 0 && allowedFailure < 1)) throw new SizingError('range', `allowedFailure must be between 0 and 1 (exclusive), got ${allowedFailure}`);
  if (!(confidence > 0 && confidence < 1)) throw new SizingError('range', `confidence must be between 0 and 1 (exclusive), got ${confidence}`);
  const perPath = 2 + Math.max(0, Math.ceil(Math.log2((hi - lo) / tolerance)));
  const budget = problem.maxEvaluations ?? 100_000;
  if (paths * perPath > budget) {
    const why = `${paths} paths × up to ${perPath} evaluations each exceeds the budget of ${budget}`;
    throw new SizingError('evaluations', `${why}: widen the tolerance or raise maxEvaluations`);
  }

  let evaluations = 0;
  const passes = async (path: number, x: number) => {
    evaluations++;
    return await evaluatePath(path, x);
  };
  const thresholds: number[] = [];
  for (let p = 0; p < paths; p++) thresholds.push(await threshold(p));

  async function threshold(path: number): Promise<number> {
    if (!(await passes(path, hi))) return Infinity;
    if (await passes(path, lo)) return lo;
    let fail = lo;
    let pass = hi;
    while (pass - fail > tolerance) {
      const mid = (fail + pass) / 2;
      if (mid <= fail || mid >= pass) break; // no double between them
      if (await passes(path, mid)) pass = mid;
      else fail = mid;
    }
    return pass;
  }

  const sorted = [...thresholds].sort((a, b) => a - b);
  // The k-th smallest threshold: from there on at least k of n paths pass, k/n ≥ 1 − allowedFailure.
  const k = Math.max(1, Math.ceil(paths * (1 - allowedFailure) - 1e-9));
  const value = sorted[k - 1]!;
  const failingAt = (x: number) => thresholds.filter((t) => t > x).length / paths;
  if (value === Infinity) {
    const share = failingAt(hi);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const message = `no value in [${lo}, ${hi}] meets the target: at ${hi}, ${pct(share)} of ${paths} paths still fail, more than the ${pct(allowedFailure)} allowed`;
    throw new SizingError('unreachable', message, { x: hi, criterion: share });
  }
  const ci = quantileInterval(sorted, 1 - allowedFailure, 1 - confidence);
  const bound = (x: number | null) => (x === null || x === Infinity ? null : x);
  return {
    value,
    interval: { lo: bound(ci.lo), hi: bound(ci.hi), coverage: ci.coverage },
    thresholds,
    failureShare: failingAt(value),
    atLowerBound: value === lo,
    evaluations,
  };
}
