/**
 * The models run as the engine will run them, on generated members and claims settled by the kernel:
 * money is conserved from settlement to the fund's cash, per-case payment spends the budget, and any
 * chunking gives the same sums.
 */
import { describe, expect, it } from 'vitest';
import { defaultPolicyFile } from '../../src/cli/paths.js';
import { utilisationAssumptions } from '../../src/claims/assumptions.js';
import { allocateClaimBuffer } from '../../src/claims/buffer.js';
import { generateClaims } from '../../src/claims/generate.js';
import { claimsMacroAt } from '../../src/claims/inflation.js';
import { addInto } from '../../src/engine/aggregates.js';
import { allocateCashBlocks, CASH_BLOCK, causeCell, monthCell } from '../../src/cashflow/aggregates.js';
import { cashflowAssumptions } from '../../src/cashflow/assumptions.js';
import { CASH_MONTHS } from '../../src/cashflow/calendar.js';
import { SELF_ADVANCE_CAUSES, SWIPE } from '../../src/cashflow/channel.js';
import { institutionAssumptions } from '../../src/institutions/assumptions.js';
import { shareTable } from '../../src/institutions/assign.js';
import { generateInstitutions } from '../../src/institutions/generate.js';
import { advancePool, depositForfeits, initialStates } from '../../src/institutions/pool.js';
import { defaultAgreementRulesFile, loadAgreementRules } from '../../src/institutions/rules.js';
import { NO_INSTITUTION } from '../../src/institutions/vocabulary.js';
import { paymentAssumptions } from '../../src/payment/assumptions.js';
import { allocateProviderScratch, addProviderSums, prepareClaims, type ProviderModels } from '../../src/payment/chunk.js';
import { clearInstitutionsYear } from '../../src/payment/clearing.js';
import { loadCaseGroups } from '../../src/payment/groups.js';
import { allocatePaymentSums, compilePayment, FIELD, fieldCell } from '../../src/payment/sums.js';
import { loadPolicy } from '../../src/policy/load.js';
import { PERSON_TYPES, SCHEMES, schemeOf } from '../../src/policy/vocabulary.js';
import { populationAssumptions } from '../../src/population/assumptions.js';
import { createMembers } from '../../src/population/members.js';
import { fillPersonColumns } from '../../src/population/persons.js';
import { runKeys } from '../../src/random/keys.js';
import { allocateAccumulators, allocatePersons, allocateResults, OUT, OUT_STRIDE } from '../../src/settlement/columns.js';
import { compilePolicy } from '../../src/settlement/compile.js';
import { settleBatch } from '../../src/settlement/kernel.js';

const keys = runKeys(2021);
const YEAR = 2021;
const MEMBERS = 4000;
const population = populationAssumptions.parse({});
const utilisation = utilisationAssumptions.parse({});
const policy = compilePolicy(loadPolicy(defaultPolicyFile()).policy);
const rules = loadAgreementRules(defaultAgreementRulesFile());
const groups = loadCaseGroups();
const instA = institutionAssumptions.parse({ hospitals: { community: 20, primary: 6, secondary: 6, tertiary: 2 }, pharmacies: 30 });
const inst = generateInstitutions(instA, keys, 0, YEAR);
const pool = advancePool(instA, rules, keys, 0, inst, initialStates(inst), YEAR);
const SCHEME_OF_TYPE = PERSON_TYPES.map((t) => SCHEMES.indexOf(schemeOf(t)));

function models(payment: object): ProviderModels {
  const p = paymentAssumptions.parse(payment);
  return { institutions: inst.length, table: shareTable(inst), groups, payment: p, compiled: compilePayment(p, groups), cashflow: cashflowAssumptions.parse({}) };
}

/** Run the members [from, to) as one chunk; return its sums and what settlement paid. */
function chunk(m: ProviderModels, from: number, to: number) {
  const block = createMembers(population, keys, 0, from, to, YEAR);
  const generated = allocateClaimBuffer(1024, block.length);
  generateClaims(utilisation, keys, 0, YEAR, block, generated, { macro: claimsMacroAt(utilisation, YEAR, 1) });
  const scratch = allocateProviderScratch();
  const claims = prepareClaims(m, pool, keys, 0, YEAR, 1, block, generated, scratch);
  const persons = allocatePersons(block.length);
  fillPersonColumns(block, persons);
  const out = allocateResults(claims.length);
  settleBatch(policy, claims, persons, allocateAccumulators(block.length), out);
  const sums = allocatePaymentSums(inst.length);
  const cash = allocateCashBlocks(1, 1);
  addProviderSums(m, YEAR, block, claims, out, scratch, sums, cash, 0);
  // What settlement gave the pooled fund, by scheme: swiped local claims at an institution, and the rest.
  const toInstitutions = [0, 0];
  const rest = [0, 0];
  for (let c = 0; c < claims.length; c++) {
    const scheme = SCHEME_OF_TYPE[block.type[claims.person[c]!]!]!;
    const pooled = out[c * OUT_STRIDE + OUT.pooledFund]!;
    if (scratch.channels.channel[c] === SWIPE && scratch.institution[c] !== NO_INSTITUTION) toInstitutions[scheme] += pooled;
    else rest[scheme] += pooled;
  }
  return { sums, cash, toInstitutions, rest, claims: claims.length, scratch };
}

const clear = (m: ProviderModels, sums: Float64Array, scheme: number, perCaseBudget: number | null = null) =>
  clearInstitutionsYear(m.payment, { institutions: inst.length, scheme, sums, monthly: pool.monthly, forfeits: depositForfeits(pool, inst.length), budgets: null, perCaseBudget });

describe('institution, payment and cash-flow models on generated claims', () => {
  const ffs = models({ settlement: { qualityDeposit: 0 } });
  const whole = chunk(ffs, 0, MEMBERS);

  it('pay institutions, under fee for service, exactly what settlement gave the fund for their card-settled care', () => {
    for (const scheme of [0, 1]) {
      const r = clear(ffs, whole.sums, scheme);
      expect(r.total).toBe(whole.toInstitutions[scheme]);
      expect(r.feeForServiceEquivalent).toBe(whole.toInstitutions[scheme]);
      expect(r.byMonth.reduce((s, x) => s + x, 0)).toBe(r.total);
    }
  });

  it('reimburse patients, or clear out-of-area care, for every other pooled-fund amount', () => {
    for (const scheme of [0, 1]) {
      let other = 0;
      for (let mo = 0; mo < CASH_MONTHS; mo++) other += whole.cash[monthCell('fund', scheme, mo)]! + whole.cash[monthCell('direct', scheme, mo)]!;
      expect(other).toBe(whole.rest[scheme]);
    }
    // Some bills were advanced, for more than one cause.
    const causes = SELF_ADVANCE_CAUSES.map((_, k) => whole.cash[causeCell(0, k, 0)]! + whole.cash[causeCell(1, k, 0)]!);
    expect(causes.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('give the same sums whatever the chunking', () => {
    const a = chunk(ffs, 0, 1500);
    const b = chunk(ffs, 1500, MEMBERS);
    const sums = allocatePaymentSums(inst.length);
    addInto(sums, a.sums);
    addInto(sums, b.sums);
    expect(sums).toEqual(whole.sums);
    const cash = new Float64Array(CASH_BLOCK);
    addInto(cash, a.cash);
    addInto(cash, b.cash);
    expect(cash).toEqual(whole.cash);
  });

  it('spend the per-case budget under DIP, and move the point value with it', () => {
    const dip = models({ methods: { inpatient: 'dip' }, settlement: { qualityDeposit: 0 } });
    const run = chunk(dip, 0, MEMBERS);
    for (const scheme of [0, 1]) {
      const neutral = clear(dip, run.sums, scheme);
      // Budget = the cases' itemised pooled amount: the fund pays what fee for service would, up to rounding
      // half up once per institution.
      expect(Math.abs(neutral.total - neutral.feeForServiceEquivalent)).toBeLessThanOrEqual(inst.length);
      const tight = clear(dip, run.sums, scheme, Math.round(neutral.nextPerCaseBudget / 1.1 / 2));
      expect(tight.pointValue!.lt(neutral.pointValue!)).toBe(true);
    }
  });

  it('keep the fund outlay with up-coding under DIP, while the point value falls', () => {
    const plain = models({ methods: { inpatient: 'dip' } });
    const gaming = models({ methods: { inpatient: 'dip' }, responses: { upcoding: 0.5 } });
    const a = chunk(plain, 0, MEMBERS);
    const b = chunk(gaming, 0, MEMBERS);
    let budget = 0;
    for (let i = 0; i < inst.length; i++) budget += a.sums[fieldCell(inst.length, 1, i, FIELD.caseItemized)]!;
    const before = clear(plain, a.sums, 1, budget);
    const after = clear(gaming, b.sums, 1, budget);
    expect(after.pointValue!.lt(before.pointValue!)).toBe(true);
    // Up-coding changes no bill, so everything but the per-case payments is the same, and those spend the budget.
    const due = (r: typeof before) => r.due.reduce((s, x) => s + x, 0);
    expect(Math.abs(due(after) - due(before))).toBeLessThanOrEqual(2 * inst.length);
  });

  it('leave claims alone under fee for service, whatever responses are set: they answer per-case payment', () => {
    const block = createMembers(population, keys, 0, 0, 500, YEAR);
    const generated = allocateClaimBuffer(1024, block.length);
    generateClaims(utilisation, keys, 0, YEAR, block, generated, { macro: claimsMacroAt(utilisation, YEAR, 1) });
    const responses = { earlyDischarge: { share: 1 }, outpatientShift: { share: 1 } };
    const prepare = (payment: object) => prepareClaims(models(payment), pool, keys, 0, YEAR, 1, block, generated, allocateProviderScratch());
    expect(prepare({ responses })).toBe(generated);
    const responded = prepare({ methods: { inpatient: 'drg' }, responses });
    expect(responded).not.toBe(generated);
    expect(responded.length).toBeGreaterThan(generated.length);
  });
});
