/**
 * The chart review's floor (篇五 L693: at least 5% of last year's discharges): the count, exact in integers,
 * and the expected finds of the charts added to a sample that falls short. Numbers worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { chartTopUp, toppedUpFinds } from '../../src/supervision/chartFloor.js';

describe('the chart review floor', () => {
  it.each([
    // discharges, sampled → floor, added
    [1_000, 40, 50, 10],
    [1_000, 50, 50, 0],
    [1_000, 63, 50, 0],
    [1_001, 0, 51, 51], // 50.05 rounds up: "不低于"
    [20, 0, 1, 1],
    [19, 0, 1, 1], // 0.95 → 1
    [0, 0, 0, 0],
  ])('%i discharges, %i sampled: floor %i, %i added', (discharges, sampled, floor, added) => {
    const t = chartTopUp(0.05, discharges, sampled);
    expect([t.floor, t.added]).toEqual([floor, added]);
    expect(t.ofLeftOut).toBe(added > 0 ? added / (discharges - sampled) : 0);
  });

  it('reads the share in basis points: 7% of 100 discharges is 7 charts, though 0.07 × 100 is 7.000000000000001 in floating point', () => {
    expect(0.07 * 100).not.toBe(7);
    expect(chartTopUp(0.07, 100, 0).floor).toBe(7);
    expect(chartTopUp(0.05, 100, 0).floor).toBe(5);
  });

  it('values the added charts at the expected finds among the stays left out', () => {
    const t = chartTopUp(0.05, 1_000, 40); // 10 of the 960 left out
    expect(toppedUpFinds(t, 0.6, 24, 96_000)).toEqual({ found: 0.15, recovered: 600 });
    expect(toppedUpFinds(t, 0.6, 5, 12_345).recovered).toBe(77); // 77.156 → 77
    expect(toppedUpFinds(chartTopUp(0.05, 1_000, 60), 0.6, 24, 96_000)).toEqual({ found: 0, recovered: 0 });
  });
});
