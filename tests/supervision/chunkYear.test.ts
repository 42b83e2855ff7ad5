/**
 * Supervision in a chunk-year on generated claims: the leakage accounts for the whole change in what
 * the funds pay, the labels and screens add up, chunking does not change the sums, and with every
 * behaviour off the claims are the prepared ones.
 */
import { describe, expect, it } from 'vitest';
import { defaultPolicyFile } from '../../src/cli/paths.js';
import { cashflowAssumptions } from '../../src/cashflow/assumptions.js';
import { utilisationAssumptions } from '../../src/claims/assumptions.js';
import { allocateClaimBuffer } from '../../src/claims/buffer.js';
import { generateClaims } from '../../src/claims/generate.js';
import { claimsMacroAt } from '../../src/claims/inflation.js';
import { institutionAssumptions } from '../../src/institutions/assumptions.js';
import { shareTable } from '../../src/institutions/assign.js';
import { generateInstitutions } from '../../src/institutions/generate.js';
import { advancePool, initialStates } from '../../src/institutions/pool.js';
import { defaultAgreementRulesFile, loadAgreementRules } from '../../src/institutions/rules.js';
import { paymentAssumptions } from '../../src/payment/assumptions.js';
import { allocateProviderScratch, prepareClaims, type ProviderModels } from '../../src/payment/chunk.js';
import { loadCaseGroups } from '../../src/payment/groups.js';
import { compilePayment } from '../../src/payment/sums.js';
import { loadPolicy } from '../../src/policy/load.js';
import { PERSON_TYPES, SCHEMES, schemeOf } from '../../src/policy/vocabulary.js';
import { populationAssumptions } from '../../src/population/assumptions.js';
import { createMembers } from '../../src/population/members.js';
import { fillPersonColumns } from '../../src/population/persons.js';
import { runKeys } from '../../src/random/keys.js';
import { allocateAccumulators, allocatePersons, allocateResults, OUT, OUT_STRIDE } from '../../src/settlement/columns.js';
import { compilePolicy } from '../../src/settlement/compile.js';
import { settleBatch } from '../../src/settlement/kernel.js';
import { supervisionAssumptions, type SupervisionAssumptionsInput } from '../../src/supervision/assumptions.js';
import { BEHAVIOURS, labelOf, NB } from '../../src/supervision/behaviours.js';
import { blockBehaviourCell, SUPERVISION_BLOCK } from '../../src/supervision/block.js';
import { closeSupervision } from '../../src/supervision/close.js';
import { supervisionBehaviourMeasures } from '../../src/supervision/measures.js';
import { addSupervisionSums, allocateSupervisionScratch, closeSupervisionYear, settleCounterfactual, superviseClaims, type SupervisionModels } from '../../src/supervision/chunkYear.js';
import { compileSupervision } from '../../src/supervision/compile.js';
import { planSupervision } from '../../src/supervision/plan.js';
import { supervisionRules } from '../../src/supervision/rules.js';
import { behaviourCell, interactionCell, personCell, screenCell, supervisionSumsLength, WORKER_SCREENS } from '../../src/supervision/sums.js';

const keys = runKeys(2021);
const YEAR = 2021;
const MEMBERS = 3000;
const population = populationAssumptions.parse({});
const utilisation = utilisationAssumptions.parse({});
const policy = compilePolicy(loadPolicy(defaultPolicyFile()).policy);
const instA = institutionAssumptions.parse({ hospitals: { community: 20, primary: 6, secondary: 6, tertiary: 2 }, pharmacies: 30 });
const inst = generateInstitutions(instA, keys, 0, YEAR);
const groups = loadCaseGroups();
const payment = paymentAssumptions.parse({});
const providers: ProviderModels = { institutions: inst.length, table: shareTable(inst), groups, payment, compiled: compilePayment(payment, groups), cashflow: cashflowAssumptions.parse({}) };
const SCHEME_OF_TYPE = PERSON_TYPES.map((t) => SCHEMES.indexOf(schemeOf(t)));
const PARTS = [OUT.pooledFund, OUT.seriousIllness] as const;

/** Heavier than the defaults, so that every behaviour shows in 3000 members. */
const heavy: SupervisionAssumptionsInput = {
  enabled: true,
  behaviours: Object.fromEntries(BEHAVIOURS.map((b) => [b, { prevalence: 0.5, claimShare: 0.3 }])) as SupervisionAssumptionsInput['behaviours'],
  screens: { visitsAbove: 20, costAbove: 20000 },
};

function run(input: SupervisionAssumptionsInput, from: number, to: number) {
  const a = supervisionAssumptions.parse(input);
  const compiled = compileSupervision(a);
  const file = supervisionRules(a, '.', 'scenario.yaml');
  const rules = () => file; // the rule file in every year (sanctionRulesByYear is tested in rulesByYear.test.ts)
  const pools = [advancePool(instA, loadAgreementRules(defaultAgreementRulesFile()), keys, 0, inst, initialStates(inst), YEAR)];
  const plan = planSupervision(compiled, rules, keys, 0, inst, pools, [YEAR]);
  const m: SupervisionModels = { compiled, rules, institutionType: inst.type, suspendedChannel: 6 };
  const block = createMembers(population, keys, 0, from, to, YEAR);
  const generated = allocateClaimBuffer(1024, block.length);
  generateClaims(utilisation, keys, 0, YEAR, block, generated, { macro: claimsMacroAt(utilisation, YEAR, 1) });
  const provider = allocateProviderScratch();
  const prepared = prepareClaims(providers, pools[0]!, keys, 0, YEAR, 1, block, generated, provider);
  const scratch = allocateSupervisionScratch(block.length);
  const persons = allocatePersons(block.length);
  fillPersonColumns(block, persons);
  for (let i = 0; i < block.length; i++) persons.accountBalance[i] = 300_000;
  const { claims } = superviseClaims(m, plan, 0, keys, 0, YEAR, block, prepared, provider, scratch);
  settleCounterfactual(policy, prepared, persons, scratch);
  const out = allocateResults(claims.length);
  settleBatch(policy, claims, persons, allocateAccumulators(block.length), out);
  const sums = new Float64Array(supervisionSumsLength(inst.length));
  addSupervisionSums(m, keys, 0, YEAR, block, prepared, out, scratch, sums, true);
  closeSupervisionYear(scratch, YEAR, block);
  return { a, compiled, rules, plan, block, prepared, claims, out, counterfactual: scratch.counterfactual.out, sums, scratch };
}

const paid = (o: Float64Array, c: number, part: number) => o[c * OUT_STRIDE + part]!;
const accounts = (o: Float64Array, c: number) => paid(o, c, OUT.personalAccount) + paid(o, c, OUT.familyAccount);

describe('supervision in a chunk-year', () => {
  const r = run(heavy, 0, MEMBERS);

  it('touches claims of every behaviour, labelled, and adds some', () => {
    const labels = Array.from(r.scratch.supervised.label.subarray(0, r.claims.length));
    for (let b = 0; b < NB; b++) expect(labels.filter((l) => l === b + 1).length, BEHAVIOURS[b]).toBeGreaterThan(0);
    let counted = 0;
    for (const scheme of [0, 1]) for (let b = 0; b < NB; b++) counted += r.sums[behaviourCell(scheme, b, 'claims')]!;
    expect(counted).toBe(labels.filter((l) => l > 0).length);
    expect(r.claims.length).toBeGreaterThan(r.prepared.length);
  });

  it('accounts for every fen the funds pay more: behaviours plus interaction, by scheme and part', () => {
    for (const scheme of [0, 1]) {
      const totals = [0, 0, 0];
      const diff = (o: Float64Array, n: number, person: Int32Array, sign: number) => {
        for (let c = 0; c < n; c++) {
          if (SCHEME_OF_TYPE[r.block.type[person[c]!]!] !== scheme) continue;
          totals[0] += sign * paid(o, c, PARTS[0]);
          totals[1] += sign * paid(o, c, PARTS[1]);
          totals[2] += sign * accounts(o, c);
        }
      };
      diff(r.out, r.claims.length, r.claims.person, 1);
      diff(r.counterfactual, r.prepared.length, r.prepared.person, -1);
      (['pooled', 'serious', 'account'] as const).forEach((part, p) => {
        let leak = r.sums[interactionCell(scheme, p)]!;
        for (let b = 0; b < NB; b++) leak += r.sums[behaviourCell(scheme, b, part)]!;
        expect(leak, `${SCHEMES[scheme]} ${part}`).toBe(totals[p]);
      });
    }
    // The behaviours cost the pooled fund money.
    let pooled = 0;
    for (const scheme of [0, 1]) for (let b = 0; b < NB; b++) pooled += r.sums[behaviourCell(scheme, b, 'pooled')]!;
    expect(pooled).toBeGreaterThan(0);
  });

  it('counts each screen against the labels: flagged = TP + FP, touched = TP + FN', () => {
    const sc = r.scratch.supervised;
    const d = r.scratch.detection;
    const n = r.claims.length;
    const any = WORKER_SCREENS.indexOf('any');
    const flagged = Array.from({ length: n }, (_, c) => d.claimFlags[c] !== 0 || d.memberFlags[r.claims.person[c]!] !== 0);
    const touched = Array.from({ length: n }, (_, c) => sc.label[c]! > 0);
    expect(r.sums[screenCell(any, 'truePositives')]! + r.sums[screenCell(any, 'falsePositives')]!).toBe(flagged.filter(Boolean).length);
    expect(r.sums[screenCell(any, 'truePositives')]! + r.sums[screenCell(any, 'falseNegatives')]!).toBe(touched.filter(Boolean).length);
    expect(r.sums[screenCell(any, 'units')]).toBe(n);
    for (const screen of ['visits', 'costs', 'mismatch', 'readmission', 'sameDay', 'heavyTesting'] as const) {
      expect(r.sums[screenCell(WORKER_SCREENS.indexOf(screen), 'truePositives')], screen).toBeGreaterThan(0);
    }
  });

  it('opens cases against members found, with a sanction each, and suspends their networked settlement next year', () => {
    let cases = 0;
    let suspended = 0;
    for (const scheme of [0, 1]) {
      cases += r.sums[personCell(scheme, 'cases')]!;
      suspended += r.sums[personCell(scheme, 'suspended')]!;
      expect(r.sums[personCell(scheme, 'article41_1')]! + r.sums[personCell(scheme, 'article41_2')]!).toBe(r.sums[personCell(scheme, 'cases')]);
    }
    expect(cases).toBe(Array.from(r.scratch.detection.investigated.subarray(0, r.block.length)).filter((x) => x === 1).length);
    expect(cases).toBeGreaterThan(0);
    const until = Array.from(r.scratch.state.suspendedUntil);
    expect(until.filter((m) => m > (YEAR + 1) * 12).length).toBe(suspended);
    expect(until.every((m) => m === 0 || m > (YEAR + 1) * 12)).toBe(true);
  });

  it('gives the same sums whatever the chunking', () => {
    const parts = [run(heavy, 0, 1100), run(heavy, 1100, MEMBERS)];
    const added = parts[0]!.sums.map((x, k) => x + parts[1]!.sums[k]!);
    expect(Array.from(added)).toEqual(Array.from(r.sums));
  });

  it('settles the prepared claims themselves when every behaviour is off', () => {
    const off = run({ enabled: true, behaviours: Object.fromEntries(BEHAVIOURS.map((b) => [b, { prevalence: 0 }])) as SupervisionAssumptionsInput['behaviours'] }, 0, 500);
    const n = off.prepared.length;
    expect(off.claims.length).toBe(n);
    for (const col of ['person', 'setting', 'level', 'location', 'cause', 'flags', 'classA', 'classB', 'classC', 'day', 'lengthOfStay'] as const) {
      expect(Array.from(off.claims[col].subarray(0, n)), col).toEqual(Array.from(off.prepared[col].subarray(0, n)));
    }
    expect(Array.from(off.out.subarray(0, n * OUT_STRIDE))).toEqual(Array.from(off.counterfactual.subarray(0, n * OUT_STRIDE)));
    for (const scheme of [0, 1]) for (let b = 0; b < NB; b++) expect(off.sums[behaviourCell(scheme, b, 'claims')]).toBe(0);
    for (const scheme of [0, 1]) for (let p = 0; p < 3; p++) expect(off.sums[interactionCell(scheme, p)]).toBe(0);
  });
});

describe('the drug-resale ring (seed 004: drugs bought back at resalePriceShare of their price)', () => {
  const RESALE = labelOf('drugResale') - 1;
  const ring: SupervisionAssumptionsInput = {
    enabled: true,
    behaviours: Object.fromEntries(BEHAVIOURS.map((b) => [b, b === 'drugResale' ? { prevalence: 0.5, claimShare: 0.5, size: 1 } : { prevalence: 0 }])) as SupervisionAssumptionsInput['behaviours'],
  };
  const r = run(ring, 0, MEMBERS);
  /** The year's block, closed with the ring paying `price` of the drugs' price. */
  const closed = (price: number) => {
    const compiled = compileSupervision(supervisionAssumptions.parse({ ...ring, resalePriceShare: price }));
    const block = new Float64Array(SUPERVISION_BLOCK);
    closeSupervision({ compiled, rules: r.rules, keys, path: 0, plan: r.plan, institutions: inst, variants: 1, sums: () => r.sums, block: () => block });
    return block;
  };
  const both = (field: 'cash' | 'extraBill') => r.sums[behaviourCell(0, RESALE, field)]! + r.sums[behaviourCell(1, RESALE, field)]!;
  const cell = (block: Float64Array, field: Parameters<typeof blockBehaviourCell>[1]) => block[blockBehaviourCell(RESALE, field)]!;

  it('sums what the members paid more in cash on the claims it touched, to the fen', () => {
    const sc = r.scratch.supervised;
    let cash = 0;
    for (let c = 0; c < r.claims.length; c++) if (sc.label[c] === RESALE + 1) cash += paid(r.out, c, OUT.cash) - paid(r.counterfactual, sc.source[c]!, OUT.cash);
    expect(both('cash')).toBe(cash);
    expect(cash).toBeGreaterThan(0);
    expect(both('extraBill')).toBeGreaterThan(0);
  });

  it('pays the members resalePriceShare of the drugs they resold (the extra drugs) and reports their gain in cash', () => {
    const at45 = closed(0.45);
    expect(cell(at45, 'resaleCash')).toBe(Math.round(0.45 * both('extraBill')));
    expect(cell(at45, 'memberCash')).toBe(both('cash'));
    const row = (block: Float64Array) => {
      const out = new Float64Array(supervisionBehaviourMeasures.labels.length);
      supervisionBehaviourMeasures.read(block, new Float64Array(0), 1, out);
      return (metric: string, behaviour = 'drugResale') => out[supervisionBehaviourMeasures.labels.findIndex((l) => l.behaviour === behaviour && l.metric === metric)]!;
    };
    const m = row(at45);
    expect(m('resale_cash_yuan')).toBe(cell(at45, 'resaleCash') / 100);
    expect(m('resale_gain_yuan')).toBeCloseTo((cell(at45, 'resaleCash') - both('cash')) / 100, 6);
    // Only drugResale has a resale price; every behaviour has its members' cash.
    expect(m('resale_cash_yuan', 'cardLending')).toBeNaN();
    expect(m('member_cash_yuan', 'cardLending')).toBe(0);
    // A dearer ring pays more and the members gain more; the fund's leakage does not move.
    const at90 = closed(0.9);
    expect(cell(at90, 'resaleCash')).toBe(Math.round(0.9 * both('extraBill')));
    expect(row(at90)('resale_gain_yuan') - m('resale_gain_yuan')).toBeCloseTo((cell(at90, 'resaleCash') - cell(at45, 'resaleCash')) / 100, 6);
    expect(cell(at90, 'leakage')).toBe(cell(at45, 'leakage'));
    for (let b = 0; b < NB; b++) if (b !== RESALE) expect(at45[blockBehaviourCell(b, 'resaleCash')], BEHAVIOURS[b]).toBe(0);
  });
});
