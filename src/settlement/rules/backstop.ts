/**
 * Rule 6, 兜底保障 (backstop), the last layer: for registered poor households (建档立卡贫困户) the
 * layers together must reach a guaranteed reimbursement ratio of the bill (seed 002 篇4: 80% inpatient);
 * the backstop pays the shortfall, never more than the patient still owes.
 */
import { Decimal, ZERO, percentText, share, yuanText } from '../../money/decimal.js';
import type { SchemePolicy } from '../../policy/schema.js';
import type { BenefitSetting } from '../../policy/vocabulary.js';
import type { Step } from './trace.js';

export function backstop(
  scheme: SchemePolicy,
  eligible: boolean,
  benefit: BenefitSetting,
  amounts: { bill: Decimal; policyRange: Decimal; paidSoFar: Decimal },
  trace: Step[],
): Decimal {
  const bs = scheme.backstop;
  if (!bs || !eligible || !(bs.settings as readonly string[]).includes(benefit)) return ZERO;
  const base = bs.basis === 'total' ? amounts.bill : amounts.policyRange;
  const target = share(base, bs.targetRatio);
  const owed = amounts.bill.minus(amounts.paidSoFar);
  const pay = Decimal.min(owed, Decimal.max(ZERO, target.minus(amounts.paidSoFar)));
  trace.push({
    rule: 'backstop',
    zh: '兜底保障',
    text: `guaranteed ${percentText(bs.targetRatio)} of ${bs.basis === 'total' ? 'the bill' : 'policy-range cost'} = ${yuanText(target)}; layers paid ${yuanText(amounts.paidSoFar)}: pays ${yuanText(pay)}`,
  });
  return pay;
}
