/**
 * The batch settlement kernel: the same rules as reference.ts, over columnar typed arrays in integer
 * fen, with no per-claim objects. This is what the engine runs; the property test holds it to the
 * reference to the fen. Each block below is labelled with the rule file it mirrors.
 *
 * Claims of one person must come in date order within a settlement year; accumulators (acc) and
 * account balances (persons) are updated in place, so a batch may be settled in pieces.
 * Rounding (fen.ts states the two rules and why): every share is `shareOf`, fen.ts's `applyRatio`,
 * ⌊(amount × bp + 5000) / 10000⌋, half up; the cost a capped share covers is `costForShare`, fen.ts's
 * `amountForShare`, rounded up. They are local copies on the const-enum literals; V8 inlines them.
 */
import { BP } from '../money/fen.js';
import { AccSlot, ClaimFlag, OutSlot, PersonFlag, type ClaimColumns, type PersonColumns } from './columns.js';
import { AccountComponent, Dim, Row, RowFlag, TypeFlag, TypeRow, TypeShift, type CompiledPolicy } from './compile.js';

/** fen.ts's BP as a literal: a module constant would be re-read and unboxed at every use in the loop. */
const enum Ratio {
  bp = 10_000,
  half = 5_000,
}
if (BP !== Ratio.bp) throw new Error('settlement/kernel.ts: Ratio.bp no longer matches BP in money/fen.ts');

/** Rounding rule 1 (fen.ts applyRatio): the share of `amount` fen at `bp`, rounded half up to the fen. */
function shareOf(amount: number, bp: number): number {
  return Math.floor((amount * bp + Ratio.half) / Ratio.bp);
}

/** Rounding rule 2 (fen.ts amountForShare): the smallest cost whose unrounded share at `bp` (> 0) reaches `needed`, rounded up. */
function costForShare(needed: number, bp: number): number {
  return Math.ceil((needed * Ratio.bp) / bp);
}

/** Setting codes (SETTINGS order); benefit settings share the first four. */
const enum Code {
  outpatient = 0,
  inpatient = 2,
  pharmacy = 3,
  emergencyObservation = 4,
}

export function settleBatch(
  t: CompiledPolicy,
  claims: ClaimColumns,
  persons: PersonColumns,
  acc: Float64Array,
  out: Float64Array,
  from = 0,
  to = claims.length,
): void {
  const { person, setting, level, location, cause, flags, classA, classB, classC } = claims;
  const { type: ptype, flags: pflags, accountBalance, familyBalance } = persons;
  const { rows: R, types: T } = t;

  for (let i = from; i < to; i++) {
    const p = person[i]!;
    const c = ptype[p]!;
    const s = setting[i]!;
    const fl = flags[i]!;
    // rules/routing.ts: emergency observation is inpatient care if admitted, else outpatient.
    const b = s === Code.emergencyObservation ? (fl & ClaimFlag.admitted ? Code.inpatient : Code.outpatient) : s;
    const pool = b === Code.pharmacy ? Code.outpatient : b;
    const loc = location[i]!;
    const r = ((c * Dim.benefits + b) * Dim.levels + level[i]!) * Row.size;
    const y = c * TypeRow.size;
    const a0 = p * AccSlot.stride;
    const rf = R[r + Row.flags]! | 0;
    const tf = T[y + TypeRow.flags]! | 0;
    const classBAmount = classB[i]!;
    const classCAmount = classC[i]!;
    const bill = classA[i]! + classBAmount + classCAmount;
    let outOfScope = bill;
    let firstSelfPay = 0;
    let ded = 0;
    let fund = 0;
    let copay = 0;
    let aboveCap = 0;
    let si = 0;
    let as = 0;
    let bs = 0;

    if (((tf >> (TypeShift.excludedCauses + cause[i]!)) & 1) === 0) {
      // rules/scope.ts: 丙类 out of scope, 乙类 and out-of-area first self-pay.
      outOfScope = classCAmount;
      const bFirst = shareOf(classBAmount, R[r + Row.classBBp]!);
      const inScope = bill - outOfScope - bFirst;
      const areaFirst = loc === 0 ? 0 : shareOf(inScope, T[y + TypeRow.areaFirstSelfPayBp + loc]!);
      firstSelfPay = bFirst + areaFirst;
      const range = inScope - areaFirst;
      const isPooled = (rf & RowFlag.pooled) !== 0;

      // rules/deductible.ts
      if (isPooled) {
        if (pool === Code.inpatient) {
          if (fl & ClaimFlag.newAdmission || s === Code.emergencyObservation) {
            const n = acc[a0 + AccSlot.admissions]!;
            acc[a0 + AccSlot.admissionDeductibleLeft] = n > 0 ? R[r + Row.laterAdmissionDeductible]! : R[r + Row.firstAdmissionDeductible]!;
            acc[a0 + AccSlot.admissions] = n + 1;
            acc[a0 + AccSlot.admissionRangeCost] = 0;
          }
          const left = acc[a0 + AccSlot.admissionDeductibleLeft]!;
          ded = range < left ? range : left;
          acc[a0 + AccSlot.admissionDeductibleLeft] = left - ded;
        } else {
          const slot = a0 + AccSlot.outpatientDeductibleUsed + pool; // outpatient 0, chronic 1
          const used = acc[slot]!;
          let left = R[r + Row.annualDeductible]! - used;
          if (left < 0) left = 0;
          ded = range < left ? range : left;
          acc[slot] = used + ded;
        }
      }

      // rules/coinsurance.ts: the cost axis, banded ratios, caps.
      const axis = a0 + AccSlot.outpatientRangeCost + b;
      const perAdmission = b === Code.inpatient && (rf & RowFlag.bandBasisAdmission) !== 0;
      const start = perAdmission ? acc[a0 + AccSlot.admissionRangeCost]! : acc[axis]!;
      acc[axis] = acc[axis]! + range;
      if (b === Code.inpatient) acc[a0 + AccSlot.admissionRangeCost] = acc[a0 + AccSlot.admissionRangeCost]! + range;
      if (isPooled) {
        const eligible = range - ded;
        const x0 = start + ded;
        const x1 = start + range;
        const nb = R[r + Row.bandCount]!;
        const red = loc === 0 ? 0 : T[y + TypeRow.areaReductionBp + loc]!;
        let uncapped = 0;
        if (nb === 1) {
          // One band covers [0, ∞): the share of the whole eligible cost (most rows; skips the loop).
          const bp = R[r + Row.bands + 2]! > red ? R[r + Row.bands + 2]! - red : 0;
          if (eligible > 0) uncapped = shareOf(eligible, bp);
        } else {
          uncapped = bandShare(R, r + Row.bands, nb, x0, x1, red);
        }
        const paidSlot = a0 + AccSlot.outpatientPaid + pool;
        let room = R[r + Row.poolCap]! - acc[paidSlot]!;
        if (room < 0) room = 0;
        const inFundCap = (rf & RowFlag.inFundCap) !== 0;
        if (inFundCap) {
          let fundRoom = T[y + TypeRow.fundCap]! - acc[a0 + AccSlot.fundCapPaid]!;
          if (fundRoom < 0) fundRoom = 0;
          if (fundRoom < room) room = fundRoom;
        }
        if (uncapped <= room) {
          fund = uncapped;
          copay = eligible - fund;
        } else {
          const covered = costCoveredBy(R, r + Row.bands, nb, x0, x1, red, room);
          fund = room;
          copay = covered - room;
          aboveCap = eligible - covered;
        }
        acc[paidSlot] = acc[paidSlot]! + fund;
        if (inFundCap) acc[a0 + AccSlot.fundCapPaid] = acc[a0 + AccSlot.fundCapPaid]! + fund;
      } else {
        copay = range;
      }

      // rules/seriousIllness.ts
      if (rf & RowFlag.seriousIllness) {
        const basis = (tf & TypeFlag.siBasisDeductible ? ded : 0) + (tf & TypeFlag.siBasisCopay ? copay : 0) + (tf & TypeFlag.siBasisAboveCap ? aboveCap : 0);
        si = seriousIllness(T, y, acc, a0, basis);
      }

      // rules/assistance.ts
      if (rf & RowFlag.assistance && pflags[p]! & PersonFlag.assistance) as = assistance(T, y, acc, a0, ded + copay + aboveCap - si);

      // rules/backstop.ts
      if (rf & RowFlag.backstop && pflags[p]! & PersonFlag.poverty) {
        const target = shareOf(tf & TypeFlag.bsBasisTotal ? bill : range, T[y + TypeRow.bsTargetBp]!);
        const soFar = fund + si + as;
        bs = target > soFar ? target - soFar : 0;
        if (bs > bill - soFar) bs = bill - soFar;
      }
    }

    // rules/personalAccount.ts
    const patientShare = bill - fund - si - as - bs;
    let own = 0;
    let fam = 0;
    if ((tf >> (TypeShift.accountSettings + s)) & 1) {
      const cm = tf >> TypeShift.accountComponents;
      const barred =
        (cm & AccountComponent.outOfScope ? 0 : outOfScope) +
        (cm & AccountComponent.firstSelfPay ? 0 : firstSelfPay) +
        (cm & AccountComponent.deductible ? 0 : ded) +
        (cm & AccountComponent.copay ? 0 : copay) +
        (cm & AccountComponent.aboveCap ? 0 : aboveCap);
      const payable = patientShare > barred ? patientShare - barred : 0;
      const balance = accountBalance[p]!;
      own = payable < balance ? payable : balance;
      accountBalance[p] = balance - own;
      const rest = payable - own;
      if (rest > 0 && tf & TypeFlag.familyUse) fam = familyUse(T, y, familyBalance, p, rest);
    }

    const o = i * OutSlot.stride;
    out[o + OutSlot.outOfScope] = outOfScope;
    out[o + OutSlot.firstSelfPay] = firstSelfPay;
    out[o + OutSlot.deductible] = ded;
    out[o + OutSlot.pooledFund] = fund;
    out[o + OutSlot.copay] = copay;
    out[o + OutSlot.aboveCap] = aboveCap;
    out[o + OutSlot.seriousIllness] = si;
    out[o + OutSlot.assistance] = as;
    out[o + OutSlot.backstop] = bs;
    out[o + OutSlot.personalAccount] = own;
    out[o + OutSlot.familyAccount] = fam;
    out[o + OutSlot.cash] = patientShare - own - fam;
  }
}

/*
 * The less frequent steps, out of the loop so that its common path stays small (fewer values spilled);
 * they are still pure integer-fen arithmetic on the same tables.
 */

/** rules/bands.ts + coinsurance.ts: the fund's share of the cost axis [x0, x1) over `nb` bands at `at`. */
function bandShare(R: Float64Array, at: number, nb: number, x0: number, x1: number, red: number): number {
  let share = 0;
  for (let k = 0; k < nb; k++, at += 3) {
    const lo = x0 > R[at]! ? x0 : R[at]!;
    const hi = x1 < R[at + 1]! ? x1 : R[at + 1]!;
    if (hi > lo) {
      const bp = R[at + 2]! > red ? R[at + 2]! - red : 0;
      share += shareOf(hi - lo, bp);
    }
  }
  return share;
}

/** rules/coinsurance.ts costCoveredBy: the cost, band by band, whose share first reaches `room` (zero-ratio bands covered whole). */
function costCoveredBy(R: Float64Array, at: number, nb: number, x0: number, x1: number, red: number, room: number): number {
  let paid = 0;
  let covered = 0;
  for (let k = 0; k < nb; k++, at += 3) {
    const lo = x0 > R[at]! ? x0 : R[at]!;
    const hi = x1 < R[at + 1]! ? x1 : R[at + 1]!;
    if (hi <= lo) continue;
    const needed = room - paid;
    if (needed <= 0) break;
    const seg = hi - lo;
    const bp = R[at + 2]! > red ? R[at + 2]! - red : 0;
    if (bp === 0) {
      covered += seg;
      continue;
    }
    const part = shareOf(seg, bp);
    if (part >= needed) {
      const need = costForShare(needed, bp);
      return covered + (need < seg ? need : seg);
    }
    paid += part;
    covered += seg;
  }
  return covered;
}

/** rules/seriousIllness.ts: banded ratios on the year's basis above the deductible, up to the cap; updates acc. */
function seriousIllness(T: Float64Array, y: number, acc: Float64Array, a0: number, basis: number): number {
  const sd = T[y + TypeRow.siDeductible]!;
  const before = acc[a0 + AccSlot.seriousIllnessBasis]!;
  const y0 = before > sd ? before - sd : 0;
  const y1 = before + basis > sd ? before + basis - sd : 0;
  let pay = 0;
  for (let k = 0, n = T[y + TypeRow.siBandCount]!, at = y + TypeRow.siBands; y1 > y0 && k < n; k++, at += 3) {
    const lo = y0 > T[at]! ? y0 : T[at]!;
    const hi = y1 < T[at + 1]! ? y1 : T[at + 1]!;
    if (hi > lo) pay += shareOf(hi - lo, T[at + 2]!);
  }
  let capLeft = T[y + TypeRow.siCap]! - acc[a0 + AccSlot.seriousIllnessPaid]!;
  if (capLeft < 0) capLeft = 0;
  if (pay > capLeft) pay = capLeft;
  acc[a0 + AccSlot.seriousIllnessBasis] = before + basis;
  acc[a0 + AccSlot.seriousIllnessPaid] = acc[a0 + AccSlot.seriousIllnessPaid]! + pay;
  return pay;
}

/** rules/assistance.ts: a ratio of the burden left above the annual deductible, up to the cap; updates acc. */
function assistance(T: Float64Array, y: number, acc: Float64Array, a0: number, remaining: number): number {
  let dedLeft = T[y + TypeRow.asDeductible]! - acc[a0 + AccSlot.assistanceDeductibleUsed]!;
  if (dedLeft < 0) dedLeft = 0;
  const under = remaining < dedLeft ? remaining : dedLeft;
  let pay = shareOf(remaining - under, T[y + TypeRow.asBp]!);
  let capLeft = T[y + TypeRow.asCap]! - acc[a0 + AccSlot.assistancePaid]!;
  if (capLeft < 0) capLeft = 0;
  if (pay > capLeft) pay = capLeft;
  acc[a0 + AccSlot.assistanceDeductibleUsed] = acc[a0 + AccSlot.assistanceDeductibleUsed]! + under;
  acc[a0 + AccSlot.assistancePaid] = acc[a0 + AccSlot.assistancePaid]! + pay;
  return pay;
}

/** rules/personalAccount.ts family use: a relative's account pays `rest` under the three thresholds. */
function familyUse(T: Float64Array, y: number, familyBalance: Float64Array, p: number, rest: number): number {
  const fb = familyBalance[p]!;
  if (rest < T[y + TypeRow.familyMinClaim]! || fb <= T[y + TypeRow.familyMinHistoric]!) return 0;
  let pay = fb - T[y + TypeRow.familyMinRemaining]!;
  if (pay > rest) pay = rest;
  if (pay < 0) pay = 0;
  familyBalance[p] = fb - pay;
  return pay;
}
