/**
 * One scheme's fund cash out, month by month: to institutions (payment/clearing.ts), to patients
 * reimbursed after a self-advance (by month paid, not month of care), and to the clearing account for
 * out-of-area care settled directly, plus the clearing account's advance (预付金).
 *
 * A care year's lines run CASH_MONTHS from its January; `calendarCash` lays the care years over calendar
 * years, so a December claim reimbursed in February is cash of the next year. The advance is a transfer:
 * money still the fund's, held in the clearing account. It is a line of its own, not spending.
 */
import { Decimal } from '../money/decimal.js';
import type { CashflowAssumptions } from './assumptions.js';
import { monthCell } from './aggregates.js';
import { CASH_MONTHS, cashMonth } from './calendar.js';

export interface CareYearCash {
  year: number;
  /** Fund cash out per month from January of the care year (fen). */
  institutions: Float64Array;
  reimbursements: Float64Array;
  outOfAreaClearing: Float64Array;
  /** The clearing account's advance for the year, and its change, paid (or returned) in January. */
  advance: number;
  advanceChange: number;
}

/** The clearing account's advance: `advanceMonths` of last year's average month of direct out-of-area care. */
export function clearingAdvance(lastYearDirect: number, advanceMonths: number): number {
  return new Decimal(lastYearDirect).mul(advanceMonths).div(12).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * A care year's cash lines for one scheme from its cash block (aggregates.ts, at offset `at`) and its
 * institution payments by month. `lastYearDirect` is last year's direct out-of-area total and
 * `previousAdvance` the advance held so far (0 at the start).
 */
export function careYearCash(
  a: CashflowAssumptions,
  year: number,
  scheme: number,
  block: Float64Array,
  at: number,
  institutions: Float64Array,
  lastYearDirect: number,
  previousAdvance: number,
): CareYearCash {
  const reimbursements = new Float64Array(CASH_MONTHS);
  const outOfAreaClearing = new Float64Array(CASH_MONTHS);
  for (let m = 0; m < CASH_MONTHS; m++) {
    reimbursements[m] = block[at + monthCell('fund', scheme, m)]!;
    outOfAreaClearing[cashMonth(m + a.clearing.lagMonths)] += block[at + monthCell('direct', scheme, m)]!;
  }
  const advance = clearingAdvance(lastYearDirect, a.clearing.advanceMonths);
  return { year, institutions: Float64Array.from(institutions), reimbursements, outOfAreaClearing, advance, advanceChange: advance - previousAdvance };
}

/** The year's direct out-of-area total (next year's advance is set from it). */
export function directTotal(block: Float64Array, at: number, scheme: number): number {
  let total = 0;
  for (let m = 0; m < CASH_MONTHS; m++) total += block[at + monthCell('direct', scheme, m)]!;
  return total;
}

export const CASH_LINES = ['institutions', 'reimbursements', 'outOfAreaClearing', 'advanceChange'] as const;
export type CashLine = (typeof CASH_LINES)[number];

/**
 * Care years laid over calendar months: cash[line][(calendar year − firstYear) * 12 + month], for the
 * calendar years firstYear … lastYear (cash falling outside is dropped).
 */
export function calendarCash(careYears: readonly CareYearCash[], firstYear: number, lastYear: number): Record<CashLine, Float64Array> {
  const months = (lastYear - firstYear + 1) * 12;
  const out = Object.fromEntries(CASH_LINES.map((l) => [l, new Float64Array(months)])) as Record<CashLine, Float64Array>;
  for (const cy of careYears) {
    const offset = (cy.year - firstYear) * 12;
    const put = (line: CashLine, m: number, fen: number) => {
      const k = offset + m;
      if (k >= 0 && k < months) out[line][k] += fen;
    };
    for (let m = 0; m < CASH_MONTHS; m++) {
      put('institutions', m, cy.institutions[m]!);
      put('reimbursements', m, cy.reimbursements[m]!);
      put('outOfAreaClearing', m, cy.outOfAreaClearing[m]!);
    }
    put('advanceChange', 0, cy.advanceChange);
  }
  return out;
}
