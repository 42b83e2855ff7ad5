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

/** Monthly amounts of one care year, from its January (up to CASH_MONTHS of them). */
export interface CareYearLine {
  year: number;
  months: ArrayLike<number>;
}

/**
 * Care years laid over calendar months: out[(calendar year − firstYear) * 12 + month] for the calendar
 * years firstYear … lastYear (amounts falling outside are dropped).
 */
export function overCalendar(careYears: readonly CareYearLine[], firstYear: number, lastYear: number): Float64Array {
  const months = (lastYear - firstYear + 1) * 12;
  const out = new Float64Array(months);
  for (const cy of careYears) {
    const offset = (cy.year - firstYear) * 12;
    for (let m = 0; m < cy.months.length; m++) {
      const k = offset + m;
      if (k >= 0 && k < months) out[k] += cy.months[m]!;
    }
  }
  return out;
}

/** Every cash line of the care years laid over calendar months (see overCalendar); the advance's change falls in January. */
export function calendarCash(careYears: readonly CareYearCash[], firstYear: number, lastYear: number): Record<CashLine, Float64Array> {
  const line = (months: (cy: CareYearCash) => ArrayLike<number>) => overCalendar(careYears.map((cy) => ({ year: cy.year, months: months(cy) })), firstYear, lastYear);
  const january = (cy: CareYearCash) => Float64Array.of(cy.advanceChange);
  return {
    institutions: line((cy) => cy.institutions),
    reimbursements: line((cy) => cy.reimbursements),
    outOfAreaClearing: line((cy) => cy.outOfAreaClearing),
    advanceChange: line(january),
  };
}

/**
 * The care year before the first simulated one, standing in for it in the first calendar year: what it
 * pays then (late reimbursements, last year's clearing) is taken as the first care year's own tail, a
 * steady state. Its advance is the one held, so it changes nothing.
 */
export function priorCareYear(first: CareYearCash): CareYearCash {
  return { ...first, year: first.year - 1, advanceChange: 0 };
}
