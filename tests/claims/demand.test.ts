import { describe, expect, it } from 'vitest';
import { demandFactor, RAND_ELASTICITY } from '../../src/claims/demand.js';

describe('demand response (RAND arc elasticity)', () => {
  it('defaults to the RAND estimate of -0.2', () => {
    expect(RAND_ELASTICITY).toBe(-0.2);
  });

  it('computes the arc-elasticity ratio', () => {
    // By hand: 0.2 → 0.3, a = 0.1/0.5 = 0.2; (1 - 0.04)/(1 + 0.04) = 0.96/1.04 = 0.923077
    expect(demandFactor(-0.2, 0.2, 0.3)).toBeCloseTo(0.923077, 6);
    // From free care to any cost sharing: a = 1; 0.8/1.2 = 0.6667
    expect(demandFactor(-0.2, 0, 0.25)).toBeCloseTo(2 / 3, 10);
    // Cheaper care raises use symmetrically: 0.3 → 0.2 gives 1.04/0.96
    expect(demandFactor(-0.2, 0.3, 0.2)).toBeCloseTo(1.04 / 0.96, 10);
    expect(demandFactor(-0.2, 0.3, 0.3)).toBe(1);
    expect(demandFactor(0, 0.1, 0.9)).toBe(1);
    expect(demandFactor(-0.2, 0, 0)).toBe(1);
  });

  it('rejects impossible inputs', () => {
    expect(() => demandFactor(0.3, 0.1, 0.2)).toThrow(/elasticity/);
    expect(() => demandFactor(-0.2, -0.1, 0.2)).toThrow(/between 0 and 1/);
  });
});
