/**
 * Where a claim's time goes, stage by stage, without a profiler: one chunk-year of the default scenario
 * (20,000 members in its second year) through each per-claim stage of the engine (engine/chunk.ts, in its
 * order), each timed alone many times over the same claims; the best time per claim. The goal of 5 million
 * claims/s per core leaves 200 ns a claim for all of them together. Member-level stages (population
 * dynamics, contributions, accounts, member aggregates) are left out: together they take under a tenth.
 */
import { allocateClaimBuffer } from '../claims/buffer.js';
import { generateClaims } from '../claims/generate.js';
import { claimsMacroAt } from '../claims/inflation.js';
import { allocateChannels, drawChannels } from '../cashflow/channel.js';
import { addCashflow, CASH_BLOCK } from '../cashflow/aggregates.js';
import { BLOCK } from '../engine/aggregates.js';
import { addClaims } from '../engine/aggregateYear.js';
import { costYearPriceLevel, populationMacro } from '../engine/chunk.js';
import { contextCache } from '../engine/context.js';
import { assignClaims } from '../institutions/assign.js';
import { caseBaseCost } from '../payment/chunk.js';
import { groupAdmissions } from '../payment/groups.js';
import { addPayments, paymentSumsLength } from '../payment/sums.js';
import { SETTINGS } from '../policy/vocabulary.js';
import { advanceYear } from '../population/dynamics.js';
import { createMembers } from '../population/members.js';
import { fillPersonColumns } from '../population/persons.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides } from '../scenario/load.js';
import { allocateAccumulators, allocatePersons, allocateResults } from '../settlement/columns.js';
import { settleBatch } from '../settlement/kernel.js';
import { median, type Bench } from './bench.js';

const MEMBERS = 20_000;
const ROUNDS = 40;
/** Rounds not counted: V8 optimises the stages during the first. */
const WARM_UP = 5;

/** The stages as the engine runs them on one chunk-year, each a closure over the same claims. */
export function stages() {
  const spec = runSpec(withOverrides(loadScenario(defaultScenarioFile()), { members: MEMBERS, horizon: 2, paths: 1 }));
  const ctx = contextCache(spec)({ path: 0, pass: 0 });
  const { scenario, keys, years } = spec;
  const year = years[1]!;
  const macro = ctx.policies.macro.years[1]!;
  const block = createMembers(scenario.population, keys, 0, 0, MEMBERS, years[0]!);
  advanceYear(scenario.population, keys, 0, block, year, populationMacro(macro));
  const costIndex = costYearPriceLevel(scenario, years[0]!) * macro.costIndex.toNumber();
  const claimsMacro = claimsMacroAt(scenario.utilisation, year, costIndex);
  const claims = allocateClaimBuffer(MEMBERS * 8, MEMBERS);
  const generate = () => generateClaims(scenario.utilisation, keys, 0, year, block, claims, { macro: claimsMacro });
  generate();
  const n = claims.length;
  const { models, pools } = ctx.providers;
  const group = new Int16Array(n);
  const institution = new Int32Array(n);
  const channels = allocateChannels(n);
  const persons = allocatePersons(MEMBERS);
  fillPersonColumns(block, persons);
  const acc = allocateAccumulators(MEMBERS);
  const out = allocateResults(n);
  const claimBlock = new Float64Array(BLOCK);
  const memberSums = [new Float64Array(MEMBERS), new Float64Array(MEMBERS), new Float64Array(MEMBERS * SETTINGS.length)] as const;
  const paymentSums = new Float64Array(paymentSumsLength(models.institutions));
  const cash = new Float64Array(CASH_BLOCK);
  const baseCost = caseBaseCost(models.payment, costIndex);
  const run: Record<string, () => void> = {
    'generating claims': generate,
    'case groups': () => groupAdmissions(models.groups, baseCost, models.payment.caseMix.sigma, keys, 0, year, block, claims, group),
    'institutions': () => assignClaims(models.table, pools[1]!.monthly, keys, 0, year, block, claims, institution),
    'channels': () => drawChannels(models.cashflow, keys, 0, year, block, claims, channels),
    'settlement': () => {
      acc.fill(0);
      settleBatch(ctx.compiled[0]![1]!, claims, persons, acc, out, 0, n);
    },
    'claim aggregates': () => addClaims(claimBlock, 0, claims, out, persons.type, ...memberSums),
    'payment sums': () => addPayments(paymentSums, models.institutions, models.compiled, models.groups, year, block, claims, out, institution, group, channels.channel),
    'cash-flow sums': () => addCashflow(cash, 0, year, block, claims, out, channels),
  };
  return { claims: n, run };
}

export const stagesBench: Bench = {
  name: 'stages',
  run(log) {
    const { claims, run } = stages();
    const times = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, stage] of Object.entries(run)) {
        const start = process.hrtime.bigint();
        stage();
        const ns = Number(process.hrtime.bigint() - start) / claims;
        if (round >= WARM_UP) times.set(name, [...(times.get(name) ?? []), ns]);
      }
    }
    const best = new Map([...times].map(([name, ns]) => [name, Math.min(...ns)]));
    const total = [...best.values()].reduce((a, b) => a + b, 0);
    const totalMedian = [...times.values()].reduce((a, ns) => a + median(ns), 0);
    log(`engine stages: one chunk-year of the default scenario (${MEMBERS.toLocaleString('en')} members, ${claims.toLocaleString('en')} claims), one thread, best (and median) of ${ROUNDS - WARM_UP} rounds, ns per claim`);
    for (const [name, ns] of best) log(`  ${name.padEnd(18)} ${ns.toFixed(0).padStart(4)} ns (${((100 * ns) / total).toFixed(0)}%; median ${median(times.get(name)!).toFixed(0)})`);
    log(`  together           ${total.toFixed(0).padStart(4)} ns a claim (median ${totalMedian.toFixed(0)}), ${(1e3 / total).toFixed(1)} million claims/s (goal ≥ 5 million claims/s per core: ≤ 200 ns)`);
  },
};
