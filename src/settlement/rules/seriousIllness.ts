/**
 * Rule 4, 大病保险 (serious-illness insurance), the second layer of one-stop settlement (一站式, seed 002).
 * Its basis is the patient's compliant burden left by the basic insurance (合规自付: by default the
 * deductible, co-payment and the cost above the fund cap; 乙类先行自付 and 丙类 excluded). Above an annual
 * deductible (起付标准), banded ratios apply to the year's cumulative basis, up to an annual cap.
 */
import { Decimal, ZERO, fromFen, percentText, share, toFen, yuanText } from '../../money/decimal.js';
import type { SchemePolicy } from '../../policy/schema.js';
import type { BenefitSetting, PersonType } from '../../policy/vocabulary.js';
import type { Accumulators } from '../types.js';
import { bandText, segmentsOf } from './bands.js';
import type { Step } from './trace.js';

export interface Burden {
  deductible: Decimal;
  copay: Decimal;
  aboveCap: Decimal;
}

export function seriousIllness(
  scheme: SchemePolicy,
  type: PersonType,
  benefit: BenefitSetting,
  burden: Burden,
  acc: Accumulators,
  trace: Step[],
): Decimal {
  const si = scheme.seriousIllness;
  if (!si || !(si.settings as readonly string[]).includes(benefit)) return ZERO;
  const basis = si.basis.reduce((sum, part) => sum.plus(burden[part]), ZERO);
  const deductible = new Decimal(si.deductible[type]!);
  const start = fromFen(acc.seriousIllnessBasis);
  const segments = segmentsOf(si.bands, Decimal.max(ZERO, start.minus(deductible)), Decimal.max(ZERO, start.plus(basis).minus(deductible)));
  let pay = ZERO;
  for (const s of segments) pay = pay.plus(share(s.amount, s.ratio));
  if (si.cap !== null) pay = Decimal.min(pay, Decimal.max(ZERO, new Decimal(si.cap).minus(fromFen(acc.seriousIllnessPaid))));
  acc.seriousIllnessBasis += toFen(basis);
  acc.seriousIllnessPaid += toFen(pay);
  trace.push({
    rule: 'seriousIllness',
    zh: '大病保险',
    text:
      `compliant burden ${yuanText(basis)} (year to date ${yuanText(start.plus(basis))}, deductible ${yuanText(deductible)})` +
      segments.map((s) => `; band ${bandText(s.band)}: ${yuanText(s.amount)} × ${percentText(s.ratio)}`).join('') +
      `: pays ${yuanText(pay)}`,
  });
  return pay;
}
