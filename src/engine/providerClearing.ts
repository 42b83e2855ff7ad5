/**
 * A path's year-end step on the main thread, once every chunk of the path is merged: for each variant and
 * scheme the institutions are cleared year by year (global budgets and the per-case budget carry over
 * from one year to the next), the fund's cash is laid out by month, and the pool's lifecycle is counted by
 * institution group, into the cube's provider blocks (providerBlock.ts). Each institution-year's 甲类 share
 * is checked against the agreement's terms (institutions/classAShare.ts); a shortfall can fail that year's
 * annual assessment, which forfeits the deposit like the lifecycle's own failures. When the pool draws the
 * terms as the hospitals' facts (institutions/compliance.ts), the lifecycle has weighed them already: their
 * failures suspend and end agreements like any other, and are only counted here.
 *
 * Quality deposits are forfeited only when some care is paid otherwise than fee for service: with fee for
 * service everywhere the fund pays exactly the settled pooled amounts, as the ledger always did.
 */
import { CASH_BLOCK } from '../cashflow/aggregates.js';
import { CASH_MONTHS } from '../cashflow/calendar.js';
import { careYearCash, clearingAdvance, directTotal } from '../cashflow/fundFlow.js';
import type { LifecycleEventKind } from '../institutions/lifecycle.js';
import { classAShareAssessmentFailures, classAShareUnmet } from '../institutions/classAShare.js';
import { depositForfeits, TERM_MISSED, type PoolYear } from '../institutions/pool.js';
import { PHARMACY, STATUS } from '../institutions/vocabulary.js';
import { clearInstitutionsYear, type InstitutionPayments } from '../payment/clearing.js';
import { FIELD, fieldCell, institutionTotals, UNASSIGNED, unassignedCell } from '../payment/sums.js';
import { SCHEMES } from '../policy/vocabulary.js';
import { cashOffset, sumsOffset, type ChunkLayout } from './chunkLayout.js';
import { groupCell, MONTH_LINES, monthLineCell, paymentCell, PHARMACY_GROUP, PROVIDER_OFFSET, type GroupField, type PaymentField } from './providerBlock.js';
import type { PathProviders, ProviderSetup } from './providers.js';
import { providerOffset, type SimulationCube } from './result.js';

/**
 * `merged`: the path's chunk results added up (chunkLayout.ts); only its cash and payment-sum parts are read.
 * Returns by year index what the baseline's funds paid each institution for the year's care (fen, both
 * schemes, forfeited deposits deducted): the supervision plan's top-spender ranking.
 */
export function clearPath(cube: SimulationCube, setup: ProviderSetup, providers: PathProviders, path: number, layout: ChunkLayout, merged: Float64Array): Float64Array[] {
  const { institutions } = providers;
  const n = institutions.length;
  const baselinePaid = cube.years.map(() => new Float64Array(n));
  const groupOf = Uint8Array.from({ length: n }, (_, i) => (institutions.type[i] === PHARMACY ? PHARMACY_GROUP : institutions.level[i]!));
  const out = cube.providers;

  for (let v = 0; v < cube.variants.length; v++) {
    const forfeits = cube.years.map((_, y) => {
      const at = providerOffset(cube, v, path, y);
      const cashAt = cashOffset(layout, v, y);
      const sumsAt = sumsOffset(layout, v, y);
      const pool = providers.pools[y]!;
      out.set(merged.subarray(cashAt, cashAt + CASH_BLOCK), at + PROVIDER_OFFSET.cash);
      addLifecycle(out, at, groupOf, pool);
      const classAFailures = assessClassAShare(out, at, groupOf, setup, providers, pool, merged.subarray(sumsAt, sumsAt + layout.sumsLength));
      addTerms(out, at, groupOf, pool);
      return setup.reformed ? or(depositForfeits(pool, n), classAFailures) : new Uint8Array(n);
    });
    for (let scheme = 0; scheme < SCHEMES.length; scheme++) {
      let budgets: Float64Array | null = null;
      let perCaseBudget: number | null = null;
      let lastDirect = 0;
      let advance = 0;
      cube.years.forEach((year, y) => {
        const at = providerOffset(cube, v, path, y);
        const cashAt = cashOffset(layout, v, y);
        const sumsAt = sumsOffset(layout, v, y);
        const sums = merged.subarray(sumsAt, sumsAt + layout.sumsLength);
        const pool = providers.pools[y]!;
        const r = clearInstitutionsYear(setup.payment, { institutions: n, scheme, sums, monthly: pool.monthly, forfeits: forfeits[y]!, budgets, perCaseBudget });
        budgets = r.nextBudgets;
        perCaseBudget = r.nextPerCaseBudget;
        // The base year's clearing-account advance is already held, sized on the base year itself.
        const direct = directTotal(merged, cashAt, scheme);
        if (y === 0) {
          lastDirect = direct;
          advance = clearingAdvance(direct, setup.cashflow.clearing.advanceMonths);
        }
        const cash = careYearCash(setup.cashflow, year, scheme, merged, cashAt, r.byMonth, lastDirect, advance);
        lastDirect = direct;
        advance = cash.advance;

        const lines = { institutions: r.byMonth, reimbursements: cash.reimbursements, outOfAreaClearing: cash.outOfAreaClearing };
        for (const line of MONTH_LINES) for (let m = 0; m < CASH_MONTHS; m++) out[at + monthLineCell(scheme, line, m)] = lines[line][m]!;
        writePayment(out, at, scheme, r, sums, n, cash);
        addInstitutionMoney(out, at, groupOf, r, sums, n, scheme);
        if (v === 0) for (let i = 0; i < n; i++) baselinePaid[y]![i] += r.due[i]! - r.forfeited[i]!;
      });
    }
  }
  return baselinePaid;
}

function writePayment(out: Float64Array, at: number, scheme: number, r: InstitutionPayments, sums: Float64Array, n: number, cash: { advance: number; advanceChange: number }): void {
  const total = (f: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += sums[fieldCell(n, scheme, i, f)]!;
    return s;
  };
  const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);
  const forfeited = sum(r.forfeited);
  const values: Record<PaymentField, number> = {
    settled: r.feeForServiceEquivalent,
    paid: r.total,
    due: r.total + forfeited,
    forfeited,
    budget: sum(r.budget),
    budgetActual: total(FIELD.budgeted),
    retained: sum(r.retained),
    overrunPaid: sum(r.overrunPaid),
    overrunUnpaid: sum(r.overrunUnpaid),
    cases: total(FIELD.cases),
    casePoints: total(FIELD.casePoints),
    caseItemized: total(FIELD.caseItemized),
    casePaid: r.perCasePaid,
    diseaseCases: total(FIELD.diseaseCases),
    diseaseItemized: total(FIELD.diseaseItemized),
    diseasePaid: total(FIELD.diseasePaid),
    unassignedClaims: sums[unassignedCell(n, scheme, UNASSIGNED.claims)]!,
    unassignedCardClaims: r.unassigned.claims,
    unassignedPooled: r.unassigned.pooled,
    advance: cash.advance,
    advanceChange: cash.advanceChange,
    pointValue: r.pointValue?.toNumber() ?? NaN,
  };
  for (const [field, value] of Object.entries(values)) out[at + paymentCell(scheme, field as PaymentField)] = value;
}

/**
 * The year's 甲类 share term, checked per institution over both funds' card-settled care (the variant's
 * own claims): shortfalls and the assessment failures they cause, counted by group. Returns the failures.
 */
function assessClassAShare(out: Float64Array, at: number, groupOf: Uint8Array, setup: ProviderSetup, providers: PathProviders, pool: PoolYear, sums: Float64Array): Uint8Array {
  const { institutions } = providers;
  const n = institutions.length;
  const classA = institutionTotals(sums, n, FIELD.classA);
  const bill = institutionTotals(sums, n, FIELD.bill);
  const unmet = classAShareUnmet(setup.rules.terms, institutions, classA, bill);
  // With the terms drawn, the lifecycle has already weighed each hospital's own share (addTerms counts it).
  const failed = pool.terms ? new Uint8Array(n) : classAShareAssessmentFailures(setup.institutions.lifecycle, pool, unmet);
  for (let i = 0; i < n; i++) {
    const cell = (field: GroupField) => at + groupCell(groupOf[i]!, field);
    out[cell('classAShareUnmet')] += unmet[i]!;
    out[cell('classAShareFailures')] += failed[i]!;
    out[cell('assessmentFailures')] += failed[i]!;
  }
  return failed;
}

/**
 * The agreement's terms drawn as the hospitals' facts (compliance.ts), by group: hospitals that missed
 * each, the assessments failed on a missed term, and Art 17(二) positive-rate suspensions (of any origin).
 */
function addTerms(out: Float64Array, at: number, groupOf: Uint8Array, pool: PoolYear): void {
  const add = (i: number, field: GroupField, x = 1) => (out[at + groupCell(groupOf[i]!, field)] += x);
  const terms = pool.terms;
  if (terms) {
    for (let i = 0; i < terms.missed.length; i++) {
      if (terms.missed[i]! & TERM_MISSED.drugAvailability) add(i, 'drugAvailabilityUnmet');
      if (terms.missed[i]! & TERM_MISSED.positiveRate) add(i, 'positiveRateUnmet');
      add(i, 'itemsNonCompliant', terms.itemsNonCompliant[i]!);
    }
  }
  for (const e of pool.events) {
    if (e.kind === 'assessmentFailed' && e.ground === 'classAShare') add(e.institution, 'classAShareFailures');
    if (e.kind === 'assessmentFailed' && e.ground === 'drugAvailability') add(e.institution, 'drugAvailabilityFailures');
    if (e.kind === 'suspended' && e.ground === 'positiveRate') add(e.institution, 'positiveRateSuspensions');
    if (e.kind === 'suspended' && e.ground === 'chartSample') add(e.institution, 'chartSampleSuspensions');
  }
}

/** Element-wise or of two 0/1 arrays, into the first. */
function or(a: Uint8Array, b: Uint8Array): Uint8Array {
  for (let i = 0; i < a.length; i++) a[i] = a[i]! | b[i]!;
  return a;
}

const EVENT_FIELD: Partial<Record<LifecycleEventKind, GroupField>> = {
  suspended: 'suspensions',
  terminated: 'terminations',
  designated: 'designations',
  assessmentFailed: 'assessmentFailures',
};

/** Institutions, their open and suspended months and the year's lifecycle events, by group. */
function addLifecycle(out: Float64Array, at: number, groupOf: Uint8Array, pool: PoolYear): void {
  const add = (i: number, field: GroupField, x = 1) => (out[at + groupCell(groupOf[i]!, field)] += x);
  for (let i = 0; i < groupOf.length; i++) {
    add(i, 'institutions');
    let open = 0;
    let suspended = 0;
    for (let m = 0; m < 12; m++) {
      const status = pool.monthly[i * 12 + m];
      if (status === STATUS.active) open++;
      else if (status === STATUS.suspended) suspended++;
    }
    add(i, 'openMonths', open);
    add(i, 'suspendedMonths', suspended);
    const december = pool.monthly[i * 12 + 11];
    if (december === STATUS.active || december === STATUS.suspended) add(i, 'designated');
  }
  for (const e of pool.events) {
    const field = EVENT_FIELD[e.kind];
    if (field) add(e.institution, field);
  }
}

/** One scheme's care at each institution, by group: claims treated, bills, settled and paid amounts. */
function addInstitutionMoney(out: Float64Array, at: number, groupOf: Uint8Array, r: InstitutionPayments, sums: Float64Array, n: number, scheme: number): void {
  for (let i = 0; i < n; i++) {
    const get = (f: number) => sums[fieldCell(n, scheme, i, f)]!;
    const cell = (field: GroupField) => at + groupCell(groupOf[i]!, field);
    out[cell('patients')] += get(FIELD.treated);
    out[cell('bill')] += get(FIELD.treatedBill);
    out[cell('settled')] += get(FIELD.feeForService) + get(FIELD.budgeted) + get(FIELD.caseItemized) + get(FIELD.diseaseItemized);
    out[cell('paid')] += r.due[i]! - r.forfeited[i]!;
    out[cell('forfeited')] += r.forfeited[i]!;
    out[cell('classA')] += get(FIELD.classA);
    out[cell('cardBill')] += get(FIELD.bill);
  }
}
