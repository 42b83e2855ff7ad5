/**
 * Applying the behaviours to a chunk-year's prepared claims, before settlement (behaviours.ts says what
 * each does). Per claim: its item mix and mismatch signal are drawn; then the first behaviour in
 * BEHAVIOURS order that may touch it (its institution or its member engages, the claim is eligible)
 * and whose draw falls below its claimShare touches it. A claim a behaviour changes is labelled; a
 * claim it adds is labelled and the claim it comes from is not. A member's claims stay in date order
 * (an added claim sorts after its source on the same day), so the kernel settles them as it would.
 *
 * Keyed draws (seed, path, member, year, setting, ordinal of the prepared claim), so the same claims
 * are touched whatever the chunking and whichever policy settles them; with supervision off nothing
 * is drawn and the engine settles the prepared claims themselves.
 */
import type { Channels } from '../cashflow/channel.js';
import { SWIPE } from '../cashflow/channel.js';
import { monthsFromJanuary } from '../cashflow/calendar.js';
import type { ClaimBuffer } from '../claims/buffer.js';
import { grown, type Column } from '../claims/grow.js';
import type { ClaimView } from '../institutions/views.js';
import { HOSPITAL, PHARMACY } from '../institutions/vocabulary.js';
import { SETTINGS } from '../policy/vocabulary.js';
import { daysInYear, type MemberBlock } from '../population/block.js';
import type { RunKeys } from '../random/keys.js';
import { fastNormalQuantile, KeyedStream } from '../random/stream.js';
import { claimStreamOf, SUPERVISION_CLAIM_STREAM, SUPERVISION_PROPENSITY_YEAR, SUPERVISION_STREAM } from '../random/streamIds.js';
import { CLAIM_ADMITTED, CLAIM_NEW_ADMISSION } from '../settlement/columns.js';
import { NO_GROUP } from '../payment/groups.js';
import { labelOf, NB, NIB, NPB } from './behaviours.js';
import { reserveSupervised, type SupervisedClaims } from './claims.js';
import { ACTOR_CODE, ITEM, M, type CompiledSupervision } from './compile.js';
import type { MemberSupervision } from './members.js';

const NS = SETTINGS.length;
const INPATIENT = SETTINGS.indexOf('inpatient');
const OUTPATIENT = SETTINGS.indexOf('outpatient');
const DRUG_RESALE = labelOf('drugResale') - 1;
const OUT_OF_SCOPE = labelOf('outOfScope') - 1;
/** Sort key: day × DAY_KEY + 2 × (position of the source) + 1 for an added claim. */
const DAY_KEY = 2 ** 20;
const MAX_STAY = 65535;

export interface ApplyInput {
  keys: RunKeys;
  path: number;
  year: number;
  members: MemberBlock;
  /** The prepared claims (after the provider models) and their per-claim columns. */
  claims: ClaimView;
  institution: Int32Array;
  group: Int16Array;
  channels: Channels;
  /** HOSPITAL or PHARMACY per institution. */
  institutionType: Uint8Array;
  /** The year's plan: [institution × NIB + b] = 1 when the institution engages in institution behaviour b. */
  engaged: Uint8Array;
  state: MemberSupervision;
  /** The channel code of a claim paid in full while the member's networked settlement is suspended. */
  suspendedChannel: number;
}

/** Counts of the year the sums cannot see in the claims: claims moved to self-advance by a suspension. */
export interface ApplyCounts {
  suspendedClaims: number;
}

/** The claim columns a behaviour may change: copied into a member's rows and written back from them. */
type Changeable = Pick<ClaimBuffer, 'setting' | 'cause' | 'flags' | 'classA' | 'classB' | 'classC' | 'day' | 'lengthOfStay'>;

function copyChangeable(to: Changeable, at: number, from: Changeable, x: number): void {
  to.setting[at] = from.setting[x]!;
  to.cause[at] = from.cause[x]!;
  to.flags[at] = from.flags[x]!;
  to.classA[at] = from.classA[x]!;
  to.classB[at] = from.classB[x]!;
  to.classC[at] = from.classC[x]!;
  to.day[at] = from.day[x]!;
  to.lengthOfStay[at] = from.lengthOfStay[x]!;
}

/** Every column of Rows, for growing them together. */
const ROW_COLUMNS = ['key', 'src', 'label', 'added', 'setting', 'cause', 'flags', 'classA', 'classB', 'classC', 'day', 'lengthOfStay', 'drugs', 'tests', 'signal', 'paid', 'reimbursed', 'review'] as const;

/** One member's rows before they are put in date order. */
class Rows implements Changeable {
  n = 0;
  cap = 0;
  key = new Float64Array(0);
  src = new Int32Array(0);
  label = new Uint8Array(0);
  added = new Uint8Array(0);
  setting = new Uint8Array(0);
  cause = new Uint8Array(0);
  flags = new Uint8Array(0);
  classA = new Float64Array(0);
  classB = new Float64Array(0);
  classC = new Float64Array(0);
  day = new Uint16Array(0);
  lengthOfStay = new Uint16Array(0);
  drugs = new Float64Array(0);
  tests = new Float64Array(0);
  signal = new Uint8Array(0);
  paid = new Int32Array(0);
  reimbursed = new Int32Array(0);
  review = new Int32Array(0);

  reserve(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(64, n * 2);
    const columns = this as unknown as Record<(typeof ROW_COLUMNS)[number], Column>;
    for (const name of ROW_COLUMNS) columns[name] = grown(columns[name], cap, columns[name].length);
    this.cap = cap;
  }

  /** A row copying prepared claim `c` (position `pos` among the member's claims; `review`: its review stream). */
  copy(v: ClaimView, ch: Channels, c: number, pos: number, added: number, review: number): number {
    const r = this.n++;
    copyChangeable(this, r, v, c);
    this.review[r] = review;
    this.key[r] = v.day[c]! * DAY_KEY + 2 * pos + added;
    this.src[r] = c;
    this.label[r] = 0;
    this.added[r] = added;
    this.signal[r] = 0;
    this.paid[r] = ch.paidDay[c]!;
    this.reimbursed[r] = ch.reimbursedDay[c]!;
    return r;
  }

  /** Move row r to another day, keeping its place after its source; a self-advance is paid `shift` days later. */
  moveTo(r: number, day: number, pos: number, shift: number): void {
    this.day[r] = day;
    this.key[r] = day * DAY_KEY + 2 * pos + this.added[r]!;
    if (this.paid[r]! >= 0) {
      this.paid[r] = this.paid[r]! + shift;
      this.reimbursed[r] = this.reimbursed[r]! + shift;
    }
  }
}

const rowsOf = new WeakMap<SupervisedClaims, Rows>();

/** An amount's share `num / den`, rounded half up (all fen). */
const part = (x: number, num: number, den: number) => (den === 0 ? 0 : Math.floor((x * num) / den + 0.5));

/**
 * The claims to settle, into `out` (reused from year to year): the prepared claims after the behaviours.
 * Networked settlement suspended by a past sanction turns the member's card-settled claims of the
 * suspended months, local and out-of-area (direct out-of-area settlement is networked too), into self-advances.
 */
export function applyBehaviours(c: CompiledSupervision, input: ApplyInput, out: SupervisedClaims): ApplyCounts {
  const { keys, path, year, members, claims, institution, group, channels, institutionType, engaged, state } = input;
  const a = c.a;
  const s = new KeyedStream(keys);
  const SU = new Float64Array(4);
  const BU = new Float64Array(NB + 1);
  const PU = new Float64Array(NPB);
  const ordinal = new Int32Array(NS);
  let rows = rowsOf.get(out);
  if (!rows) rowsOf.set(out, (rows = new Rows()));
  const sigma = a.itemMix.sigma;
  const halfVariance = 0.5 * sigma * sigma;
  const fullYear = daysInYear(year);
  const counts: ApplyCounts = { suspendedClaims: 0 };
  const { memberStart } = claims;
  const total = memberStart[members.length]!;
  reserveSupervised(out, 2 * total + 16, members.length);
  const o = out.claims;
  o.length = 0;

  for (let i = 0; i < members.length; i++) {
    o.memberStart[i] = o.length;
    const first = memberStart[i]!;
    const end = memberStart[i + 1]!;
    if (first === end) continue;
    const slot = members.slot[i]!;
    const generation = members.generation[i]!;
    const lastDay = (members.leaveDay[i]! >= 0 ? members.leaveDay[i]! : fullYear - 1);
    // Person behaviours the member engages in this year (bit k: PERSON_BEHAVIOURS[k]).
    let personal = 0;
    if (c.anyPerson) {
      s.member(path, slot, generation, SUPERVISION_PROPENSITY_YEAR).select(SUPERVISION_STREAM.memberPropensity).fill(PU, NPB);
      for (let k = 0; k < NPB; k++) {
        const b = NIB + k;
        if (PU[k]! < c.prevalence[b]! && !(state.deterred[i]! & (1 << k)) && (b !== DRUG_RESALE || members.age[i]! >= a.drugResaleFromAge)) personal |= 1 << k;
      }
    }
    s.member(path, slot, generation, year);
    for (let q = 0; q < NS; q++) ordinal[q] = 0; // not fill(): a call, ≈ 10 ns a member
    rows.n = 0;
    rows.reserve(2 * (end - first));
    for (let x = first; x < end; x++) {
      const st = claims.setting[x]!;
      const k = ordinal[st]++;
      const pos = x - first;
      const bill = claims.classA[x]! + claims.classB[x]! + claims.classC[x]!;
      // Item mix and the signals of the row and of a row it may add.
      s.select(claimStreamOf(SUPERVISION_CLAIM_STREAM.signal, st, k)).fill(SU, 4);
      let drugShare = c.drugShare[st]! * Math.exp(sigma * fastNormalQuantile(SU[0]!) - halfVariance);
      let testShare = c.testShare[st]! * Math.exp(sigma * fastNormalQuantile(SU[1]!) - halfVariance);
      const mixed = drugShare + testShare;
      if (mixed > 1) {
        drugShare /= mixed;
        testShare /= mixed;
      }
      const review = claimStreamOf(SUPERVISION_CLAIM_STREAM.review, st, k);
      const r = rows.copy(claims, channels, x, pos, 0, review);
      const drugs = Math.round(bill * drugShare);
      const tests = Math.min(bill - drugs, Math.round(bill * testShare));
      rows.drugs[r] = drugs;
      rows.tests[r] = tests;

      const b = touching(c, claims, x, institution[x]!, institutionType, engaged, personal, lastDay, s, st, k, BU);
      if (b < 0) {
        rows.signal[r] = SU[2]! < a.screens.mismatch.falsePositive ? 1 : 0;
        continue;
      }
      const label = b + 1;
      const size = c.size[b]!;
      const A = claims.classA[x]!;
      const B = claims.classB[x]!;
      const C = claims.classC[x]!;
      const los = claims.lengthOfStay[x]!;
      const day = claims.day[x]!;
      const mech = c.mechanic[b]!;
      const signalOf = (u: number) => (u < c.mismatch[b]! ? 1 : 0);
      if (mech === M.addItems || (mech === M.addCopy && st === INPATIENT) || mech === M.addDays) {
        // Extra items in the bill: classes as billed, items of the behaviour's kind.
        const extra = Math.round(size * bill);
        const ea = part(extra, A, bill);
        const ec = Math.min(extra - ea, part(extra, C, bill));
        rows.classA[r] = A + ea;
        rows.classB[r] = B + extra - ea - ec;
        rows.classC[r] = C + ec;
        addItems(rows, r, c.items[b]!, extra, drugs, tests, bill);
        if (mech === M.addDays) {
          const days = Math.max(1, Math.round(size * los));
          rows.lengthOfStay[r] = Math.min(MAX_STAY, los + days);
          if (rows.paid[r]! >= 0) {
            rows.paid[r] = rows.paid[r]! + days;
            rows.reimbursed[r] = rows.reimbursed[r]! + days;
          }
        }
        rows.label[r] = label;
        rows.signal[r] = signalOf(SU[2]!);
      } else if (mech === M.reclassify) {
        const moved = Math.round(size * C);
        rows.classC[r] = C - moved;
        if (b === OUT_OF_SCOPE) {
          rows.cause[r] = 0;
          rows.classA[r] = A + moved;
        } else {
          rows.classB[r] = B + moved;
        }
        rows.label[r] = label;
        rows.signal[r] = signalOf(SU[2]!);
      } else if (mech === M.split) {
        const d = Math.floor(los / 2);
        const A1 = part(A, d, los);
        const B1 = part(B, d, los);
        const C1 = part(C, d, los);
        const drugs1 = part(drugs, d, los);
        const tests1 = part(tests, d, los);
        rows.classA[r] = A1;
        rows.classB[r] = B1;
        rows.classC[r] = C1;
        rows.drugs[r] = drugs1;
        rows.tests[r] = tests1;
        rows.lengthOfStay[r] = d;
        if (rows.paid[r]! >= 0) {
          rows.paid[r] = rows.paid[r]! - (los - d);
          rows.reimbursed[r] = rows.reimbursed[r]! - (los - d);
        }
        rows.signal[r] = SU[2]! < a.screens.mismatch.falsePositive ? 1 : 0;
        // The second admission: the rest of the stay and a repeated work-up, with its own deductible.
        const t = rows.copy(claims, channels, x, pos, 1, review);
        const extra = Math.round(size * bill);
        const ea = part(extra, A, bill);
        const ec = Math.min(extra - ea, part(extra, C, bill));
        rows.classA[t] = A - A1 + ea;
        rows.classB[t] = B - B1 + extra - ea - ec;
        rows.classC[t] = C - C1 + ec;
        rows.drugs[t] = drugs - drugs1;
        rows.tests[t] = tests - tests1 + extra;
        rows.lengthOfStay[t] = los - d;
        rows.flags[t] = CLAIM_NEW_ADMISSION;
        rows.moveTo(t, day + d, pos, 0);
        rows.label[t] = label;
        rows.signal[t] = signalOf(SU[3]!);
      } else {
        // addCopy (a visit or purchase) or forgeAdmission: the source stays as it was.
        rows.signal[r] = SU[2]! < a.screens.mismatch.falsePositive ? 1 : 0;
        const t = rows.copy(claims, channels, x, pos, 1, review);
        const forged = mech === M.forgeAdmission;
        const factor = forged ? 1 + size : size;
        rows.classA[t] = Math.round(factor * A);
        rows.classB[t] = Math.round(factor * B);
        rows.classC[t] = Math.round(factor * C);
        const copied = rows.classA[t]! + rows.classB[t]! + rows.classC[t]!;
        rows.drugs[t] = 0;
        rows.tests[t] = 0;
        addItems(rows, t, c.items[b]!, copied, drugs, tests, bill);
        if (forged) {
          rows.setting[t] = INPATIENT;
          rows.flags[t] = CLAIM_NEW_ADMISSION;
          rows.lengthOfStay[t] = Math.min(MAX_STAY, Math.max(1, Math.round(size)));
        } else if (!c.sameDay[b]) {
          const later = day + 1 + Math.floor(BU[NB]! * (lastDay - day));
          rows.moveTo(t, later, pos, later - day);
        }
        rows.label[t] = label;
        rows.signal[t] = signalOf(SU[3]!);
      }
    }
    counts.suspendedClaims += writeMember(rows, i, out, input, state.suspendedUntil[i]!, a.sanctions.suspendedReimbursementDays);
  }
  o.memberStart[members.length] = o.length;
  return counts;
}

/** `extra` fen of items of kind `kind` into row r (asBilled: in the proportions of the claim's own mix). */
function addItems(rows: Rows, r: number, kind: number, extra: number, drugs: number, tests: number, bill: number): void {
  if (kind === ITEM.drugs) rows.drugs[r] = rows.drugs[r]! + extra;
  else if (kind === ITEM.tests) rows.tests[r] = rows.tests[r]! + extra;
  else if (kind === ITEM.asBilled) {
    const d = part(extra, drugs, bill);
    rows.drugs[r] = rows.drugs[r]! + d;
    rows.tests[r] = rows.tests[r]! + Math.min(extra - d, part(extra, tests, bill));
  }
}

/**
 * The behaviour touching prepared claim x (BEHAVIOURS index), or -1. Draws its uniforms only when some
 * behaviour may touch it; BU[NB] is left for the day of a copy.
 */
function touching(
  c: CompiledSupervision,
  v: ClaimView,
  x: number,
  inst: number,
  institutionType: Uint8Array,
  engaged: Uint8Array,
  personal: number,
  lastDay: number,
  s: KeyedStream,
  st: number,
  k: number,
  BU: Float64Array,
): number {
  let drawn = false;
  for (let b = 0; b < NB; b++) {
    const actor = c.actor[b]!;
    if (actor === ACTOR_CODE.person) {
      if (!(personal & (1 << (b - NIB)))) continue;
    } else {
      if (inst < 0 || engaged[inst * NIB + b] !== 1) continue;
      const type = institutionType[inst]!;
      if ((actor === ACTOR_CODE.hospital && type !== HOSPITAL) || (actor === ACTOR_CODE.pharmacy && type !== PHARMACY)) continue;
    }
    if (!(c.settings[b]! & (1 << st)) || !eligible(c, v, x, b, st, lastDay)) continue;
    if (!drawn) {
      s.select(claimStreamOf(SUPERVISION_CLAIM_STREAM.behaviour, st, k)).fill(BU, NB + 1);
      drawn = true;
    }
    if (BU[b]! < c.claimShare[b]!) return b;
  }
  return -1;
}

/** Whether behaviour b can change claim x at all (something to split, move or copy). */
function eligible(c: CompiledSupervision, v: ClaimView, x: number, b: number, st: number, lastDay: number): boolean {
  const size = c.size[b]!;
  const bill = v.classA[x]! + v.classB[x]! + v.classC[x]!;
  if (bill <= 0 || size <= 0) return false;
  switch (c.mechanic[b]) {
    case M.split: {
      const los = v.lengthOfStay[x]!;
      return los >= 2 && v.day[x]! + Math.floor(los / 2) <= lastDay;
    }
    case M.reclassify:
      return b === OUT_OF_SCOPE ? v.cause[x] !== 0 || Math.round(size * v.classC[x]!) > 0 : Math.round(size * v.classC[x]!) > 0;
    case M.addCopy:
      if (v.flags[x]! & CLAIM_ADMITTED) return false;
      return st === INPATIENT || c.sameDay[b] === 1 || v.day[x]! < lastDay;
    case M.forgeAdmission:
      return st === OUTPATIENT && v.location[x] === 0;
    default:
      return true;
  }
}

/**
 * Write a member's rows in date order; returns how many were moved to self-advance because networked
 * settlement is suspended until absolute month `suspendedUntil`.
 */
function writeMember(rows: Rows, member: number, out: SupervisedClaims, input: ApplyInput, suspendedUntil: number, reimbursementDays: number): number {
  const { claims, institution, group, channels, year } = input;
  const n = rows.n;
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[r] = r;
  order.sort((p, q) => rows.key[p]! - rows.key[q]!);
  const o = out.claims;
  const ch = out.channels;
  let at = o.length;
  let suspended = 0;
  for (let q = 0; q < n; q++, at++) {
    const r = order[q]!;
    const x = rows.src[r]!;
    copyChangeable(o, at, rows, r);
    o.person[at] = member;
    o.level[at] = claims.level[x]!;
    o.location[at] = claims.location[x]!;
    out.label[at] = rows.label[r]!;
    out.source[at] = x;
    out.added[at] = rows.added[r]!;
    out.drugs[at] = rows.drugs[r]!;
    out.tests[at] = rows.tests[r]!;
    out.signal[at] = rows.signal[r]!;
    out.review[at] = rows.review[r]!;
    out.institution[at] = institution[x]!;
    // A forged stay has no case group: it is paid as itemised.
    out.group[at] = rows.setting[r] === claims.setting[x] ? group[x]! : NO_GROUP;
    ch.channel[at] = channels.channel[x]!;
    ch.paidDay[at] = rows.paid[r]!;
    ch.reimbursedDay[at] = rows.reimbursed[r]!;
    if (ch.channel[at] === SWIPE && year * 12 + monthsFromJanuary(year, o.day[at]!) < suspendedUntil) {
      const billDay = o.day[at]! + (o.setting[at] === INPATIENT ? o.lengthOfStay[at]! : 0);
      ch.channel[at] = input.suspendedChannel;
      ch.paidDay[at] = billDay;
      ch.reimbursedDay[at] = billDay + reimbursementDays;
      suspended++;
    }
  }
  o.length = at;
  return suspended;
}
