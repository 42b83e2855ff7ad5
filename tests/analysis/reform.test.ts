import { describe, expect, it } from 'vitest';
import { claimMeasures } from '../../src/analysis/claimMeasures.js';
import { compareByYear, compareOverHorizon, intervalByYear, intervalOverHorizon } from '../../src/analysis/cubeTables.js';
import { gainersLosersMeasures, gainersLosersBySettingMeasures } from '../../src/analysis/gainersLosers.js';
import { reformTables } from '../../src/analysis/tables.js';
import { one, syntheticCube } from './cubes.js';

/**
 * Ten paths p = 0…9, weight 100. In-service inpatient tertiary claims, in fen, scaled by s = 1 in 2025
 * and s = 2 in 2026: bill 100,000s = deductible 20,000s + fund (50,000 + 1,000p)s + co-pay (30,000 − 1,000p)s,
 * paid by the fund and in cash. The reform, in 2025 only, moves 100(p+1) fen per path from the
 * deductible (and cash) to the fund. Ten in-service members aged 35–44.
 * Reform paired cells: (3 + p mod 2) gainers, 1 loser, out-of-pocket change −10,000(p+1) fen.
 */
const cube = syntheticCube({ years: [2025, 2026], paths: 10, variants: ['baseline', 'lower-deductible'], weight: 100 }, (w, v, p, y) => {
  const s = y + 1;
  const shift = v === 1 && y === 0 ? 100 * (p + 1) : 0;
  const fund = (50_000 + 1_000 * p) * s + shift;
  w.claims('inService', 'inpatient', 'tertiary', {
    count: 1,
    episodes: 1,
    bill: 100_000 * s,
    deductible: 20_000 * s - shift,
    pooledFund: fund,
    copay: (30_000 - 1_000 * p) * s,
    cash: 100_000 * s - fund,
  });
  w.members('inService', '35-44', { memberYears: 10 });
  if (v === 1) w.paired('inService', '35-44', { gainers: 3 + (p % 2), losers: 1, deltaOop: -10_000 * (p + 1) });
});

const cell = { scheme: 'employee', person_type: 'inService', setting: 'all', level: 'all' };

describe('reform comparison on common random numbers', () => {
  const byYear = compareByYear(cube, claimMeasures, 'lower-deductible');

  it('pairs paths and gives a t interval (hand example)', () => {
    // Fund change by path: 100(p+1) fen × 100 people / 100 = 100, 200, …, 1,000 yuan. Mean 550; sd = 302.77,
    // se = 95.743; t(0.975, 9) = 2.262 (Student t table): 550 ± 216.6 → [333.4, 766.6].
    const r = one(byYear, { ...cell, metric: 'pooled_fund_yuan', year: 2025 });
    expect(r).toMatchObject({ reform: 'lower-deductible', baseline: 'baseline', paths: 10 });
    expect(r.difference).toBeCloseTo(550, 9);
    expect(r.se).toBeCloseTo(95.743, 3);
    expect(r.ci_low).toBeCloseTo(333.4, 0);
    expect(r.ci_high).toBeCloseTo(766.6, 0);
    // Baseline mean: (50,000 + 1,000 × 4.5) fen × 100 / 100 = 54,500 yuan.
    expect(r.baseline_mean).toBeCloseTo(54_500, 9);
    expect(r.reform_mean).toBeCloseTo(55_050, 9);
    // Out of pocket falls by as much.
    expect(one(byYear, { ...cell, metric: 'out_of_pocket_yuan', year: 2025 }).difference).toBeCloseTo(-550, 9);
  });

  it('shows no change where the reform changes nothing', () => {
    const r = one(byYear, { ...cell, metric: 'pooled_fund_yuan', year: 2026 });
    expect([r.difference, r.se, r.ci_low, r.ci_high]).toEqual([0, 0, 0, 0]);
  });

  it('compares ratios path by path', () => {
    // Policy-range cost is 100,000 fen in both, so the ratio rises by 100(p+1)/100,000: mean 0.0055.
    expect(one(byYear, { ...cell, metric: 'policy_range_ratio', year: 2025 }).difference).toBeCloseTo(0.0055, 15);
    // By setting: the inpatient row carries the change; outpatient has no claims, so no ratio to compare.
    expect(one(byYear, { ...cell, setting: 'inpatient', metric: 'policy_range_ratio', year: 2025 }).difference).toBeCloseTo(0.0055, 15);
    expect(one(byYear, { ...cell, setting: 'outpatient', metric: 'policy_range_ratio', year: 2025 }).paths).toBe(0);
  });

  it('accumulates over the horizon: totals summed, ratios of the summed amounts', () => {
    const horizon = compareOverHorizon(cube, claimMeasures, 1);
    const fund = one(horizon, { ...cell, metric: 'pooled_fund_yuan' });
    expect(fund).toMatchObject({ from_year: 2025, to_year: 2026 });
    expect(fund.difference).toBeCloseTo(550, 9);
    // 100(p+1) over a policy-range cost of 100,000 + 200,000: mean 550 / 300,000 (not the mean of the
    // yearly changes, 0.0055 / 2).
    expect(one(horizon, { ...cell, metric: 'policy_range_ratio' }).difference).toBeCloseTo(550 / 300_000, 15);
  });

  it('runs from a dated reform\'s first year in force, or over the whole horizon when it starts after it', () => {
    // From 2026 the reform changes nothing in this cube: its 2025 change is left out, totals and ratios alike.
    const from2026 = compareOverHorizon(cube, claimMeasures, 1, 0, 0.05, 2026);
    const fund = one(from2026, { ...cell, metric: 'pooled_fund_yuan' });
    expect(fund).toMatchObject({ from_year: 2026, to_year: 2026, difference: 0 });
    // Baseline 2026 alone: (50,000 + 1,000 × 4.5) × 2 fen × 100 / 100 = 109,000 yuan.
    expect(fund.baseline_mean).toBeCloseTo(109_000, 9);
    expect(one(from2026, { ...cell, metric: 'policy_range_ratio' }).difference).toBe(0);
    expect(one(compareOverHorizon(cube, claimMeasures, 1, 0, 0.05, 2025), { ...cell, metric: 'pooled_fund_yuan' }).difference).toBeCloseTo(550, 9);
    expect(one(compareOverHorizon(cube, claimMeasures, 1, 0, 0.05, 2030), { ...cell, metric: 'pooled_fund_yuan' })).toMatchObject({ from_year: 2025, to_year: 2026 });
    const gl = intervalOverHorizon(cube, gainersLosersMeasures, 1, 0.05, 2026);
    expect(one(gl, { scheme: 'employee', person_type: 'inService', age_band: '35-44', metric: 'gainers_share' })).toMatchObject({ from_year: 2026, mean: 0.35 });
  });

  it('refuses to compare a variant with itself', () => {
    expect(() => compareByYear(cube, claimMeasures, 0, 'baseline')).toThrow(/another variant/);
    expect(() => compareByYear(cube, claimMeasures, 'no-such')).toThrow(/no variant "no-such"/);
  });
});

describe('who gains and who loses', () => {
  const where = { scheme: 'employee', person_type: 'inService', age_band: '35-44' };

  it('gives shares of member-years and the mean change in out-of-pocket, with intervals', () => {
    const rows = intervalByYear(cube, gainersLosersMeasures, 'lower-deductible');
    // Gainers 3 or 4 of 10 member-years, alternating: mean 0.35.
    const gainers = one(rows, { ...where, metric: 'gainers_share', year: 2025 });
    expect(gainers.mean).toBeCloseTo(0.35, 15);
    expect(gainers.ci_low).toBeLessThan(0.35);
    expect(one(rows, { ...where, metric: 'losers_share', year: 2025 }).mean).toBeCloseTo(0.1, 15);
    // −10,000(p+1) fen / 100 / 10 member-years = −10(p+1) yuan: mean −55, half-width 2.262 × 9.5743 = 21.66.
    const change = one(rows, { ...where, metric: 'oop_change_per_member_yuan', year: 2025 });
    expect(change.mean).toBeCloseTo(-55, 12);
    expect(change.ci_high).toBeCloseTo(-55 + 21.66, 1);
    // The margin over age bands and types is the same people here.
    expect(one(rows, { scheme: 'all', person_type: 'all', age_band: 'all', metric: 'gainers_share', year: 2025 }).mean).toBeCloseTo(0.35, 15);
  });

  it('pools member-years over the horizon', () => {
    const rows = intervalOverHorizon(cube, gainersLosersMeasures, 1);
    // Both years have the same paired cells: shares unchanged, per member-year change unchanged.
    expect(one(rows, { ...where, metric: 'gainers_share' }).mean).toBeCloseTo(0.35, 15);
    expect(one(rows, { ...where, metric: 'oop_change_per_member_yuan' }).mean).toBeCloseTo(-55, 12);
  });
});

describe('the standard reform tables', () => {
  it('compares every reform with the baseline', () => {
    const tables = reformTables(cube);
    expect(Object.keys(tables)).toEqual([
      'reform_claims_by_year',
      'reform_claims_over_horizon',
      'reform_members_by_year',
      'reform_members_over_horizon',
      'reform_oop_deciles_by_year',
      'reform_oop_deciles_over_horizon',
      'gainers_losers_by_year',
      'gainers_losers_over_horizon',
      'gainers_losers_by_setting_over_horizon',
    ]);
    expect(tables.reform_claims_by_year).toHaveLength(claimMeasures.labels.length * 2);
    expect(tables.gainers_losers_over_horizon).toHaveLength(gainersLosersMeasures.labels.length);
    expect(tables.gainers_losers_by_setting_over_horizon).toHaveLength(gainersLosersBySettingMeasures.labels.length);
  });
});
