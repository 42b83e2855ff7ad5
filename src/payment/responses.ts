/**
 * Provider responses to per-case payment, applied to a year's claims before settlement: each admission
 * with a case group may be
 *  - up-coded (高套): its group moves one severity up its family, so it earns more points;
 *  - cost-shifted to self-pay (转嫁自费): a fraction of its 甲/乙类 cost is billed as 丙类 items;
 *  - cost-shifted to outpatient care: a fraction of its cost moves to an outpatient visit the same day;
 *  - discharged early and readmitted (分解住院): a fraction of its cost and stay moves to a new admission
 *    `gapDays` after discharge (dropped if that falls after the year's end), a second case and deductible.
 * Each choice is a keyed draw of (seed, path, member, year, admission ordinal), so switching a response on
 * or off changes no other draw. Amounts move with applyRatio (the moved part rounded half up), so every
 * admission keeps its total.
 */
import { reserveClaims, reserveMembers, type ClaimBuffer } from '../claims/buffer.js';
import { applyRatio, BP } from '../money/fen.js';
import { daysInYear } from '../population/block.js';
import { SETTINGS } from '../policy/vocabulary.js';
import type { RunKeys } from '../random/keys.js';
import { KeyedStream } from '../random/stream.js';
import { CLAIM_NEW_ADMISSION } from '../settlement/columns.js';
import { CLAIM_STREAM, claimStreamOf } from '../random/streamIds.js';
import type { ClaimView, MemberKeys } from '../institutions/views.js';
import type { PaymentAssumptions } from './assumptions.js';
import { NO_GROUP, type CaseGroups } from './groups.js';

type Responses = PaymentAssumptions['responses'];
const INPATIENT = SETTINGS.indexOf('inpatient');
const OUTPATIENT = SETTINGS.indexOf('outpatient');
const bp = (x: number) => Math.round(x * BP);

/** Whether any response is switched on. */
export function anyResponse(r: Responses): boolean {
  return r.upcoding > 0 || r.selfPayShift.share > 0 || r.outpatientShift.share > 0 || r.earlyDischarge.share > 0;
}

/**
 * Write `src` with the responses applied into `dst` (reset, grown as needed) and return the groups of
 * `dst`'s claims. Members' claims stay in date order.
 */
export function applyResponses(
  r: Responses,
  groups: CaseGroups,
  keys: RunKeys,
  path: number,
  year: number,
  members: MemberKeys,
  src: ClaimView,
  srcGroup: Int16Array,
  dst: ClaimBuffer,
): Int16Array {
  const s = new KeyedStream(keys);
  const U = new Float64Array(4);
  const days = daysInYear(year);
  let group = new Int16Array(Math.max(16, src.length));
  reserveMembers(dst, members.length);
  dst.length = 0;

  const copy = (c: number): number => {
    reserveClaims(dst, dst.length + 1);
    if (group.length < dst.capacity) {
      const grown = new Int16Array(dst.capacity);
      grown.set(group);
      group = grown;
    }
    const j = dst.length++;
    dst.person[j] = src.person[c]!;
    dst.setting[j] = src.setting[c]!;
    dst.level[j] = src.level[c]!;
    dst.location[j] = src.location[c]!;
    dst.cause[j] = src.cause[c]!;
    dst.flags[j] = src.flags[c]!;
    dst.classA[j] = src.classA[c]!;
    dst.classB[j] = src.classB[c]!;
    dst.classC[j] = src.classC[c]!;
    dst.day[j] = src.day[c]!;
    dst.lengthOfStay[j] = src.lengthOfStay[c]!;
    group[j] = srcGroup[c]!;
    return j;
  };
  /** Move the share `fraction` of claim j's classes into a copy of claim c placed after it; return the copy. */
  const split = (j: number, c: number, fraction: number): number => {
    const part = bp(fraction);
    const a = applyRatio(dst.classA[j]!, part);
    const b = applyRatio(dst.classB[j]!, part);
    const cc = applyRatio(dst.classC[j]!, part);
    dst.classA[j] -= a;
    dst.classB[j] -= b;
    dst.classC[j] -= cc;
    const k = copy(c);
    dst.classA[k] = a;
    dst.classB[k] = b;
    dst.classC[k] = cc;
    return k;
  };

  for (let i = 0; i < members.length; i++) {
    const first = src.memberStart[i]!;
    const end = src.memberStart[i + 1]!;
    dst.memberStart[i] = dst.length;
    if (first === end) continue;
    s.member(path, members.slot[i]!, members.generation[i]!, year);
    let k = 0;
    for (let c = first; c < end; c++) {
      const j = copy(c);
      if (src.setting[c] !== INPATIENT) continue;
      s.select(claimStreamOf(CLAIM_STREAM.response, INPATIENT, k++)).fill(U, 4);
      const g = srcGroup[c]!;
      if (g === NO_GROUP) continue;
      if (U[0]! < r.upcoding) group[j] = groups.upcode[g]!;
      if (U[1]! < r.selfPayShift.share) {
        const part = bp(r.selfPayShift.fraction);
        const a = applyRatio(dst.classA[j]!, part);
        const b = applyRatio(dst.classB[j]!, part);
        dst.classA[j] -= a;
        dst.classB[j] -= b;
        dst.classC[j] += a + b;
      }
      const los = dst.lengthOfStay[j]!;
      const earlyStay = los - Math.max(1, applyRatio(los, bp(r.earlyDischarge.fraction)));
      const readmitDay = dst.day[j]! + earlyStay + r.earlyDischarge.gapDays;
      const early = U[3]! < r.earlyDischarge.share && los >= 2 && earlyStay >= 1 && readmitDay < days;
      if (U[2]! < r.outpatientShift.share) {
        const o = split(j, c, r.outpatientShift.fraction);
        dst.setting[o] = OUTPATIENT;
        dst.flags[o] = 0;
        dst.lengthOfStay[o] = 0;
        group[o] = NO_GROUP;
      }
      if (early) {
        const re = split(j, c, r.earlyDischarge.fraction);
        dst.flags[re] = CLAIM_NEW_ADMISSION;
        group[re] = group[j]!;
        dst.day[re] = readmitDay;
        dst.lengthOfStay[re] = los - earlyStay;
        dst.lengthOfStay[j] = earlyStay;
      }
    }
    sortByDay(dst, group, dst.memberStart[i]!, dst.length);
  }
  dst.memberStart[members.length] = dst.length;
  return group.subarray(0, dst.length);
}

/** Stable insertion sort of claims [from, to) by day (a member's claims are few and nearly sorted). */
function sortByDay(b: ClaimBuffer, group: Int16Array, from: number, to: number): void {
  for (let a = from + 1; a < to; a++) {
    if (b.day[a]! >= b.day[a - 1]!) continue;
    let p = a;
    while (p > from && b.day[p - 1]! > b.day[p]!) {
      swap(b, group, p - 1, p);
      p--;
    }
  }
}

const COLUMNS = ['person', 'setting', 'level', 'location', 'cause', 'flags', 'classA', 'classB', 'classC', 'day', 'lengthOfStay'] as const;

function swap(b: ClaimBuffer, group: Int16Array, x: number, y: number): void {
  for (const name of COLUMNS) {
    const col = b[name];
    const t = col[x]!;
    col[x] = col[y]!;
    col[y] = t;
  }
  const t = group[x]!;
  group[x] = group[y]!;
  group[y] = t;
}
