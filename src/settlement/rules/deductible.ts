/**
 * Rule 2, 起付线 (deductible).
 * - Inpatient: one deductible per admission, by hospital level; later admissions in the same year may
 *   have a lower one (seed 000: 年度内首次住院和后来的住院"门槛费"不同). A claim that continues an
 *   admission (or an emergency observation that converted to it) shares that admission's deductible.
 * - Outpatient pool (门诊统筹, shared with pharmacy) and chronic outpatient (门诊慢特病): an annual
 *   deductible, used up across the year's claims.
 */
import { Decimal, ZERO, fromFen, toFen, yuanText } from '../../money/decimal.js';
import type { SchemePolicy } from '../../policy/schema.js';
import { CHINESE, type Level, type PersonType } from '../../policy/vocabulary.js';
import type { Accumulators } from '../types.js';
import type { Step } from './trace.js';

export function admissionDeductible(scheme: SchemePolicy, type: PersonType, level: Level, admissionsBefore: number): number {
  const table = admissionsBefore > 0 && scheme.inpatient.laterAdmissionDeductible ? scheme.inpatient.laterAdmissionDeductible : scheme.inpatient.deductible;
  return table[type]![level];
}

/** Deductible paid on this claim; updates the accumulators. */
export function deductible(
  scheme: SchemePolicy,
  type: PersonType,
  pool: 'outpatient' | 'chronic' | 'inpatient',
  level: Level,
  newAdmission: boolean,
  policyRange: Decimal,
  acc: Accumulators,
  trace: Step[],
): Decimal {
  if (pool === 'inpatient') {
    if (newAdmission) {
      const amount = admissionDeductible(scheme, type, level, acc.admissions);
      acc.admissions += 1;
      acc.admissionDeductibleLeft = Math.round(amount * 100);
      acc.admissionRangeCost = 0;
      trace.push({ rule: 'deductible', zh: '起付线', text: `admission no. ${acc.admissions} this year at a ${CHINESE[level]} hospital: deductible ${yuanText(new Decimal(amount))}` });
    }
    const paid = Decimal.min(policyRange, fromFen(acc.admissionDeductibleLeft));
    acc.admissionDeductibleLeft -= toFen(paid);
    // A continued stay (or the stay after an admitted emergency observation) says so: it is why no deductible is new.
    const which = newAdmission ? "the admission's deductible" : `the deductible of admission no. ${acc.admissions}, which this claim continues`;
    trace.push({ rule: 'deductible', zh: '起付线', text: `patient pays ${yuanText(paid)} under ${which} (${yuanText(fromFen(acc.admissionDeductibleLeft))} left)` });
    return paid;
  }
  const annual = new Decimal(scheme[pool].deductible[type]!);
  const usedKey = pool === 'outpatient' ? 'outpatientDeductibleUsed' : 'chronicDeductibleUsed';
  const left = Decimal.max(ZERO, annual.minus(fromFen(acc[usedKey])));
  const paid = Decimal.min(policyRange, left);
  acc[usedKey] += toFen(paid);
  trace.push({
    rule: 'deductible',
    zh: '起付线',
    text: `annual ${CHINESE[pool]} deductible ${yuanText(annual)}, ${yuanText(left)} not yet met: patient pays ${yuanText(paid)}`,
  });
  return paid;
}
