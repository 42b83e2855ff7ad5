import { describe, expect, it } from 'vitest';
import { fundByYear, fundCompareByYear, fundCompareOverHorizon, fundRiskByYear, pathLedgers } from '../../src/analysis/ledgerTables.js';
import { meetsFundTarget } from '../../src/analysis/fundTarget.js';
import { solvePerPath } from '../../src/analysis/solvePerPath.js';
import { fundTables } from '../../src/analysis/tables.js';
import { fundAssumptions } from '../../src/fund/assumptions.js';
import { one, syntheticCube } from './cubes.js';

/**
 * A resident fund on four paths, weight 1: 10 adults, 300 + 600 yuan a head = 9,000 yuan income a year,
 * no opening balance, interest, reserve, deficit cover or serious-illness premium. Pooled-fund payments
 * (yuan) by path in 2025, 2026: [6,000, 6,000], [9,500, 8,000], [12,000, 12,000], [4,000, 4,000].
 * The reform variant pays 1,000 yuan less every year on every path.
 */
const PAID = [
  [6_000, 6_000],
  [9_500, 8_000],
  [12_000, 12_000],
  [4_000, 4_000],
];
const cube = syntheticCube({ years: [2025, 2026], paths: 4, variants: ['baseline', 'reform'], weight: 1 }, (w, v, p, y) => {
  w.claims('adult', 'inpatient', 'secondary', { count: 1, pooledFund: (PAID[p]![y]! - 1_000 * v) * 100 });
  w.members('adult', '35-44', { memberYears: 10 });
});

const assumptionsWithSubsidy = (subsidy: number) =>
  fundAssumptions.parse({
    resident: {
      financing: { byYear: { '2025': { individual: 300, subsidy } }, annualIncrease: { individual: 0, subsidy: 0 } },
      opening: { perMember: 0 },
      interestRate: 0,
      reserve: { deficitCover: { reserve: 0, government: 0 } },
      seriousIllness: null,
    },
  });

const baseline = pathLedgers(cube, 'baseline', 'resident', assumptionsWithSubsidy(600));
const reform = pathLedgers(cube, 'reform', 'resident', assumptionsWithSubsidy(600));

describe('fund tables from ledgers per path', () => {
  it('summarises the ledger lines per year', () => {
    const rows = fundByYear(baseline);
    expect(one(rows, { metric: 'income_yuan', year: 2025 })).toMatchObject({ variant: 'baseline', scheme: 'resident', mean: 9_000, se: 0, paths: 4 });
    // Accumulated balance at the end of 2026: 6,000, 500, −6,000, 10,000 → mean 2,625.
    expect(one(rows, { metric: 'accumulated_balance_yuan', year: 2026 }).mean).toBe(2_625);
    // Months covered in 2025 (balance ÷ monthly spending, 2 decimals) by path: 3,000/500 = 6,
    // −500/791.67 = −0.63, −3,000/1,000 = −3, 5,000/333.33 = 15; median (−0.63 + 6)/2 = 2.685.
    expect(one(rows, { metric: 'months_covered', year: 2025 }).p50).toBeCloseTo(2.685, 12);
  });

  it('gives the probability of a deficit and of depletion by year', () => {
    const rows = fundRiskByYear(baseline);
    // Deficits: 2025 paths 1 and 2, 2026 path 2. Depleted: 2025 paths 1 and 2; 2026 only path 2 (path 1
    // recovers to 500).
    expect(one(rows, { event: 'deficit', year: 2025 })).toMatchObject({ probability: 0.5, probability_so_far: 0.5 });
    expect(one(rows, { event: 'deficit', year: 2026 })).toMatchObject({ probability: 0.25, probability_so_far: 0.5 });
    expect(one(rows, { event: 'depletion', year: 2026 })).toMatchObject({ probability: 0.25, probability_so_far: 0.5 });
  });

  it('compares a reform with the baseline path by path', () => {
    const byYear = fundCompareByYear(reform, baseline);
    expect(one(byYear, { metric: 'expenditure_yuan', year: 2026 })).toMatchObject({ difference: -1_000, se: 0, paths: 4 });
    const horizon = fundCompareOverHorizon(reform, baseline);
    expect(one(horizon, { metric: 'final_accumulated_balance_yuan' }).difference).toBe(2_000);
    // With 1,000 less a year, path 2 still ends below zero and path 1 never does: 0.5 → 0.25 ever depleted.
    expect(one(horizon, { metric: 'depletion_probability' })).toMatchObject({ reform_mean: 0.25, baseline_mean: 0.5, difference: -0.25 });
    // A reform in force from 2026: flows over 2026 alone (1,000 less), the balance still at the end of 2026.
    const from2026 = fundCompareOverHorizon(reform, baseline, 0.05, 2026);
    expect(one(from2026, { metric: 'expenditure_yuan' })).toMatchObject({ from_year: 2026, to_year: 2026, difference: -1_000 });
    expect(one(horizon, { metric: 'expenditure_yuan' }).difference).toBe(-2_000);
    expect(one(from2026, { metric: 'final_accumulated_balance_yuan' }).difference).toBe(2_000);
  });

  it('builds the standard fund tables, with comparisons against a named baseline', () => {
    const tables = fundTables([baseline, reform], 'baseline');
    expect(Object.keys(tables)).toEqual(['fund_by_year', 'fund_risk_by_year', 'fund_ledger_by_year', 'fund_events', 'reform_fund_by_year', 'reform_fund_over_horizon']);
    expect(tables.reform_fund_over_horizon!.every((r) => (r as { reform: string }).reform === 'reform')).toBe(true);
    expect(() => fundTables([reform], 'baseline')).toThrow(/no ledgers of the baseline "baseline"/);
  });
});

describe('sizing a resident subsidy with the ledger', () => {
  it('finds each path’s threshold and the order statistic (hand-computed)', async () => {
    // Per path, a year's income is 10 × (300 + x) yuan. The ledger rounds months covered to 2 decimals,
    // so "≥ 6 months" means balance ≥ 5.995 months of the year's spending E: at the end of 2025
    // 10(300 + x) − E1 ≥ 5.995 E1/12, and at the end of 2026 20(300 + x) − E1 − E2 ≥ 5.995 E2/12.
    // Path 0 (6,000, 6,000): x ≥ 599.75; path 1 (9,500, 8,000): x ≥ 1,124.604 → 1,124.61 in whole fen;
    // path 2 (12,000, 12,000): x ≥ 1,499.50; path 3 (4,000, 4,000): x ≥ 299.833 → 299.84. (2025 binds on every path.)
    // Allowing one path in four to fail: the third smallest, 1,124.61.
    const wholeFen = (x: number) => Math.ceil(x * 100 - 1e-9) / 100; // the standards are written to the fen
    const solution = await solvePerPath({
      lo: 0,
      hi: 3_000,
      tolerance: 0.005,
      allowedFailure: 0.25,
      paths: cube.paths,
      evaluatePath: (path, x) => {
        const fund = pathLedgers(cube, 'baseline', 'resident', assumptionsWithSubsidy(wholeFen(x)));
        return meetsFundTarget(fund.ledgers[path]!, { minMonthsCovered: 6 });
      },
    });
    expect(solution.thresholds.map(wholeFen)).toEqual([599.75, 1_124.61, 1_499.5, 299.84]);
    expect(wholeFen(solution.value)).toBe(1_124.61);
    expect(solution.failureShare).toBe(0.25);
  });

  it('judges depletion and months covered per path', () => {
    const [path0, path1] = baseline.ledgers as [typeof baseline.ledgers[0], typeof baseline.ledgers[0]];
    expect(meetsFundTarget(path0)).toBe(true);
    expect(meetsFundTarget(path0, { minMonthsCovered: 6 })).toBe(true); // 6.00 in 2025, 12.00 in 2026
    expect(meetsFundTarget(path0, { minMonthsCovered: 6.01 })).toBe(false);
    expect(meetsFundTarget(path1)).toBe(false); // below zero at the end of 2025
  });
});
