/**
 * Reading a result's tables into the rows the charts and the report need, and into headline numbers.
 */
import type { OopBinRow, PercentileRow, ReformDeltaRow, ReimbursementRow } from '../charts/index.js';
import type { InstitutionPaymentRow } from '../charts/institutionPayments.js';
import type { MonthlyCashRow } from '../charts/monthlyCash.js';
import { paymentReformed } from '../payment/assumptions.js';
import type { GainersLosersRow } from '../charts/gainersLosers.js';
import { termLabel } from '../charts/format.js';
import type { Scheme } from '../policy/vocabulary.js';
import type { ScenarioResult } from './scenarioRun.js';

type Row = Record<string, unknown>;

const rowsOf = (r: ScenarioResult, table: string): Row[] => (r.tables[table] ?? []) as Row[];
const num = (row: Row | undefined, key: string) => Number(row?.[key] ?? NaN);

/** Percentile rows of a fund metric (fund_by_year) for one variant and scheme; yuan metrics in 亿元 if asked. */
export function fundPercentiles(r: ScenarioResult, scheme: Scheme, metric: string, variant = 'baseline', scale = 1): PercentileRow[] {
  return rowsOf(r, 'fund_by_year')
    .filter((x) => x.variant === variant && x.scheme === scheme && x.metric === metric && Number.isFinite(num(x, 'p50')))
    .map((x) => ({ year: num(x, 'year'), p5: num(x, 'p5') * scale, p25: num(x, 'p25') * scale, p50: num(x, 'p50') * scale, p75: num(x, 'p75') * scale, p95: num(x, 'p95') * scale }));
}

/** Probability that the scheme's fund has been depleted (穿底) by each year, with its 95% interval and the paths it rests on. */
export function depletionByYear(r: ScenarioResult, scheme: Scheme, variant = 'baseline'): { year: number; probability: number; lo: number; hi: number; paths: number }[] {
  return rowsOf(r, 'fund_risk_by_year')
    .filter((x) => x.variant === variant && x.scheme === scheme && x.event === 'depletion')
    .map((x) => ({ year: num(x, 'year'), probability: num(x, 'probability_so_far'), lo: num(x, 'probability_so_far_ci_low'), hi: num(x, 'probability_so_far_ci_high'), paths: num(x, 'paths') }));
}

/** Mean reimbursement ratios by scheme, setting and level in a year (cells with no claims left out). */
export function ratioRows(r: ScenarioResult, year: number, variant = 'baseline'): ReimbursementRow[] {
  const cells = rowsOf(r, 'claims_by_year').filter(
    (x) => x.variant === variant && x.year === year && x.person_type === 'all' && x.scheme !== 'all' && x.setting !== 'all' && x.level !== 'all',
  );
  const key = (x: Row) => `${String(x.scheme)}|${String(x.setting)}|${String(x.level)}`;
  const actual = new Map(cells.filter((x) => x.metric === 'actual_ratio').map((x) => [key(x), num(x, 'mean')]));
  return cells
    .filter((x) => x.metric === 'policy_range_ratio' && Number.isFinite(num(x, 'mean')) && Number.isFinite(actual.get(key(x)) ?? NaN))
    .map((x) => ({ group: String(x.scheme), setting: String(x.setting), level: String(x.level), policyRange: num(x, 'mean'), actual: actual.get(key(x))! }));
}

/** A claims metric's mean across paths for a group (scheme, person type, setting, level: 'all' for every one). */
export function claimsMean(r: ScenarioResult, metric: string, year: number, where: Partial<Record<'scheme' | 'person_type' | 'setting' | 'level', string>> = {}, variant = 'baseline'): number {
  const row = rowsOf(r, 'claims_by_year').find(
    (x) =>
      x.variant === variant &&
      x.metric === metric &&
      x.year === year &&
      x.scheme === (where.scheme ?? 'all') &&
      x.person_type === (where.person_type ?? 'all') &&
      x.setting === (where.setting ?? 'all') &&
      x.level === (where.level ?? 'all'),
  );
  return num(row, 'mean');
}

/** Whether a scheme has any member in any year (a single-scheme scenario leaves the other empty). */
export function schemeHasMembers(r: ScenarioResult, scheme: string, variant = 'baseline'): boolean {
  return rowsOf(r, 'members_by_year').some(
    (x) => x.variant === variant && x.metric === 'member_years' && x.scheme === scheme && x.person_type === 'all' && x.age_band === 'all' && num(x, 'mean') > 0,
  );
}

/** The member-year out-of-pocket histogram of a year, per scheme with members (mean member-years per bin across paths). */
export function oopRows(r: ScenarioResult, year: number, variant = 'baseline'): OopBinRow[] {
  return rowsOf(r, 'oop_histogram_by_year')
    .filter((x) => x.variant === variant && x.year === year && x.scheme !== 'all' && Number.isFinite(num(x, 'to_yuan')) && schemeHasMembers(r, String(x.scheme), variant))
    .map((x) => ({ from: num(x, 'from_yuan'), to: num(x, 'to_yuan'), count: num(x, 'mean'), group: String(x.scheme) }));
}

/**
 * The years a reform's over-horizon figures cover (from_year–to_year of its rows: from its first year in force)
 * and its startYear when dated; the run's years when there are no rows.
 */
export function reformYears(r: ScenarioResult, reform: string): { from: number; to: number; startYear?: number } {
  const row = rowsOf(r, 'reform_fund_over_horizon').find((x) => x.reform === reform);
  const years = r.spec.years;
  const startYear = r.reforms.find((f) => f.id === reform)?.startYear;
  return { from: row ? num(row, 'from_year') : years[0]!, to: row ? num(row, 'to_year') : years[years.length - 1]!, ...(startYear !== undefined ? { startYear } : {}) };
}

/** "over 2022–2023", or "in 2023" for one year. */
export const yearsText = ({ from, to }: { from: number; to: number }) => (from === to ? `in ${from}` : `over ${from}–${to}`);

/**
 * When a reform is in force, in words: "in force from 2022" for one dated after the run's first year; for one
 * dated after its last, that it changes nothing in this run; '' for one in force throughout.
 */
export function inForceText(r: ScenarioResult, reform: string): string {
  const { to, startYear } = reformYears(r, reform);
  if (startYear === undefined || startYear <= r.spec.years[0]!) return '';
  return startYear > to ? `in force from ${startYear}, after the run's last year (${to}): it changes nothing in this run` : `in force from ${startYear}`;
}

/** The reform_fund_over_horizon lines shown, in words (亿元). */
const REFORM_FUND_LINES: Readonly<Record<string, (scheme: string) => string>> = {
  expenditure_yuan: (s) => `${s} fund expenditure`,
  current_balance_yuan: (s) => `${s} current-year balances (当期结余), summed`,
  final_accumulated_balance_yuan: (s) => `${s} accumulated balance (累计结余) at the end`,
};
const WHOSE: Readonly<Record<string, string>> = { all: 'everyone’s', employee: 'employees’', resident: 'residents’' };

/** A reform's change in one measure: the chart's row, with the scheme ('all': everyone) and the table's metric. */
export type ReformChangeRow = ReformDeltaRow & { scheme: string; measure: string };

/**
 * Reform − baseline over the years the reform is in force (reformYears), with confidence intervals: fund lines
 * (亿元) and burden per member-year (yuan), labelled in words. A scheme without members has no lines (its changes
 * are 0 by construction), nor has everyone's burden when only one scheme has members (it is that scheme's).
 * With one path the intervals are not identified: lo and hi are NaN.
 */
export function reformDeltaRows(r: ScenarioResult, reform: string): ReformChangeRow[] {
  const populated = ['employee', 'resident'].filter((scheme) => schemeHasMembers(r, scheme));
  const shown = (scheme: string) => (scheme === 'all' ? populated.length > 1 : populated.includes(scheme));
  const fund = rowsOf(r, 'reform_fund_over_horizon')
    .filter((x) => x.reform === reform && String(x.metric) in REFORM_FUND_LINES && shown(String(x.scheme)))
    .map((x) => ({
      metric: REFORM_FUND_LINES[String(x.metric)]!(String(x.scheme)),
      scheme: String(x.scheme),
      measure: String(x.metric),
      delta: num(x, 'difference') / 1e8,
      lo: num(x, 'ci_low') / 1e8,
      hi: num(x, 'ci_high') / 1e8,
      unit: '亿元',
    }));
  const burden = rowsOf(r, 'reform_claims_over_horizon')
    .filter((x) => x.reform === reform && x.metric === 'out_of_pocket_per_member_yuan' && x.person_type === 'all' && x.setting === 'all' && x.level === 'all' && shown(String(x.scheme)))
    .map((x) => ({
      metric: `${WHOSE[String(x.scheme)] ?? String(x.scheme)} out-of-pocket per member-year`,
      scheme: String(x.scheme),
      measure: String(x.metric),
      delta: num(x, 'difference'),
      lo: num(x, 'ci_low'),
      hi: num(x, 'ci_high'),
      unit: 'yuan',
    }));
  return [...fund, ...burden].filter((x) => Number.isFinite(x.delta));
}

/** A reform's change in a scheme's policy-range inpatient ratio (政策范围内住院报销比例) over its years in force, as shares. */
export interface RatioChangeRow {
  scheme: string;
  baseline: number;
  reform: number;
  delta: number;
  /** NaN with one path. */
  lo: number;
  hi: number;
}

/** The policy-range inpatient ratio, baseline and reform, with the paired change, for each scheme with members. */
export function reformRatioRows(r: ScenarioResult, reform: string): RatioChangeRow[] {
  return rowsOf(r, 'reform_claims_over_horizon')
    .filter((x) => x.reform === reform && x.metric === 'policy_range_ratio' && x.setting === 'inpatient' && x.level === 'all' && x.person_type === 'all' && x.scheme !== 'all')
    .filter((x) => schemeHasMembers(r, String(x.scheme)))
    .map((x) => ({ scheme: String(x.scheme), baseline: num(x, 'baseline_mean'), reform: num(x, 'reform_mean'), delta: num(x, 'difference'), lo: num(x, 'ci_low'), hi: num(x, 'ci_high') }))
    .filter((x) => Number.isFinite(x.delta));
}

/**
 * The change in a scheme's deficit cover from the reserve and the government (yuan, mean across paths, summed over
 * the years): with the current-year balances it makes the change in the accumulated balance, which on every path
 * moves by current balance + reserve cover + government cover (fund_ledger_by_year).
 */
export function deficitCoverChange(r: ScenarioResult, reform: string, scheme: Scheme): number {
  const cover = (variant: string) =>
    rowsOf(r, 'fund_ledger_by_year')
      .filter((x) => x.variant === variant && x.scheme === scheme && (x.line === 'reserve_deficit_cover_yuan' || x.line === 'government_deficit_cover_yuan'))
      .reduce((s, x) => s + num(x, 'mean'), 0);
  return cover(reform) - cover('baseline');
}

/** Whether the run pays some care otherwise than fee for service. */
export function paymentIsReformed(r: ScenarioResult): boolean {
  return paymentReformed(r.scenario.scenario.payment);
}

/** A provider table's mean across paths for one variant and year, the rest of the row picked by `where`. */
function providerMean(r: ScenarioResult, table: string, metric: string, year: number, where: Row, variant: string): number {
  const row = rowsOf(r, table).find((x) => x.variant === variant && x.metric === metric && x.year === year && Object.entries(where).every(([k, v]) => x[k] === v));
  return num(row, 'mean');
}

/** A payment_by_year mean (scheme: a fund, or 'all'). */
export function paymentMean(r: ScenarioResult, metric: string, year: number, scheme = 'all', variant = 'baseline'): number {
  return providerMean(r, 'payment_by_year', metric, year, { scheme }, variant);
}

/** An institutions_by_year mean for an institution group (a hospital level, 'pharmacy', 'hospitals' or 'all'). */
export function institutionMean(r: ScenarioResult, metric: string, year: number, group = 'all', variant = 'baseline'): number {
  return providerMean(r, 'institutions_by_year', metric, year, { institution_group: group }, variant);
}

/** A channels_by_year mean (setting and cause: one of theirs, or 'all'). */
export function channelMean(r: ScenarioResult, metric: string, year: number, where: { scheme?: string; setting?: string; cause?: string } = {}, variant = 'baseline'): number {
  return providerMean(r, 'channels_by_year', metric, year, { scheme: where.scheme ?? 'all', setting: where.setting ?? 'all', cause: where.cause ?? 'all' }, variant);
}

/** What each kind of institution was paid against what its care settled at, in a year (mean across paths). */
export function institutionPaymentRows(r: ScenarioResult, year: number, variant = 'baseline'): InstitutionPaymentRow[] {
  return ['tertiary', 'secondary', 'primary', 'community', 'pharmacy']
    .map((group) => ({ group, settled: institutionMean(r, 'settled_yuan', year, group, variant), paid: institutionMean(r, 'fund_paid_yuan', year, group, variant) }))
    .filter((x) => x.settled > 0 && Number.isFinite(x.paid));
}

const CASH_CHART_LINES: Record<string, string> = {
  institutions_yuan: 'institutions',
  reimbursements_yuan: 'patients reimbursed',
  out_of_area_clearing_yuan: 'out-of-area clearing',
  advance_change_yuan: 'clearing advance',
};

/** A calendar year's cash out by month and line (mean across paths) for a fund, or 'all'. */
export function monthlyCashRows(r: ScenarioResult, year: number, scheme = 'all', variant = 'baseline'): MonthlyCashRow[] {
  return rowsOf(r, 'cashflow_by_month')
    .filter((x) => x.variant === variant && x.scheme === scheme && x.year === year && String(x.metric) in CASH_CHART_LINES)
    .map((x) => ({ month: `${year}-${String(num(x, 'month')).padStart(2, '0')}`, line: CASH_CHART_LINES[String(x.metric)]!, yuan: num(x, 'mean') }));
}

/** A cashflow_by_month metric's means across paths for the twelve months of a calendar year. */
export function cashMonthMeans(r: ScenarioResult, metric: string, year: number, scheme = 'all', variant = 'baseline'): number[] {
  const rows = rowsOf(r, 'cashflow_by_month').filter((x) => x.variant === variant && x.scheme === scheme && x.year === year && x.metric === metric);
  return Array.from({ length: 12 }, (_, m) => num(rows.find((x) => num(x, 'month') === m + 1), 'mean'));
}

/**
 * Who gains and who loses from a reform over the horizon (gainers_losers_* tables, means across paths) among the
 * members of `scheme` ('all': everyone): by person type, by age band and by care setting. Groups without
 * member-years are left out.
 */
export function gainersLosersRows(r: ScenarioResult, reform: string, scheme: Scheme | 'all' = 'all'): GainersLosersRow[] {
  const collect = (table: string, dimension: string, keep: (x: Row) => boolean, group: (x: Row) => string): GainersLosersRow[] => {
    const rows = rowsOf(r, table).filter((x) => x.variant === reform && keep(x));
    const byGroup = new Map<string, Record<string, number>>();
    for (const x of rows) {
      const g = group(x);
      byGroup.set(g, { ...byGroup.get(g), [String(x.metric)]: num(x, 'mean') });
    }
    return [...byGroup]
      .map(([g, m]) => ({ dimension, group: g, gainers: m.gainers_share ?? NaN, losers: m.losers_share ?? NaN, change: m.oop_change_per_member_yuan ?? NaN }))
      .filter((x) => [x.gainers, x.losers, x.change].every(Number.isFinite));
  };
  const named = (key: string) => (x: Row) => termLabel(String(x[key]));
  return [
    ...collect('gainers_losers_over_horizon', 'person type', (x) => x.person_type !== 'all' && (scheme === 'all' || x.scheme === scheme) && x.age_band === 'all', named('person_type')),
    ...collect('gainers_losers_over_horizon', 'age band', (x) => x.scheme === scheme && x.person_type === 'all' && x.age_band !== 'all', (x) => String(x.age_band)),
    ...collect('gainers_losers_by_setting_over_horizon', 'setting', (x) => x.scheme === scheme && x.person_type === 'all', named('setting')),
  ];
}
