/**
 * Sizing a lever that changes claims (a deductible): every evaluation is a whole simulation, run on the
 * same paths (common random numbers), returning a metric per path. The target is a statistic of that
 * metric across paths (the mean; the share of paths flagged 1, e.g. depleted: a probability; or a quantile)
 * at most or at least a bound. Assuming the target, once met, stays met as the lever rises, the smallest such value
 * is bracketed and narrowed by the Illinois method (regula falsi that halves a stale end's value), with
 * a bisection step whenever the bracket has not halved over two steps: the criterion is a step function
 * of the lever when paths are few, where regula falsi alone can crawl.
 */
import { SizingError, checkRange, type BestFound } from './sizingError.js';
import { finiteValues, meanInterval, percentile, wilsonInterval, quantileInterval } from './stats.js';

/** 'share': the metric is a 0/1 flag per path and the statistic the share of paths flagged, with a Wilson interval. */
export type TargetStatistic = { statistic: 'mean' } | { statistic: 'share' } | { statistic: 'quantile'; q: number };
export type TargetBound = { atMost: number } | { atLeast: number };
export type BracketTarget = TargetStatistic & TargetBound;

export interface BracketedProblem {
  /** The allowed range of the lever. */
  lo: number;
  hi: number;
  /** An optional starting bracket inside the range: the target must fail at its low end and be met at its high end. */
  bracket?: readonly [number, number];
  /** Stop when the bracket is this narrow (lever units). */
  tolerance: number;
  /** Run the simulation with the lever at x: the metric per path, the same paths every time. */
  evaluate: (x: number) => readonly number[] | Promise<readonly number[]>;
  target: BracketTarget;
  /** Of the interval at the solution (default 0.95). */
  confidence?: number;
  /** Evaluations allowed (default 40). */
  maxEvaluations?: number;
}

/** The target statistic at one lever value, with its Monte Carlo uncertainty. */
export interface CriterionAt {
  x: number;
  statistic: number;
  /** Confidence interval of the statistic (t interval for a mean, Wilson for a share, order statistics for a quantile); null = not identified. */
  lo: number | null;
  hi: number | null;
  paths: number;
  meets: boolean;
}

export interface BracketedSolution {
  /** The smallest value found that meets the target: the high end of the final bracket. */
  value: number;
  /** [fails, meets], at most `tolerance` wide; null when the target is met at lo already. */
  bracket: [number, number] | null;
  /** The target is met at lo already: the smallest value may lie below the range. */
  atLowerBound: boolean;
  /** The criterion at `value`. */
  atValue: CriterionAt;
  /** The bound lies inside the criterion's interval at `value`: with these paths, the solution cannot be told apart from the target. */
  marginal: boolean;
  evaluations: number;
  /** Every evaluation in order. */
  history: CriterionAt[];
}

function criterion(x: number, metrics: readonly number[], target: BracketTarget, alpha: number): CriterionAt {
  const values = finiteValues(metrics);
  if (values.length === 0) throw new SizingError('range', `the evaluation at ${x} returned no finite metric`);
  let statistic: number;
  let lo: number | null;
  let hi: number | null;
  if (target.statistic === 'mean') {
    const m = meanInterval(values, alpha);
    // One path: no interval (NaN), unidentified as a quantile's bound beyond the paths is.
    const bound = (x: number) => (Number.isNaN(x) ? null : x);
    [statistic, lo, hi] = [m.mean, bound(m.lo), bound(m.hi)];
  } else if (target.statistic === 'share') {
    if (values.some((v) => v !== 0 && v !== 1)) throw new SizingError('range', `the evaluation at ${x} returned a value other than 0 or 1 for a share of paths`);
    const flagged = values.filter((v) => v === 1).length;
    const ci = wilsonInterval(flagged, values.length, alpha);
    [statistic, lo, hi] = [flagged / values.length, ci.lo, ci.hi];
  } else {
    const sorted = values.sort((a, b) => a - b);
    const ci = quantileInterval(sorted, target.q, alpha);
    [statistic, lo, hi] = [percentile(sorted, target.q), ci.lo, ci.hi];
  }
  return { x, statistic, lo, hi, paths: values.length, meets: shortfall(statistic, target) <= 0 };
}

/** How far the statistic is from meeting the target (≤ 0: met). */
function shortfall(statistic: number, target: TargetBound): number {
  return 'atMost' in target ? statistic - target.atMost : target.atLeast - statistic;
}

/** E.g. "mean 0.2 at 100", "quantile 0.05 = 5.5 at 12". */
function describe(c: CriterionAt, target: TargetStatistic): string {
  return `${target.statistic === 'quantile' ? `quantile ${target.q} =` : target.statistic} ${c.statistic} at ${c.x}`;
}

function solution(pass: CriterionAt, fail: CriterionAt | null, target: BracketTarget, history: CriterionAt[]): BracketedSolution {
  return {
    value: pass.x,
    bracket: fail ? [fail.x, pass.x] : null,
    atLowerBound: fail === null,
    atValue: pass,
    marginal: isMarginal(pass, target),
    evaluations: history.length,
    history,
  };
}

export async function solveBracketed(problem: BracketedProblem): Promise<BracketedSolution> {
  const { lo, hi, tolerance, target } = problem;
  checkRange(lo, hi, tolerance);
  const confidence = problem.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw new SizingError('range', `confidence must be between 0 and 1 (exclusive), got ${confidence}`);
  }
  if (target.statistic === 'quantile' && !(target.q > 0 && target.q < 1)) {
    throw new SizingError('range', `the target quantile must be between 0 and 1 (exclusive), got ${target.q}`);
  }
  const maxEvaluations = problem.maxEvaluations ?? 40;
  const history: CriterionAt[] = [];
  let paths: number | undefined;

  const evaluate = async (x: number): Promise<CriterionAt> => {
    if (history.length >= maxEvaluations) {
      const best = history.filter((c) => c.meets).sort((a, b) => a.x - b.x)[0];
      const sofar = best ? `the smallest value meeting the target so far is ${best.x}` : 'no value met the target';
      throw new SizingError('evaluations', `stopped after ${maxEvaluations} evaluations without narrowing the bracket to ${tolerance}; ${sofar}`, best && { x: best.x, criterion: best.statistic });
    }
    const metrics = await problem.evaluate(x);
    if (paths !== undefined && metrics.length !== paths) {
      throw new RangeError(`evaluate(${x}) returned ${metrics.length} paths, earlier ${paths}: the paths must be the same every time`);
    }
    paths = metrics.length;
    const c = criterion(x, metrics, target, 1 - confidence);
    history.push(c);
    return c;
  };

  let fail: CriterionAt;
  let pass: CriterionAt;
  if (problem.bracket) {
    const [a, b] = problem.bracket;
    if (!(lo <= a && a < b && b <= hi)) throw new SizingError('range', `the bracket [${a}, ${b}] must satisfy lo ≤ a < b ≤ hi within [${lo}, ${hi}]`);
    fail = await evaluate(a);
    const notBracketed = (why: string) => new SizingError('notBracketed', `the bracket [${a}, ${b}] does not bracket the target: ${why}`);
    if (fail.meets) throw notBracketed(`it is already met at ${a} (${describe(fail, target)})`);
    pass = await evaluate(b);
    if (!pass.meets) throw notBracketed(`it is not met at ${b} either (${describe(pass, target)})`);
  } else {
    const atLo = await evaluate(lo);
    if (atLo.meets) return solution(atLo, null, target, history);
    const atHi = await evaluate(hi);
    if (!atHi.meets) {
      const closer = shortfall(atHi.statistic, target) <= shortfall(atLo.statistic, target) ? atHi : atLo;
      const best: BestFound = { x: closer.x, criterion: closer.statistic };
      throw new SizingError('unreachable', `no value in [${lo}, ${hi}] meets the target: ${describe(atLo, target)}, ${describe(atHi, target)}`, best);
    }
    [fail, pass] = [atLo, atHi];
  }

  // Illinois: regula falsi on the shortfall, halving the value kept at an end that stays twice.
  let hFail = shortfall(fail.statistic, target);
  let hPass = shortfall(pass.statistic, target);
  let kept: 'fail' | 'pass' | null = null;
  let widthBefore = [Infinity, Infinity];
  while (pass.x - fail.x > tolerance) {
    const width = pass.x - fail.x;
    const bisect = width > widthBefore[0]! / 2;
    let x = fail.x + (hFail * width) / (hFail - hPass);
    if (bisect || !(x > fail.x && x < pass.x)) x = (fail.x + pass.x) / 2;
    if (x <= fail.x || x >= pass.x) break; // no double between them
    widthBefore = [widthBefore[1]!, width];
    const c = await evaluate(x);
    if (c.meets) {
      pass = c;
      hPass = shortfall(c.statistic, target);
      if (kept === 'fail') hFail /= 2;
      kept = 'fail';
    } else {
      fail = c;
      hFail = shortfall(c.statistic, target);
      if (kept === 'pass') hPass /= 2;
      kept = 'pass';
    }
  }
  return solution(pass, fail, target, history);
}

function isMarginal(c: CriterionAt, target: TargetBound): boolean {
  const bound = 'atMost' in target ? target.atMost : target.atLeast;
  return (c.lo ?? -Infinity) <= bound && bound <= (c.hi ?? Infinity);
}
