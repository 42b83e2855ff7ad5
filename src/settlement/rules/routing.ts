/**
 * Which benefit table and which pool a claim uses.
 * - 急诊留观 (emergency observation), seed 002 篇1 L19: if the patient is admitted, the observation is
 *   paid at the inpatient ratio and shares the admission's deductible; otherwise it is paid as outpatient
 *   care and shares the outpatient deductible.
 * - 定点药店 (pharmacy) purchases share the outpatient pool's annual deductible and cap.
 */
import type { BenefitSetting, Setting } from '../../policy/vocabulary.js';

export function benefitSettingOf(setting: Setting, admitted: boolean): BenefitSetting {
  if (setting === 'emergencyObservation') return admitted ? 'inpatient' : 'outpatient';
  return setting;
}

/** The pool whose deductible and cap a benefit setting draws on. */
export function poolOf(benefit: BenefitSetting): 'outpatient' | 'chronic' | 'inpatient' {
  return benefit === 'pharmacy' ? 'outpatient' : benefit;
}
