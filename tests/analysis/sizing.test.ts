import { describe, expect, it } from 'vitest';
import { solveBracketed } from '../../src/analysis/solveBracketed.js';
import { solvePerPath } from '../../src/analysis/solvePerPath.js';
import { SizingError } from '../../src/analysis/sizingError.js';

/** Resolves with the SizingError a solve throws (fails the test if it does not). */
async function sizingError(run: Promise<unknown>): Promise<SizingError> {
  try {
    await run;
  } catch (err) {
    if (err instanceof SizingError) return err;
    throw err;
  }
  throw new Error('expected a SizingError');
}

describe('per-path solver (a lever that does not change claims)', () => {
  // Path p passes once the lever reaches 10 + p (p = 0…19).
  const base = { paths: 20, lo: 0, hi: 100, tolerance: 0.001, allowedFailure: 0.05, evaluatePath: (p: number, x: number) => x >= 10 + p };

  it('finds each threshold and the order statistic', async () => {
    const s = await solvePerPath(base);
    s.thresholds.forEach((t, p) => {
      expect(t).toBeGreaterThanOrEqual(10 + p);
      expect(t - (10 + p)).toBeLessThanOrEqual(0.001);
    });
    // At most 5% of 20 paths = 1 may fail: the 19th smallest threshold, 28.
    expect(s.value).toBeCloseTo(28, 2);
    expect(s.failureShare).toBe(0.05);
    expect(s.atLowerBound).toBe(false);
    // Order-statistic interval for the 0.95 quantile with 20 paths: ranks r = 17 and s = 21 > 20 (see
    // stats.test.ts), so [threshold of path 16 = 26, not identified].
    expect(s.interval.lo).toBeCloseTo(26, 2);
    expect(s.interval.hi).toBeNull();
    // Per path: hi, lo, then ⌈log2(100 / 0.001)⌉ = 17 bisections at most.
    expect(s.evaluations).toBeLessThanOrEqual(20 * 19);
  });

  it('accepts asynchronous evaluations and a looser target', async () => {
    const s = await solvePerPath({ ...base, allowedFailure: 0.5, evaluatePath: async (p, x) => x >= 10 + p });
    // Half may fail: the 10th smallest, 19.
    expect(s.value).toBeCloseTo(19, 2);
  });

  it('reports a target met at the bottom of the range', async () => {
    const s = await solvePerPath({ ...base, lo: 50 });
    expect(s.value).toBe(50);
    expect(s.atLowerBound).toBe(true);
  });

  it('says when no value in the range meets the target, with the best found', async () => {
    // Paths 18 and 19 need 28 and 29: with hi = 27.5 two paths in 20 (10%) still fail.
    const err = await sizingError(solvePerPath({ ...base, hi: 27.5 }));
    expect(err.kind).toBe('unreachable');
    expect(err.message).toMatch(/no value in \[0, 27\.5\] meets the target: at 27\.5, 10\.0% of 20 paths still fail/);
    expect(err.best).toEqual({ x: 27.5, criterion: 0.1 });
  });

  it('rejects a bad range before evaluating anything', async () => {
    let calls = 0;
    const counted = { ...base, evaluatePath: () => (calls++, true) };
    expect((await sizingError(solvePerPath({ ...counted, lo: 5, hi: 5 }))).message).toMatch(/lo < hi, got lo = 5, hi = 5/);
    expect((await sizingError(solvePerPath({ ...counted, tolerance: 0 }))).message).toMatch(/tolerance must be a positive number/);
    expect((await sizingError(solvePerPath({ ...counted, allowedFailure: 1 }))).kind).toBe('range');
    // 20 paths × (2 + 17) evaluations > 100.
    expect((await sizingError(solvePerPath({ ...counted, maxEvaluations: 100 }))).kind).toBe('evaluations');
    expect(calls).toBe(0);
  });
});

describe('bracketing solver (a lever that changes claims)', () => {
  it('finds the smallest value meeting a probability target on a step criterion', async () => {
    // 100 paths; path p is depleted (1) while the lever is below p. P(depleted) ≤ 5% needs at most 5
    // depleted paths: from x = 94 on only paths 95…99 are (just below 94, path 94 is too).
    const evaluate = (x: number) => Array.from({ length: 100 }, (_, p) => (x < p ? 1 : 0));
    const s = await solveBracketed({ lo: 0, hi: 200, tolerance: 0.01, evaluate, target: { statistic: 'mean', atMost: 0.05 } });
    expect(s.value).toBeGreaterThanOrEqual(94);
    expect(s.value - 94).toBeLessThanOrEqual(0.01);
    expect(s.bracket![1] - s.bracket![0]).toBeLessThanOrEqual(0.01);
    expect(s.atValue).toMatchObject({ statistic: 0.05, meets: true, paths: 100 });
    // The t interval of a 5% share from 100 paths contains 0.05 itself: the solution sits on the bound.
    expect(s.marginal).toBe(true);
    // Bisection from a 200-wide bracket to 0.01 takes ⌈log2(20,000)⌉ = 15 steps; the safeguard keeps it close.
    expect(s.evaluations).toBeLessThanOrEqual(2 + 2 * 15);
  });

  it('sizes a share of failing paths with an interval inside [0, 1] that is not [0, 0] when none fails', async () => {
    // 20 paths; path p fails (1) while the lever is below 5p. No path may fail: from x = 95 on.
    const evaluate = (x: number) => Array.from({ length: 20 }, (_, p) => (x < 5 * p ? 1 : 0));
    const s = await solveBracketed({ lo: 0, hi: 200, tolerance: 0.01, evaluate, target: { statistic: 'share', atMost: 0 } });
    expect(s.value).toBeGreaterThanOrEqual(95);
    expect(s.value - 95).toBeLessThanOrEqual(0.01);
    // 0 of 20 (Wilson): [0, 0.1611]; the t interval of twenty zeros would be [0, 0], which claims certainty.
    expect(s.atValue).toMatchObject({ statistic: 0, lo: 0, paths: 20 });
    expect(s.atValue.hi).toBeCloseTo(0.1611, 4);
    expect(s.marginal).toBe(true);
    for (const c of s.history) expect(c.lo! >= 0 && c.hi! <= 1).toBe(true);
    const err = await sizingError(solveBracketed({ lo: 0, hi: 1, tolerance: 0.1, evaluate: () => [0.5], target: { statistic: 'share', atMost: 0 } }));
    expect(err.message).toMatch(/other than 0 or 1/);
  });

  it('converges fast on a smooth criterion (Illinois)', async () => {
    // Metric per path a_p / (1 + x) with a_p = 10 + p/10 (p = 0…49), mean(a) = 12.45: the mean is at most 1
    // from x = 11.45 on.
    const a = Array.from({ length: 50 }, (_, p) => 10 + p / 10);
    const s = await solveBracketed({ lo: 0, hi: 1000, tolerance: 1e-6, evaluate: (x) => a.map((v) => v / (1 + x)), target: { statistic: 'mean', atMost: 1 } });
    expect(s.value).toBeGreaterThanOrEqual(11.45 - 1e-9);
    expect(s.value).toBeLessThanOrEqual(11.45 + 1e-6);
    // Bisection would need ⌈log2(1000 / 1e-6)⌉ = 30 steps.
    expect(s.evaluations).toBeLessThan(20);
    expect(s.history[0]!.x).toBe(0);
  });

  it('meets a quantile target from above', async () => {
    // Months covered on path p = x − 10 + p/10 (p = 0…99). The 5th percentile (type 7, h = 4.95) is
    // x − 10 + 0.495; at least 6 months from x = 15.505 on.
    const evaluate = async (x: number) => Array.from({ length: 100 }, (_, p) => x - 10 + p / 10);
    const s = await solveBracketed({ lo: 0, hi: 100, tolerance: 1e-6, evaluate, target: { statistic: 'quantile', q: 0.05, atLeast: 6 } });
    expect(s.value).toBeCloseTo(15.505, 5);
    expect(s.atValue.lo).not.toBeNull();
    expect(s.atValue.lo!).toBeLessThan(s.atValue.statistic);
  });

  it('starts from a given bracket, and refuses one that does not bracket', async () => {
    const evaluate = (x: number) => [x < 30 ? 1 : 0];
    const target = { statistic: 'mean', atMost: 0 } as const;
    const s = await solveBracketed({ lo: 0, hi: 100, bracket: [25, 35], tolerance: 0.5, evaluate, target });
    expect(s.history.map((c) => c.x).slice(0, 2)).toEqual([25, 35]);
    expect(s.value).toBeGreaterThanOrEqual(30);
    const met = await sizingError(solveBracketed({ lo: 0, hi: 100, bracket: [40, 50], tolerance: 0.5, evaluate, target }));
    expect(met.kind).toBe('notBracketed');
    expect(met.message).toMatch(/does not bracket the target: it is already met at 40/);
    const neither = await sizingError(solveBracketed({ lo: 0, hi: 100, bracket: [10, 20], tolerance: 0.5, evaluate, target }));
    expect(neither.message).toMatch(/it is not met at 20 either/);
    expect((await sizingError(solveBracketed({ lo: 0, hi: 100, bracket: [20, 10], tolerance: 0.5, evaluate, target }))).kind).toBe('range');
  });

  it('says when no value in the range meets the target, with the best found', async () => {
    // The share of depleted paths falls with the lever but never below 20%.
    const evaluate = (x: number) => Array.from({ length: 10 }, (_, p) => (p < 2 || x < p * 10 ? 1 : 0));
    const err = await sizingError(solveBracketed({ lo: 0, hi: 100, tolerance: 0.1, evaluate, target: { statistic: 'mean', atMost: 0.05 } }));
    expect(err.kind).toBe('unreachable');
    expect(err.message).toMatch(/no value in \[0, 100\] meets the target/);
    expect(err.best).toEqual({ x: 100, criterion: 0.2 });
  });

  it('returns lo when the target is met there, and stops at the evaluation budget', async () => {
    const s = await solveBracketed({ lo: 0, hi: 10, tolerance: 0.1, evaluate: () => [0], target: { statistic: 'mean', atMost: 0 } });
    expect(s).toMatchObject({ value: 0, atLowerBound: true, bracket: null, evaluations: 1 });
    // One path: the mean's interval is not identified (null, as a quantile's bound beyond the paths), so the
    // solution cannot be told from the target.
    expect([s.atValue.lo, s.atValue.hi, s.marginal]).toEqual([null, null, true]);
    const err = await sizingError(
      solveBracketed({ lo: 0, hi: 1000, tolerance: 1e-9, maxEvaluations: 6, evaluate: (x) => [x < 123.456 ? 1 : 0], target: { statistic: 'mean', atMost: 0 } }),
    );
    expect(err.kind).toBe('evaluations');
    expect(err.message).toMatch(/stopped after 6 evaluations/);
    expect(err.best!.x).toBeGreaterThanOrEqual(123.456);
  });

  it('rejects a range with lo ≥ hi and evaluations that change their paths', async () => {
    const target = { statistic: 'mean', atMost: 0 } as const;
    expect((await sizingError(solveBracketed({ lo: 3, hi: 1, tolerance: 0.1, evaluate: () => [0], target }))).message).toMatch(/lo < hi, got lo = 3, hi = 1/);
    let n = 0;
    await expect(solveBracketed({ lo: 0, hi: 10, tolerance: 0.1, evaluate: () => new Array<number>(++n).fill(1), target })).rejects.toThrow(/the paths must be the same/);
  });
});
