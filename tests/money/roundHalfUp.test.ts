import { describe, expect, it } from 'vitest';
import { roundHalfUp } from '../../src/money/fen.js';

describe('roundHalfUp (Math.round without a branch)', () => {
  it('rounds halves up, towards +∞, as Math.round does (not to even, not away from zero)', () => {
    const cases: [number, number][] = [
      [0.5, 1],
      [1.5, 2],
      [2.5, 3],
      [-0.5, 0],
      [-1.5, -1],
      [-2.5, -2],
      [1234.4999, 1234],
      [1234.5, 1235],
      [-1234.5, -1234],
      [2 ** 52 - 0.5, 2 ** 52],
    ];
    for (const [x, want] of cases) {
      expect(roundHalfUp(x)).toBe(want);
      expect(Math.round(x) === want).toBe(true);
    }
  });

  it('equals Math.round on a million values of the kinds the generators round (costs, shares of costs, wages, negatives)', () => {
    let seed = 12345;
    const uniform = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    let differ = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const scale = 10 ** Math.floor(uniform() * 12);
      const x = (uniform() - 0.1) * scale * (i % 3 === 0 ? uniform() : 1);
      if (roundHalfUp(x) !== Math.round(x)) differ++;
    }
    expect(differ).toBe(0);
  });

  it('differs from Math.round only where fen.ts says: 0.49999999999999994, and the sign of a zero', () => {
    expect(Math.round(0.49999999999999994)).toBe(0);
    expect(roundHalfUp(0.49999999999999994)).toBe(1);
    expect(Object.is(Math.round(-0.2), -0)).toBe(true);
    expect(Object.is(roundHalfUp(-0.2), 0)).toBe(true);
  });
});
