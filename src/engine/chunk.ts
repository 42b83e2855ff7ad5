/**
 * One chunk: a block of member slots of one path, through every projection year. Each year the block
 * ages (population dynamics), contributes and is credited to personal accounts, generates its claims once,
 * and every policy variant settles those same claims (common random numbers) with its own account
 * balances; with the behavioural response on, a reform settles them thinned or repeated (inducedClaims.ts).
 * Before settlement the provider models prepare the claims (payment/chunk.ts: case groups,
 * provider responses, the institution that treats each claim, card or self-advance); after it, each
 * variant's settled claims add into the payment sums and the cash-flow block. Only these sums leave the
 * chunk (chunkLayout.ts).
 *
 * Accounts (个人账户, employees only) in a year: opening balance → credit at the start of the year → claims
 * draw on it → interest once at the year end (seed 002 篇8) → the balance of a member who died or left goes
 * out with them (inherited or transferred); the rest is next year's opening balance.
 */
import { claimsMacroAt } from '../claims/inflation.js';
import { generateClaims } from '../claims/generate.js';
import { allocateClaimBuffer, type ClaimBuffer } from '../claims/buffer.js';
import { accountInterest, contributionBase, contributionTerms, employeeContribution, employerContribution, inServiceAccountCredit, retiredAccountCredit, retiredContribution, type ContributionTerms } from '../fund/contributions.js';
import { toFen } from '../money/decimal.js';
import { yuanToFen } from '../money/fen.js';
import { EVENT_DIED, EVENT_ENTERED, EVENT_EXITED, EVENT_RETIRED, type MemberBlock } from '../population/block.js';
import { advanceYear } from '../population/dynamics.js';
import { createMembers } from '../population/members.js';
import { fillPersonColumns } from '../population/persons.js';
import type { PopulationMacro } from '../population/macro.js';
import { PERSON_TYPES, SETTINGS } from '../policy/vocabulary.js';
import { OUT_STRIDE, allocateAccumulators, allocatePersons, allocateResults, type PersonColumns } from '../settlement/columns.js';
import { compilePolicy, type CompiledPolicy } from '../settlement/compile.js';
import { settleBatch } from '../settlement/kernel.js';
import { addProviderSums, allocateProviderScratch, prepareClaims, type ProviderScratch } from '../payment/chunk.js';
import { MONEY_FIELDS, blockOffset, moneyCell } from './aggregates.js';
import { addClaims, addEvent, addMembers, addPaired } from './aggregateYear.js';
import { ChunkSupervision } from '../supervision/engine.js';
import { cashOffset, chunkLayout, sumsOffset, supervisionSumsOffset } from './chunkLayout.js';
import type { DemandTable } from './demandFactors.js';
import { allocateClaimSet, variantClaims, type ClaimSet } from './inducedClaims.js';
import type { Chunk } from './plan.js';
import type { ChunkProviders } from './providers.js';
import type { PathPolicies, RunSpec } from './spec.js';

const INSERVICE = PERSON_TYPES.indexOf('inService');
const RETIRED = PERSON_TYPES.indexOf('retired');
const MF = Object.fromEntries(MONEY_FIELDS.map((f, i) => [f, i])) as Record<(typeof MONEY_FIELDS)[number], number>;

/** The macro path and the compiled policy of every variant and year (shared by all paths when the macro is deterministic). */
export interface PolicyContext {
  policies: PathPolicies;
  /** [variant][yearIndex] */
  compiled: CompiledPolicy[][];
  /** [variant][yearIndex]: the resident policy's elderly age (undefined without a resident scheme). */
  elderlyAge: (number | undefined)[][];
  /** Induced demand factors (demandFactors.ts); absent when the behavioural response is off. */
  demand?: DemandTable;
}

const pairedOop = (st: VariantState) => ({ total: st.oop, bySetting: st.oopBySetting });

/** What a path's chunks share: its policies, and its institutions with their statuses by year. */
export interface PathContext extends PolicyContext {
  providers: ChunkProviders;
}

export function policyContext(policies: PathPolicies): PolicyContext {
  return {
    policies,
    compiled: policies.timelines.map((t) => t.map((y) => compilePolicy(y.policy))),
    elderlyAge: policies.timelines.map((t) => t.map((y) => y.policy.resident?.elderlyAge)),
  };
}

/** Per-variant mutable state of a chunk. */
interface VariantState {
  persons: PersonColumns;
  oop: Float64Array;
  /** Out-of-pocket by setting, member × SETTINGS (for winners and losers by setting). */
  oopBySetting: Float64Array;
}

/**
 * `reuse`: an earlier result to fill again (zeroed here) when its length fits, else `allocate` makes one
 * (a worker's lives in shared memory: worker.ts).
 */
export function simulateChunk(spec: RunSpec, ctx: PathContext, chunk: Chunk, reuse?: Float64Array, allocate: (n: number) => Float64Array = (n) => new Float64Array(n)): Float64Array {
  const { scenario, keys, years } = spec;
  const variants = spec.variants.length;
  const { models, pools } = ctx.providers;
  const layout = chunkLayout(variants, years.length, models.institutions, ctx.providers.supervision !== null);
  const result = reuse?.length === layout.length ? reuse.fill(0) : allocate(layout.length);
  const block = createMembers(scenario.population, keys, chunk.path, chunk.slotFrom, chunk.slotTo, years[0]!);
  const n = block.length;
  const terms = contributionTerms(scenario.fund.employee);
  const opening = yuanToFen(scenario.fund.employee.accounts.openingPerMember);
  const ws = workspaceFor(n, variants);
  const { states, buffer, acc, scratch, bill, income, credit, unused } = ws;
  for (const st of states) openAccounts(block, st.persons, opening);
  let out = ws.out;
  // Induced demand: a reform variant's own claims (inducedClaims.ts) and its members' bills.
  const induced = ctx.demand && ws.induced;
  const priceLevel = costYearPriceLevel(scenario, years[0]!);
  const supervision = ctx.providers.supervision && new ChunkSupervision(ctx.providers.supervision, keys, chunk.path, block);

  years.forEach((year, y) => {
    const macro = ctx.policies.macro.years[y]!;
    if (y > 0) {
      advanceYear(scenario.population, keys, chunk.path, block, year, populationMacro(macro));
      for (const st of states) renewAccounts(block, st.persons);
    }
    const averageWageFen = toFen(macro.averageWage);
    const wageIndex = macro.wageIndex.toNumber();
    const claimsMacro = claimsMacroAt(scenario.utilisation, year, priceLevel * macro.costIndex.toNumber());
    generateClaims(scenario.utilisation, keys, chunk.path, year, block, buffer, { macro: claimsMacro });
    const prepared = prepareClaims(models, pools[y]!, keys, chunk.path, year, claimsMacro.costIndex, block, buffer, scratch);
    // Supervision (off: the prepared claims as they are): behaviours change and label claims, screens flag them.
    const { claims, provider } = supervision ? supervision.claims(y, year, prepared, scratch) : { claims: prepared, provider: scratch };
    if (out.length < claims.length * OUT_STRIDE) out = ws.out = allocateResults(claims.capacity);
    bill.fill(0);
    memberIncome(block, income, scenario.analysis, wageIndex);

    for (let v = 0; v < variants; v++) {
      const st = states[v]!;
      const at = blockOffset(v, y, years.length);
      fillPersonColumns(block, st.persons, ctx.elderlyAge[v]![y]);
      contribute(result, at, block, st.persons, terms, averageWageFen, credit);
      acc.fill(0);
      supervision?.beforeSettle(ctx.compiled[v]![y]!, st.persons);
      const own = induced ? variantClaims(ctx.demand![v]![y], keys, chunk.path, year, block, st.persons.type, claims, provider, induced.set) : { claims, provider };
      if (out.length < own.claims.length * OUT_STRIDE) out = ws.out = allocateResults(own.claims.capacity);
      const memberBill = v === 0 ? bill : own.claims !== claims ? induced!.bill.fill(0) : unused;
      settleBatch(ctx.compiled[v]![y]!, own.claims, st.persons, acc, out, 0, own.claims.length);
      st.oop.fill(0);
      st.oopBySetting.fill(0);
      addClaims(result, at, own.claims, out, st.persons.type, memberBill, st.oop, st.oopBySetting);
      const sums = sumsOffset(layout, v, y);
      addProviderSums(models, year, block, own.claims, out, own.provider, result.subarray(sums, sums + layout.sumsLength), result, cashOffset(layout, v, y));
      if (supervision) supervision.afterSettle(v, out, result.subarray(supervisionSumsOffset(layout, v, y), supervisionSumsOffset(layout, v, y) + layout.supervisionLength));
      addMembers(result, at, { length: n, type: st.persons.type, age: block.age, alive: block.alive }, memberBill === unused ? bill : memberBill, st.oop, income, scenario.analysis.catastrophicShare);
      if (v > 0) addPaired(result, at, { length: n, type: st.persons.type, age: block.age, alive: block.alive }, pairedOop(st), pairedOop(states[0]!));
      addEvents(result, at, block, st.persons);
      closeAccounts(result, at, block, st.persons, terms);
    }
    supervision?.endYear();
  });
  return result;
}

/**
 * A chunk's working columns. Every chunk of a run has the same size (the last may be shorter), so a thread
 * keeps the last chunk's columns for the next instead of allocating ≈ 13 MB a chunk (garbage collection took
 * ≈ 5% of a thread's time, now ≈ 1.5%). Every column is rewritten or cleared before it is read, as between
 * the years of one chunk; account balances are opened per chunk (openAccounts).
 */
interface Workspace {
  members: number;
  states: VariantState[];
  buffer: ClaimBuffer;
  acc: Float64Array;
  /** Settlement results; grows with the claims. */
  out: Float64Array;
  scratch: ProviderScratch;
  bill: Float64Array;
  income: Float64Array;
  credit: Float64Array;
  /** Bills of a variant that settles the baseline's claims: added to, never read. */
  unused: Float64Array;
  induced: { set: ClaimSet; bill: Float64Array };
}

let kept: Workspace | undefined;

function workspaceFor(n: number, variants: number): Workspace {
  if (kept?.members !== n || kept.states.length !== variants) {
    const buffer = allocateClaimBuffer(Math.max(1024, n * 8), n);
    kept = {
      members: n,
      states: Array.from({ length: variants }, () => ({ persons: allocatePersons(n), oop: new Float64Array(n), oopBySetting: new Float64Array(n * SETTINGS.length) })),
      buffer,
      acc: allocateAccumulators(n),
      out: allocateResults(buffer.capacity),
      scratch: allocateProviderScratch(),
      bill: new Float64Array(n),
      income: new Float64Array(n),
      credit: new Float64Array(n),
      unused: new Float64Array(n),
      induced: { set: allocateClaimSet(), bill: new Float64Array(n) },
    };
  }
  for (const st of kept.states) st.persons.familyBalance.fill(0);
  return kept;
}

export function populationMacro(m: { year: number; wageIndex: { toNumber(): number }; wageGrowth: { toNumber(): number } }): PopulationMacro {
  return { year: m.year, wageIndex: m.wageIndex.toNumber(), wageGrowth: m.wageGrowth.toNumber() };
}

/**
 * Claim costs are tabled in the utilisation's cost year; the macro path's cost index runs from the base
 * year. Between the two, prices move at the scenario's planned medical inflation.
 */
export function costYearPriceLevel(scenario: RunSpec['scenario'], baseYear: number): number {
  const { costYear } = scenario.utilisation;
  const rate = scenario.macro.medicalInflation;
  let level = 1;
  for (let y = costYear + 1; y <= baseYear; y++) level *= 1 + (rate.byYear[String(y)] ?? rate.rate);
  for (let y = costYear; y > baseYear; y--) level /= 1 + (rate.byYear[String(y)] ?? rate.rate);
  return level;
}

/** Base-year members start with the scenario's average account balance (employees only). */
function openAccounts(block: MemberBlock, persons: PersonColumns, openingFen: number): void {
  for (let i = 0; i < block.length; i++) {
    const t = block.type[i]!;
    persons.accountBalance[i] = block.alive[i] === 1 && (t === INSERVICE || t === RETIRED) ? openingFen : 0;
  }
}

/** New occupants of a slot start with an empty account. */
function renewAccounts(block: MemberBlock, persons: PersonColumns): void {
  for (let i = 0; i < block.length; i++) if (block.event[i]! & EVENT_ENTERED || block.alive[i] !== 1) persons.accountBalance[i] = 0;
}

/** Annual income for the catastrophic-spending threshold: the wage, or the scenario's pension / resident income. */
function memberIncome(block: MemberBlock, income: Float64Array, a: RunSpec['scenario']['analysis'], wageIndex: number): void {
  const pension = Math.round(a.retireeIncome * 100 * wageIndex);
  const resident = Math.round(a.residentIncome * 100 * wageIndex);
  for (let i = 0; i < block.length; i++) {
    const t = block.type[i]!;
    income[i] = t === INSERVICE ? block.wage[i]! : t === RETIRED ? pension : resident;
  }
}

/** Contributions on bounded bases and the start-of-year account credit, into the money cells. */
function contribute(result: Float64Array, at: number, block: MemberBlock, persons: PersonColumns, terms: ContributionTerms, averageWageFen: number, credit: Float64Array): void {
  for (let i = 0; i < block.length; i++) {
    credit[i] = 0;
    if (block.alive[i] !== 1) continue;
    const t = persons.type[i]!;
    if (t !== INSERVICE && t !== RETIRED) continue;
    const balance = persons.accountBalance[i]!;
    result[at + moneyCell(t, MF.accountOpening)] += balance;
    if (t === INSERVICE) {
      const base = contributionBase(block.wage[i]!, averageWageFen, terms);
      result[at + moneyCell(t, MF.contributionBase)] += base;
      result[at + moneyCell(t, MF.employerContribution)] += employerContribution(base, terms);
      result[at + moneyCell(t, MF.employeeContribution)] += employeeContribution(base, terms);
      credit[i] = inServiceAccountCredit(base, terms);
    } else {
      result[at + moneyCell(t, MF.employeeContribution)] += retiredContribution(block.wage[i]!, terms);
      credit[i] = retiredAccountCredit(terms);
    }
    result[at + moneyCell(t, MF.accountCredit)] += credit[i]!;
    persons.accountBalance[i] = balance + credit[i]!;
  }
}

/** Year-end interest; balances of members who died or left go out with them. */
function closeAccounts(result: Float64Array, at: number, block: MemberBlock, persons: PersonColumns, terms: ContributionTerms): void {
  for (let i = 0; i < block.length; i++) {
    if (block.alive[i] !== 1) continue;
    const t = persons.type[i]!;
    if (t !== INSERVICE && t !== RETIRED) continue;
    const interest = accountInterest(persons.accountBalance[i]!, terms);
    const balance = persons.accountBalance[i]! + interest;
    result[at + moneyCell(t, MF.accountInterest)] += interest;
    if (block.event[i]! & (EVENT_DIED | EVENT_EXITED)) {
      result[at + moneyCell(t, MF.accountLeavers)] += balance;
      persons.accountBalance[i] = 0;
    } else {
      result[at + moneyCell(t, MF.accountClosing)] += balance;
      persons.accountBalance[i] = balance;
    }
  }
}

function addEvents(result: Float64Array, at: number, block: MemberBlock, persons: PersonColumns): void {
  for (let i = 0; i < block.length; i++) {
    const e = block.event[i]!;
    if (e === 0 || block.alive[i] !== 1) continue;
    const t = persons.type[i]!;
    const age = block.age[i]!;
    if (e & EVENT_DIED) addEvent(result, at, t, age, 'deaths');
    if (e & EVENT_EXITED) addEvent(result, at, t, age, 'exits');
    if (e & EVENT_ENTERED) addEvent(result, at, t, age, 'entrants');
    if (e & EVENT_RETIRED) addEvent(result, at, t, age, 'retirements');
  }
}
