import { describe, expect, it } from 'vitest';
import { claimMeasures } from '../../src/analysis/claimMeasures.js';
import { summaryByYear } from '../../src/analysis/cubeTables.js';
import { memberMeasures } from '../../src/analysis/memberMeasures.js';
import { perYearSummary, probabilityByYear } from '../../src/analysis/perYear.js';
import { one, pick, syntheticCube } from './cubes.js';

/**
 * Path p (0, 1, 2), year index y (0, 1), weight 1,000 people per simulated member. Amounts in fen.
 * - in-service, inpatient, tertiary: 2 admissions; bill 100,000(p+1) = out of scope 10,000(p+1) +
 *   deductible 10,000(p+1) + fund 60,000(p+1) + co-pay 20,000(p+1); paid by fund, account 15,000(p+1),
 *   cash 25,000(p+1). Policy-range ratio 60/90 = 2/3, actual ratio 60/100 = 0.6.
 * - in-service, outpatient, community: 10 visits; bill 20,000 = fund 10,000 + co-pay 10,000, cash 10,000.
 * - resident adult, inpatient, secondary: 1 admission; bill 50,000 + 10,000y = deductible 5,000 + fund
 *   30,000 + co-pay 15,000 + 10,000y; paid by fund, assistance 5,000, cash 15,000 + 10,000y.
 * - members: 10 in-service aged 35–44 (4 with claims, 1 catastrophic, out-of-pocket 80,000 fen);
 *   5 resident adults aged 45–54.
 */
const cube = syntheticCube({ years: [2025, 2026], paths: 3, variants: ['baseline'], weight: 1000 }, (w, _v, p, y) => {
  const k = p + 1;
  w.claims('inService', 'inpatient', 'tertiary', {
    count: 2,
    episodes: 2,
    bill: 100_000 * k,
    outOfScope: 10_000 * k,
    deductible: 10_000 * k,
    pooledFund: 60_000 * k,
    copay: 20_000 * k,
    personalAccount: 15_000 * k,
    cash: 25_000 * k,
  });
  w.claims('inService', 'outpatient', 'community', { count: 10, bill: 20_000, pooledFund: 10_000, copay: 10_000, cash: 10_000 });
  w.claims('adult', 'inpatient', 'secondary', {
    count: 1,
    episodes: 1,
    bill: 50_000 + 10_000 * y,
    deductible: 5_000,
    pooledFund: 30_000,
    copay: 15_000 + 10_000 * y,
    assistance: 5_000,
    cash: 15_000 + 10_000 * y,
  });
  w.members('inService', '35-44', { memberYears: 10, withClaims: 4, catastrophic: 1, bill: 120_000 * k, oop: 80_000 });
  w.members('adult', '45-54', { memberYears: 5, withClaims: 1, bill: 50_000 });
});

const rows = summaryByYear(cube, claimMeasures);
const row = (where: Record<string, unknown>) => one(rows, { scheme: 'all', person_type: 'all', setting: 'all', level: 'all', year: 2025, ...where });

describe('claims tables from a cube', () => {
  it('has one row per measure and year, labelled, measure-major', () => {
    expect(rows).toHaveLength(claimMeasures.labels.length * 2);
    expect(Object.keys(rows[0]!)).toEqual(['variant', 'metric', 'scheme', 'person_type', 'setting', 'level', 'year', 'mean', 'se', 'p5', 'p25', 'p50', 'p75', 'p95', 'paths']);
    expect([rows[0]!.year, rows[1]!.year]).toEqual([2025, 2026]);
    expect(rows[0]!.metric).toBe(rows[1]!.metric);
  });

  it('gives the reimbursement ratios of a cell exactly', () => {
    const cell = { scheme: 'employee', person_type: 'inService', setting: 'inpatient', level: 'tertiary' };
    const policy = row({ ...cell, metric: 'policy_range_ratio' });
    expect(policy.mean).toBeCloseTo(2 / 3, 15);
    expect(policy.se).toBe(0);
    expect(policy.paths).toBe(3);
    expect(row({ ...cell, metric: 'actual_ratio' }).p95).toBeCloseTo(0.6, 15);
    // Setting × level cells carry ratios only.
    expect(pick(rows, { ...cell, metric: 'bill_yuan' })).toHaveLength(0);
  });

  it('takes ratios of sums per path, then summarises across paths', () => {
    // Everyone, 2025: fund = 60,000(p+1) + 10,000 + 30,000; policy range = 90,000(p+1) + 20,000 + 50,000.
    // By path 100/160 = 0.625, 160/250 = 0.64, 220/340 = 0.6470588; mean 0.6373529.
    const r = row({ metric: 'policy_range_ratio' });
    expect(r.mean).toBeCloseTo((0.625 + 0.64 + 220 / 340) / 3, 12);
    expect(r.p50).toBeCloseTo(0.64, 12);
    // Residents' ratio moves with the year: 30/50 = 0.6 in 2025, 30/60 = 0.5 in 2026.
    expect(row({ scheme: 'resident', metric: 'policy_range_ratio', year: 2026 }).mean).toBeCloseTo(0.5, 15);
    // By level (margin over settings): tertiary is only the in-service inpatient cell.
    expect(row({ level: 'tertiary', metric: 'policy_range_ratio' }).mean).toBeCloseTo(2 / 3, 15);
    // By setting: outpatient is 10,000 / 20,000.
    expect(row({ setting: 'outpatient', metric: 'actual_ratio' }).mean).toBeCloseTo(0.5, 15);
  });

  it('scales totals to the population by the weight and summarises them', () => {
    // Fund, everyone, 2025: (60,000p + 100,000) fen × 1,000 / 100 = 1.0, 1.6, 2.2 million yuan.
    // Mean 1.6 million; sd 0.6 million, se 0.6/√3 million; p5 at h = 0.1: 1.0 + 0.1 × 0.6 = 1.06 million;
    // p95 at h = 1.9: 1.6 + 0.9 × 0.6 = 2.14 million.
    const r = row({ metric: 'pooled_fund_yuan' });
    expect(r.mean).toBeCloseTo(1_600_000, 6);
    expect(r.se).toBeCloseTo(600_000 / Math.sqrt(3), 6);
    expect(r.p5).toBeCloseTo(1_060_000, 6);
    expect(r.p95).toBeCloseTo(2_140_000, 6);
    // Out of pocket = account + family account + cash: in 2025 on path 0, 15,000 + 25,000 + 10,000 + 15,000 fen.
    expect(row({ metric: 'out_of_pocket_yuan' }).p5).toBeCloseTo((65_000 + 0.1 * 40_000) * 10, 6);
    expect(row({ metric: 'assistance_yuan', scheme: 'resident' }).mean).toBeCloseTo(50_000, 9);
  });

  it('gives spending per member-year of the group, unweighted', () => {
    // In-service fund on path 0: (60,000 + 10,000) fen / 100 / 10 member-years = 70 yuan; paths 70, 130, 190.
    const r = row({ scheme: 'employee', person_type: 'inService', metric: 'pooled_fund_per_member_yuan' });
    expect([r.p5, r.p50, r.mean]).toEqual([76, 130, 130].map((x) => expect.closeTo(x, 9)));
    // Per member of the group even in a setting's row: inpatient bill 100,000 fen / 100 / 10 on path 0.
    expect(row({ scheme: 'employee', setting: 'inpatient', metric: 'bill_per_member_yuan' }).p50).toBeCloseTo(200, 9);
  });

  it('counts use per member', () => {
    // Employee: 2 admissions per 10 member-years = 20 per 100; 12 claims per 10 = 1.2 visits each.
    expect(row({ scheme: 'employee', metric: 'admissions_per_100_members' }).mean).toBeCloseTo(20, 12);
    expect(row({ scheme: 'employee', metric: 'visits_per_member' }).mean).toBeCloseTo(1.2, 12);
    expect(row({ scheme: 'employee', setting: 'outpatient', metric: 'visits_per_member' }).mean).toBeCloseTo(1, 12);
    // Everyone: 3 admissions per 15 member-years.
    expect(row({ metric: 'admissions_per_100_members' }).mean).toBeCloseTo(20, 12);
  });

  it('leaves a ratio missing where there are no claims', () => {
    const r = row({ scheme: 'resident', person_type: 'child', metric: 'actual_ratio' });
    expect(r.paths).toBe(0);
    expect(Number.isNaN(r.mean)).toBe(true);
  });
});

describe('member tables from a cube', () => {
  const members = summaryByYear(cube, memberMeasures);
  const m = (where: Record<string, unknown>) => one(members, { scheme: 'all', person_type: 'all', age_band: 'all', year: 2025, ...where });

  it('gives people, shares and burden per member-year', () => {
    expect(m({ metric: 'member_years' }).mean).toBe(15_000);
    expect(m({ scheme: 'employee', metric: 'catastrophic_share' }).mean).toBeCloseTo(0.1, 15);
    // 1 in-service catastrophic among 15 member-years.
    expect(m({ metric: 'catastrophic_share' }).mean).toBeCloseTo(1 / 15, 15);
    expect(m({ scheme: 'employee', person_type: 'inService', age_band: '35-44', metric: 'with_claims_share' }).mean).toBeCloseTo(0.4, 15);
    expect(m({ scheme: 'employee', metric: 'out_of_pocket_per_member_yuan' }).mean).toBeCloseTo(80, 12);
    expect(m({ scheme: 'employee', age_band: '85+', metric: 'member_years' }).mean).toBe(0);
  });
});

describe('per-year helpers on [path][year] values', () => {
  it('summarises each year across paths', () => {
    const rows = perYearSummary(
      [
        [1, 10],
        [2, 20],
        [3, NaN],
      ],
      [2030, 2031],
    );
    expect(rows[0]).toMatchObject({ year: 2030, mean: 2, p50: 2, paths: 3 });
    expect(rows[1]).toMatchObject({ year: 2031, mean: 15, paths: 2 });
    expect(() => perYearSummary([[1]], [2030, 2031])).toThrow(/path 0 has 1 values for 2 years/);
  });

  it('gives the probability of an event in a year and so far', () => {
    // Path 0 fails in 2031 only, path 1 in 2030 only, paths 2 and 3 never.
    const rows = probabilityByYear(
      [
        [false, true],
        [true, false],
        [false, false],
        [false, false],
      ],
      [2030, 2031],
    );
    expect(rows.map((r) => [r.probability, r.probability_so_far])).toEqual([
      [0.25, 0.25],
      [0.25, 0.5],
    ]);
    // 1 of 4 paths: Wilson 95% interval 0.0456 to 0.6994 (by hand: centre 0.37247, half-width 0.32689, z = 1.95996).
    expect(rows[0]!.probability_ci_low).toBeCloseTo(0.0456, 4);
    expect(rows[0]!.probability_ci_high).toBeCloseTo(0.6994, 4);
    // 2 of 4 so far: centre 0.5, half-width 1.95996 × √(0.0625 + 0.06002) / 1.96037 = 0.3500.
    expect([rows[1]!.probability_so_far_ci_low, rows[1]!.probability_so_far_ci_high]).toEqual([expect.closeTo(1 - 0.8499, 3), expect.closeTo(0.8499, 3)]);
  });
});
