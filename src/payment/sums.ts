/**
 * What workers add up for provider payment: per institution, integer sums (fen, counts, points) over the
 * year's card-settled local claims, so chunks merge by addition (engine/aggregates.ts addInto) and the
 * year-end clearing (clearing.ts) runs once per path-year on the merged sums. Self-advanced claims are
 * left out (the patient paid the institution; the fund reimburses the patient: see cashflow/), and so is
 * care out of the area (the clearing account pays for it).
 *
 * Each scheme's fund pays for its own members, so the sums are kept per scheme. Layout for n institutions,
 * per scheme: a row of ROW cells per institution holding its INSTITUTION_FIELDS and its 12 monthly
 * declarations (what the institution claims for the month: fee-for-service amounts, per-case admissions at
 * their itemised pooled amount (预结算), per-disease payments; budgets are prepaid, not declared). A claim adds
 * into one institution's fields and one of its months, so a row keeps them in adjacent cache lines: the
 * fields every card-settled claim adds to (ROW_PLACE), then the months, then the admissions' fields. (With the
 * months in a block of their own, a claim missed the cache twice in a 0.3 MB table: addPayments ≈ 20 → 16 ns.)
 *
 * After the institutions, per scheme, UNASSIGNED_FIELDS and 12 monthly declarations: local claims with no
 * open institution of their level (none in the table, or all closed). They are counted, and card-settled
 * ones are paid fee for service (their settled pooled amount, declared in the month of care), so no
 * pooled-fund amount drops out of the fund's cash.
 *
 * A case, as payment needs it: its institution, month of care, setting, group (admissions), bill and the
 * settled pooled-fund amount; `other` = bill − pooled fund is what the patient and the other payers
 * bear under item-based settlement, which per-case payment leaves as it is.
 */
import { PERSON_TYPES, SCHEMES, schemeOf, SETTINGS } from '../policy/vocabulary.js';
import { OUT, OUT_STRIDE } from '../settlement/columns.js';
import { InputError } from '../input/inputError.js';
import { yuanToFen } from '../money/fen.js';
import { monthsFromJanuary } from '../cashflow/calendar.js';
import type { ClaimView, MemberKeys } from '../institutions/views.js';
import { NO_INSTITUTION } from '../institutions/vocabulary.js';
import type { PaymentAssumptions, PaymentMethod } from './assumptions.js';
import { PAYMENT_METHODS } from './assumptions.js';
import type { CaseGroups } from './groups.js';

export const INSTITUTION_FIELDS = [
  /** Every local claim treated at the institution (card-settled or self-advanced), and its bill. */
  'treated',
  'treatedBill',
  /** Card-settled claims, their bill and 甲类 cost. */
  'claims',
  'bill',
  'classA',
  /** Pooled fund of fee-for-service claims. */
  'feeForService',
  /** Pooled fund of claims under the global budget. */
  'budgeted',
  /** Per-case (DRG/DIP) admissions: count, points, others' share, itemised pooled fund. */
  'cases',
  'casePoints',
  'caseOther',
  'caseItemized',
  /** Per-disease admissions: count, fund payment (standard − others' share, at least 0), itemised pooled fund. */
  'diseaseCases',
  'diseasePaid',
  'diseaseItemized',
] as const;
export const FIELD = Object.fromEntries(INSTITUTION_FIELDS.map((f, i) => [f, i])) as Record<(typeof INSTITUTION_FIELDS)[number], number>;
const NF = INSTITUTION_FIELDS.length;
/** Local claims with no open institution: all of them, the card-settled ones, and the latter's pooled fund. */
export const UNASSIGNED_FIELDS = ['claims', 'cardClaims', 'pooled'] as const;
export const UNASSIGNED = Object.fromEntries(UNASSIGNED_FIELDS.map((f, i) => [f, i])) as Record<(typeof UNASSIGNED_FIELDS)[number], number>;
const NU = UNASSIGNED_FIELDS.length;

/** Cells of an institution's row: its fields and its months. */
const ROW = NF + 12;
/** Where the months start in a row: after the fields a fee-for-service claim adds to (treated … budgeted). */
const MONTHS_AT = FIELD.budgeted + 1;
/** Each field's cell in a row: those up to budgeted before the months, the admissions' fields after them. */
const ROW_PLACE = Int32Array.from(INSTITUTION_FIELDS, (_, f) => (f < MONTHS_AT ? f : f + 12));
const schemeLength = (institutions: number) => institutions * ROW + NU + 12;
export const paymentSumsLength = (institutions: number) => SCHEMES.length * schemeLength(institutions);
const schemeBase = (institutions: number, scheme: number) => scheme * schemeLength(institutions);
const rowCell = (institutions: number, scheme: number, institution: number) => schemeBase(institutions, scheme) + institution * ROW;
export const fieldCell = (institutions: number, scheme: number, institution: number, field: number) => rowCell(institutions, scheme, institution) + ROW_PLACE[field]!;
export const declarationCell = (institutions: number, scheme: number, institution: number, month: number) =>
  rowCell(institutions, scheme, institution) + MONTHS_AT + month;
export const unassignedCell = (institutions: number, scheme: number, field: number) => schemeBase(institutions, scheme) + institutions * ROW + field;
/** Monthly declarations of the card-settled unassigned claims (fee for service). */
export const unassignedMonthCell = (institutions: number, scheme: number, month: number) => unassignedCell(institutions, scheme, NU + month);

/** One field per institution, both schemes' funds added (an institution has one agreement for both). */
export function institutionTotals(sums: Float64Array, institutions: number, field: number): Float64Array {
  const out = new Float64Array(institutions);
  for (let scheme = 0; scheme < SCHEMES.length; scheme++) for (let i = 0; i < institutions; i++) out[i] += sums[fieldCell(institutions, scheme, i, field)]!;
  return out;
}

export function allocatePaymentSums(institutions: number): Float64Array {
  return new Float64Array(paymentSumsLength(institutions));
}

/** Payment assumptions as codes: method per setting, per-disease standard (fen) per group or -1. */
export interface CompiledPayment {
  method: Uint8Array;
  diseaseStandard: Float64Array;
}

export const METHOD = Object.fromEntries(PAYMENT_METHODS.map((m, i) => [m, i])) as Record<PaymentMethod, number>;

export function compilePayment(a: PaymentAssumptions, groups: CaseGroups, file = 'scenario'): CompiledPayment {
  const method = Uint8Array.from(SETTINGS, (s) => METHOD[a.methods[s]]);
  const diseaseStandard = new Float64Array(groups.length).fill(-1);
  const problems = a.perDisease.flatMap((d, i) => {
    const g = groups.code.indexOf(d.group);
    if (g >= 0) diseaseStandard[g] = yuanToFen(d.standard);
    return g >= 0 ? [] : [{ file, path: ['perDisease', i, 'group'], value: d.group, message: `not a group of ${groups.file}` }];
  });
  if (problems.length > 0) throw new InputError(problems);
  return { method, diseaseStandard };
}

const INPATIENT = SETTINGS.indexOf('inpatient');
const LOCAL = 0;
const DRG = METHOD.drg;
const DIP = METHOD.dip;
const GLOBAL_BUDGET = METHOD.globalBudget;
const SCHEME_OF_TYPE = Uint8Array.from(PERSON_TYPES, (t) => SCHEMES.indexOf(schemeOf(t)));
// Field offsets and codes as plain constants for addPayments' per-claim loop (an exported object is re-read at each use).
const F_TREATED = ROW_PLACE[FIELD.treated]!;
const F_TREATED_BILL = ROW_PLACE[FIELD.treatedBill]!;
const F_CLAIMS = ROW_PLACE[FIELD.claims]!;
const F_BILL = ROW_PLACE[FIELD.bill]!;
const F_CLASS_A = ROW_PLACE[FIELD.classA]!;
const F_FEE_FOR_SERVICE = ROW_PLACE[FIELD.feeForService]!;
const F_BUDGETED = ROW_PLACE[FIELD.budgeted]!;
const F_CASES = ROW_PLACE[FIELD.cases]!;
const F_CASE_POINTS = ROW_PLACE[FIELD.casePoints]!;
const F_CASE_OTHER = ROW_PLACE[FIELD.caseOther]!;
const F_CASE_ITEMIZED = ROW_PLACE[FIELD.caseItemized]!;
const F_DISEASE_CASES = ROW_PLACE[FIELD.diseaseCases]!;
const F_DISEASE_PAID = ROW_PLACE[FIELD.diseasePaid]!;
const F_DISEASE_ITEMIZED = ROW_PLACE[FIELD.diseaseItemized]!;
const POOLED = OUT.pooledFund;
const NONE = NO_INSTITUTION;

/**
 * Add a year's settled claims (settlement results `out`, OUT_STRIDE per claim) into `sums`; out-of-area
 * care is left out (the clearing account pays for it). `institution` from assign.ts, `group` from groups.ts (NO_GROUP outside admissions), `channel` from cashflow/channel.ts
 * (0 = card swipe).
 */
export function addPayments(
  sums: Float64Array,
  institutions: number,
  p: CompiledPayment,
  groups: CaseGroups,
  year: number,
  members: Pick<MemberKeys, 'type'>,
  claims: ClaimView,
  out: Float64Array,
  institution: Int32Array,
  group: Int16Array,
  channel: Uint8Array,
): void {
  const { person, setting, location, classA, classB, classC, day } = claims;
  const memberType = members.type;
  const { method, diseaseStandard } = p;
  const points = groups.points;
  for (let c = 0; c < claims.length; c++) {
    if (location[c] !== LOCAL) continue;
    const i = institution[c]!;
    const card = channel[c] === 0;
    const bill = classA[c]! + classB[c]! + classC[c]!;
    const pooled = out[c * OUT_STRIDE + POOLED]!;
    const scheme = SCHEME_OF_TYPE[memberType[person[c]!]!]!;
    if (i === NONE) {
      sums[unassignedCell(institutions, scheme, UNASSIGNED.claims)] += 1;
      if (!card) continue;
      sums[unassignedCell(institutions, scheme, UNASSIGNED.cardClaims)] += 1;
      sums[unassignedCell(institutions, scheme, UNASSIGNED.pooled)] += pooled;
      sums[unassignedMonthCell(institutions, scheme, monthsFromJanuary(year, day[c]!))] += pooled;
      continue;
    }
    const at = rowCell(institutions, scheme, i);
    sums[at + F_TREATED] += 1;
    sums[at + F_TREATED_BILL] += bill;
    if (!card) continue;
    const st = setting[c]!;
    sums[at + F_CLAIMS] += 1;
    sums[at + F_BILL] += bill;
    sums[at + F_CLASS_A] += classA[c]!;
    const m = method[st]!;
    const g = group[c]!;
    let declared = pooled;
    if (st === INPATIENT && g >= 0 && diseaseStandard[g]! >= 0) {
      declared = Math.max(0, diseaseStandard[g]! - (bill - pooled));
      sums[at + F_DISEASE_CASES] += 1;
      sums[at + F_DISEASE_PAID] += declared;
      sums[at + F_DISEASE_ITEMIZED] += pooled;
    } else if (st === INPATIENT && g >= 0 && (m === DRG || m === DIP)) {
      sums[at + F_CASES] += 1;
      sums[at + F_CASE_POINTS] += points[g]!;
      sums[at + F_CASE_OTHER] += bill - pooled;
      sums[at + F_CASE_ITEMIZED] += pooled;
    } else if (m === GLOBAL_BUDGET) {
      sums[at + F_BUDGETED] += pooled;
      continue;
    } else {
      sums[at + F_FEE_FOR_SERVICE] += pooled;
    }
    sums[at + MONTHS_AT + monthsFromJanuary(year, day[c]!)] += declared;
  }
}
