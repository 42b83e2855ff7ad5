/** Routing settled claims into the payment sums by method, channel and scheme. */
import { describe, expect, it } from 'vitest';
import { NO_INSTITUTION } from '../../src/institutions/vocabulary.js';
import { paymentAssumptions } from '../../src/payment/assumptions.js';
import { loadCaseGroups, NO_GROUP } from '../../src/payment/groups.js';
import {
  addPayments,
  allocatePaymentSums,
  compilePayment,
  declarationCell,
  FIELD,
  fieldCell,
  INSTITUTION_FIELDS,
  paymentSumsLength,
  UNASSIGNED,
  UNASSIGNED_FIELDS,
  unassignedCell,
  unassignedMonthCell,
} from '../../src/payment/sums.js';
import { SCHEMES } from '../../src/policy/vocabulary.js';
import { InputError } from '../../src/input/inputError.js';
import { OUT, OUT_STRIDE } from '../../src/settlement/columns.js';
import { buildClaims } from '../institutions/claims.js';

const groups = loadCaseGroups();
const RESP1 = groups.code.indexOf('RESP1');
const CATARACT1 = groups.code.indexOf('CATARACT1');
const a = paymentAssumptions.parse({
  methods: { inpatient: 'drg', outpatient: 'globalBudget' },
  perDisease: [{ group: 'CATARACT1', standard: 5000 }],
});
const p = compilePayment(a, groups);
const N = 3;

describe('payment sums', () => {
  // Member 0 (employee): outpatient visit (budgeted), two admissions (one DRG case, one per-disease),
  // a pharmacy purchase (fee for service), a self-advanced visit and an out-of-area visit (both left out).
  // Member 1 (resident): one admission (DRG case, resident fund).
  const { members, claims } = buildClaims(
    [
      [
        { setting: 'outpatient', day: 10, classA: 20_000 },
        { setting: 'inpatient', day: 40, classA: 800_000, classB: 200_000, lengthOfStay: 5 },
        { setting: 'inpatient', day: 100, classA: 450_000, classC: 50_000, lengthOfStay: 2 },
        { setting: 'pharmacy', day: 120, classA: 8_000 },
        { setting: 'outpatient', day: 130, classA: 9_000 },
        { setting: 'outpatient', day: 140, classA: 7_000, location: 2 },
      ],
      [{ setting: 'inpatient', day: 359, classA: 600_000, lengthOfStay: 3 }],
    ],
    (i) => (i === 0 ? 0 : 2),
  );
  const out = new Float64Array(claims.length * OUT_STRIDE);
  [12_000, 700_000, 350_000, 4_000, 5_000, 3_000, 420_000].forEach((pooled, c) => (out[c * OUT_STRIDE + OUT.pooledFund] = pooled));
  const institution = Int32Array.from([0, 1, 1, 2, 0, NO_INSTITUTION, 1]);
  const group = Int16Array.from([NO_GROUP, RESP1, CATARACT1, NO_GROUP, NO_GROUP, NO_GROUP, RESP1]);
  const channel = Uint8Array.from([0, 0, 0, 0, 6, 1, 0]);
  const sums = allocatePaymentSums(N);
  addPayments(sums, N, p, groups, 2022, members, claims, out, institution, group, channel);
  const f = (scheme: number, i: number, field: keyof typeof FIELD) => sums[fieldCell(N, scheme, i, FIELD[field])];

  it('holds budgeted claims out of the monthly declaration', () => {
    expect(f(0, 0, 'budgeted')).toBe(12_000);
    expect(f(0, 0, 'claims')).toBe(1);
    expect(sums[declarationCell(N, 0, 0, 0)]).toBe(0);
  });

  it('counts a DRG case with its points, others share and itemised amount, declared in its month', () => {
    // bill 1,000,000, pooled 700,000: others 300,000. RESP1's weight in points.
    expect([f(0, 1, 'cases'), f(0, 1, 'casePoints'), f(0, 1, 'caseOther'), f(0, 1, 'caseItemized')]).toEqual([1, groups.points[RESP1], 300_000, 700_000]);
    expect(sums[declarationCell(N, 0, 1, 1)]).toBe(700_000);
  });

  it('pays a listed disease its standard less the others share', () => {
    // standard 500,000 fen; bill 500,000, pooled 350,000: others 150,000 → 350,000.
    expect([f(0, 1, 'diseaseCases'), f(0, 1, 'diseasePaid'), f(0, 1, 'diseaseItemized')]).toEqual([1, 350_000, 350_000]);
    expect(sums[declarationCell(N, 0, 1, 3)]).toBe(350_000);
  });

  it('pays fee for service what settlement gave the fund, and leaves out self-advances and out-of-area care', () => {
    expect(f(0, 2, 'feeForService')).toBe(4_000);
    expect(sums[declarationCell(N, 0, 2, 4)]).toBe(4_000);
    expect(f(0, 0, 'bill')).toBe(20_000);
  });

  it('keeps each scheme in its own fund', () => {
    expect([f(1, 1, 'cases'), f(1, 1, 'caseItemized')]).toEqual([1, 420_000]);
    expect(sums[declarationCell(N, 1, 1, 11)]).toBe(420_000);
    expect(f(0, 1, 'cases')).toBe(1);
  });

  it('counts every claim treated at an institution, self-advanced ones too, and pays only card-settled ones', () => {
    // Institution 0: the budgeted visit (20,000) and the self-advanced visit (9,000); institution 1: three admissions.
    expect([f(0, 0, 'treated'), f(0, 0, 'treatedBill'), f(0, 0, 'claims')]).toEqual([2, 29_000, 1]);
    expect([f(0, 1, 'treated'), f(0, 1, 'treatedBill')]).toEqual([2, 1_500_000]);
    expect([f(1, 1, 'treated'), f(1, 1, 'treatedBill')]).toEqual([1, 600_000]);
  });

  it('counts local claims with no open institution and pays the card-settled ones fee for service', () => {
    // Member 0 (employee): a swiped visit in March (pooled 6,000) and an advanced one; an out-of-area visit is not counted.
    const local = buildClaims([
      [
        { setting: 'outpatient', day: 70, classA: 8_000 },
        { setting: 'outpatient', day: 80, classA: 5_000 },
        { setting: 'outpatient', day: 90, classA: 5_000, location: 1 },
      ],
    ]);
    const pooled = new Float64Array(3 * OUT_STRIDE);
    pooled[OUT.pooledFund] = 6_000;
    pooled[OUT_STRIDE + OUT.pooledFund] = 4_000;
    pooled[2 * OUT_STRIDE + OUT.pooledFund] = 3_000;
    const none = Int32Array.from([NO_INSTITUTION, NO_INSTITUTION, NO_INSTITUTION]);
    const s = allocatePaymentSums(N);
    addPayments(s, N, p, groups, 2022, local.members, local.claims, pooled, none, Int16Array.from([NO_GROUP, NO_GROUP, NO_GROUP]), Uint8Array.from([0, 5, 0]));
    const u = (field: keyof typeof UNASSIGNED) => s[unassignedCell(N, 0, UNASSIGNED[field])];
    expect([u('claims'), u('cardClaims'), u('pooled')]).toEqual([2, 1, 6_000]);
    expect(s[unassignedMonthCell(N, 0, 2)]).toBe(6_000);
    expect(s.reduce((t, x) => t + x, 0)).toBe(2 + 1 + 6_000 + 6_000);
  });

  it('gives every field, month and unassigned sum of each scheme a cell of its own inside the array', () => {
    for (const n of [1, 3, 711]) {
      const cells: number[] = [];
      for (let scheme = 0; scheme < SCHEMES.length; scheme++) {
        for (let i = 0; i < n; i++) {
          INSTITUTION_FIELDS.forEach((_, f) => cells.push(fieldCell(n, scheme, i, f)));
          for (let m = 0; m < 12; m++) cells.push(declarationCell(n, scheme, i, m));
        }
        UNASSIGNED_FIELDS.forEach((_, f) => cells.push(unassignedCell(n, scheme, f)));
        for (let m = 0; m < 12; m++) cells.push(unassignedMonthCell(n, scheme, m));
      }
      expect(new Set(cells).size).toBe(cells.length);
      expect(Math.min(...cells)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...cells)).toBeLessThan(paymentSumsLength(n));
    }
  });

  it('rejects a per-disease group the table does not have', () => {
    expect(() => compilePayment(paymentAssumptions.parse({ perDisease: [{ group: 'NOPE', standard: 1 }] }), groups, 'scenario.yaml')).toThrow(InputError);
  });
});
