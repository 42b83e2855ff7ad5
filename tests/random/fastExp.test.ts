/** fastExp: e^x for x ≤ 0 within FAST_EXP_ERROR of Math.exp, 0 below −700. */
import { describe, expect, it } from 'vitest';
import { FAST_EXP_ERROR, fastExp } from '../../src/random/fastExp.js';

describe('fastExp', () => {
  it('is within FAST_EXP_ERROR of Math.exp, relatively, from −700 to 0 (measured here: under 1e-15)', () => {
    let worst = 0;
    // An even grid, and points near 0 and near each table step, where the reduction changes.
    const xs = [0, -0, -1e-300, -1e-12, -Math.LN2 / 128, -Math.LN2 / 64, -Math.LN2, -1, -20, -699.99];
    for (let i = 1; i <= 200_000; i++) xs.push(-700 * (i / 200_000) + 1e-9, (-i * Math.LN2) / 64 / 50, -(i % 997) * 0.013);
    for (const x of xs) worst = Math.max(worst, Math.abs(fastExp(x) / Math.exp(x) - 1));
    expect(worst).toBeLessThan(FAST_EXP_ERROR / 10);
  });

  it('is exactly 1 at 0, 0 at −700 and below, and at −Infinity', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-700)).toBe(0);
    expect(fastExp(-1e6)).toBe(0);
    expect(fastExp(-Infinity)).toBe(0);
  });
});
