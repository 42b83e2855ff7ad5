/**
 * How each claim is settled: by card at the institution (联网刷卡结算; the patient pays only their share),
 * or by full self-advance (全额垫付): the patient pays the whole bill and is reimbursed later (零星报销).
 *
 * A member's claims are walked in date order; the first cause that applies decides, in this order:
 *   outOfArea        out-of-area care, by registration (registered care settles directly across regions);
 *   observation      an emergency observation, whose ratio is unknown until admission is decided;
 *   employerArrears  the employer is in arrears this year (a member-year draw, employees only);
 *   inTransitAudit   an earlier self-advance is still being audited (`auditBlockDays` after it was
 *                    paid), or an employee's chronic visit falls within the audit of a recent stay;
 *   networkFault     a network fault;
 *   patient          habit, misunderstanding or a card problem.
 * A self-advanced bill is paid on the day of care (an admission: at discharge) and reimbursed after a
 * lognormal delay. Draws are keyed by (seed, path, member, year, setting, ordinal) and the member-year, so
 * channels do not depend on other members, chunking or the policy. Audits do not carry into the next year.
 */
import { PERSON_TYPES, SCHEMES, schemeOf, SETTINGS } from '../policy/vocabulary.js';
import type { RunKeys } from '../random/keys.js';
import { KeyedStream, normalQuantile } from '../random/stream.js';
import { CLAIM_STREAM, claimStreamOf, STREAM } from '../random/streamIds.js';
import type { ClaimView, MemberKeys } from '../institutions/views.js';
import type { CashflowAssumptions } from './assumptions.js';
import { roundHalfUp } from '../money/fen.js';
import { termWords } from '../charts/format.js';

/** Math.round without a branch (money/fen.ts). */
const round = roundHalfUp;

export const SELF_ADVANCE_CAUSES = ['outOfArea', 'observation', 'employerArrears', 'inTransitAudit', 'networkFault', 'patient'] as const;
export type SelfAdvanceCause = (typeof SELF_ADVANCE_CAUSES)[number];
/** Each cause in seed 002 篇1's words (L19–L27; out-of-area care: 篇2 L63). */
export const SELF_ADVANCE_CHINESE: Record<SelfAdvanceCause, string> = {
  outOfArea: '异地就医',
  observation: '急诊留观',
  employerArrears: '单位未及时缴费',
  inTransitAudit: '在途审核',
  networkFault: '网络故障',
  patient: '参保患者个人原因',
};

/** A cause for a reader, e.g. "in transit audit 在途审核" (a table's `cause` column holds the code). */
export function selfAdvanceCauseLabel(cause: SelfAdvanceCause): string {
  return `${termWords(cause)} ${SELF_ADVANCE_CHINESE[cause]}`;
}
/** Channel codes: SWIPE, or 1 + the index of the self-advance cause. */
export const SWIPE = 0;
export const CAUSE = Object.fromEntries(SELF_ADVANCE_CAUSES.map((c, i) => [c, i + 1])) as Record<SelfAdvanceCause, number>;

const NS = SETTINGS.length;
const INPATIENT = SETTINGS.indexOf('inpatient');
const CHRONIC = SETTINGS.indexOf('chronic');
const EMERGENCY = SETTINGS.indexOf('emergencyObservation');
const REGISTERED = 1;
const UNREGISTERED = 2;
const EMPLOYEE = SCHEMES.indexOf('employee');
const SCHEME_OF_TYPE = Uint8Array.from(PERSON_TYPES, (t) => SCHEMES.indexOf(schemeOf(t)));

export interface Channels {
  /** SWIPE or 1 + cause index, per claim. */
  channel: Uint8Array;
  /** Day (from 1 January of the care year) the patient pays the bill; -1 when swiped. */
  paidDay: Int32Array;
  /** Day the patient is reimbursed; -1 when swiped. */
  reimbursedDay: Int32Array;
}

export function allocateChannels(claims: number): Channels {
  return { channel: new Uint8Array(claims), paidDay: new Int32Array(claims), reimbursedDay: new Int32Array(claims) };
}

/** Probabilities as flat tables: [scheme * SETTINGS.length + setting]; built once per assumptions object (drawChannels runs per chunk-year). */
const compiled = new WeakMap<CashflowAssumptions, ReturnType<typeof build>>();
function compile(a: CashflowAssumptions) {
  let c = compiled.get(a);
  if (!c) compiled.set(a, (c = build(a)));
  return c;
}

function build(a: CashflowAssumptions) {
  const c = a.causes;
  const network = Float64Array.from(SETTINGS, (s) => c.networkFault[s]);
  const patient = Float64Array.from(SCHEMES.flatMap((scheme) => SETTINGS.map((s) => c.patient[scheme][s])));
  const delay = SCHEMES.map((scheme) => a.reimbursement[scheme]);
  return { c, network, patient, delay };
}

/** Channels of a year's claims (`out` sized to the claims). */
export function drawChannels(a: CashflowAssumptions, keys: RunKeys, path: number, year: number, members: MemberKeys, claims: ClaimView, out: Channels): void {
  const { c, network, patient, delay } = compile(a);
  const s = new KeyedStream(keys);
  const ordinal = new Int32Array(NS);
  const { setting, location, day, lengthOfStay, memberStart } = claims;
  for (let i = 0; i < members.length; i++) {
    const first = memberStart[i]!;
    const end = memberStart[i + 1]!;
    if (first === end) continue;
    const scheme = SCHEME_OF_TYPE[members.type[i]!]!;
    s.member(path, members.slot[i]!, members.generation[i]!, year);
    const arrears = scheme === EMPLOYEE && s.select(STREAM.arrears).next() < c.employerArrears;
    const d = delay[scheme]!;
    let blockedUntil = -1;
    let auditUntil = -1;
    for (let q = 0; q < NS; q++) ordinal[q] = 0; // not fill(): a call, ≈ 10 ns a member
    for (let k = first; k < end; k++) {
      const st = setting[k]!;
      // A claim's five draws (area, observation, network, patient, delay) are taken only when a test needs them.
      s.select(claimStreamOf(CLAIM_STREAM.channel, st, ordinal[st]++));
      const loc = location[k]!;
      const today = day[k]!;
      let cause = SWIPE;
      if (loc === REGISTERED ? s.uniformAt(0) < c.outOfArea.registered : loc === UNREGISTERED && s.uniformAt(0) < c.outOfArea.unregistered) cause = CAUSE.outOfArea;
      else if (st === EMERGENCY && s.uniformAt(1) < c.observation) cause = CAUSE.observation;
      else if (arrears) cause = CAUSE.employerArrears;
      else if (today < blockedUntil || (st === CHRONIC && today < auditUntil)) cause = CAUSE.inTransitAudit;
      else if (s.uniformAt(2) < network[st]!) cause = CAUSE.networkFault;
      else if (s.uniformAt(3) < patient[scheme * NS + st]!) cause = CAUSE.patient;
      out.channel[k] = cause;
      const billDay = today + (st === INPATIENT ? lengthOfStay[k]! : 0);
      if (st === INPATIENT && scheme === EMPLOYEE) auditUntil = Math.max(auditUntil, billDay + c.dischargeAuditDays);
      if (cause === SWIPE) {
        out.paidDay[k] = -1;
        out.reimbursedDay[k] = -1;
        continue;
      }
      out.paidDay[k] = billDay;
      out.reimbursedDay[k] = billDay + Math.max(0, round(d.medianDays * Math.exp(d.sigma * normalQuantile(s.uniformAt(4)))));
      blockedUntil = Math.max(blockedUntil, billDay + c.auditBlockDays);
    }
  }
}
