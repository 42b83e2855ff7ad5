/**
 * fund_ledger_by_year (every line of the ledger across paths) and fund_events (first-deficit and
 * depletion years across paths), on a hand-made cube whose ledgers are computed by hand below.
 */
import { describe, expect, it } from 'vitest';
import { fundByYear, fundEvents, fundLedgerByYear, ledgerLinesByPath, LEDGER_LINES, pathLedgers, type FundPaths } from '../../src/analysis/ledgerTables.js';
import { fundTables } from '../../src/analysis/tables.js';
import { fundAssumptions } from '../../src/fund/assumptions.js';
import { fundLedger, ledgerRows } from '../../src/fund/ledger.js';
import { one, pick, syntheticCube } from './cubes.js';

/**
 * A resident fund on four paths, weight 1: 10 adults paying 300 + 600 yuan a head = 9,000 yuan income a
 * year; no interest, no serious-illness premium. Accumulated balance opens at 200 a head = 2,000 yuan, the
 * risk-adjustment reserve at 100 a head = 1,000 yuan; deficits covered 50/50 by the reserve (up to what
 * it holds) and the government (the default rule). Pooled payments (yuan) by path in 2025, 2026, 2027:
 *
 * path 0: 6,000 6,000 6,000    no deficit; accumulated 5,000, 8,000, 11,000
 * path 1: 10,000 8,000 11,000  2025: current −1,000, reserve 500, government 500 → 2,000 (reserve 500 left)
 *                              2026: +1,000 → 3,000
 *                              2027: −2,000, reserve 500 (all it holds), government 1,000, 500 uncovered → 2,500
 * path 2: 14,000 12,000 12,000 2025: −5,000, reserve 1,000 (all), government 2,500, 1,500 uncovered → 500
 *                              2026: −3,000, reserve 0, government 1,500, 1,500 uncovered → −1,000 (depleted)
 *                              2027: −3,000, government 1,500, 1,500 uncovered → −2,500
 * path 3: 4,000 9,500 20,000   2025: +5,000 → 7,000
 *                              2026: −500, reserve 250, government 250 → 7,000 (reserve 750 left)
 *                              2027: −11,000, reserve 750 (all), government 5,500, 4,750 uncovered → 2,250
 */
const PAID = [
  [6_000, 6_000, 6_000],
  [10_000, 8_000, 11_000],
  [14_000, 12_000, 12_000],
  [4_000, 9_500, 20_000],
];
const YEARS = [2025, 2026, 2027];
const cube = syntheticCube({ years: YEARS, paths: 4, variants: ['baseline'], weight: 1 }, (w, _v, p, y) => {
  w.claims('adult', 'inpatient', 'secondary', { count: 1, pooledFund: PAID[p]![y]! * 100 });
  w.members('adult', '35-44', { memberYears: 10 });
});
const assumptions = fundAssumptions.parse({
  resident: {
    financing: { byYear: { '2025': { individual: 300, subsidy: 600 } }, annualIncrease: { individual: 0, subsidy: 0 } },
    opening: { perMember: 200 },
    interestRate: 0,
    reserve: { opening: { perMember: 100 } },
    seriousIllness: null,
  },
});
const fund = pathLedgers(cube, 'baseline', 'resident', assumptions);

const GOVERNMENT = [
  [0, 0, 0],
  [500, 0, 1_000],
  [2_500, 1_500, 1_500],
  [0, 250, 5_500],
];
const RESERVE_COVER = [
  [0, 0, 0],
  [500, 0, 500],
  [1_000, 0, 0],
  [0, 250, 750],
];
const ACCUMULATED = [
  [5_000, 8_000, 11_000],
  [2_000, 3_000, 2_500],
  [500, -1_000, -2_500],
  [7_000, 7_000, 2_250],
];

const fen = (yuan: number) => Math.round(yuan * 100);
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const column = (table: readonly number[][], y: number) => table.map((path) => path[y]!);

/** A table's mean of a line by year. */
function lineMeans(rows: ReturnType<typeof fundLedgerByYear>, line: string): number[] {
  return YEARS.map((year) => one(rows, { line, year }).mean);
}

describe('fund_ledger_by_year', () => {
  const rows = fundLedgerByYear(fund);
  const byPath = new Map(ledgerLinesByPath(fund).map((l) => [l.line, l.values]));
  const values = (line: string) => {
    const v = byPath.get(line);
    if (!v) throw new Error(`no line ${line}`);
    return v;
  };

  it('has the government deficit cover and the reserve cover, computed by hand, on every path', () => {
    expect(values('government_deficit_cover_yuan')).toEqual(GOVERNMENT);
    expect(values('reserve_deficit_cover_yuan')).toEqual(RESERVE_COVER);
    expect(values('accumulated_balance_yuan')).toEqual(ACCUMULATED);
    expect(values('uncovered_deficit_yuan')).toEqual([
      [0, 0, 0],
      [0, 0, 500],
      [1_500, 1_500, 1_500],
      [0, 0, 4_750],
    ]);
    // The reserve: 1,000 at the start, paying out what it covers.
    expect(values('reserve_balance_yuan')).toEqual([
      [1_000, 1_000, 1_000],
      [500, 500, 0],
      [0, 0, 0],
      [1_000, 750, 0],
    ]);
    // Across paths: the means of the hand-computed covers, with the summary columns of fund_by_year.
    expect(lineMeans(rows, 'government_deficit_cover_yuan')).toEqual([750, 437.5, 2_000]);
    expect(one(rows, { line: 'government_deficit_cover_yuan', year: 2027 })).toMatchObject({ variant: 'baseline', scheme: 'resident', paths: 4, p50: 1_250 });
    expect(Object.keys(rows[0]!)).toEqual(['variant', 'scheme', 'line', ...Object.keys(fundByYear(fund)[0]!).slice(3)]);
  });

  it('explains every move of the accumulated balance on each path: opening + current + reserve cover + government cover', () => {
    const opening = values('accumulated_balance_opening_yuan');
    const current = values('current_balance_yuan');
    const closing = values('accumulated_balance_yuan');
    for (let p = 0; p < 4; p++) {
      for (let y = 0; y < YEARS.length; y++) {
        const where = `path ${p}, ${YEARS[y]}`;
        expect(fen(opening[p]![y]!), where).toBe(y === 0 ? 200_000 : fen(closing[p]![y - 1]!));
        expect(fen(closing[p]![y]!), where).toBe(fen(opening[p]![y]!) + fen(current[p]![y]!) + fen(RESERVE_COVER[p]![y]!) + fen(GOVERNMENT[p]![y]!));
      }
    }
  });

  it('has the identity in the table itself, for each path alone and for the means across paths', () => {
    const identity = (table: ReturnType<typeof fundLedgerByYear>, stat: 'mean' | 'p50') =>
      YEARS.forEach((year, y) => {
        const at = (line: string) => one(table, { line, year })[stat];
        const previous = y === 0 ? at('accumulated_balance_opening_yuan') : one(table, { line: 'accumulated_balance_yuan', year: YEARS[y - 1] })[stat];
        expect(at('accumulated_balance_opening_yuan')).toBeCloseTo(previous, 6);
        expect(at('accumulated_balance_yuan')).toBeCloseTo(
          previous + at('current_balance_yuan') + at('reserve_deficit_cover_yuan') + at('government_deficit_cover_yuan'),
          6,
        );
      });
    for (let p = 0; p < 4; p++) {
      const single: FundPaths = { ...fund, ledgers: [fund.ledgers[p]!] };
      const table = fundLedgerByYear(single);
      identity(table, 'mean');
      identity(table, 'p50');
      expect(lineMeans(table, 'government_deficit_cover_yuan')).toEqual(GOVERNMENT[p]);
    }
    identity(rows, 'mean');
  });

  it('fund_by_year alone does not add up in a deficit year: the cover lines close the gap', () => {
    // 2025 means: accumulated 3,625 = 2,000 opening + current 500 + reserve cover 375 + government 750.
    const headline = fundByYear(fund);
    const acc2025 = one(headline, { metric: 'accumulated_balance_yuan', year: 2025 }).mean;
    const current2025 = one(headline, { metric: 'current_balance_yuan', year: 2025 }).mean;
    expect(acc2025).toBe(3_625);
    expect(acc2025 - (2_000 + current2025)).toBe(1_125);
    expect(one(rows, { line: 'reserve_deficit_cover_yuan', year: 2025 }).mean + one(rows, { line: 'government_deficit_cover_yuan', year: 2025 }).mean).toBe(1_125);
    expect(mean(column(GOVERNMENT, 0)) + mean(column(RESERVE_COVER, 0))).toBe(1_125);
  });

  it('shows income by source and what leaves it before the pooled fund, adding up per path', () => {
    for (const y of [0, 1, 2]) {
      expect(column(values('resident_contributions_yuan'), y)).toEqual([3_000, 3_000, 3_000, 3_000]);
      expect(column(values('fiscal_subsidy_yuan'), y)).toEqual([6_000, 6_000, 6_000, 6_000]);
      expect(column(values('income_yuan'), y)).toEqual([9_000, 9_000, 9_000, 9_000]);
      expect(column(values('pooled_payments_yuan'), y)).toEqual(column(PAID, y));
    }
    const income = values('income_yuan');
    const pooled = values('pooled_income_yuan');
    const current = values('current_balance_yuan');
    const expenditure = values('expenditure_yuan');
    for (let p = 0; p < 4; p++) {
      for (let y = 0; y < 3; y++) {
        expect(fen(pooled[p]![y]!)).toBe(fen(income[p]![y]!) - fen(values('transfer_to_accounts_yuan')[p]![y]!) - fen(values('transfer_to_reserve_yuan')[p]![y]!));
        expect(fen(current[p]![y]!)).toBe(fen(pooled[p]![y]!) - fen(expenditure[p]![y]!));
      }
    }
  });

  it('names every line of the ledger once, and leaves the account lines to the employee scheme', () => {
    const employee = ledgerRows(fundLedger('employee', fundAssumptions.parse({}), [{ year: 2021, weight: 1, byType: { inService: { memberYears: 1, accountOpening: 100 } } }]));
    const resident = ledgerRows(fund.ledgers[0]!);
    for (const key of Object.keys(employee[0]!).filter((k) => k !== 'year')) expect(LEDGER_LINES, key).toHaveProperty([key]);
    const names = Object.values(LEDGER_LINES);
    expect(new Set(names).size).toBe(names.length);
    // Resident: every key but the null accounts, in the ledger's order.
    const residentLines = [...new Set(rows.map((r) => r.line))];
    expect(residentLines).toEqual(Object.keys(resident[0]!).filter((k) => k !== 'year' && k !== 'accounts').map((k) => LEDGER_LINES[k]));
    expect(residentLines).not.toContain('accounts_interest_yuan');
    for (const line of ['employer_contributions_yuan', 'late_fees_yuan', 'fund_interest_yuan', 'serious_illness_premium_yuan', 'reserve_balance_yuan', 'months_covered']) {
      expect(residentLines).toContain(line);
    }
    expect(rows).toHaveLength(residentLines.length * YEARS.length);
  });
});

describe('fund_events', () => {
  it('gives the share of paths with a first deficit and with depletion, and their years', () => {
    // First deficit by path: none, 2025, 2025, 2026. Depletion: only path 2, in 2026.
    const rows = fundEvents(fund);
    expect(one(rows, { event: 'first_deficit' })).toEqual({
      variant: 'baseline',
      scheme: 'resident',
      event: 'first_deficit',
      from_year: 2025,
      to_year: 2027,
      paths: 4,
      paths_with_event: 3,
      share_of_paths: 0.75,
      earliest_year: 2025,
      median_year: 2025,
      latest_year: 2026,
    });
    expect(one(rows, { event: 'depletion' })).toMatchObject({ paths_with_event: 1, share_of_paths: 0.25, earliest_year: 2026, median_year: 2026, latest_year: 2026 });
  });

  it('leaves the years empty (NaN) when no path has the event', () => {
    const healthy: FundPaths = { ...fund, ledgers: [fund.ledgers[0]!] };
    const depletion = one(fundEvents(healthy), { event: 'depletion' });
    expect(depletion).toMatchObject({ paths: 1, paths_with_event: 0, share_of_paths: 0 });
    expect(depletion.median_year).toBeNaN();
    expect(depletion.earliest_year).toBeNaN();
  });

  it('are among the standard fund tables', () => {
    const tables = fundTables([fund]);
    expect(Object.keys(tables)).toEqual(['fund_by_year', 'fund_risk_by_year', 'fund_ledger_by_year', 'fund_events']);
    expect(pick(tables.fund_events as ReturnType<typeof fundEvents>, { event: 'depletion' })).toHaveLength(1);
    expect(tables.fund_ledger_by_year).toEqual(fundLedgerByYear(fund));
  });
});
