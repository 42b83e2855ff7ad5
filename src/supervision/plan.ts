/**
 * A path's institution supervision, year by year: which designated institutions engage in which
 * behaviours, which are inspected on site (篇五), what inspections find and how the cases are
 * sanctioned, and the sanctions' feedback: a suspended department's (the model's departments are whole
 * institutions) and a terminated agreement's patients go elsewhere from January of the next year.
 *
 * It is a pure function of (seed, path, institution, year) and of the pool's statuses, so the workers
 * and the main thread, which each build it, agree, and workers know before a year's claims which
 * institutions are open and which engage. For that reason a case's tier is chosen on the behaviours'
 * planned loss share (Σ claimShare × size of the behaviours found: the extra billed on the touched
 * claims as a share of the institution's bills, what its whole patient population would show), not on
 * the sample's realised share; the amounts returned and fined are the realised ones (close.ts).
 *
 * On-site inspections, each year, of designated institutions open in some month: a random check of
 * exactly ⌈spotCheck.hospital × open hospitals⌉ hospitals and ⌈spotCheck.pharmacy × open pharmacies⌉
 * pharmacies (篇五 L687's minimums, met every year; a keyed shuffle, spotCheckSample), the topSpenders
 * hospitals the fund paid most the year before (篇五 L707, 医保基金排名前5名; in the first projection year,
 * which has no simulated year before it, the largest by size), and those a complaint is made against
 * (举报, L689). An inspection finds each behaviour engaged in with chance detection.onSite. Claims found
 * by screens and chart reviews are recovered (拒付、追回) in close.ts but open no institution case.
 *
 * Last year's payments are realised ones, known only once every chunk of the path has run that year; but
 * a year's claims depend only on earlier years' inspections (sanctions act from the next January), so the
 * engine runs a path with a guess of the payments, checks the plan against what the run paid
 * (firstMisranked) and runs the path again from the realised payments until they agree. Each rerun fixes
 * at least one more year, and the result is the one a year-by-year run would give, whatever the guess.
 */
import type { Institutions } from '../institutions/generate.js';
import type { PoolYear } from '../institutions/pool.js';
import { HOSPITAL, PHARMACY, STATUS } from '../institutions/vocabulary.js';
import type { RunKeys } from '../random/keys.js';
import { KeyedStream } from '../random/stream.js';
import { INSTITUTION_GENERATION, SUPERVISION_INSTITUTION_STREAM } from '../random/streamIds.js';
import { BEHAVIOUR_INFO, INSTITUTION_BEHAVIOURS, NIB } from './behaviours.js';
import { institutionCase, type CaseOutcome } from './cases.js';
import { ACTOR_CODE, type CompiledSupervision } from './compile.js';
import type { SanctionRules } from './rules.js';

/** Why an institution was inspected (bits). */
export const INSPECTED = { spotCheck: 1, topSpender: 2, complaint: 4 } as const;

export interface PlannedCase {
  institution: number;
  /** Institution behaviours found (INSTITUTION_BEHAVIOURS positions). */
  found: number[];
  intent: boolean;
  /** The planned loss share that chose the tier. */
  share: number;
  firstOffence: boolean;
  correctedInTime: boolean;
  refusedToCorrect: boolean;
  /** The sanction as decided on the planned share (no amount: returns and fines come in close.ts). */
  outcome: CaseOutcome;
  deterred: boolean;
}

export interface SupervisionPlan {
  years: number[];
  institutions: number;
  /** [yearIndex][institution × NIB + b]: 1 when the institution engages in institution behaviour b. */
  engaged: Uint8Array[];
  /** [yearIndex][institution]: INSPECTED bits. */
  inspected: Uint8Array[];
  /** [yearIndex]: the hospitals inspected as top spenders, highest first. */
  topSpenders: number[][];
  cases: PlannedCase[][];
}

/**
 * Plan a path's supervision and put its suspensions and terminations into the pools' monthly statuses
 * (in place: `pools[y].monthly`, which assignment and clearing read).
 */
export function planSupervision(
  c: CompiledSupervision,
  rules: SanctionRules,
  keys: RunKeys,
  path: number,
  inst: Institutions,
  pools: readonly PoolYear[],
  years: readonly number[],
  lastYearPaid: LastYearPaid = [],
): SupervisionPlan {
  const n = inst.length;
  const a = c.a;
  const s = new KeyedStream(keys);
  const P = new Float64Array(NIB);
  const I = new Float64Array(2);
  const K = new Float64Array(NIB + 4);
  const propensity = new Uint8Array(n * NIB);
  if (c.anyInstitution) {
    for (let i = 0; i < n; i++) {
      s.member(path, i, INSTITUTION_GENERATION, years[0]!).select(SUPERVISION_INSTITUTION_STREAM.propensity).fill(P, NIB);
      for (let b = 0; b < NIB; b++) if (P[b]! < c.prevalence[b]! && actorFits(c.actor[b]!, inst.type[i]!)) propensity[i * NIB + b] = 1;
    }
  }
  const offences = new Uint16Array(n);
  const plan: SupervisionPlan = { years: [...years], institutions: n, engaged: [], inspected: [], topSpenders: [], cases: [] };
  years.forEach((year, y) => {
    const monthly = pools[y]!.monthly;
    const engaged = propensity.slice();
    const inspected = new Uint8Array(n);
    const cases: PlannedCase[] = [];
    plan.engaged.push(engaged);
    plan.inspected.push(inspected);
    plan.cases.push(cases);
    if (!a.enabled) {
      plan.topSpenders.push([]);
      return;
    }
    const open = openInstitutions(monthly, n);
    const top = topSpenders(inst, open, a.inspection.topSpenders, lastYearPaid[y]);
    plan.topSpenders.push(top);
    for (const i of top) inspected[i] |= INSPECTED.topSpender;
    for (const i of spotCheckSample(keys, path, year, inst, open, a.inspection.spotCheck)) inspected[i] |= INSPECTED.spotCheck;
    for (let i = 0; i < n; i++) {
      if (!open[i]) continue;
      const engages = engaged.subarray(i * NIB, (i + 1) * NIB).includes(1);
      s.member(path, i, INSTITUTION_GENERATION, year).select(SUPERVISION_INSTITUTION_STREAM.inspection).fill(I, 2);
      if (I[1]! < (engages ? a.inspection.complaint.engaged : a.inspection.complaint.other)) inspected[i] |= INSPECTED.complaint;
      if (!inspected[i] || !engages) continue;
      s.select(SUPERVISION_INSTITUTION_STREAM.case).fill(K, NIB + 4);
      const found: number[] = [];
      for (let b = 0; b < NIB; b++) if (engaged[i * NIB + b] && K[b]! < a.inspection.detection.onSite) found.push(b);
      if (found.length === 0) continue;
      const fraud = found.some((b) => BEHAVIOUR_INFO[INSTITUTION_BEHAVIOURS[b]!].article === '40');
      const intent = fraud || K[NIB]! < Math.max(...found.map((b) => c.intent[b]!));
      const share = plannedShare(c, found);
      const correctedInTime = K[NIB + 1]! < a.sanctions.correctedInTime;
      const refusedToCorrect = !correctedInTime && K[NIB + 2]! < a.sanctions.refusedToCorrect;
      const firstOffence = offences[i] === 0;
      const outcome = institutionCase(rules(year), { intent, amountFen: 0, share, firstOffence, correctedInTime, refusedToCorrect });
      const deterred = K[NIB + 3]! < a.sanctions.deterrence;
      cases.push({ institution: i, found, intent, share, firstOffence, correctedInTime, refusedToCorrect, outcome, deterred });
      offences[i]++;
      if (deterred) for (const b of found) propensity[i * NIB + b] = 0;
      closeFrom(pools, y + 1, i, outcome.effects.departmentSuspensionMonths, outcome.effects.agreementTerminated);
    }
  });
  return plan;
}

/**
 * The planned loss share of the behaviours found: Σ claimShare × size, rounded to 9 decimals. The bands it
 * is put to sit on round numbers (seed 003 L57–L69, L111–L123: 0.2%, 0.5%, 1.5%, where 以下 includes the
 * number, 第十一条 L203), and binary products miss them: 0.1 × 0.05 is 0.005000000000000001, which is
 * 0.5%以上 (一般) when the assumptions wrote exactly 0.5%以下 (从轻).
 */
export function plannedShare(c: CompiledSupervision, found: readonly number[]): number {
  const share = found.reduce((sum, b) => sum + c.claimShare[b]! * c.size[b]!, 0);
  return Math.round(share * 1e9) / 1e9;
}

function actorFits(actor: number, type: number): boolean {
  return actor === ACTOR_CODE.institution || (actor === ACTOR_CODE.hospital && type === HOSPITAL) || (actor === ACTOR_CODE.pharmacy && type === PHARMACY);
}

function openInYear(monthly: Uint8Array, i: number): boolean {
  for (let m = 0; m < 12; m++) if (monthly[i * 12 + m] === STATUS.active) return true;
  return false;
}

function openInstitutions(monthly: Uint8Array, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (openInYear(monthly, i) ? 1 : 0));
}

/**
 * How many of `open` entities a minimum share requires: ⌈share × open⌉ (a share written as 0.1 of 30
 * is 3, not 4: the product is rounded to 9 decimals before the ceiling).
 */
export function minimumCount(share: number, open: number): number {
  return Math.min(open, Math.ceil(Math.round(share * open * 1e9) / 1e9));
}

/**
 * The year's spot checks (篇五 L687): of the open hospitals exactly minimumCount(spotCheck.hospital, …),
 * of the open pharmacies minimumCount(spotCheck.pharmacy, …). A keyed shuffle: each institution's
 * priority is the first draw of its (seed, path, institution, year) inspection stream, and the lowest
 * priorities are checked (ties: the lower id), so the choice does not depend on call order.
 */
export function spotCheckSample(
  keys: RunKeys,
  path: number,
  year: number,
  inst: Institutions,
  open: Uint8Array,
  spotCheck: { hospital: number; pharmacy: number },
): number[] {
  const s = new KeyedStream(keys);
  const priority = (i: number) => s.member(path, i, INSTITUTION_GENERATION, year).select(SUPERVISION_INSTITUTION_STREAM.inspection).next();
  const checked: number[] = [];
  for (const [type, share] of [
    [HOSPITAL, spotCheck.hospital],
    [PHARMACY, spotCheck.pharmacy],
  ] as const) {
    const candidates: { i: number; u: number }[] = [];
    for (let i = 0; i < inst.length; i++) if (open[i] && inst.type[i] === type) candidates.push({ i, u: priority(i) });
    candidates.sort((p, q) => p.u - q.u || p.i - q.i);
    for (const c of candidates.slice(0, minimumCount(share, candidates.length))) checked.push(c.i);
  }
  return checked.sort((p, q) => p - q);
}

/**
 * Per year index, what the fund paid each institution the year before (fen; undefined: not known, as in
 * the first projection year, where size stands in).
 */
export type LastYearPaid = readonly (Float64Array | undefined)[];

/** The realised payments by year index as next year's ranking basis: [undefined, paid[0], paid[1], …]. */
export function lastYearPaidFrom(paid: readonly Float64Array[]): LastYearPaid {
  return [undefined, ...paid.slice(0, -1)];
}

/**
 * The `count` open hospitals the fund paid most last year (`paid`), or without it the `count` largest
 * (capacity); ties: the lower id. Highest first.
 */
export function topSpenders(inst: Institutions, open: Uint8Array, count: number, paid?: Float64Array): number[] {
  const rank = paid ?? inst.capacity;
  const hospitals: number[] = [];
  for (let i = 0; i < inst.length; i++) if (open[i] && inst.type[i] === HOSPITAL) hospitals.push(i);
  hospitals.sort((p, q) => rank[q]! - rank[p]! || p - q);
  return hospitals.slice(0, count);
}

/**
 * The first year index whose top spenders, as `c` planned them, are not the ones the realised payments
 * `paid` (by year index) rank first; -1 when the plan agrees with the run in every year. Only the set
 * matters: it alone decides the inspections.
 */
export function firstMisranked(c: CompiledSupervision, plan: SupervisionPlan, inst: Institutions, pools: readonly PoolYear[], paid: readonly Float64Array[]): number {
  const count = c.a.enabled ? c.a.inspection.topSpenders : 0; // the plan inspects none when inspection is off
  const basis = lastYearPaidFrom(paid);
  const sorted = (ids: readonly number[]) => [...ids].sort((p, q) => p - q).join();
  for (let y = 1; y < plan.years.length; y++) {
    const realised = topSpenders(inst, openInstitutions(pools[y]!.monthly, inst.length), count, basis[y]);
    if (sorted(realised) !== sorted(plan.topSpenders[y]!)) return y;
  }
  return -1;
}

/**
 * From January of year index `from`: `months` suspended months, or terminated for the rest of the
 * horizon; only months the institution would be open are closed.
 */
function closeFrom(pools: readonly PoolYear[], from: number, i: number, months: number, terminated: boolean): void {
  for (let y = from; y < pools.length; y++) {
    const monthly = pools[y]!.monthly;
    for (let m = 0; m < 12; m++) {
      const k = (y - from) * 12 + m;
      const at = i * 12 + m;
      if (terminated) {
        if (monthly[at] === STATUS.active || monthly[at] === STATUS.suspended) monthly[at] = STATUS.terminated;
      } else if (k < months && monthly[at] === STATUS.active) {
        monthly[at] = STATUS.suspended;
      }
    }
  }
}
