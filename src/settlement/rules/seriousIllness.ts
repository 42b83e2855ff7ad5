/**
 * Rule 4, 大病保险 (serious-illness insurance), the second layer of one-stop settlement (一站式, seed 002).
 * Its basis is the patient's compliant burden left by the basic insurance (合规自付: by default the
 * deductible, co-payment and the cost above the fund cap; 乙类先行自付 and 丙类 excluded). Above an annual
 * deductible (起付标准), banded ratios apply to the year's cumulative basis, up to an annual cap.
 */
import { Decimal, ZERO, fromFen, percentText, share, toFen, yuanText } from '../../money/decimal.js';
import type { SchemePolicy } from '../../policy/schema.js';
import { CHINESE, type BenefitSetting, type PersonType } from '../../policy/vocabulary.js';
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
  const pieces: string[] = [];
  let pay = ZERO;
  for (const s of segments) {
    const part = share(s.amount, s.ratio);
    pieces.push(`band ${bandText(s.band)}: ${yuanText(s.amount)} × ${percentText(s.ratio)} = ${yuanText(part)}`);
    pay = pay.plus(part);
  }
  const banded = pay;
  const capLeft = si.cap === null ? undefined : Decimal.max(ZERO, new Decimal(si.cap).minus(fromFen(acc.seriousIllnessPaid)));
  if (capLeft !== undefined) pay = Decimal.min(pay, capLeft);
  acc.seriousIllnessBasis += toFen(basis);
  acc.seriousIllnessPaid += toFen(pay);
  // The bands are read above the deductible: 0-100000 means the first 100000 of burden beyond it.
  const end = start.plus(basis);
  trace.push({
    rule: 'seriousIllness',
    zh: '大病保险',
    text:
      `compliant burden (${si.basis.map((b) => CHINESE[b]).join(' + ')}) ${yuanText(basis)}; year to date ${yuanText(start)} → ${yuanText(end)}, ` +
      `above the deductible (起付标准) ${yuanText(deductible)}: ${yuanText(Decimal.max(ZERO, start.minus(deductible)))} → ${yuanText(Decimal.max(ZERO, end.minus(deductible)))}` +
      pieces.map((p) => `; ${p}`).join('') +
      (segments.length > 1 ? `; ${yuanText(banded)} in all` : '') +
      (capLeft !== undefined && banded.gt(capLeft) ? `; capped at the ${yuanText(capLeft)} left of its annual cap ${yuanText(new Decimal(si.cap!))}` : '') +
      `: pays ${yuanText(pay)}`,
  });
  return pay;
}
