import { describe, expect, it } from 'vitest';
import { oopDistributionChart, payerRows, reformDeltaChart, reimbursementChart, tornadoChart, whoPaysChart } from '../../src/charts/index.js';
import type { Split } from '../../src/settlement/types.js';
import { textWidth } from '../../src/charts/format.js';
import { num, parseSvg, shapes, texts, tickPosition } from '../helpers/svg.js';
import { oopRows, payerRowsFixture, reformRows, reimbursementRows, tornadoRows } from './fixtures.js';

const centre = (r: Element) => num(r, 'x') + num(r, 'width') / 2;

/** Each facet label beside the panels (fy) with the x where its text ends, by the translates it sits in. */
function facetLabelEnds(root: Element): { label: string; end: number }[] {
  return Array.from(root.querySelectorAll('g[aria-label="fy-axis tick label"] text'), (t) => {
    let x = 0;
    for (let e: Element | null = t; e && e !== root; e = e.parentElement) x += Number(/translate\((-?[\d.e+-]+)/.exec(e.getAttribute('transform') ?? '')?.[1] ?? 0);
    return { label: t.textContent ?? '', end: x + textWidth(t.textContent ?? '', 10) };
  });
}

describe('reimbursement chart', () => {
  const root = parseSvg(reimbursementChart(reimbursementRows));

  it('draws a policy-range bar and an actual bar for every row', () => {
    expect(shapes(root, 'yb-policy-range', 'rect')).toHaveLength(reimbursementRows.length);
    expect(shapes(root, 'yb-actual', 'rect')).toHaveLength(reimbursementRows.length);
  });

  it('draws bar heights in proportion to the ratios (actual ÷ policy range per setting and level)', () => {
    // One mark group per facet, in the same facet order for both marks; a level's two bars share their centre.
    const groups = Array.from(root.querySelectorAll('g.yb-policy-range, g.yb-actual'));
    const ratios: number[] = [];
    const policy = groups.filter((g) => g.classList.contains('yb-policy-range'));
    const actual = groups.filter((g) => g.classList.contains('yb-actual'));
    policy.forEach((g, i) => {
      for (const p of Array.from(g.children)) {
        const a = Array.from(actual[i]!.children).find((r) => Math.abs(centre(r) - centre(p)) < 1e-6)!;
        ratios.push(Math.round((num(a, 'height') / num(p, 'height')) * 1000) / 1000);
      }
    });
    const expected = reimbursementRows.map((r) => Math.round((r.actual / r.policyRange) * 1000) / 1000);
    expect(ratios.sort()).toEqual(expected.sort());
  });

  it('labels the actual ratios in percent and the levels in Chinese', () => {
    expect(texts(root, 'g.yb-actual-label > text').sort()).toEqual(reimbursementRows.map((r) => String(Math.round(r.actual * 100))).sort());
    expect(texts(root, 'g[aria-label="x-axis tick label"] text')).toContain('三级');
  });

  it('fits the schemes\' facet labels inside the chart (a fixed margin cut "resident 城乡居民医保" short)', () => {
    const rows = (['employee', 'resident'] as const).map((group) => ({ ...reimbursementRows[0]!, group }));
    const chart = parseSvg(reimbursementChart(rows));
    const ends = facetLabelEnds(chart);
    expect(ends.map((e) => e.label)).toEqual(['employee 职工医保', 'resident 城乡居民医保']);
    for (const { end } of ends) expect(end).toBeLessThanOrEqual(num(chart, 'width'));
  });

  it('names settings in words with their Chinese term, not by the code\'s camelCase key', () => {
    const chart = parseSvg(reimbursementChart([{ ...reimbursementRows[0]!, setting: 'emergencyObservation' }, reimbursementRows[0]!]));
    expect(texts(chart, 'g[aria-label="fx-axis tick label"] text')).toEqual(['inpatient 住院', 'emergency observation 急诊留观']);
  });

  it('refuses ratios given in percent', () => {
    expect(() => reimbursementChart([{ ...reimbursementRows[0]!, actual: 88 }])).toThrow(/ratio from 0 to 1/);
  });
});

describe('reform delta chart', () => {
  const root = parseSvg(reformDeltaChart(reformRows));

  it('gives each unit its own panel, with an interval and a dot per metric', () => {
    expect(root.querySelectorAll('g.chart-panel')).toHaveLength(2);
    expect(shapes(root, 'yb-ci', 'line')).toHaveLength(3);
    expect(shapes(root, 'yb-delta', 'circle')).toHaveLength(3);
    expect(shapes(root, 'yb-zero', 'line')).toHaveLength(2);
  });

  it('puts every estimate inside its interval, at the right place on its axis', () => {
    const panels = Array.from(root.querySelectorAll('g.chart-panel'));
    const first = panels[0]!;
    const [spendingCi, balanceCi] = shapes(first, 'yb-ci', 'line');
    const [spending, balance] = shapes(first, 'yb-delta', 'circle');
    for (const [ci, dot] of [[spendingCi!, spending!], [balanceCi!, balance!]] as const) {
      expect(num(ci, 'x1')).toBeLessThan(num(dot, 'cx'));
      expect(num(dot, 'cx')).toBeLessThan(num(ci, 'x2'));
    }
    // Balance at horizon −6.5 lies a quarter of the way from the −6 tick to the −8 tick.
    const x6 = tickPosition(first, 'x', '-6');
    const x8 = tickPosition(first, 'x', '-8');
    expect(num(balance!, 'cx')).toBeCloseTo(x6 + (x8 - x6) * 0.25, 6);
    expect(texts(root, 'g[aria-label="x-axis label"] text').join(' ')).toMatch(/亿元.*percentage points/);
  });

  it('refuses an estimate outside its interval', () => {
    expect(() => reformDeltaChart([{ metric: 'm', delta: 3, lo: 1, hi: 2, unit: 'x' }])).toThrow(/lo ≤ delta ≤ hi/);
    expect(() => reformDeltaChart([{ metric: 'm', delta: 3, lo: NaN, hi: 4, unit: 'x' }])).toThrow(/lo ≤ delta ≤ hi/);
  });

  it('draws a one-path estimate without an interval, and says why', () => {
    const one = parseSvg(reformDeltaChart(reformRows.map((r) => ({ ...r, lo: NaN, hi: NaN }))));
    expect(shapes(one, 'yb-delta', 'circle')).toHaveLength(3);
    expect(shapes(one, 'yb-ci', 'line')).toHaveLength(0);
    expect(texts(one, '.chart-subtitle').join(' ')).toContain('one path: no confidence interval');
    expect(texts(one, '.chart-legend text')).toEqual(['estimated change']);
  });
});

describe('out-of-pocket distribution chart', () => {
  const root = parseSvg(oopDistributionChart(oopRows));

  it('draws one bar per non-zero bin and states the zero bin in the note', () => {
    expect(shapes(root, 'yb-bin', 'rect')).toHaveLength(10);
    // 30 of 100 employee member-years and 50 of 100 resident member-years paid nothing (fixtures).
    const note = texts(root, '.chart-note').join(' ');
    expect(note).toContain('30.0% of member-years paid nothing');
    expect(note).toContain('50.0% of member-years paid nothing');
  });

  it('draws bar heights as shares of the group and decades with equal widths (log axis)', () => {
    const [employee] = Array.from(root.querySelectorAll('g.yb-bin'));
    const bars = Array.from(employee!.children);
    const heights = bars.map((b) => num(b, 'height'));
    // employee counts 5, 20, 30, 12, 3 of 100: heights in the same proportion.
    expect(heights.map((h) => Math.round((h / heights[2]!) * 300) / 10)).toEqual([5, 20, 30, 12, 3]);
    const widths = bars.map((b) => num(b, 'width'));
    expect(widths[2]).toBeCloseTo(widths[3]!, 6);
  });

  it('fits the schemes\' panel labels inside the chart', () => {
    const ends = facetLabelEnds(root);
    expect(ends.map((e) => e.label)).toEqual(['employee 职工医保', 'resident 城乡居民医保']);
    for (const { end } of ends) expect(end).toBeLessThanOrEqual(num(root, 'width'));
  });

  it('ends the axis with the highest bin anyone is in, not with the empty bins above it', () => {
    const empty = [1e5, 1e6].map((from) => ({ from, to: from * 10, count: 0, group: 'employee' }));
    const chart = parseSvg(oopDistributionChart([...oopRows, ...empty]));
    expect(shapes(chart, 'yb-bin', 'rect')).toHaveLength(10);
    const ticks = texts(chart, 'g[aria-label="x-axis tick label"] text').map((t) => Number(t.replace(/,/g, '')));
    expect(Math.max(...ticks)).toBe(100_000);
  });

  it('refuses a bin whose edges are reversed', () => {
    expect(() => oopDistributionChart([{ from: 100, to: 10, count: 1 }])).toThrow(/from < to/);
  });
});

describe('tornado chart', () => {
  const root = parseSvg(tornadoChart(tornadoRows, { outcome: 'Balance in 2030 (亿元)' }));

  it('draws a low bar, a high bar and the base tick per assumption, widest swing on top', () => {
    expect(shapes(root, 'yb-low', 'rect')).toHaveLength(3);
    expect(shapes(root, 'yb-high', 'rect')).toHaveLength(3);
    expect(shapes(root, 'yb-base', 'line')).toHaveLength(3);
    const order = Array.from(root.querySelectorAll('g[aria-label="y-axis tick label"] text'))
      .sort((a, b) => tickY(a) - tickY(b))
      .map((t) => t.textContent);
    // swings: cost growth |−20 − 12| = 32, contribution base 13, retirement age 6.
    expect(order).toEqual(['Medical cost growth', 'Contribution base growth', 'Retirement age']);
  });

  it('runs each bar from the base outcome to the outcome at that value', () => {
    const base = tickPosition(root, 'x', '-5') + (tickPosition(root, 'x', '0') - tickPosition(root, 'x', '-5')) * 0.2; // −4
    const [costLow] = shapes(root, 'yb-low', 'rect');
    const [costHigh] = shapes(root, 'yb-high', 'rect');
    // Medical cost growth: low → 12 (right of base), high → −20 (left of base).
    expect(num(costLow!, 'x')).toBeCloseTo(base, 6);
    expect(num(costLow!, 'x') + num(costLow!, 'width')).toBeCloseTo(tickPosition(root, 'x', '10') + (tickPosition(root, 'x', '15') - tickPosition(root, 'x', '10')) * 0.4, 6);
    expect(num(costHigh!, 'x')).toBeCloseTo(tickPosition(root, 'x', '-20'), 6);
    expect(num(costHigh!, 'x') + num(costHigh!, 'width')).toBeCloseTo(base, 6);
  });
});

function tickY(t: Element): number {
  return Number(/translate\([^,]+,(-?[\d.]+)\)/.exec(t.getAttribute('transform')!)![1]);
}

describe('who-pays chart', () => {
  it('turns a split into payer rows in yuan, leaving out payers who paid nothing', () => {
    const split: Split = {
      bill: 2100000, outOfScope: 100000, firstSelfPay: 50000, deductible: 80000, pooledFund: 1683000, copay: 187000, aboveCap: 0,
      seriousIllness: 0, assistance: 0, backstop: 0, personalAccount: 317000, familyAccount: 0, cash: 100000,
    };
    expect(payerRows(split)).toEqual(payerRowsFixture);
  });

  it('draws a bar per payer with the amount and share of the bill', () => {
    const root = parseSvg(whoPaysChart(payerRowsFixture));
    expect(shapes(root, 'yb-payer', 'rect')).toHaveLength(3);
    // 16,830 / 21,000 = 80.14%; 3,170 / 21,000 = 15.10%; 1,000 / 21,000 = 4.76%.
    expect(texts(root, 'g.yb-payer-label > text')).toEqual(['16,830.00 (80.1%)', '3,170.00 (15.1%)', '1,000.00 (4.8%)']);
    expect(texts(root, '.chart-subtitle').join('')).toContain('21,000.00');
    const [fund, account] = shapes(root, 'yb-payer', 'rect');
    expect(num(fund!, 'width') / num(account!, 'width')).toBeCloseTo(16830 / 3170, 6);
  });
});
