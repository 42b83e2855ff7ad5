/**
 * The fund side: one ledger per Monte Carlo path (fund/ledger.ts, yuan), summarised per year with the
 * same code as the claims side: the headline lines (fund_by_year) and every line of the ledger
 * (fund_ledger_by_year); the probability of a current-year deficit (当期赤字) and of a depleted
 * accumulated balance (累计结余 < 0, 穿底) by year; the first-deficit and depletion years across paths
 * (fund_events); and reform − baseline ledger differences.
 */
import { paymentCell } from '../engine/providerBlock.js';
import { cubeOffset, providerOffset, type SimulationCube } from '../engine/result.js';
import type { FundAssumptions } from '../fund/assumptions.js';
import { fundYearInputs } from '../fund/fromAggregates.js';
import { depletionYear, firstDeficitYear, fundLedger, ledgerRows, type FundYear, type FundYearInputs } from '../fund/ledger.js';
import { fundIncome, SUPERVISION_BLOCK } from '../supervision/block.js';
import { supervisionOffset } from '../supervision/tables.js';
import { SCHEMES, type Scheme } from '../policy/vocabulary.js';
import { pairedColumns, SHARE, type PairedColumns, type Range } from './acrossPaths.js';
import { firstYearIndex, resolveVariant, type VariantRef } from './measures.js';
import { pairedByYear, perYearSummary, probabilityByYear, type YearPaired, type YearProbability, type YearSummary } from './perYear.js';
import { percentile } from './stats.js';

/** One scheme's ledgers for one variant: ledgers[path][yearIndex]. */
export interface FundPaths {
  variant: string;
  scheme: Scheme;
  years: number[];
  ledgers: FundYear[][];
}

/**
 * Run the scheme's ledger on every path of a cube's variant. `file` names the scenario in input errors.
 * With `openFrom` (the baseline's ledgers), each path opens with the baseline's balances: an opening set in
 * months of expenditure must not move with a reform's expenditure.
 */
export function pathLedgers(cube: SimulationCube, variant: VariantRef, scheme: Scheme, assumptions: FundAssumptions, file?: string, openFrom?: FundPaths): FundPaths {
  const v = resolveVariant(cube, variant);
  const ledgers = Array.from({ length: cube.paths }, (_, p) => {
    const first = openFrom?.ledgers[p]?.[0];
    return fundLedger(
      scheme,
      assumptions,
      cube.years.map((year, y) => ({
        ...fundYearInputs(cube.blocks, cubeOffset(cube, v, p, y), year, cube.exactWeight),
        paymentDifference: paymentDifference(cube, v, p, y, scheme),
        supervision: supervisionIncome(cube, v, p, y, scheme),
      })),
      file,
      first ? { accumulated: first.accumulated.opening, reserve: first.reserve.opening } : undefined,
    );
  });
  return { variant: cube.variants[v]!, scheme, years: [...cube.years], ledgers };
}

/** What the scheme's fund paid institutions minus the settled pooled amounts of that care (fen). */
function paymentDifference(cube: SimulationCube, v: number, p: number, y: number, scheme: Scheme): Partial<Record<Scheme, number>> {
  const at = providerOffset(cube, v, p, y);
  const s = SCHEMES.indexOf(scheme);
  return { [scheme]: cube.providers[at + paymentCell(s, 'paid')]! - cube.providers[at + paymentCell(s, 'settled')]! };
}

/** Supervision's recoveries, returns and fines to the scheme's fund (fen; none when supervision is off). */
function supervisionIncome(cube: SimulationCube, v: number, p: number, y: number, scheme: Scheme): FundYearInputs['supervision'] {
  if (!cube.supervision) return undefined;
  const at = supervisionOffset(cube, v, p, y);
  return { [scheme]: fundIncome(cube.supervision.subarray(at, at + SUPERVISION_BLOCK), SCHEMES.indexOf(scheme)) };
}

/** The ledger lines summarised, units in the names; months_covered is NaN (left out) without expenditure. */
const FUND_METRICS: readonly { metric: string; value: (y: FundYear) => number }[] = [
  { metric: 'income_yuan', value: (y) => y.income.total.toNumber() },
  { metric: 'pooled_income_yuan', value: (y) => y.pooledIncome.toNumber() },
  { metric: 'expenditure_yuan', value: (y) => y.expenditure.total.toNumber() },
  { metric: 'current_balance_yuan', value: (y) => y.currentBalance.toNumber() },
  { metric: 'accumulated_balance_yuan', value: (y) => y.accumulated.closing.toNumber() },
  { metric: 'months_covered', value: (y) => y.monthsCovered?.toNumber() ?? NaN },
];

function checkPaths(fund: FundPaths): void {
  fund.ledgers.forEach((ledger, p) => {
    if (ledger.length !== fund.years.length || ledger.some((y, i) => y.year !== fund.years[i])) {
      throw new RangeError(`fund paths (${fund.variant}, ${fund.scheme}): path ${p} does not cover the years ${fund.years.join(', ')}`);
    }
  });
}

const valuesOf = (fund: FundPaths, value: (y: FundYear) => number) => fund.ledgers.map((ledger) => ledger.map(value));

export type FundSummaryRow = { variant: string; scheme: Scheme; metric: string } & YearSummary;

export function fundByYear(fund: FundPaths): FundSummaryRow[] {
  checkPaths(fund);
  const ids = { variant: fund.variant, scheme: fund.scheme };
  return FUND_METRICS.flatMap(({ metric, value }) => perYearSummary(valuesOf(fund, value), fund.years).map((row) => ({ ...ids, metric, ...row })));
}

/**
 * Every number of the ledger (ledgerRows, fund/ledger.ts) under its name in fund_ledger_by_year, in the
 * ledger's order; yuan lines end in _yuan. Accumulated balances move by
 *   accumulated_balance_yuan = accumulated_balance_opening_yuan + current_balance_yuan
 *                              + reserve_deficit_cover_yuan + government_deficit_cover_yuan
 * and the opening of a year is the closing of the year before, on every path; current_balance_yuan is
 * pooled_income_yuan − expenditure_yuan, and pooled_income_yuan is income_yuan − transfer_to_accounts_yuan
 * − transfer_to_reserve_yuan. The account lines exist for the employee scheme only.
 */
export const LEDGER_LINES: Readonly<Record<string, string>> = {
  people: 'member_years',
  'income.employer': 'employer_contributions_yuan',
  'income.employee': 'employee_contributions_yuan',
  'income.retiree': 'retiree_contributions_yuan',
  'income.uncollected': 'uncollected_contributions_yuan',
  'income.arrearsRecovered': 'arrears_recovered_yuan',
  'income.lateFees': 'late_fees_yuan',
  'income.residentIndividual': 'resident_contributions_yuan',
  'income.fiscalSubsidy': 'fiscal_subsidy_yuan',
  'income.interest': 'fund_interest_yuan',
  'income.other': 'other_income_yuan',
  'income.supervisionRecovered': 'supervision_recovered_yuan',
  'income.supervisionFines': 'supervision_fines_yuan',
  'income.total': 'income_yuan',
  'allocation.toAccounts': 'transfer_to_accounts_yuan',
  'allocation.toReserve': 'transfer_to_reserve_yuan',
  pooledIncome: 'pooled_income_yuan',
  'expenditure.pooledPayments': 'pooled_payments_yuan',
  'expenditure.paymentDifference': 'payment_difference_yuan',
  'expenditure.seriousIllnessPremium': 'serious_illness_premium_yuan',
  'expenditure.other': 'other_expenditure_yuan',
  'expenditure.total': 'expenditure_yuan',
  currentBalance: 'current_balance_yuan',
  'deficitCover.deficit': 'deficit_yuan',
  'deficitCover.reserve': 'reserve_deficit_cover_yuan',
  'deficitCover.government': 'government_deficit_cover_yuan',
  'deficitCover.uncovered': 'uncovered_deficit_yuan',
  'accumulated.opening': 'accumulated_balance_opening_yuan',
  'accumulated.closing': 'accumulated_balance_yuan',
  monthsCovered: 'months_covered',
  'reserve.opening': 'reserve_opening_yuan',
  'reserve.allocation': 'reserve_allocation_yuan',
  'reserve.interest': 'reserve_interest_yuan',
  'reserve.cover': 'reserve_cover_paid_yuan',
  'reserve.closing': 'reserve_balance_yuan',
  'accounts.opening': 'accounts_opening_yuan',
  'accounts.credits': 'accounts_credits_yuan',
  'accounts.interest': 'accounts_interest_yuan',
  'accounts.spending': 'accounts_spending_yuan',
  'accounts.leavers': 'accounts_leavers_yuan',
  'accounts.closing': 'accounts_balance_yuan',
  'seriousIllness.opening': 'serious_illness_opening_yuan',
  'seriousIllness.premiumFromFund': 'serious_illness_premium_from_fund_yuan',
  'seriousIllness.premiumFromIndividuals': 'serious_illness_premium_from_individuals_yuan',
  'seriousIllness.payments': 'serious_illness_payments_yuan',
  'seriousIllness.closing': 'serious_illness_balance_yuan',
  'otherPayers.assistance': 'medical_assistance_yuan',
  'otherPayers.backstop': 'backstop_yuan',
};

/** A ledger key without a name in LEDGER_LINES still reaches the table, e.g. `income.newLine` → `income_new_line`. */
const lineName = (key: string) => LEDGER_LINES[key] ?? key.replace(/\./g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Each ledger line's values laid out [path][year] (yuan; months covered NaN without expenditure), in the
 * ledger's order. Lines a scheme does not have (accounts of the resident scheme) are left out.
 */
export function ledgerLinesByPath(fund: FundPaths): { line: string; values: number[][] }[] {
  checkPaths(fund);
  const rows = fund.ledgers.map(ledgerRows);
  // `accounts` alone is the resident scheme's null in place of the account lines.
  const keys = Object.keys(rows[0]?.[0] ?? {}).filter((key) => key !== 'year' && key !== 'accounts');
  return keys.map((key) => ({ line: lineName(key), values: rows.map((path) => path.map((row) => row[key] ?? NaN)) }));
}

export type FundLedgerRow = { variant: string; scheme: Scheme; line: string } & YearSummary;

/** Every ledger line per year across paths: mean, standard error, percentiles (fund_ledger_by_year). */
export function fundLedgerByYear(fund: FundPaths): FundLedgerRow[] {
  const ids = { variant: fund.variant, scheme: fund.scheme };
  return ledgerLinesByPath(fund).flatMap(({ line, values }) => perYearSummary(values, fund.years).map((row) => ({ ...ids, line, ...row })));
}

export type FundEventRow = {
  variant: string;
  scheme: Scheme;
  event: 'first_deficit' | 'depletion';
  from_year: number;
  to_year: number;
  paths: number;
  /** Paths where it happens within the horizon, and their share of all paths. */
  paths_with_event: number;
  share_of_paths: number;
  /** Over the paths where it happens (NaN, written empty, when none does). */
  earliest_year: number;
  median_year: number;
  latest_year: number;
};

/**
 * When the fund first runs a current-year deficit (当期赤字) and when its accumulated balance first falls
 * below zero (穿底), across paths: the share of paths where each happens within the horizon, and the
 * earliest, median and latest year among those paths (fund_events).
 */
export function fundEvents(fund: FundPaths): FundEventRow[] {
  checkPaths(fund);
  const ids = { variant: fund.variant, scheme: fund.scheme };
  const span = { from_year: fund.years[0]!, to_year: fund.years[fund.years.length - 1]! };
  const events = [
    { event: 'first_deficit' as const, yearOf: firstDeficitYear },
    { event: 'depletion' as const, yearOf: depletionYear },
  ];
  return events.map(({ event, yearOf }) => {
    const years = Float64Array.from(fund.ledgers.map(yearOf).filter((y): y is number => y !== null)).sort();
    return {
      ...ids,
      event,
      ...span,
      paths: fund.ledgers.length,
      paths_with_event: years.length,
      share_of_paths: years.length / fund.ledgers.length,
      earliest_year: years.length > 0 ? years[0]! : NaN,
      median_year: percentile(years, 0.5),
      latest_year: years.length > 0 ? years[years.length - 1]! : NaN,
    };
  });
}

export type FundRiskRow = { variant: string; scheme: Scheme; event: 'deficit' | 'depletion' } & YearProbability;

/** Deficit: current balance below zero in the year. Depletion: accumulated balance below zero at year end. */
export function fundRiskByYear(fund: FundPaths): FundRiskRow[] {
  checkPaths(fund);
  const ids = { variant: fund.variant, scheme: fund.scheme };
  const events = [
    { event: 'deficit' as const, happens: (y: FundYear) => y.currentBalance.lt(0) },
    { event: 'depletion' as const, happens: (y: FundYear) => y.accumulated.closing.lt(0) },
  ];
  return events.flatMap(({ event, happens }) =>
    probabilityByYear(
      fund.ledgers.map((ledger) => ledger.map(happens)),
      fund.years,
    ).map((row) => ({ ...ids, event, ...row })),
  );
}

function checkPair(reform: FundPaths, baseline: FundPaths): void {
  checkPaths(reform);
  checkPaths(baseline);
  const same = reform.scheme === baseline.scheme && reform.ledgers.length === baseline.ledgers.length && reform.years.join() === baseline.years.join();
  if (!same) {
    const describe = (f: FundPaths) => `${f.variant}/${f.scheme} (${f.ledgers.length} paths, ${f.years[0]}–${f.years[f.years.length - 1]})`;
    throw new RangeError(`cannot pair fund paths ${describe(reform)} with ${describe(baseline)}: scheme, paths and years must match`);
  }
}

export type FundPairedRow = { reform: string; baseline: string; scheme: Scheme; metric: string } & YearPaired;

/** Reform − baseline ledger lines per year, paired by path. */
export function fundCompareByYear(reform: FundPaths, baseline: FundPaths, alpha = 0.05): FundPairedRow[] {
  checkPair(reform, baseline);
  const ids = { reform: reform.variant, baseline: baseline.variant, scheme: reform.scheme };
  return FUND_METRICS.flatMap(({ metric, value }) =>
    pairedByYear(valuesOf(reform, value), valuesOf(baseline, value), reform.years, alpha).map((row) => ({ ...ids, metric, ...row })),
  );
}

/** Per path over the years given: flows summed, the balance at the end, depletion in any of them (0/1). */
const HORIZON_METRICS: readonly { metric: string; value: (ledger: readonly FundYear[]) => number; range?: Range }[] = [
  { metric: 'income_yuan', value: (l) => l.reduce((s, y) => s + y.income.total.toNumber(), 0) },
  { metric: 'expenditure_yuan', value: (l) => l.reduce((s, y) => s + y.expenditure.total.toNumber(), 0) },
  { metric: 'current_balance_yuan', value: (l) => l.reduce((s, y) => s + y.currentBalance.toNumber(), 0) },
  { metric: 'final_accumulated_balance_yuan', value: (l) => l[l.length - 1]!.accumulated.closing.toNumber() },
  { metric: 'depletion_probability', value: (l) => (l.some((y) => y.accumulated.closing.lt(0)) ? 1 : 0), range: SHARE },
];

export type FundPairedHorizonRow = { reform: string; baseline: string; scheme: Scheme; metric: string; from_year: number; to_year: number } & PairedColumns;

/** Reform − baseline over the horizon, from `fromYear` (the reform's first year in force; see firstYearIndex) if given. */
export function fundCompareOverHorizon(reform: FundPaths, baseline: FundPaths, alpha = 0.05, fromYear?: number): FundPairedHorizonRow[] {
  checkPair(reform, baseline);
  const ids = { reform: reform.variant, baseline: baseline.variant, scheme: reform.scheme };
  const first = firstYearIndex(reform.years, fromYear);
  const span = { from_year: reform.years[first]!, to_year: reform.years[reform.years.length - 1]! };
  const years = (f: FundPaths) => f.ledgers.map((ledger) => ledger.slice(first));
  return HORIZON_METRICS.map(({ metric, value, range }) => ({
    ...ids,
    metric,
    ...span,
    ...pairedColumns(years(reform).map(value), years(baseline).map(value), alpha, range),
  }));
}
