/**
 * A path-year's payments by one scheme's fund to institutions, from the merged payment sums (sums.ts): what each institution is
 * due under its methods, the monthly payments (declarations and budget prepayments, less the quality
 * deposit), the year-end clearing, and when the fund's cash leaves, by month from January of the care year.
 *
 *   monthly payment (paid `lagMonths` later) = declaration + budget prepayment − deposit withheld
 *   due = fee for service + global budget after clearing (globalBudget.ts) + per-case (perCase.ts) + per-disease
 *   clearing (paid in `clearingMonth`) = due − monthly payments − deposit forfeited (failed assessment or ended agreement)
 *
 * A global budget is prorated to the months the institution was open, and prepaid a twelfth (× the
 * prepayment share) in each open month. An institution without a budget (none given, or a negative one:
 * no history) is budgeted at its actual amount, which it is then paid (a neutral first year). Next year's
 * budget is this year's actual amount, annualised over the open months, grown by `budgetGrowth`.
 * Local claims with no open institution (sums.ts) are paid fee for service, `lagMonths` after their month,
 * with no deposit (there is no agreement to hold one under).
 */
import { applyRatio, BP } from '../money/fen.js';
import { Decimal } from '../money/decimal.js';
import { CASH_MONTHS, cashMonth } from '../cashflow/calendar.js';
import { STATUS } from '../institutions/vocabulary.js';
import type { PaymentAssumptions } from './assumptions.js';
import { clearGlobalBudget } from './globalBudget.js';
import { fixedPointValue, floatingPointValue, perCaseFundPayment } from './perCase.js';
import { declarationCell, FIELD, fieldCell, UNASSIGNED, unassignedCell, unassignedMonthCell } from './sums.js';

export interface ClearingInput {
  institutions: number;
  /** The scheme whose fund pays (SCHEMES code): each fund clears its own members' care. */
  scheme: number;
  /** Merged payment sums of the path-year. */
  sums: Float64Array;
  /** The pool's STATUS per [institution * 12 + month] (pool.ts). */
  monthly: Uint8Array;
  /** 1 where the institution's quality deposit is forfeited (pool.ts depositForfeits). */
  forfeits: Uint8Array;
  /** Annual global budget per institution (fen; negative: none); null: none for any. */
  budgets: Float64Array | null;
  /** The fund's per-case budget (fen); null: the cases' itemised pooled amount. */
  perCaseBudget: number | null;
}

export interface InstitutionPayments {
  /** Fund payments to institutions by month paid, from January of the care year (CASH_MONTHS; the last holds any later). */
  byMonth: Float64Array;
  /** What the care year costs the fund (deposits forfeited excluded), and the same care at fee for service. */
  total: number;
  feeForServiceEquivalent: number;
  /** Fen per point (null: no per-case admissions), and the fund's per-case payments at that value. */
  pointValue: Decimal | null;
  perCasePaid: number;
  /** Card-settled local claims with no open institution, paid fee for service: count and pooled fund. */
  unassigned: { claims: number; pooled: number };
  /** Per institution: due, paid monthly, forfeited deposit, clearing (can be negative: recovered). */
  due: Float64Array;
  paidMonthly: Float64Array;
  forfeited: Float64Array;
  clearing: Float64Array;
  /** Per institution global-budget clearing: budget after proration, surplus kept, overrun paid and not paid. */
  budget: Float64Array;
  retained: Float64Array;
  overrunPaid: Float64Array;
  overrunUnpaid: Float64Array;
  /** Budgets for the next year: per institution (global budget; -1: none) and the per-case fund budget. */
  nextBudgets: Float64Array;
  nextPerCaseBudget: number;
}

const round = (d: Decimal) => d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
/*
 * Shortcuts for the common cases, each the exact value of the decimal expression beside it (most of a path's
 * institutions have no budget, or points, or were open all year): the main thread clears every institution of
 * every path-year and fund, and it shares the cores with the workers.
 */
/** round(fen / 12 × share). */
const twelfth = (fen: number, share: number) => (fen === 0 ? 0 : round(new Decimal(fen).div(12).mul(share)));
/** round(fen × open / 12). */
const prorated = (fen: number, open: number) => (open === 12 ? fen : open === 0 ? 0 : round(new Decimal(fen).mul(open).div(12)));
/** round(fen × 12 / open), open > 0. */
const annualised = (fen: number, open: number) => (open === 12 ? fen : round(new Decimal(fen).mul(12).div(open)));

export function clearInstitutionsYear(a: PaymentAssumptions, input: ClearingInput): InstitutionPayments {
  const { institutions: n, scheme, sums, monthly, forfeits } = input;
  const { lagMonths, clearingMonth } = a.settlement;
  const depositBp = Math.round(a.settlement.qualityDeposit * BP);
  const growthBp = BP + Math.round(a.budgetGrowth * BP);
  const get = (i: number, f: number) => sums[fieldCell(n, scheme, i, f)]!;
  const get0 = (f: number) => sums[unassignedCell(n, scheme, f)]!;

  let points = 0;
  let other = 0;
  let itemized = 0;
  for (let i = 0; i < n; i++) {
    points += get(i, FIELD.casePoints);
    other += get(i, FIELD.caseOther);
    itemized += get(i, FIELD.caseItemized);
  }
  const fixed = a.methods.inpatient === 'drg' && a.drg.rate !== 'floating' ? a.drg.rate.fixed : null;
  const pointValue = fixed !== null ? fixedPointValue(fixed) : floatingPointValue(input.perCaseBudget ?? itemized, other, points);

  const r: InstitutionPayments = {
    byMonth: new Float64Array(CASH_MONTHS),
    total: 0,
    feeForServiceEquivalent: 0,
    pointValue,
    perCasePaid: 0,
    unassigned: { claims: get0(UNASSIGNED.cardClaims), pooled: get0(UNASSIGNED.pooled) },
    due: new Float64Array(n),
    paidMonthly: new Float64Array(n),
    forfeited: new Float64Array(n),
    clearing: new Float64Array(n),
    budget: new Float64Array(n),
    retained: new Float64Array(n),
    overrunPaid: new Float64Array(n),
    overrunUnpaid: new Float64Array(n),
    nextBudgets: new Float64Array(n),
    nextPerCaseBudget: 0,
  };
  let perCasePaid = 0;
  for (let i = 0; i < n; i++) {
    const actual = get(i, FIELD.budgeted);
    const given = input.budgets ? input.budgets[i]! : -1;
    let open = 0;
    for (let m = 0; m < 12; m++) if (monthly[i * 12 + m] === STATUS.active) open++;
    const prepay = twelfth(given >= 0 ? given : actual, a.globalBudget.prepayment);
    const budget = given >= 0 ? prorated(given, open) : actual;
    const g = clearGlobalBudget(budget, actual, a.globalBudget.surplus, a.globalBudget.overrun);
    const casePoints = get(i, FIELD.casePoints);
    // No points: the standard is 0 and the fund pays −(others' share), as perCaseFundPayment gives.
    const caseDue = !pointValue ? 0 : casePoints === 0 ? 0 - get(i, FIELD.caseOther) : perCaseFundPayment(pointValue, casePoints, get(i, FIELD.caseOther));
    perCasePaid += caseDue;
    const due = get(i, FIELD.feeForService) + g.annual + caseDue + get(i, FIELD.diseasePaid);

    let paid = 0;
    let withheld = 0;
    for (let m = 0; m < 12; m++) {
      const gross = sums[declarationCell(n, scheme, i, m)]! + (monthly[i * 12 + m] === STATUS.active ? prepay : 0);
      const w = applyRatio(gross, depositBp);
      withheld += w;
      paid += gross - w;
      r.byMonth[cashMonth(m + lagMonths)] += gross - w;
    }
    const forfeited = forfeits[i] ? withheld : 0;
    const clearing = due - forfeited - paid;
    r.byMonth[cashMonth(clearingMonth)] += clearing;
    r.due[i] = due;
    r.paidMonthly[i] = paid;
    r.forfeited[i] = forfeited;
    r.clearing[i] = clearing;
    r.budget[i] = g.budget;
    r.retained[i] = g.retained;
    r.overrunPaid[i] = g.overrunPaid;
    r.overrunUnpaid[i] = g.overrunUnpaid;
    r.nextBudgets[i] = actual > 0 && open > 0 ? applyRatio(annualised(actual, open), growthBp) : -1;
    r.total += due - forfeited;
    r.feeForServiceEquivalent += get(i, FIELD.feeForService) + actual + get(i, FIELD.caseItemized) + get(i, FIELD.diseaseItemized);
  }
  for (let m = 0; m < 12; m++) r.byMonth[cashMonth(m + lagMonths)] += sums[unassignedMonthCell(n, scheme, m)]!;
  r.total += r.unassigned.pooled;
  r.feeForServiceEquivalent += r.unassigned.pooled;
  r.perCasePaid = perCasePaid;
  r.nextPerCaseBudget = applyRatio(perCasePaid, growthBp);
  return r;
}
