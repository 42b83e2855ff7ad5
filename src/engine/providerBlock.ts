/**
 * The outcome of the institution, payment and cash-flow models per (variant, path, year): one block of
 * PROVIDER_BLOCK cells in the cube (result.ts), written on the main thread when a path's chunks are all
 * merged (providerClearing.ts). Amounts are unweighted fen and counts of the simulated members, like the
 * aggregate blocks; tables apply the weight. Laid out as:
 *
 *   cash      [CASH_BLOCK]                         the merged cash-flow block (cashflow/aggregates.ts)
 *   payment   [scheme][PAYMENT_FIELDS]             what each fund pays institutions (payment/clearing.ts)
 *   months    [scheme][MONTH_LINES][CASH_MONTHS]   the fund's cash out by month from January of the care year
 *   groups    [INSTITUTION_GROUPS][GROUP_FIELDS]   institutions by type and level: lifecycle and money
 */
import { CASH_BLOCK } from '../cashflow/aggregates.js';
import { CASH_MONTHS } from '../cashflow/calendar.js';
import { LEVELS, SCHEMES } from '../policy/vocabulary.js';

export const PAYMENT_FIELDS = [
  /** Card-settled local care at its settled pooled amount (what fee for service pays), and what is paid for it. */
  'settled',
  'paid',
  /** Due under the methods, and quality deposits forfeited (paid = due − forfeited). */
  'due',
  'forfeited',
  /** Global budgets (prorated), the budgeted care's settled amount, surplus kept, overrun paid and not paid. */
  'budget',
  'budgetActual',
  'retained',
  'overrunPaid',
  'overrunUnpaid',
  /** Per-case (DRG/DIP) admissions: count, points, settled pooled amount, the fund's payment. */
  'cases',
  'casePoints',
  'caseItemized',
  'casePaid',
  /** Per-disease admissions: count, settled pooled amount, the fund's payment. */
  'diseaseCases',
  'diseaseItemized',
  'diseasePaid',
  /** Local claims with no open institution at their level (all, card-settled, and the latter's pooled fund). */
  'unassignedClaims',
  'unassignedCardClaims',
  'unassignedPooled',
  /** The out-of-area clearing account's advance (预付金) and its change in January. */
  'advance',
  'advanceChange',
  /** Fen per point (NaN: no per-case admissions). Not a sum: read per path-year. */
  'pointValue',
] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

/** Fund cash out by month: to institutions, to patients reimbursed after a self-advance, to the clearing account. */
export const MONTH_LINES = ['institutions', 'reimbursements', 'outOfAreaClearing'] as const;
export type MonthLine = (typeof MONTH_LINES)[number];

/** Designated hospitals by level, then designated pharmacies. */
export const INSTITUTION_GROUPS = [...LEVELS, 'pharmacy'] as const;
export const PHARMACY_GROUP = LEVELS.length;

export const GROUP_FIELDS = [
  /** Institutions in the pool (licensed candidates included), and those designated in December. */
  'institutions',
  'designated',
  /** Institution-months open to patients, and suspended. */
  'openMonths',
  'suspendedMonths',
  /** Lifecycle events of the year. */
  'suspensions',
  'terminations',
  'designations',
  'assessmentFailures',
  /** Claims treated (any channel) and their bill. */
  'patients',
  'bill',
  /** Card-settled care: its settled pooled amount, what the funds pay for it, and deposits forfeited. */
  'settled',
  'paid',
  'forfeited',
  /** Card-settled care: its 甲类 cost and its bill (the 甲类 share term's amounts). */
  'classA',
  'cardBill',
  /** Hospitals short of their level's 甲类 share, and those that failed the annual assessment for it. */
  'classAShareUnmet',
  'classAShareFailures',
  /** With the terms drawn (compliance.ts): hospitals short of the stocking rates, failed for it; below the positive-rate floor. */
  'drugAvailabilityUnmet',
  'drugAvailabilityFailures',
  'positiveRateUnmet',
  /** Art 17(二) positive-rate suspensions (drawn terms or the ground's chance). */
  'positiveRateSuspensions',
  /** Σ over hospitals of the share of the bill breaking the item-level terms (drawn terms); Art 17(一) chart-sample suspensions. */
  'itemsNonCompliant',
  'chartSampleSuspensions',
] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

const NPF = PAYMENT_FIELDS.length;
const NML = MONTH_LINES.length;
const NGF = GROUP_FIELDS.length;

export const PROVIDER_OFFSET = (() => {
  const cash = 0;
  const payment = cash + CASH_BLOCK;
  const months = payment + SCHEMES.length * NPF;
  const groups = months + SCHEMES.length * NML * CASH_MONTHS;
  const end = groups + INSTITUTION_GROUPS.length * NGF;
  return { cash, payment, months, groups, end };
})();
export const PROVIDER_BLOCK = PROVIDER_OFFSET.end;

export const paymentCell = (scheme: number, field: PaymentField) => PROVIDER_OFFSET.payment + scheme * NPF + PAYMENT_FIELDS.indexOf(field);
export const monthLineCell = (scheme: number, line: MonthLine, month: number) =>
  PROVIDER_OFFSET.months + (scheme * NML + MONTH_LINES.indexOf(line)) * CASH_MONTHS + month;
export const groupCell = (group: number, field: GroupField) => PROVIDER_OFFSET.groups + group * NGF + GROUP_FIELDS.indexOf(field);
