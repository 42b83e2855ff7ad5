/**
 * Per-year Monte Carlo tables from values laid out [path][year]: the same code serves the claims side
 * (read from a simulation cube) and the fund side (one ledger per path).
 */
import { pairedColumns, summaryColumns, type PairedColumns, type SummaryColumns } from './acrossPaths.js';
import { wilsonInterval } from './stats.js';

export type YearSummary = { year: number } & SummaryColumns;
export type YearPaired = { year: number } & PairedColumns;

export interface YearProbability {
  year: number;
  /** Share of paths where the event happens in this year. */
  probability: number;
  /** Share of paths where it has happened in this or an earlier year. */
  probability_so_far: number;
  paths: number;
  /** 95% Wilson intervals of the two shares: a share of paths is a proportion, and 0 of 20 paths is not 0 for sure. */
  probability_ci_low: number;
  probability_ci_high: number;
  probability_so_far_ci_low: number;
  probability_so_far_ci_high: number;
}

function checkShape(what: string, rows: readonly (ArrayLike<unknown>)[], years: readonly number[]): void {
  if (rows.length === 0) throw new RangeError(`${what}: no paths`);
  rows.forEach((row, p) => {
    if (row.length !== years.length) throw new RangeError(`${what}: path ${p} has ${row.length} values for ${years.length} years`);
  });
}

const yearColumn = <T>(rows: readonly (readonly T[])[], y: number): T[] => rows.map((row) => row[y]!);

/** For each year: mean, standard error, p5…p95 across paths (non-finite values left out). */
export function perYearSummary(values: readonly (readonly number[])[], years: readonly number[]): YearSummary[] {
  checkShape('perYearSummary', values, years);
  return years.map((year, y) => ({ year, ...summaryColumns(yearColumn(values, y)) }));
}

/** For each year: the probability of an event across paths (e.g. a deficit, a depleted balance). */
export function probabilityByYear(flags: readonly (readonly boolean[])[], years: readonly number[]): YearProbability[] {
  checkShape('probabilityByYear', flags, years);
  const happened = new Array<boolean>(flags.length).fill(false);
  return years.map((year, y) => {
    let now = 0;
    flags.forEach((row, p) => {
      if (row[y]) {
        now++;
        happened[p] = true;
      }
    });
    const soFar = happened.filter(Boolean).length;
    const inYear = wilsonInterval(now, flags.length);
    const untilNow = wilsonInterval(soFar, flags.length);
    return {
      year,
      probability: now / flags.length,
      probability_so_far: soFar / flags.length,
      paths: flags.length,
      probability_ci_low: inYear.lo,
      probability_ci_high: inYear.hi,
      probability_so_far_ci_low: untilNow.lo,
      probability_so_far_ci_high: untilNow.hi,
    };
  });
}

/** For each year: the paired difference reform − baseline over the same paths, with its confidence interval. */
export function pairedByYear(
  reform: readonly (readonly number[])[],
  baseline: readonly (readonly number[])[],
  years: readonly number[],
  alpha = 0.05,
): YearPaired[] {
  checkShape('pairedByYear (reform)', reform, years);
  checkShape('pairedByYear (baseline)', baseline, years);
  if (reform.length !== baseline.length) throw new RangeError(`pairedByYear: ${reform.length} reform paths vs ${baseline.length} baseline paths`);
  return years.map((year, y) => ({ year, ...pairedColumns(yearColumn(reform, y), yearColumn(baseline, y), alpha) }));
}
