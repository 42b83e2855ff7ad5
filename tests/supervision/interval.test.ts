/** Bands under a boundary convention, and where a sanction lands in its range. */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { bandWords, contains, intervalOf, intervalText, pointInRange, type Interval } from '../../src/supervision/interval.js';

const jiangxi = { above: 'exclusive', below: 'inclusive' } as const;
const national = { above: 'inclusive', below: 'inclusive' } as const;
const d = (x: number) => new Decimal(x);

describe('bands', () => {
  it('read 2000元以上5000元以下 as (2000, 5000] in Jiangxi and [2000, 5000] nationally', () => {
    const band = { above: 2000, below: 5000 };
    expect(bandWords(band, '元')).toBe('2000元以上5000元以下');
    expect(intervalText(intervalOf(band, jiangxi))).toBe('(2000, 5000]');
    expect(intervalText(intervalOf(band, national))).toBe('[2000, 5000]');
    expect([1999, 2000, 2001, 5000, 5001].map((x) => contains(intervalOf(band, jiangxi), x))).toEqual([false, false, true, true, false]);
    expect([1999, 2000, 5000, 5001].map((x) => contains(intervalOf(band, national), x))).toEqual([false, true, true, false]);
  });

  it('reads one-sided and exact bands', () => {
    expect(intervalText(intervalOf({ below: 1000 }, jiangxi))).toBe('≤ 1000');
    expect(intervalText(intervalOf({ above: 6000 }, jiangxi))).toBe('> 6000');
    expect(intervalText(intervalOf({ exactly: 1.5 }, jiangxi))).toBe('= 1.5');
    expect(contains(intervalOf({ exactly: 1.5 }, jiangxi), 1.5)).toBe(true);
  });
});

describe('pointInRange', () => {
  const range = (lo: number | null, loIncluded: boolean, hi: number, hiIncluded: boolean): Interval => ({ lo, loIncluded, hi, hiIncluded });
  const one = d(1);

  it('rounds the point half up and keeps it inside the range', () => {
    // (6, 9] months: lower → 7 (6 excluded), midpoint 7.5 → 8, upper → 9
    expect([0, 0.5, 1].map((p) => pointInRange(range(6, false, 9, true), one, d(p)).steps)).toEqual([7, 8, 9]);
    // [6, 9) months: lower → 6, upper → 8 (9 excluded)
    expect([0, 1].map((p) => pointInRange(range(6, true, 9, false), one, d(p)).steps)).toEqual([6, 8]);
    expect(pointInRange(range(6, false, 9, true), one, d(0)).moved).toBe(true);
    expect(pointInRange(range(6, false, 9, true), one, d(0.5)).moved).toBe(false);
  });

  it('starts an open range above 0', () => {
    // ≤ 1 month: lower → 1 month, not 0
    expect(pointInRange(range(null, false, 1, true), one, d(0)).steps).toBe(1);
  });

  it('counts bounds in steps of the unit: (1.5×, 2×] of 333 fen', () => {
    // lower: 1.5 × 333 = 499.5 fen is excluded; the first whole fen above is 500. midpoint 582.75 → 583.
    expect(pointInRange(range(1.5, false, 2, true), d(333), d(0)).steps).toBe(500);
    expect(pointInRange(range(1.5, false, 2, true), d(333), d(0.5)).steps).toBe(583);
  });

  it('takes the upper whole step when the range is narrower than one step', () => {
    // (1×, 1.5×] of 1 fen has no whole fen inside: 1 fen.
    expect(pointInRange(range(1, false, 1.5, true), one, d(0.5)).steps).toBe(1);
  });
});
