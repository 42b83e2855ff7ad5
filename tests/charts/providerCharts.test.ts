/** The monthly cash-flow and institution payment charts: marks in proportion to the rows, labels computed from them. */
import { describe, expect, it } from 'vitest';
import { institutionPaymentsChart } from '../../src/charts/institutionPayments.js';
import { monthlyCashChart } from '../../src/charts/monthlyCash.js';
import { num, parseSvg, shapes, texts } from '../helpers/svg.js';

describe('monthly cash chart', () => {
  const rows = ['01', '02', '03'].flatMap((m, i) => [
    { month: `2021-${m}`, line: 'institutions', yuan: (3 + i) * 1e8 },
    { month: `2021-${m}`, line: 'patients reimbursed', yuan: 1e8 },
  ]);
  const root = parseSvg(monthlyCashChart(rows));

  it('stacks one bar per month and line, heights in proportion to the amounts', () => {
    const bars = shapes(root, 'yb-cash', 'rect');
    expect(bars).toHaveLength(6);
    // In row order: institutions 3, 4, 5 亿元, each month beside 1 亿元 reimbursed.
    const heights = bars.map((b) => num(b, 'height'));
    const institutions = heights.filter((_, i) => i % 2 === 0);
    const reimbursed = heights.filter((_, i) => i % 2 === 1);
    expect(institutions.map((h) => Math.round((h / reimbursed[0]!) * 100) / 100)).toEqual([3, 4, 5]);
    expect(root.getAttribute('data-chart')).toBe('monthly-cash');
    expect(texts(root, 'g.chart-legend text')).toEqual(['institutions', 'patients reimbursed']);
  });

  it('refuses amounts that are not numbers', () => {
    expect(() => monthlyCashChart([{ month: '2021-01', line: 'x', yuan: NaN }])).toThrow(/finite amount/);
  });
});

describe('institution payments chart', () => {
  const root = parseSvg(
    institutionPaymentsChart([
      { group: 'tertiary', settled: 2e9, paid: 1.8e9 },
      { group: 'community', settled: 5e8, paid: 6e8 },
    ]),
  );

  it('labels each kind of institution with its change against fee for service', () => {
    // tertiary (1.8 − 2) ÷ 2 = −10%, −2 亿元; community (6 − 5) ÷ 5 = +20%, +1 亿元
    expect(texts(root, 'g.yb-change-label > text')).toEqual(['-10.0% (-2 亿元)', '+20.0% (+1 亿元)']);
    const [loss, gain] = shapes(root, 'yb-change', 'rect');
    expect(num(gain!, 'width') / num(loss!, 'width')).toBeCloseTo(2, 6);
  });

  it('refuses a group with nothing settled', () => {
    expect(() => institutionPaymentsChart([{ group: 'primary', settled: 0, paid: 1 }])).toThrow(/settled > 0/);
  });
});
