/**
 * The batch settlement kernel: the same rules as reference.ts, over columnar typed arrays in integer
 * fen, with no per-claim objects. This is what the engine runs; the property test holds it to the
 * reference to the fen. Each block below is labelled with the rule file it mirrors.
 *
 * Claims of one person must come in date order within a settlement year; accumulators (acc) and
 * account balances (persons) are updated in place, so a batch may be settled in pieces.
 */
import { BP } from '../money/fen.js';
import {
  ACC,
  ACC_STRIDE,
  CLAIM_ADMITTED,
  CLAIM_NEW_ADMISSION,
  OUT,
  OUT_STRIDE,
  PERSON_ASSISTANCE,
  PERSON_POVERTY,
  type ClaimColumns,
  type PersonColumns,
} from './columns.js';
import { MAX_BANDS, NB, NL, NLOC, type CompiledPolicy } from './compile.js';

const EMERGENCY = 4;
const INPATIENT = 2;
const PHARMACY = 3;

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
  const { pooled, classBBp, annualDeductible, admissionDeductible, bandBasisAdmission, bandCount, bandFrom, bandTo, bandBp } = t;
  const { poolCap, fundCap, fundCapMask, areaReductionBp, areaFirstSelfPayBp, excludedMask } = t;
  const { siMask, siBasisMask, siDeductible, siCap, siBandCount, siBandFrom, siBandTo, siBandBp } = t;
  const { asMask, asDeductible, asBp, asCap, bsMask, bsTargetBp, bsBasisTotal } = t;
  const { paSettingMask, paComponentMask, famEnabled, famMinHistoric, famMinClaim, famMinRemaining } = t;

  for (let i = from; i < to; i++) {
    const p = person[i]!;
    const c = ptype[p]!;
    const s = setting[i]!;
    const fl = flags[i]!;
    const b = s === EMERGENCY ? (fl & CLAIM_ADMITTED ? INPATIENT : 0) : s; // rules/routing.ts
    const pool = b === PHARMACY ? 0 : b;
    const lvl = level[i]!;
    const loc = location[i]!;
    const a0 = p * ACC_STRIDE;
    const cb = c * NB + b;
    const classBAmount = classB[i]!;
    const bill = classA[i]! + classBAmount + classC[i]!;
    let outOfScope = bill;
    let firstSelfPay = 0;
    let ded = 0;
    let fund = 0;
    let copay = 0;
    let aboveCap = 0;
    let si = 0;
    let as = 0;
    let bs = 0;

    if (((excludedMask[c]! >> cause[i]!) & 1) === 0) {
      // rules/scope.ts: 丙类 out of scope, 乙类 and out-of-area first self-pay.
      outOfScope = classC[i]!;
      const bFirst = Math.floor((classBAmount * classBBp[cb]! + 5000) / BP);
      const inScope = bill - outOfScope - bFirst;
      const areaFirst = loc === 0 ? 0 : Math.floor((inScope * areaFirstSelfPayBp[c * NLOC + loc]! + 5000) / BP);
      firstSelfPay = bFirst + areaFirst;
      const range = inScope - areaFirst;
      const isPooled = pooled[cb]! === 1;

      // rules/deductible.ts
      if (isPooled) {
        if (pool === INPATIENT) {
          if (fl & CLAIM_NEW_ADMISSION || s === EMERGENCY) {
            const n = acc[a0 + ACC.admissions]!;
            acc[a0 + ACC.admissionDeductibleLeft] = admissionDeductible[(c * NL + lvl) * 2 + (n > 0 ? 1 : 0)]!;
            acc[a0 + ACC.admissions] = n + 1;
            acc[a0 + ACC.admissionRangeCost] = 0;
          }
          const left = acc[a0 + ACC.admissionDeductibleLeft]!;
          ded = range < left ? range : left;
          acc[a0 + ACC.admissionDeductibleLeft] = left - ded;
        } else {
          const slot = a0 + (pool === 0 ? ACC.outpatientDeductibleUsed : ACC.chronicDeductibleUsed);
          const used = acc[slot]!;
          let left = annualDeductible[c * NB + pool]! - used;
          if (left < 0) left = 0;
          ded = range < left ? range : left;
          acc[slot] = used + ded;
        }
      }

      // rules/coinsurance.ts: the cost axis, banded ratios, caps.
      const rangeSlot = a0 + ACC.outpatientRangeCost + b;
      const start = b === INPATIENT && bandBasisAdmission[c] === 1 ? acc[a0 + ACC.admissionRangeCost]! : acc[rangeSlot]!;
      acc[rangeSlot] = acc[rangeSlot]! + range;
      if (b === INPATIENT) acc[a0 + ACC.admissionRangeCost] = acc[a0 + ACC.admissionRangeCost]! + range;
      if (isPooled) {
        const eligible = range - ded;
        const x0 = start + ded;
        const x1 = start + range;
        const bi = cb * NL + lvl;
        const nb = bandCount[bi]!;
        const at = bi * MAX_BANDS;
        const red = loc === 0 ? 0 : areaReductionBp[c * NLOC + loc]!;
        let uncapped = 0;
        for (let k = 0; k < nb; k++) {
          const lo = x0 > bandFrom[at + k]! ? x0 : bandFrom[at + k]!;
          const hi = x1 < bandTo[at + k]! ? x1 : bandTo[at + k]!;
          if (hi > lo) {
            const r = bandBp[at + k]! > red ? bandBp[at + k]! - red : 0;
            uncapped += Math.floor(((hi - lo) * r + 5000) / BP);
          }
        }
        let room = Infinity;
        const paidSlot = a0 + ACC.outpatientPaid + pool;
        const ownCap = poolCap[c * NB + pool]!;
        if (ownCap !== Infinity) {
          room = ownCap - acc[paidSlot]!;
          if (room < 0) room = 0;
        }
        const inFundCap = (fundCapMask[c]! >> b) & 1;
        if (inFundCap === 1) {
          let fundRoom = fundCap[c]! - acc[a0 + ACC.fundCapPaid]!;
          if (fundRoom < 0) fundRoom = 0;
          if (fundRoom < room) room = fundRoom;
        }
        if (uncapped <= room) {
          fund = uncapped;
          copay = eligible - fund;
        } else {
          let paid = 0;
          let covered = 0;
          for (let k = 0; k < nb; k++) {
            const lo = x0 > bandFrom[at + k]! ? x0 : bandFrom[at + k]!;
            const hi = x1 < bandTo[at + k]! ? x1 : bandTo[at + k]!;
            if (hi <= lo) continue;
            const needed = room - paid;
            if (needed <= 0) break;
            const seg = hi - lo;
            const r = bandBp[at + k]! > red ? bandBp[at + k]! - red : 0;
            if (r === 0) {
              covered += seg;
              continue;
            }
            const part = Math.floor((seg * r + 5000) / BP);
            if (part >= needed) {
              const need = Math.ceil((needed * BP) / r);
              covered += need < seg ? need : seg;
              break;
            }
            paid += part;
            covered += seg;
          }
          fund = room;
          copay = covered - room;
          aboveCap = eligible - covered;
        }
        acc[paidSlot] = acc[paidSlot]! + fund;
        if (inFundCap === 1) acc[a0 + ACC.fundCapPaid] = acc[a0 + ACC.fundCapPaid]! + fund;
      } else {
        copay = range;
      }

      // rules/seriousIllness.ts
      if ((siMask[c]! >> b) & 1) {
        const m = siBasisMask[c]!;
        const basis = (m & 1 ? ded : 0) + (m & 2 ? copay : 0) + (m & 4 ? aboveCap : 0);
        const sd = siDeductible[c]!;
        const before = acc[a0 + ACC.seriousIllnessBasis]!;
        const y0 = before > sd ? before - sd : 0;
        const y1 = before + basis > sd ? before + basis - sd : 0;
        const at = c * MAX_BANDS;
        for (let k = 0, n = siBandCount[c]!; k < n; k++) {
          const lo = y0 > siBandFrom[at + k]! ? y0 : siBandFrom[at + k]!;
          const hi = y1 < siBandTo[at + k]! ? y1 : siBandTo[at + k]!;
          if (hi > lo) si += Math.floor(((hi - lo) * siBandBp[at + k]! + 5000) / BP);
        }
        let capLeft = siCap[c]! - acc[a0 + ACC.seriousIllnessPaid]!;
        if (capLeft < 0) capLeft = 0;
        if (si > capLeft) si = capLeft;
        acc[a0 + ACC.seriousIllnessBasis] = before + basis;
        acc[a0 + ACC.seriousIllnessPaid] = acc[a0 + ACC.seriousIllnessPaid]! + si;
      }

      // rules/assistance.ts
      if (pflags[p]! & PERSON_ASSISTANCE && (asMask[c]! >> b) & 1) {
        const remaining = ded + copay + aboveCap - si;
        let dedLeft = asDeductible[c]! - acc[a0 + ACC.assistanceDeductibleUsed]!;
        if (dedLeft < 0) dedLeft = 0;
        const under = remaining < dedLeft ? remaining : dedLeft;
        as = Math.floor(((remaining - under) * asBp[c]! + 5000) / BP);
        let capLeft = asCap[c]! - acc[a0 + ACC.assistancePaid]!;
        if (capLeft < 0) capLeft = 0;
        if (as > capLeft) as = capLeft;
        acc[a0 + ACC.assistanceDeductibleUsed] = acc[a0 + ACC.assistanceDeductibleUsed]! + under;
        acc[a0 + ACC.assistancePaid] = acc[a0 + ACC.assistancePaid]! + as;
      }

      // rules/backstop.ts
      if (pflags[p]! & PERSON_POVERTY && (bsMask[c]! >> b) & 1) {
        const target = Math.floor(((bsBasisTotal[c] === 1 ? bill : range) * bsTargetBp[c]! + 5000) / BP);
        const soFar = fund + si + as;
        bs = target > soFar ? target - soFar : 0;
        if (bs > bill - soFar) bs = bill - soFar;
      }
    }

    // rules/personalAccount.ts
    const patientShare = bill - fund - si - as - bs;
    let own = 0;
    let fam = 0;
    if ((paSettingMask[c]! >> s) & 1) {
      const cm = paComponentMask[c]!;
      const barred = (cm & 1 ? 0 : outOfScope) + (cm & 2 ? 0 : firstSelfPay) + (cm & 4 ? 0 : ded) + (cm & 8 ? 0 : copay) + (cm & 16 ? 0 : aboveCap);
      const payable = patientShare > barred ? patientShare - barred : 0;
      const balance = accountBalance[p]!;
      own = payable < balance ? payable : balance;
      accountBalance[p] = balance - own;
      const rest = payable - own;
      const fb = familyBalance[p]!;
      if (famEnabled[c] === 1 && rest > 0 && rest >= famMinClaim[c]! && fb > famMinHistoric[c]!) {
        fam = fb - famMinRemaining[c]!;
        if (fam > rest) fam = rest;
        if (fam < 0) fam = 0;
        familyBalance[p] = fb - fam;
      }
    }

    const o = i * OUT_STRIDE;
    out[o + OUT.outOfScope] = outOfScope;
    out[o + OUT.firstSelfPay] = firstSelfPay;
    out[o + OUT.deductible] = ded;
    out[o + OUT.pooledFund] = fund;
    out[o + OUT.copay] = copay;
    out[o + OUT.aboveCap] = aboveCap;
    out[o + OUT.seriousIllness] = si;
    out[o + OUT.assistance] = as;
    out[o + OUT.backstop] = bs;
    out[o + OUT.personalAccount] = own;
    out[o + OUT.familyAccount] = fam;
    out[o + OUT.cash] = patientShare - own - fam;
  }
}
