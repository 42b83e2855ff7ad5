import { describe, expect, it } from 'vitest';
import { intervalColumns, pairedColumns, SHARE, summaryColumns } from '../../src/analysis/acrossPaths.js';
import { binomialCdfs, meanInterval, pairedDifference, quantileInterval, summarise, wilsonInterval } from '../../src/analysis/stats.js';

describe('summaries across paths', () => {
  it('gives the mean, standard error and type-7 percentiles', () => {
    // Computed by hand for 10, 20, 30, 40, 50: mean 30; sd = √(1000/4) = 15.811, se = 15.811/√5 = 7.0711;
    // p5 at h = 4 × 0.05 = 0.2 → 10 + 0.2 × 10 = 12; p25 at h = 1 → 20; p95 at h = 3.8 → 40 + 0.8 × 10 = 48.
    const s = summarise([50, 10, 40, 20, 30]);
    expect(s.mean).toBe(30);
    expect(s.se).toBeCloseTo(Math.sqrt(250 / 5), 12);
    expect([s.p5, s.p25, s.p50, s.p75, s.p95]).toEqual([12, 20, 30, 40, 48]);
  });

  it('leaves out non-finite values and counts the paths used', () => {
    const s = summaryColumns([NaN, 10, 20, Infinity, 30]);
    expect(s.paths).toBe(3);
    expect(s.mean).toBe(20);
    expect(summaryColumns([NaN]).paths).toBe(0);
    expect(Number.isNaN(summaryColumns([NaN]).mean)).toBe(true);
  });
});

describe('confidence intervals', () => {
  it('pairs reform and baseline by path (t interval, 9 degrees of freedom)', () => {
    // Differences 1…10: mean 5.5, sd = √(82.5/9) = 3.0277, se = 0.95743. t(0.975, 9) = 2.262 (Student t
    // table); half-width 2.262 × 0.95743 = 2.1659, so [3.334, 7.666].
    const baseline = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
    const reform = baseline.map((b, i) => b + i + 1);
    const d = pairedDifference(reform, baseline);
    expect(d.mean).toBeCloseTo(5.5, 12);
    expect(d.se).toBeCloseTo(0.957427, 5);
    expect(d.lo).toBeCloseTo(3.334, 2);
    expect(d.hi).toBeCloseTo(7.666, 2);
    const c = pairedColumns(reform, baseline);
    expect([c.reform_mean, c.baseline_mean, c.difference, c.paths]).toEqual([555.5, 550, 5.5, 10]);
  });

  it('drops a pair when either side is missing', () => {
    const c = pairedColumns([1, NaN, 5], [0, 1, 1]);
    expect(c.paths).toBe(2);
    expect(c.difference).toBe(2.5);
    expect(() => pairedColumns([1, 2], [1])).toThrow(/same number of paths/);
  });

  it('gives a one-sample t interval for a mean', () => {
    // 2, 4, 6: mean 4, sd 2, se 2/√3 = 1.1547; t(0.975, 2) = 4.303 (exact: 2/√(2 × 0.975 × 0.025) = 4.3027).
    const m = meanInterval([2, 4, 6]);
    expect(m.lo).toBeCloseTo(4 - 4.3027 * 1.1547, 3);
    expect(m.hi).toBeCloseTo(4 + 4.3027 * 1.1547, 3);
    expect(intervalColumns([2, 4, 6, NaN]).ci_high).toBeCloseTo(m.hi, 12);
  });

  it('leaves the standard error and interval unidentified with one path, never a zero-width interval', () => {
    // One value says nothing of the spread across paths: NaN (exported as missing), as calibrate shows "—".
    expect(summarise([7]).se).toBeNaN();
    expect(summarise([7]).p95).toBe(7);
    const m = meanInterval([7]);
    expect(m.mean).toBe(7);
    expect([m.se, m.lo, m.hi].every(Number.isNaN)).toBe(true);
    const d = pairedColumns([5], [3]);
    expect(d.difference).toBe(2);
    expect([d.se, d.ci_low, d.ci_high].every(Number.isNaN)).toBe(true);
    // Two paths are enough: 1 and 3, se 1, t(0.975, 1) = 12.706.
    expect(intervalColumns([1, 3]).ci_high).toBeCloseTo(2 + 12.706, 2);
  });

  it('keeps a share’s interval inside [0, 1], and a difference of shares inside [−1, 1]', () => {
    // 0, 0, 0, 0.0004: mean 0.0001, se 0.0001, t(0.975, 3) = 3.182: the t interval starts at −0.00022.
    const shares = [0, 0, 0, 0.0004];
    expect(intervalColumns(shares).ci_low).toBeLessThan(0);
    const cut = intervalColumns(shares, 0.05, SHARE);
    expect(cut.ci_low).toBe(0);
    expect(cut.ci_high).toBe(intervalColumns(shares).ci_high); // inside the range: left as it was
    expect(cut.se).toBeCloseTo(0.0001, 12); // the standard error is the t interval's, uncut
    expect(intervalColumns([1, 1, 1, 0.9996], 0.05, SHARE).ci_high).toBe(1);
    // Depleted on path 1 under the reform only: difference 1, 0; mean 0.5, se 0.5, t(0.975, 1) = 12.706.
    const d = pairedColumns([1, 0], [0, 0], 0.05, SHARE);
    expect([d.difference, d.ci_low, d.ci_high]).toEqual([0.5, -1, 1]);
    expect(pairedColumns([1, 0], [0, 0]).ci_high).toBeCloseTo(0.5 + 12.706 * 0.5, 2);
  });

  it('gives a Wilson interval for a share of paths, with a width when every path agrees', () => {
    // Wilson, z = 1.95996: 0 of 10 → [0, (z²/20) / (1 + z²/10) × 2] = [0, 0.2775]; 5 of 10 → 0.5 ± 0.2634
    // (Brown, Cai & DasGupta 2001, Stat. Sci. 16:101, the score interval).
    const none = wilsonInterval(0, 10);
    expect(none.lo).toBe(0);
    expect(none.hi).toBeCloseTo(0.2775, 4);
    const half = wilsonInterval(5, 10);
    expect(half.lo).toBeCloseTo(0.2366, 4);
    expect(half.hi).toBeCloseTo(0.7634, 4);
    expect(wilsonInterval(10, 10)).toEqual({ lo: 1 - none.hi, hi: 1 });
    expect(Number.isNaN(wilsonInterval(0, 0).lo)).toBe(true);
  });

  it('computes binomial probabilities', () => {
    // Binomial(10, 1/2): P(B ≤ 1) = 11/1024, P(B ≤ 8) = 1013/1024 (by hand: Σ C(10, k) / 2^10).
    const cdf = binomialCdfs(10, 0.5);
    expect(cdf[1]).toBeCloseTo(11 / 1024, 12);
    expect(cdf[8]).toBeCloseTo(1013 / 1024, 12);
    expect(cdf[10]).toBe(1);
  });

  it('gives the order-statistic interval of a quantile', () => {
    // The classic 95% interval for the median of 10 values is [x(2), x(9)], coverage
    // P(2 ≤ B ≤ 8) = (1013 − 11)/1024 = 0.9785 (B ~ Binomial(10, 1/2)).
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const ci = quantileInterval(xs, 0.5);
    expect([ci.lo, ci.hi]).toEqual([2, 9]);
    expect(ci.coverage).toBeCloseTo(1002 / 1024, 12);
  });

  it('leaves a bound unidentified when the paths are too few', () => {
    // q = 0.95 with 20 paths, B ~ Binomial(20, 0.95): P(B ≤ 16) = 0.0159 ≤ 0.025 < P(B ≤ 17) = 0.0755,
    // so r = 17; P(B ≤ 19) = 1 − 0.95^20 = 0.6415 < 0.975, so s would be 21 > 20: no upper bound.
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    const ci = quantileInterval(xs, 0.95);
    expect(ci.lo).toBe(17);
    expect(ci.hi).toBeNull();
  });
  it('gives a Wilson interval for a share of paths, inside [0, 1]', () => {
    // 3 of 4, z = 1.95996: z²/n = 0.96037; centre (0.75 + 0.48018)/1.96037 = 0.62753; half-width
    // 1.95996 × √(0.046875 + 0.060023)/1.96037 = 0.32689. (A t interval on 0/1 values gives −0.04 to 1.54.)
    const three = wilsonInterval(3, 4);
    expect(three.lo).toBeCloseTo(0.30064, 4);
    expect(three.hi).toBeCloseTo(0.95441, 4);
    // All of 4: from n/(n + z²) = 4/7.84146 up to exactly 1, not the zero-width [1, 1] of a t interval.
    expect(wilsonInterval(4, 4)).toEqual({ lo: expect.closeTo(0.51011, 4), hi: 1 });
    expect(wilsonInterval(0, 4)).toEqual({ lo: 0, hi: expect.closeTo(0.48989, 4) });
    expect(() => wilsonInterval(5, 4)).toThrow(/0 ≤ successes ≤ n/);
  });
});
