import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/inputError.js';
import { macroAssumptions, macroPath, projectionYears } from '../../src/projection/macro.js';
import { runKeys } from '../../src/random/keys.js';

const keys = runKeys(20240601);
const years = projectionYears(2021, 5);

describe('deterministic macro paths', () => {
  it('defaults: 2021 average wage 106,837 growing 6.7% in 2022, then 5.8%; costs 3.7% a year', () => {
    const p = macroPath(macroAssumptions.parse({}), keys, 0, years);
    expect(p.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(p.years.map((y) => y.wageGrowth.toNumber())).toEqual([0, 0.067, 0.058, 0.058, 0.058]);
    // 106,837 × 1.067 = 113,995.079 → 113,995.08; × 1.058 → 120,606.79 (computed by hand: 106,837 × 1.128886 = 120,606.7930…)
    expect(p.years[1]!.averageWage.toFixed(2)).toBe('113995.08');
    expect(p.years[2]!.averageWage.toFixed(2)).toBe('120606.79');
    // cost index 1.037² = 1.075369
    expect(p.years[2]!.costIndex.toString()).toBe('1.075369');
  });

  it('a round example: 100,000 growing 5%', () => {
    const a = macroAssumptions.parse({ averageWage: 100000, wageGrowth: { rate: 0.05, byYear: {} } });
    const p = macroPath(a, keys, 0, years);
    // 100,000; 105,000; 110,250; 115,762.50; 121,550.625 → 121,550.63 (computed by hand)
    expect(p.years.map((y) => y.averageWage.toFixed(2))).toEqual(['100000.00', '105000.00', '110250.00', '115762.50', '121550.63']);
    expect(p.years[4]!.wageIndex.toString()).toBe('1.21550625');
  });
});

describe('stochastic macro paths: keyed by (seed, path, year), never call order', () => {
  const a = macroAssumptions.parse({ wageGrowth: { sd: 0.02 }, medicalInflation: { sd: 0.03 } });
  const growth = (path: number, ys: number[] = years, k = keys) => macroPath(a, k, path, ys).years.map((y) => y.wageGrowth.toString());

  it('the same key gives the same draws, whatever else was drawn before', () => {
    const first = growth(3);
    growth(0);
    growth(7);
    expect(growth(3)).toEqual(first);
    // a longer horizon shares the shorter one's years
    expect(growth(3, projectionYears(2021, 8)).slice(0, 5)).toEqual(first);
  });

  it('paths, seeds and quantities differ; draws are rounded to 6 decimals', () => {
    expect(growth(1)).not.toEqual(growth(2));
    expect(growth(1, years, runKeys('another seed'))).not.toEqual(growth(1));
    const p = macroPath(a, keys, 1, years);
    expect(p.years[1]!.wageGrowth.toNumber()).not.toBe(0.067);
    expect(p.years[1]!.wageGrowth.decimalPlaces()).toBeLessThanOrEqual(6);
    expect(p.years[2]!.medicalInflation.toNumber()).not.toBe(p.years[2]!.wageGrowth.toNumber());
  });

  it('the shocks have about the sd asked for', () => {
    const draws: number[] = [];
    for (let path = 0; path < 400; path++) for (const y of macroPath(a, keys, path, years).years.slice(1)) draws.push(y.medicalInflation.toNumber() - 0.037);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1));
    // 1,600 draws: the standard error of the mean is 0.03 / 40 = 0.00075, of the sd about 0.0005
    expect(Math.abs(mean)).toBeLessThan(0.003);
    expect(sd).toBeGreaterThan(0.027);
    expect(sd).toBeLessThan(0.033);
  });
});

describe('projection years', () => {
  it('rejects a horizon of zero and other non-horizons, naming the field', () => {
    expect(() => projectionYears(2021, 0, { file: 'scenario.yaml', path: ['projection', 'horizon'] })).toThrow(InputError);
    expect(() => projectionYears(2021, 0, { file: 'scenario.yaml', path: ['projection', 'horizon'] })).toThrow(
      'scenario.yaml: projection.horizon = 0: the horizon must be a whole number of years from 1 to 100',
    );
    expect(() => projectionYears(2021, 2.5)).toThrow(/whole number/);
    expect(() => projectionYears(1800, 3)).toThrow(/baseYear = 1800/);
  });
});
