/** Global-budget clearing on hand-computed examples (computed by hand: each expectation shows its arithmetic). */
import { describe, expect, it } from 'vitest';
import { clearGlobalBudget } from '../../src/payment/globalBudget.js';

const B = 1_000_000; // fen: a budget of 10,000 yuan

describe('surplus retention (结余留用)', () => {
  const keepTenPercent = [{ upTo: 0.1, keep: 1 }];

  it('keeps a surplus within the band in full', () => {
    // actual 950,000: surplus 50,000 ≤ 10% × 1,000,000 = 100,000, kept whole: annual 950,000 + 50,000.
    expect(clearGlobalBudget(B, 950_000, keepTenPercent, [])).toEqual({ budget: B, actual: 950_000, annual: 1_000_000, retained: 50_000, overrunPaid: 0, overrunUnpaid: 0 });
  });

  it('keeps nothing of a surplus beyond the band', () => {
    // actual 850,000: surplus 150,000; the first 100,000 kept, the other 50,000 not: annual 850,000 + 100,000.
    expect(clearGlobalBudget(B, 850_000, keepTenPercent, []).annual).toBe(950_000);
  });

  it('keeps each band of the surplus at its share', () => {
    // surplus 100,000: 0–50,000 (5%) kept at 100% = 50,000; 50,000–100,000 (in the 5–15% band) at 50% = 25,000.
    const r = clearGlobalBudget(B, 900_000, [{ upTo: 0.05, keep: 1 }, { upTo: 0.15, keep: 0.5 }], []);
    expect(r.retained).toBe(75_000);
    expect(r.annual).toBe(975_000);
  });
});

describe('overrun sharing (超支分担)', () => {
  const bands = [
    { upTo: 0.1, fundShare: 0.5 },
    { upTo: 0.2, fundShare: 0.3 },
  ];

  it('pays half of an overrun in the first band', () => {
    // over 60,000 ≤ 100,000: fund pays 30,000; annual 1,000,000 + 30,000; 30,000 unpaid.
    expect(clearGlobalBudget(B, 1_060_000, [], bands)).toEqual({ budget: B, actual: 1_060_000, annual: 1_030_000, retained: 0, overrunPaid: 30_000, overrunUnpaid: 30_000 });
  });

  it('pays each band at its share', () => {
    // over 150,000: 100,000 × 50% = 50,000 + 50,000 × 30% = 15,000 → 65,000 paid, 85,000 not.
    const r = clearGlobalBudget(B, 1_150_000, [], bands);
    expect([r.overrunPaid, r.overrunUnpaid, r.annual]).toEqual([65_000, 85_000, 1_065_000]);
  });

  it('pays nothing beyond the last band', () => {
    // over 300,000: 50,000 + 100,000 × 30% = 30,000 → 80,000; the 100,000 above 20% is not paid.
    const r = clearGlobalBudget(B, 1_300_000, [], bands);
    expect([r.overrunPaid, r.overrunUnpaid, r.annual]).toEqual([80_000, 220_000, 1_080_000]);
  });

  it('rounds each band share half up to the fen', () => {
    // budget 333,333, over 7 fen: 7 × 50% = 3.5 → 4.
    expect(clearGlobalBudget(333_333, 333_340, [], bands).overrunPaid).toBe(4);
  });
});
