/**
 * Rule 5, 医疗救助 (medical assistance), the third layer: for eligible members (e.g. 低保, 特困), a ratio
 * of the compliant burden left after serious-illness insurance, above an annual deductible, up to an
 * annual cap.
 */
import { Decimal, ZERO, fromFen, percentText, share, toFen, yuanText } from '../../money/decimal.js';
import type { SchemePolicy } from '../../policy/schema.js';
import type { BenefitSetting } from '../../policy/vocabulary.js';
import type { Accumulators } from '../types.js';
import type { Step } from './trace.js';

export function assistance(
  scheme: SchemePolicy,
  eligible: boolean,
  benefit: BenefitSetting,
  remainingBurden: Decimal,
  acc: Accumulators,
  trace: Step[],
): Decimal {
  const as = scheme.assistance;
  if (!as || !eligible || !(as.settings as readonly string[]).includes(benefit)) return ZERO;
  const deductibleLeft = Decimal.max(ZERO, new Decimal(as.deductible).minus(fromFen(acc.assistanceDeductibleUsed)));
  const underDeductible = Decimal.min(remainingBurden, deductibleLeft);
  const above = remainingBurden.minus(underDeductible);
  const ratioPay = share(above, as.ratio);
  const capLeft = as.cap === null ? undefined : Decimal.max(ZERO, new Decimal(as.cap).minus(fromFen(acc.assistancePaid)));
  const pay = capLeft === undefined ? ratioPay : Decimal.min(ratioPay, capLeft);
  acc.assistanceDeductibleUsed += toFen(underDeductible);
  acc.assistancePaid += toFen(pay);
  trace.push({
    rule: 'assistance',
    zh: '医疗救助',
    text:
      `burden left ${yuanText(remainingBurden)}, ${yuanText(underDeductible)} under its deductible; ${yuanText(above)} × ${percentText(as.ratio)} = ${yuanText(ratioPay)}` +
      (capLeft !== undefined && ratioPay.gt(capLeft) ? `, capped at the ${yuanText(capLeft)} left of its annual cap ${yuanText(new Decimal(as.cap!))}` : '') +
      `: pays ${yuanText(pay)}`,
  });
  return pay;
}
