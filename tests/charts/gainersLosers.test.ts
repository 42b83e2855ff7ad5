/** The who-gains-who-loses chart: a panel per dimension, bar lengths in proportion to the shares, the change written out. */
import { describe, expect, it } from 'vitest';
import { gainersLosersChart } from '../../src/charts/gainersLosers.js';
import { num, parseSvg, shapes, texts } from '../helpers/svg.js';

describe('gainers and losers chart', () => {
  const rows = [
    { dimension: 'person type', group: 'retired', gainers: 0.6, losers: 0, change: -101.04 },
    { dimension: 'person type', group: 'adult', gainers: 0.3, losers: 0.1, change: -8.7 },
    { dimension: 'setting', group: 'inpatient', gainers: 0, losers: 0.2, change: 12.5 },
  ];
  const root = parseSvg(gainersLosersChart(rows, { title: 'x' }));

  it('draws one panel per dimension, in order, and one gaining and one losing bar per group', () => {
    expect(root.getAttribute('data-chart')).toBe('gainers-losers');
    expect(root.querySelectorAll('g.chart-panel')).toHaveLength(2);
    expect(shapes(root, 'yb-gainers', 'rect')).toHaveLength(3);
    expect(shapes(root, 'yb-losers', 'rect')).toHaveLength(3);
  });

  it('draws bars in proportion to the shares, on one scale across panels', () => {
    const width = (cls: string) => shapes(root, cls, 'rect').map((b) => num(b, 'width'));
    const [retired, adult, inpatient] = width('yb-gainers');
    expect(adult! / retired!).toBeCloseTo(0.5, 2);
    expect(inpatient).toBe(0);
    const losers = width('yb-losers');
    expect(losers[2]! / losers[1]!).toBeCloseTo(2, 2); // 20% against 10%
    expect(retired! / losers[2]!).toBeCloseTo(3, 2); // 60% against 20%
  });

  it('writes the mean change beside each group, signed', () => {
    expect(texts(root, 'g.yb-change text')).toEqual(['−101.04 yuan', '−8.7 yuan', '+12.5 yuan']);
  });

  it('refuses a share outside 0–1', () => {
    expect(() => gainersLosersChart([{ dimension: 'd', group: 'g', gainers: 1.2, losers: 0, change: 0 }])).toThrow(/row 0 \(g\)/);
  });
});
