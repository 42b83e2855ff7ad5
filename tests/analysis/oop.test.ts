import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { summaryByYear } from '../../src/analysis/cubeTables.js';
import { histogramQuantile, oopBinMeasures, oopDecileMeasures } from '../../src/analysis/oopDistribution.js';
import { OOP_BINS, oopBin, oopBinUpper } from '../../src/engine/aggregates.js';
import { one, syntheticCube } from './cubes.js';

/** Bins are log-spaced from 10 yuan to 10 million yuan in 62 steps: each edge is 10^(6/62) = 10^(3/31) times the one below. */
const STEP = 10 ** (3 / 31);

const histogram = (counts: Record<number, number>) => {
  const h = new Float64Array(OOP_BINS);
  for (const [bin, n] of Object.entries(counts)) h[Number(bin)] = n;
  return h;
};

describe('quantiles from the out-of-pocket histogram', () => {
  it('knows the bin edges it interpolates between', () => {
    // Bin 31's upper edge is 10 yuan × 10^(6 × 31/62) = 10,000 yuan = 1,000,000 fen.
    expect(oopBinUpper(31)).toBeCloseTo(1_000_000, 4);
    expect(oopBinUpper(32) / oopBinUpper(31)).toBeCloseTo(STEP, 12);
  });

  it('interpolates geometrically within a bin (hand-computed answers)', () => {
    // 20 member-years paid nothing, 30 fell in bin 31 (10,000/STEP to 10,000 yuan), 50 in bin 32 (10,000 to 10,000 × STEP).
    const h = histogram({ 0: 20, 31: 30, 32: 50 });
    const yuan = (q: number) => histogramQuantile(h, q) / 100;
    expect(yuan(0.1)).toBe(0);
    expect(yuan(0.2)).toBe(0);
    // q = 0.3: 10 of bin 31's 30, a third of the way up in log terms: 10,000 × STEP^(−1 + 1/3).
    expect(yuan(0.3)).toBeCloseTo(10_000 * STEP ** (-2 / 3), 6);
    // q = 0.5 ends bin 31: exactly its upper edge.
    expect(yuan(0.5)).toBeCloseTo(10_000, 6);
    // q = 0.6: 10 of bin 32's 50: 10,000 × STEP^0.2.
    expect(yuan(0.6)).toBeCloseTo(10_000 * STEP ** 0.2, 6);
  });

  it('interpolates linearly in the first bin, which starts at 0, and floors the open top bin', () => {
    // Bin 1 is (0, 10 × STEP yuan): its median is half its upper edge.
    expect(histogramQuantile(histogram({ 1: 10 }), 0.5)).toBeCloseTo(0.5 * 1000 * STEP, 9);
    expect(histogramQuantile(histogram({ 63: 1 }), 0.5)).toBeCloseTo(1e9, 3);
    expect(Number.isNaN(histogramQuantile(histogram({}), 0.5))).toBe(true);
  });

  it('stays within the documented error of the exact sample quantile', () => {
    // 20,000 amounts: a fifth zero, the rest log-uniform from 1 yuan to 1 million yuan.
    const rng = seedrandom('oop-histogram-accuracy');
    const amounts = Array.from({ length: 20_000 }, () => (rng() < 0.2 ? 0 : Math.round(100 * 10 ** (6 * rng()))));
    const h = new Float64Array(OOP_BINS);
    for (const fen of amounts) h[oopBin(fen)]! += 1;
    const sorted = [...amounts].sort((a, b) => a - b);
    for (let d = 1; d <= 9; d++) {
      const exact = sorted[Math.ceil((d / 10) * sorted.length) - 1]!;
      const estimate = histogramQuantile(h, d / 10);
      if (exact === 0) expect(estimate).toBe(0);
      else if (oopBin(exact) === 1) expect(Math.abs(estimate - exact)).toBeLessThan(1250); // bin 1: under 12.50 yuan
      else {
        // Within a factor STEP (the documented bound); and, the density being smooth in log terms,
        // geometric interpolation lands within 2% (a bin edge would be up to 25% off).
        expect(estimate / exact).toBeGreaterThan(1 / STEP);
        expect(estimate / exact).toBeLessThan(STEP);
        expect(Math.abs(estimate / exact - 1)).toBeLessThan(0.02);
      }
    }
  });
});

describe('out-of-pocket tables from a cube', () => {
  // Employee: 50 paid nothing, 50 in bin 31; resident: 100 in bin 32. Weight 1,000.
  const cube = syntheticCube({ years: [2025], paths: 2, variants: ['baseline'], weight: 1000 }, (w) => {
    w.oop('employee', 0, 50).oop('employee', 31, 50).oop('resident', 32, 100);
  });

  it('gives deciles by scheme and for both schemes together', () => {
    const rows = summaryByYear(cube, oopDecileMeasures);
    const decile = (scheme: string, quantile: number) => one(rows, { scheme, quantile }).mean;
    expect(decile('employee', 0.5)).toBe(0);
    // Employee q = 0.9: 40 of bin 31's 50 → 10,000 × STEP^(−0.2).
    expect(decile('employee', 0.9)).toBeCloseTo(10_000 * STEP ** -0.2, 6);
    // Together (200 member-years): q = 0.5 ends bin 31 → 10,000 yuan.
    expect(decile('all', 0.5)).toBeCloseTo(10_000, 6);
    expect(one(rows, { scheme: 'all', quantile: 0.5 }).metric).toBe('out_of_pocket_yuan');
  });

  it('gives the histogram in people with its bin edges in yuan', () => {
    const rows = summaryByYear(cube, oopBinMeasures);
    const bin = one(rows, { scheme: 'employee', bin: 31 });
    expect(bin.mean).toBe(50_000);
    expect(bin.to_yuan).toBeCloseTo(10_000, 6);
    expect(bin.from_yuan).toBeCloseTo(10_000 / STEP, 6);
    expect(one(rows, { scheme: 'all', bin: 0 })).toMatchObject({ from_yuan: 0, to_yuan: 0, mean: 50_000 });
    expect(one(rows, { scheme: 'all', bin: 63 }).to_yuan).toBe(Infinity);
  });
});
