import { describe, expect, it } from 'vitest';
import { balanceFanChart, monthsCoveredChart } from '../../src/charts/index.js';
import { parseSvg, pathPoints, shapes, texts, tickPosition, num } from '../helpers/svg.js';
import { balanceRows, monthsRows } from './fixtures.js';

/** For each x, the [top, bottom] pixel range of an area path (upper edge forward, lower edge back). */
function bandRanges(d: string): Map<number, [number, number]> {
  const ranges = new Map<number, [number, number]>();
  for (const [x, y] of pathPoints(d)) {
    const key = Math.round(x * 100) / 100;
    const r = ranges.get(key);
    ranges.set(key, r ? [Math.min(r[0], y), Math.max(r[1], y)] : [y, y]);
  }
  return ranges;
}

describe('balance fan chart', () => {
  const root = parseSvg(balanceFanChart(balanceRows));

  it('draws two percentile bands and a median line', () => {
    expect(shapes(root, 'yb-band-outer', 'path')).toHaveLength(1);
    expect(shapes(root, 'yb-band-inner', 'path')).toHaveLength(1);
    expect(shapes(root, 'yb-median', 'path')).toHaveLength(1);
    expect(root.getAttribute('data-chart')).toBe('balance-fan');
  });

  it('nests the median inside the 25–75 band inside the 5–95 band, every year', () => {
    const outer = bandRanges(shapes(root, 'yb-band-outer', 'path')[0]!.getAttribute('d')!);
    const inner = bandRanges(shapes(root, 'yb-band-inner', 'path')[0]!.getAttribute('d')!);
    const median = pathPoints(shapes(root, 'yb-median', 'path')[0]!.getAttribute('d')!);
    expect(median).toHaveLength(balanceRows.length);
    expect(outer.size).toBe(balanceRows.length);
    for (const [x, y] of median) {
      const key = Math.round(x * 100) / 100;
      const [oTop, oBottom] = outer.get(key)!;
      const [iTop, iBottom] = inner.get(key)!;
      expect(oTop).toBeLessThan(iTop);
      expect(iTop).toBeLessThan(y);
      expect(y).toBeLessThan(iBottom);
      expect(iBottom).toBeLessThan(oBottom);
    }
  });

  it('scales yuan to 亿元: the 2021 median (5 billion yuan) sits on the 50 tick', () => {
    expect(texts(root, 'g[aria-label="y-axis label"] text').join('')).toContain('亿元');
    const [first] = pathPoints(shapes(root, 'yb-median', 'path')[0]!.getAttribute('d')!);
    expect(first![1]).toBeCloseTo(tickPosition(root, 'y', '50'), 6);
    expect(first![0]).toBeCloseTo(tickPosition(root, 'x', '2021'), 6);
  });

  it('draws the zero line and names the balance in Chinese', () => {
    expect(shapes(root, 'yb-zero', 'line')).toHaveLength(1);
    expect(texts(root, '.chart-subtitle').join(' ')).toContain('累计结余');
  });

  it('refuses percentiles out of order', () => {
    const bad = [{ ...balanceRows[0]!, p25: balanceRows[0]!.p75 + 1 }];
    expect(() => balanceFanChart(bad)).toThrow(/not in order/);
    expect(() => balanceFanChart([])).toThrow(/no rows/);
    expect(() => balanceFanChart([balanceRows[0]!, balanceRows[0]!])).toThrow(/appears twice/);
  });
});

describe('months-covered chart', () => {
  const root = parseSvg(monthsCoveredChart(monthsRows));

  it('draws the bands, the median and the 6-month reference rule at 6 on the axis', () => {
    expect(shapes(root, 'yb-band-outer', 'path')).toHaveLength(1);
    expect(shapes(root, 'yb-band-inner', 'path')).toHaveLength(1);
    expect(shapes(root, 'yb-median', 'path')).toHaveLength(1);
    const rules = shapes(root, 'yb-reference', 'line');
    expect(rules).toHaveLength(1);
    expect(num(rules[0]!, 'y1')).toBeCloseTo(tickPosition(root, 'y', '6'), 6);
    expect(texts(root, 'g.yb-reference-label > text')).toEqual(['6-month reference']);
  });

  it('keeps months unscaled: the 2021 median (12.5 months) sits a quarter of the way from the 12 to the 14 tick', () => {
    const [first] = pathPoints(shapes(root, 'yb-median', 'path')[0]!.getAttribute('d')!);
    const y12 = tickPosition(root, 'y', '12');
    const y14 = tickPosition(root, 'y', '14');
    expect(first![1]).toBeCloseTo(y12 + (y14 - y12) * 0.25, 6);
  });

  it('takes another reference level', () => {
    const other = parseSvg(monthsCoveredChart(monthsRows, { reference: 9 }));
    expect(num(shapes(other, 'yb-reference', 'line')[0]!, 'y1')).toBeCloseTo(tickPosition(other, 'y', '8') + (tickPosition(other, 'y', '10') - tickPosition(other, 'y', '8')) / 2, 6);
    expect(texts(other, 'g.yb-reference-label > text')).toEqual(['9-month reference']);
    expect(() => monthsCoveredChart(monthsRows, { reference: 0 })).toThrow(/positive/);
  });
});
