/**
 * Per-case payment: the point value floats with the budget (computed by hand below). Points are weights
 * in 1/10,000: a case of weight 1.0 has 10,000 points.
 */
import { describe, expect, it } from 'vitest';
import { fixedPointValue, floatingPointValue, perCaseFundPayment } from '../../src/payment/perCase.js';

describe('point value', () => {
  // Institution A: 3 cases of weight 1 (30,000 points), others' share 700,000 fen.
  // Institution B: 2 cases of weight 1 (20,000 points), others' share 300,000 fen.
  const others = 700_000 + 300_000;

  it('is (fund budget + others share) ÷ points, so the fund pays exactly its budget', () => {
    // (4,000,000 + 1,000,000) / 50,000 = 100 fen a point: a weight-1 case is worth 10,000 yuan.
    const pv = floatingPointValue(4_000_000, others, 50_000)!;
    expect(pv.toNumber()).toBe(100);
    const a = perCaseFundPayment(pv, 30_000, 700_000); // 3,000,000 − 700,000
    const b = perCaseFundPayment(pv, 20_000, 300_000); // 2,000,000 − 300,000
    expect([a, b]).toEqual([2_300_000, 1_700_000]);
    expect(a + b).toBe(4_000_000);
  });

  it('rises with the budget', () => {
    // (4,500,000 + 1,000,000) / 50,000 = 110.
    expect(floatingPointValue(4_500_000, others, 50_000)!.toNumber()).toBe(110);
  });

  it('falls when one institution earns more points for the same budget (up-coding), and the others lose', () => {
    // A codes its cases up to 40,000 points: (4,000,000 + 1,000,000) / 60,000 = 83.33… fen.
    const pv = floatingPointValue(4_000_000, others, 60_000)!;
    const a = perCaseFundPayment(pv, 40_000, 700_000); // 3,333,333.33 → 3,333,333 − 700,000
    const b = perCaseFundPayment(pv, 20_000, 300_000); // 1,666,666.67 → 1,666,667 − 300,000
    expect([a, b]).toEqual([2_633_333, 1_366_667]);
    expect(a + b).toBe(4_000_000);
  });

  it('has no value without points; a fixed DRG rate is yuan per weight 1', () => {
    expect(floatingPointValue(1000, 0, 0)).toBeNull();
    // 10,000 yuan per weight 1 = 1,000,000 fen per 10,000 points = 100 fen a point.
    expect(fixedPointValue(10_000).toNumber()).toBe(100);
  });
});
