/**
 * A path-year's payments to institutions on a hand-made example (computed by hand: each expectation
 * shows its arithmetic). Defaults: payment 1 month after the month of care, 5% quality deposit, clearing
 * in month 15 (April of the next year), 10% surplus kept, overrun up to 10% paid half.
 */
import { describe, expect, it } from 'vitest';
import { STATUS } from '../../src/institutions/vocabulary.js';
import { paymentAssumptions } from '../../src/payment/assumptions.js';
import { clearInstitutionsYear } from '../../src/payment/clearing.js';
import { allocatePaymentSums, declarationCell, FIELD, fieldCell, UNASSIGNED, unassignedCell, unassignedMonthCell } from '../../src/payment/sums.js';

const a = paymentAssumptions.parse({ methods: { outpatient: 'globalBudget' } });
const N = 2;

/** Institution 0: fee for service, declares 100,000 fen in January and 50,000 in December. Institution 1: budgeted, 1,000,000 actual. */
function example() {
  const sums = allocatePaymentSums(N);
  sums[fieldCell(N, 0, 0, FIELD.feeForService)] = 150_000;
  sums[declarationCell(N, 0, 0, 0)] = 100_000;
  sums[declarationCell(N, 0, 0, 11)] = 50_000;
  sums[fieldCell(N, 0, 1, FIELD.budgeted)] = 1_000_000;
  return sums;
}
const open = () => new Uint8Array(N * 12).fill(STATUS.active);

/**
 * Per-case admissions of the resident fund (scheme 1) at two institutions, declared in March.
 * Institution 0: 30,000 points, others 700,000, itemised 2,000,000; institution 1: 20,000, 300,000, 1,500,000.
 */
function twoCaseInstitutions(): Float64Array {
  const sums = allocatePaymentSums(N);
  for (const [i, points, other, item] of [
    [0, 30_000, 700_000, 2_000_000],
    [1, 20_000, 300_000, 1_500_000],
  ] as const) {
    sums[fieldCell(N, 1, i, FIELD.casePoints)] = points;
    sums[fieldCell(N, 1, i, FIELD.caseOther)] = other;
    sums[fieldCell(N, 1, i, FIELD.caseItemized)] = item;
    sums[declarationCell(N, 1, i, 2)] = item;
  }
  return sums;
}

describe('clearing a year of institution payments', () => {
  it('pays fee for service monthly less the deposit, and the deposit at clearing', () => {
    const r = clearInstitutionsYear(a, { institutions: N, scheme: 0, sums: example(), monthly: open(), forfeits: new Uint8Array(N), budgets: new Float64Array([-1, 1_200_000]), perCaseBudget: null });
    // Institution 0: January 100,000 − 5,000 paid in February; December 50,000 − 2,500 paid in January next
    // year (month 12); due 150,000; clearing 150,000 − 142,500 = 7,500 in month 15.
    expect(r.due[0]).toBe(150_000);
    expect(r.paidMonthly[0]).toBe(142_500);
    expect(r.clearing[0]).toBe(7_500);
    // Institution 1: prepaid 1,200,000 / 12 = 100,000 a month, 5,000 withheld, 95,000 paid in months 1–12.
    // Budget 1,200,000, actual 1,000,000: surplus 200,000, of which 10% of budget = 120,000 kept: due 1,120,000.
    // Clearing 1,120,000 − 12 × 95,000 = −20,000 (recovered).
    expect([r.budget[1], r.retained[1], r.due[1], r.paidMonthly[1], r.clearing[1]]).toEqual([1_200_000, 120_000, 1_120_000, 1_140_000, -20_000]);
    const expected = new Float64Array(24);
    expected[1] = 95_000 + 95_000;
    for (let m = 2; m <= 11; m++) expected[m] = 95_000;
    expected[12] = 47_500 + 95_000;
    expected[15] = 7_500 - 20_000;
    expect(r.byMonth).toEqual(expected);
    expect(r.total).toBe(150_000 + 1_120_000);
    expect(r.feeForServiceEquivalent).toBe(150_000 + 1_000_000);
  });

  it('forfeits the deposit of an institution that failed its assessment', () => {
    const forfeits = Uint8Array.from([1, 0]);
    const r = clearInstitutionsYear(a, { institutions: N, scheme: 0, sums: example(), monthly: open(), forfeits, budgets: new Float64Array([-1, 1_200_000]), perCaseBudget: null });
    // Institution 0: withheld 5,000 + 2,500 = 7,500 forfeited; clearing 150,000 − 7,500 − 142,500 = 0.
    expect([r.forfeited[0], r.clearing[0]]).toEqual([7_500, 0]);
    expect(r.total).toBe(142_500 + 1_120_000);
  });

  it('prorates a budget to the open months, prepays only those, and annualises next year budget', () => {
    const sums = example();
    sums[fieldCell(N, 0, 1, FIELD.budgeted)] = 650_000;
    const monthly = open();
    monthly.fill(STATUS.suspended, 12 + 6, 24);
    const r = clearInstitutionsYear(a, { institutions: N, scheme: 0, sums, monthly, forfeits: new Uint8Array(N), budgets: new Float64Array([-1, 1_200_000]), perCaseBudget: null });
    // Open January–June: budget 1,200,000 × 6/12 = 600,000; actual 650,000 overruns by 50,000 ≤ 10%: half
    // paid, due 625,000. Prepaid 6 × 95,000 = 570,000; clearing 625,000 − 570,000 = 55,000.
    expect([r.budget[1], r.overrunPaid[1], r.due[1], r.paidMonthly[1], r.clearing[1]]).toEqual([600_000, 25_000, 625_000, 570_000, 55_000]);
    // Next budget: 650,000 over 6 months is 1,300,000 a year, × 1.1 = 1,430,000. No budgeted care at 0: none.
    expect(Array.from(r.nextBudgets)).toEqual([-1, 1_430_000]);
  });

  it('pays per-case admissions at the floating point value, from itemised monthly pre-settlement', () => {
    const drg = paymentAssumptions.parse({ methods: { inpatient: 'dip' } });
    const sums = twoCaseInstitutions();
    const r = clearInstitutionsYear(drg, { institutions: N, scheme: 1, sums, monthly: open(), forfeits: new Uint8Array(N), budgets: null, perCaseBudget: 4_000_000 });
    // Point value (4,000,000 + 1,000,000) / 50,000 = 100 fen: dues 2,300,000 and 1,700,000 (perCase.test.ts).
    expect(r.pointValue!.toNumber()).toBe(100);
    expect([r.due[0], r.due[1]]).toEqual([2_300_000, 1_700_000]);
    // Paid in April: 95% of the declarations; clearing = due − paid.
    expect(r.byMonth[3]).toBe(1_900_000 + 1_425_000);
    expect([r.clearing[0], r.clearing[1]]).toEqual([400_000, 275_000]);
    expect(r.total).toBe(4_000_000);
    // Next year: 4,000,000 × 1.1.
    expect(r.nextPerCaseBudget).toBe(4_400_000);
    // The other scheme's fund owes nothing.
    expect(clearInstitutionsYear(drg, { institutions: N, scheme: 0, sums, monthly: open(), forfeits: new Uint8Array(N), budgets: null, perCaseBudget: null }).total).toBe(0);
  });

  it('pays DRG admissions at a fixed rate whatever the budget, so the total can differ from it', () => {
    const sums = twoCaseInstitutions();
    const fixed = paymentAssumptions.parse({ methods: { inpatient: 'drg' }, drg: { rate: { fixed: 12_000 } } });
    const input = { institutions: N, scheme: 1, sums, monthly: open(), forfeits: new Uint8Array(N), budgets: null, perCaseBudget: 4_000_000 };
    const r = clearInstitutionsYear(fixed, input);
    // 12,000 yuan per case of weight 1 (10,000 points) = 1,200,000 fen / 10,000 = 120 fen a point, not the
    // floating 100. Dues 30,000 × 120 − 700,000 = 2,900,000 and 20,000 × 120 − 300,000 = 2,100,000.
    expect(r.pointValue!.toNumber()).toBe(120);
    expect([r.due[0], r.due[1]]).toEqual([2_900_000, 2_100_000]);
    // The fund pays 5,000,000, 1,000,000 over the 4,000,000 budget; clearing = due − 95% of the declarations.
    expect(r.total).toBe(5_000_000);
    expect(r.perCasePaid).toBe(5_000_000);
    expect([r.clearing[0], r.clearing[1]]).toEqual([2_900_000 - 1_900_000, 2_100_000 - 1_425_000]);
    // Next year's budget grows from what was paid: 5,000,000 × 1.1.
    expect(r.nextPerCaseBudget).toBe(5_500_000);
    // The fixed rate is DRG's: DIP floats to the budget, (4,000,000 + 1,000,000) / 50,000 = 100 fen.
    const dip = paymentAssumptions.parse({ methods: { inpatient: 'dip' }, drg: { rate: { fixed: 12_000 } } });
    expect(clearInstitutionsYear(dip, input).pointValue!.toNumber()).toBe(100);
    expect(clearInstitutionsYear(dip, input).total).toBe(4_000_000);
  });

  it('pays care with no open institution fee for service, with no deposit, a month after its month', () => {
    const sums = example();
    sums[unassignedCell(N, 0, UNASSIGNED.cardClaims)] = 2;
    sums[unassignedCell(N, 0, UNASSIGNED.pooled)] = 30_000;
    sums[unassignedMonthCell(N, 0, 2)] = 30_000;
    const r = clearInstitutionsYear(a, { institutions: N, scheme: 0, sums, monthly: open(), forfeits: new Uint8Array(N), budgets: new Float64Array([-1, 1_200_000]), perCaseBudget: null });
    // As in the first example, plus 30,000 declared in March and paid in April (month 3), whole.
    expect(r.unassigned).toEqual({ claims: 2, pooled: 30_000 });
    expect(r.byMonth[3]).toBe(95_000 + 30_000);
    expect(r.total).toBe(150_000 + 1_120_000 + 30_000);
    expect(r.feeForServiceEquivalent).toBe(150_000 + 1_000_000 + 30_000);
    expect(r.byMonth.reduce((t, x) => t + x, 0)).toBe(r.total);
  });
});
