/**
 * `yibao run` writes the whole fund ledger across paths (fund_ledger_by_year) and the first-deficit and
 * depletion years (fund_events), in every table format, and the ledger's lines add up in the written table.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const SMALL = ['--members', '1500', '--paths', '4', '--horizon', '2', '--workers', '0', '--no-progress'];
type Row = Record<string, string | number | null>;
let tables: string;

beforeAll(async () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const out = join(mkdtempSync(join(tmpdir(), 'yibao-ledger-')), 'run');
  expect(await main(['run', ...SMALL, '--out', out])).toBe(0);
  tables = join(out, 'tables');
  vi.restoreAllMocks();
}, 120_000);
afterEach(() => vi.restoreAllMocks());

const json = (name: string) => JSON.parse(readFileSync(join(tables, `${name}.json`), 'utf8')) as Row[];

describe('yibao run: the fund ledger tables', () => {
  it('writes fund_ledger_by_year and fund_events as CSV, JSON and Parquet', () => {
    const files = readdirSync(tables);
    for (const t of ['fund_ledger_by_year', 'fund_events']) {
      for (const f of ['csv', 'json', 'parquet']) {
        expect(files).toContain(`${t}.${f}`);
        expect(statSync(join(tables, `${t}.${f}`)).size).toBeGreaterThan(100);
      }
    }
    const header = readFileSync(join(tables, 'fund_ledger_by_year.csv'), 'utf8').split('\n')[0];
    expect(header).toBe('variant,scheme,line,year,mean,se,p5,p25,p50,p75,p95,paths');
  });

  it('has every income, allocation, cover, reserve, account and serious-illness line for both funds', () => {
    const rows = json('fund_ledger_by_year');
    const lines = (scheme: string) => new Set(rows.filter((r) => r.scheme === scheme).map((r) => r.line));
    const common = [
      'employer_contributions_yuan',
      'employee_contributions_yuan',
      'resident_contributions_yuan',
      'fiscal_subsidy_yuan',
      'transfer_to_accounts_yuan',
      'fund_interest_yuan',
      'late_fees_yuan',
      'transfer_to_reserve_yuan',
      'reserve_balance_yuan',
      'reserve_deficit_cover_yuan',
      'government_deficit_cover_yuan',
      'serious_illness_premium_yuan',
      'accumulated_balance_opening_yuan',
      'accumulated_balance_yuan',
    ];
    for (const line of [...common, 'accounts_interest_yuan', 'accounts_balance_yuan']) expect(lines('employee')).toContain(line);
    for (const line of common) expect(lines('resident')).toContain(line);
    expect(lines('resident')).not.toContain('accounts_balance_yuan');
    for (const r of rows) expect(r).toMatchObject({ variant: 'baseline', paths: 4 });
    // The default scenario: employees' accounts earn interest, residents pay and are subsidised per head.
    const mean = (scheme: string, line: string, year: number) => Number(rows.find((r) => r.scheme === scheme && r.line === line && r.year === year)!.mean);
    expect(mean('employee', 'accounts_interest_yuan', 2021)).toBeGreaterThan(0);
    expect(mean('resident', 'fiscal_subsidy_yuan', 2021)).toBeGreaterThan(mean('resident', 'resident_contributions_yuan', 2021));
  });

  it('adds up in the written table: accumulated = last year’s + current balance + deficit cover, as fund_by_year says', () => {
    const rows = json('fund_ledger_by_year');
    const headline = json('fund_by_year');
    for (const scheme of ['employee', 'resident']) {
      const mean = (line: string, year: number) => Number(rows.find((r) => r.scheme === scheme && r.line === line && r.year === year)!.mean);
      for (const year of [2021, 2022]) {
        const opening = mean('accumulated_balance_opening_yuan', year);
        if (year > 2021) expect(opening).toBeCloseTo(mean('accumulated_balance_yuan', year - 1), 4);
        const moved = opening + mean('current_balance_yuan', year) + mean('reserve_deficit_cover_yuan', year) + mean('government_deficit_cover_yuan', year);
        expect(mean('accumulated_balance_yuan', year)).toBeCloseTo(moved, 4);
        expect(mean('current_balance_yuan', year)).toBeCloseTo(mean('pooled_income_yuan', year) - mean('expenditure_yuan', year), 4);
        const same = headline.find((r) => r.scheme === scheme && r.metric === 'accumulated_balance_yuan' && r.year === year)!;
        expect(mean('accumulated_balance_yuan', year)).toBe(Number(same.mean));
      }
    }
  });

  it('gives the first-deficit and depletion years across paths', () => {
    const rows = json('fund_events');
    expect(rows).toHaveLength(4);
    for (const scheme of ['employee', 'resident']) {
      for (const event of ['first_deficit', 'depletion']) {
        const r = rows.find((x) => x.scheme === scheme && x.event === event)!;
        expect(r).toMatchObject({ variant: 'baseline', from_year: 2021, to_year: 2022, paths: 4 });
        expect(Number(r.share_of_paths)).toBe(Number(r.paths_with_event) / 4);
        if (r.paths_with_event === 0) expect(r.median_year).toBeNull();
        else expect(Number(r.median_year)).toBeGreaterThanOrEqual(2021);
      }
    }
    // Consistent with the risk table: depletion on a path by the horizon is depletion's probability so far.
    const risk = json('fund_risk_by_year');
    for (const scheme of ['employee', 'resident']) {
      const last = risk.find((x) => x.scheme === scheme && x.event === 'depletion' && x.year === 2022)!;
      expect(rows.find((x) => x.scheme === scheme && x.event === 'depletion')!.share_of_paths).toBe(last.probability_so_far);
    }
  });
});
