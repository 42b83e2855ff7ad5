/**
 * A per-path solvency target for sizing: the path's accumulated balance never falls below zero (穿底)
 * and, when `minMonthsCovered` is set, covers at least that many months of expenditure at every year
 * end (可支付月数; a year without expenditure passes). With solvePerPath's allowedFailure = 0.05 this is
 * "probability of depletion or of fewer months within the horizon ≤ 5%": both conditions are judged per
 * path, so the probability is of failing either.
 */
import type { FundYear } from '../fund/ledger.js';

export interface FundTarget {
  minMonthsCovered?: number;
}

export function meetsFundTarget(years: readonly FundYear[], target: FundTarget = {}): boolean {
  const months = target.minMonthsCovered;
  return years.every((y) => !y.accumulated.closing.lt(0) && (months === undefined || y.monthsCovered === null || y.monthsCovered.gte(months)));
}
