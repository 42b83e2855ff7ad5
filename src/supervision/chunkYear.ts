/**
 * Supervision in a worker, per chunk-year, in the order the engine calls it:
 *
 *   prepareClaims → superviseClaims (behaviours, screens, reviews) → for each variant:
 *     settleCounterfactual (the prepared claims, on a copy of the accounts) and settleBatch on the
 *     supervised claims → addSupervisionSums
 *   → closeSupervisionYear (the baseline's sanctions on members: suspensions, offences, deterrence).
 *
 * Members' sanctions feed back from the baseline variant only, so that every variant settles the same
 * claims (common random numbers); each variant's sums still assess its own cases.
 */
import type { ClaimBuffer } from '../claims/buffer.js';
import type { ProviderScratch } from '../payment/chunk.js';
import { PERSON_TYPES, SCHEMES, SETTINGS, schemeOf } from '../policy/vocabulary.js';
import type { MemberBlock } from '../population/block.js';
import type { RunKeys } from '../random/keys.js';
import { KeyedStream } from '../random/stream.js';
import { SUPERVISION_STREAM } from '../random/streamIds.js';
import { settleBatch } from '../settlement/kernel.js';
import type { CompiledPolicy } from '../settlement/compile.js';
import { OUT, OUT_STRIDE, allocatePersons, allocateAccumulators, allocateResults, type PersonColumns } from '../settlement/columns.js';
import { applyBehaviours } from './apply.js';
import { NIB } from './behaviours.js';
import { allocateSupervisedClaims, type SupervisedClaims } from './claims.js';
import { personCase } from './cases.js';
import type { CompiledSupervision } from './compile.js';
import { allocateDetection, CHART_REVIEWED, detect, FOUND_BY_CHART, FOUND_BY_FLAG, type Detection } from './detect.js';
import type { SanctionRules } from './rules.js';
import { allocateMemberSupervision, syncOccupants, type MemberSupervision } from './members.js';
import type { SupervisionPlan } from './plan.js';
import { SCREEN_BIT } from './screens.js';
import {
  behaviourCell,
  effortCell,
  institutionCell,
  institutionLeakageCell,
  institutionRecoveredCell,
  interactionCell,
  personCell,
  screenCell,
  tallyScreen,
  WORKER_SCREENS,
  type BehaviourField,
} from './sums.js';

const SCHEME_OF_TYPE = Uint8Array.from(PERSON_TYPES, (t) => SCHEMES.indexOf(schemeOf(t)));
const ANY = WORKER_SCREENS.indexOf('any');
const INPATIENT = SETTINGS.indexOf('inpatient');
const MEMBER_SCREENS = [WORKER_SCREENS.indexOf('visits'), WORKER_SCREENS.indexOf('costs')];
const CLAIM_SCREENS = (['mismatch', 'heavyTesting', 'readmission', 'sameDay'] as const).map((s) => ({ index: WORKER_SCREENS.indexOf(s), bit: SCREEN_BIT[s] }));
/** Leakage parts, the bill and the member's cash, per prepared claim. */
const LP = 5;

/** What a thread needs, built once per run. */
export interface SupervisionModels {
  compiled: CompiledSupervision;
  rules: SanctionRules;
  /** HOSPITAL or PHARMACY per institution of the path (the same in every path: sizes differ, types do not). */
  institutionType: Uint8Array;
  /** The channel code of a claim paid in full while networked settlement is suspended. */
  suspendedChannel: number;
}

/** A chunk's supervision state and scratch, reused from year to year. */
export interface SupervisionScratch {
  supervised: SupervisedClaims;
  detection: Detection;
  state: MemberSupervision;
  /** Claims moved to self-advance by suspensions this year. */
  suspendedClaims: number;
  counterfactual: { persons: PersonColumns; acc: Float64Array; out: Float64Array };
  leak: Float64Array;
  rowLeak: Float64Array;
  labelled: Uint8Array;
  /** The baseline's sanctions on members this year: months of suspension, behaviours deterred (bits), sanctioned. */
  months: Int32Array;
  deter: Uint8Array;
  sanctioned: Uint8Array;
}

export function allocateSupervisionScratch(members: number): SupervisionScratch {
  return {
    supervised: allocateSupervisedClaims(1024, members),
    detection: allocateDetection(),
    state: allocateMemberSupervision(members),
    suspendedClaims: 0,
    counterfactual: { persons: allocatePersons(members), acc: allocateAccumulators(members), out: allocateResults(1024) },
    leak: new Float64Array(1024 * LP),
    rowLeak: new Float64Array(1024),
    labelled: new Uint8Array(1024),
    months: new Int32Array(members),
    deter: new Uint8Array(members),
    sanctioned: new Uint8Array(members),
  };
}

/** The year's supervised claims, and the provider models' per-claim columns to go with them. */
export function superviseClaims(
  m: SupervisionModels,
  plan: SupervisionPlan,
  yearIndex: number,
  keys: RunKeys,
  path: number,
  year: number,
  block: MemberBlock,
  prepared: ClaimBuffer,
  provider: ProviderScratch,
  scratch: SupervisionScratch,
): { claims: ClaimBuffer; provider: ProviderScratch } {
  syncOccupants(scratch.state, block);
  const sc = scratch.supervised;
  const counts = applyBehaviours(
    m.compiled,
    {
      keys,
      path,
      year,
      members: block,
      claims: prepared,
      institution: provider.institution,
      group: provider.group,
      channels: provider.channels,
      institutionType: m.institutionType,
      engaged: plan.engaged[yearIndex]!,
      state: scratch.state,
      suspendedChannel: m.suspendedChannel,
    },
    sc,
  );
  scratch.suspendedClaims = counts.suspendedClaims;
  detect(m.compiled.a, keys, path, year, block, sc, scratch.detection);
  scratch.months.fill(0);
  scratch.deter.fill(0);
  scratch.sanctioned.fill(0);
  return { claims: sc.claims, provider: { responded: provider.responded, group: sc.group, institution: sc.institution, channels: sc.channels } };
}

/** Settle the prepared claims as if no behaviour had touched them, on a copy of the members' accounts. */
export function settleCounterfactual(policy: CompiledPolicy, prepared: ClaimBuffer, persons: PersonColumns, scratch: SupervisionScratch): void {
  const cf = scratch.counterfactual;
  const n = persons.length;
  if (cf.persons.type.length < n) {
    cf.persons = allocatePersons(n);
    cf.acc = allocateAccumulators(n);
  }
  cf.persons.length = n;
  cf.persons.type.set(persons.type.subarray(0, n));
  cf.persons.flags.set(persons.flags.subarray(0, n));
  cf.persons.accountBalance.set(persons.accountBalance.subarray(0, n));
  cf.persons.familyBalance.set(persons.familyBalance.subarray(0, n));
  if (cf.out.length < prepared.length * OUT_STRIDE) cf.out = allocateResults(prepared.capacity);
  cf.acc.fill(0);
  settleBatch(policy, prepared, cf.persons, cf.acc, cf.out, 0, prepared.length);
}

/**
 * Add one variant's supervision sums: leakage (`out` settles the supervised claims, the counterfactual
 * the prepared ones), screens against the labels, reviews, and the cases against members. `baseline`:
 * record the sanctions that feed back (closeSupervisionYear).
 */
export function addSupervisionSums(
  m: SupervisionModels,
  keys: RunKeys,
  path: number,
  year: number,
  block: MemberBlock,
  prepared: ClaimBuffer,
  out: Float64Array,
  scratch: SupervisionScratch,
  sums: Float64Array,
  baseline: boolean,
): void {
  const a = m.compiled.a;
  const sc = scratch.supervised;
  const claims = sc.claims;
  const d = scratch.detection;
  const out0 = scratch.counterfactual.out;
  fitLeak(scratch, prepared.length, claims.length);
  const { leak, rowLeak, labelled } = scratch;
  const s = new KeyedStream(keys);
  const U = new Float64Array(4);
  const add = (cell: number, x: number) => (sums[cell] += x);
  const screen = (k: number, flagged: boolean, positive: boolean, amount: number) => tallyScreen((field, x) => add(screenCell(k, field), x), flagged, positive, amount);
  const part = (o: Float64Array, at: number, p: number) =>
    p === 0 ? o[at + OUT.pooledFund]! : p === 1 ? o[at + OUT.seriousIllness]! : o[at + OUT.personalAccount]! + o[at + OUT.familyAccount]!;
  add(effortCell('suspendedClaims'), scratch.suspendedClaims);

  for (let i = 0; i < block.length; i++) {
    const first = claims.memberStart[i]!;
    const end = claims.memberStart[i + 1]!;
    if (first === end) continue;
    const scheme = SCHEME_OF_TYPE[block.type[i]!]!;
    const pf = prepared.memberStart[i]!;
    const pe = prepared.memberStart[i + 1]!;
    for (let x = pf; x < pe; x++) {
      const o = x * OUT_STRIDE;
      for (let p = 0; p < 3; p++) leak[x * LP + p] = -part(out0, o, p);
      leak[x * LP + 3] = -(prepared.classA[x]! + prepared.classB[x]! + prepared.classC[x]!);
      leak[x * LP + 4] = -out0[o + OUT.cash]!;
      labelled[x] = 0;
    }
    for (let c = first; c < end; c++) {
      const x = sc.source[c]!;
      const o = c * OUT_STRIDE;
      for (let p = 0; p < 3; p++) leak[x * LP + p] += part(out, o, p);
      leak[x * LP + 3] += claims.classA[c]! + claims.classB[c]! + claims.classC[c]!;
      leak[x * LP + 4] += out[o + OUT.cash]!;
      if (sc.label[c]! > 0) labelled[x] = 1;
    }
    // Touched claims: their source's leakage; everything else is interaction.
    let memberLeak = 0;
    let touched = false;
    const personal = [0, 0, 0];
    let personRecovered = 0;
    let personIntent = 0;
    for (let c = first; c < end; c++) {
      const label = sc.label[c]!;
      const inst = sc.institution[c]!;
      const bill = claims.classA[c]! + claims.classB[c]! + claims.classC[c]!;
      if (inst >= 0) {
        add(institutionCell(inst, 'claims'), 1);
        add(institutionCell(inst, 'bill'), bill);
      }
      rowLeak[c] = 0;
      if (label > 0) {
        const b = label - 1;
        const x = sc.source[c]!;
        const total = leak[x * LP]! + leak[x * LP + 1]! + leak[x * LP + 2]!;
        const recovered = Math.max(0, total);
        rowLeak[c] = total;
        memberLeak += total;
        touched = true;
        const cell = (field: BehaviourField, v: number) => add(behaviourCell(scheme, b, field), v);
        cell('claims', 1);
        cell('added', sc.added[c]!);
        cell('extraBill', leak[x * LP + 3]!);
        cell('pooled', leak[x * LP]!);
        cell('serious', leak[x * LP + 1]!);
        cell('account', leak[x * LP + 2]!);
        cell('cash', leak[x * LP + 4]!);
        const found = d.found[c]!;
        if (found === FOUND_BY_FLAG) {
          cell('flagFound', 1);
          cell('flagRecovered', recovered);
        } else if (found === FOUND_BY_CHART) {
          cell('chartFound', 1);
          cell('chartRecovered', recovered);
        } else if (claims.setting[c] === INPATIENT && !(d.reviewed[c]! & CHART_REVIEWED)) {
          cell('chartReserveClaims', 1);
          cell('chartReserve', recovered);
        }
        if (b < NIB && inst >= 0) {
          add(institutionLeakageCell(inst, b), total);
          if (found !== 0) add(institutionRecoveredCell(inst, b), recovered);
        } else if (b >= NIB) {
          for (let p = 0; p < 3; p++) personal[p] += leak[x * LP + p]!;
          if (found !== 0) {
            personRecovered += recovered;
            personIntent = Math.max(personIntent, m.compiled.intent[b]!);
          }
        }
      }
      const flags = d.claimFlags[c]!;
      for (const k of CLAIM_SCREENS) screen(k.index, (flags & k.bit) !== 0, label > 0, rowLeak[c]!);
      screen(ANY, flags !== 0 || d.memberFlags[i] !== 0, label > 0, rowLeak[c]!);
      if (d.reviewed[c]! & 1) add(effortCell('flaggedClaims'), 1);
      if (d.reviewed[c]! & 2) add(effortCell('chartsReviewed'), 1);
      if (claims.setting[c] === INPATIENT) add(effortCell('discharges'), 1);
    }
    for (let x = pf; x < pe; x++) if (!labelled[x]) for (let p = 0; p < 3; p++) add(interactionCell(scheme, p), leak[x * LP + p]!);
    for (const k of MEMBER_SCREENS) screen(k, (d.memberFlags[i]! & (1 << k)) !== 0, touched, memberLeak);

    if (!d.investigated[i]) continue;
    // A case against the member (条例 Art 41): its facts are keyed draws of the member-year.
    s.member(path, block.slot[i]!, block.generation[i]!, year).select(SUPERVISION_STREAM.memberCase).fill(U, 4);
    const loss = Math.max(0, personal[0]! + personal[1]! + personal[2]!);
    const correctedInTime = U[1]! < a.sanctions.correctedInTime;
    const outcome = personCase(m.rules(year), {
      intent: U[0]! < personIntent,
      amountFen: loss,
      allFromPersonalAccount: personal[0]! + personal[1]! <= 0 && personal[2]! > 0,
      firstOffence: scratch.state.offences[i] === 0,
      correctedInTime,
      refusedToCorrect: !correctedInTime && U[2]! < a.sanctions.refusedToCorrect,
    });
    const months = outcome.effects.settlementSuspensionMonths;
    const deterred = U[3]! < a.sanctions.deterrence;
    const p = (field: Parameters<typeof personCell>[1], v = 1) => add(personCell(scheme, field), v);
    add(effortCell('membersInvestigated'), 1);
    p('cases');
    p(outcome.article === '41.2' ? 'article41_2' : 'article41_1');
    if (!outcome.covered) p('uncovered');
    if (outcome.noPenalty) p('noPenalty');
    p('loss', loss);
    // Every case returns the loss: ordered (责令退回), or returned before the order (及时改正).
    p('returned', Math.max(0, loss - personRecovered));
    p('fines', outcome.effects.fineFen);
    p('suspensionMonths', months);
    if (months > 0) p('suspended');
    if (deterred) p('deterred');
    if (baseline) {
      scratch.sanctioned[i] = 1;
      scratch.months[i] = months;
      if (deterred) scratch.deter[i] = personBehavioursFound(sc, d, first, end);
    }
  }
}

/** Bits of the person behaviours (PERSON_BEHAVIOURS order) found on the member's claims. */
function personBehavioursFound(sc: SupervisedClaims, d: Detection, first: number, end: number): number {
  let bits = 0;
  for (let c = first; c < end; c++) if (d.found[c] !== 0 && sc.label[c]! > NIB) bits |= 1 << (sc.label[c]! - 1 - NIB);
  return bits;
}

/** The baseline's sanctions on members take effect: suspensions from January of the next year, offences, deterrence. */
export function closeSupervisionYear(scratch: SupervisionScratch, year: number, block: MemberBlock): void {
  const st = scratch.state;
  for (let i = 0; i < block.length; i++) {
    if (!scratch.sanctioned[i]) continue;
    st.offences[i] = st.offences[i]! + 1;
    st.deterred[i] = st.deterred[i]! | scratch.deter[i]!;
    if (scratch.months[i]! > 0) st.suspendedUntil[i] = Math.max(st.suspendedUntil[i]!, (year + 1) * 12 + scratch.months[i]!);
  }
}

function fitLeak(s: SupervisionScratch, prepared: number, claims: number): void {
  if (s.labelled.length < prepared) {
    const n = Math.max(prepared, 2 * s.labelled.length);
    s.leak = new Float64Array(n * LP);
    s.labelled = new Uint8Array(n);
  }
  if (s.rowLeak.length < claims) s.rowLeak = new Float64Array(Math.max(claims, 2 * s.rowLeak.length));
}
