/**
 * The solve report's curve: from each path's smallest passing value, the share of paths meeting the target at
 * every value where it changes and at both ends of the range (hand-counted below), and the chart drawn from it.
 */
import { describe, expect, it } from 'vitest';
import { solvencyChart } from '../../src/charts/solvency.js';
import { num, parseSvg, shapes, texts } from '../helpers/svg.js';
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

  it('draws each legend key as its mark: the curve a line, the required share dashed (they were a swatch and a solid line)', () => {
    const root = parseSvg(solvencyChart(curve, { required: 0.75, answer: 650, lever: 'Subsidy (yuan)', step: true }));
    const keys = Array.from(root.querySelectorAll('g.chart-legend > line, g.chart-legend > rect'));
    expect(keys.map((k) => [k.tagName, k.getAttribute('stroke-dasharray')])).toEqual([['line', null], ['line', '4,3'], ['line', null]]);
    expect(root.querySelector('g.yb-required')!.getAttribute('stroke-dasharray')).toBe('4,3');
  });

  it('draws the answer\'s Monte Carlo interval as a band, to the edge of the range when an end is not identified', () => {
    const bandOf = (hi: number | null) => {
      const root = parseSvg(solvencyChart(curve, { required: 0.75, answer: 650, interval: { lo: 400, hi, coverage: 0.9861 }, lever: 'Subsidy (yuan)', step: true }));
      const [band] = shapes(root, 'yb-answer-interval', 'rect');
      // The points, in the curve's order: 0, 400, 650 and 1000 (the end of the range).
      const [, low, answer, end] = shapes(root, 'yb-points', 'circle').map((c) => num(c, 'cx'));
      return { root, band: band!, low: low!, answer: answer!, end: end! };
    };
    const closed = bandOf(650);
    expect(num(closed.band, 'x')).toBeCloseTo(closed.low, 6);
    expect(num(closed.band, 'x') + num(closed.band, 'width')).toBeCloseTo(closed.answer, 6);
    expect(texts(closed.root, 'g.chart-legend text')).toContain('98.6% Monte Carlo interval 400 to 650');
    const open = bandOf(null);
    expect(num(open.band, 'x') + num(open.band, 'width')).toBeCloseTo(open.end, 6);
    expect(texts(open.root, 'g.chart-legend text')).toContain('98.6% Monte Carlo interval 400 to high end not identified');
    const neither = parseSvg(solvencyChart(curve, { required: 0.75, answer: 650, interval: { lo: null, hi: null, coverage: 1 }, lever: 'Subsidy (yuan)', step: true }));
    expect(shapes(neither, 'yb-answer-interval', 'rect')).toHaveLength(0);
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
