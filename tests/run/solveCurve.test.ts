/**
 * The solve report's curve: from each path's smallest passing value, the share of paths meeting the target at
 * every value where it changes and at both ends of the range (hand-counted below), and the chart drawn from it.
 */
import { describe, expect, it } from 'vitest';
import { solvencyChart } from '../../src/charts/solvency.js';
import { perPathCurve } from '../../src/run/solve.js';
import { shownCurve } from '../../src/run/solveReport.js';

describe('perPathCurve', () => {
  // Four paths over 0–1000: one passes at the low end already, two from 400 and 650, one fails even at 1000.
  const curve = perPathCurve([0, 650, 400, Infinity], 0, 1000);

  it('steps up at each path\'s own threshold and never reaches a path that fails at the high end', () => {
    expect(curve.map((p) => [p.value, p.shareMeeting])).toEqual([
      [0, 0.25],
      [400, 0.5],
      [650, 0.75],
      [1000, 0.75],
    ]);
    expect(curve.every((p) => p.lo === null && p.hi === null)).toBe(true); // exact shares: no interval
  });

  it('draws as a chart with the required share and the answer marked', () => {
    const svg = solvencyChart(curve, { required: 0.75, answer: 650, lever: 'Subsidy (yuan)', step: true });
    expect(svg).toContain('data-chart="solvency"');
    expect(svg).toContain('yb-required');
    expect(svg).toContain('yb-answer');
    expect(svg.match(/<circle/g)).toHaveLength(4);
  });

  it('refuses a share outside 0–1', () => {
    expect(() => solvencyChart([{ value: 1, shareMeeting: 1.5, lo: null, hi: null }], { required: 0.9, answer: 1, lever: 'x' })).toThrow(/point 0/);
  });
});

describe('shownCurve', () => {
  it('shows at most 200 points of a long curve: both ends, the answer, evenly spread', () => {
    const thresholds = Array.from({ length: 10_000 }, (_, i) => 100 + i / 10);
    const curve = perPathCurve(thresholds, 0, 2000);
    expect(curve).toHaveLength(10_002);
    const answer = curve[9_501]!.value; // the 95th percentile's threshold
    const shown = shownCurve(curve, answer);
    expect(shown.length).toBeLessThanOrEqual(201);
    expect(shown[0]).toEqual(curve[0]);
    expect(shown[shown.length - 1]).toEqual(curve[curve.length - 1]);
    expect(shown.some((p) => p.value === answer)).toBe(true);
    expect(shown.map((p) => p.value)).toEqual([...shown.map((p) => p.value)].sort((a, b) => a - b));
  });

  it('keeps a short curve whole', () => {
    const curve = perPathCurve([1, 2, 3], 0, 4);
    expect(shownCurve(curve, 2)).toEqual(curve);
  });
});
