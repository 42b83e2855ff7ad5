/**
 * Rule 1, 费用分类 (what is in the policy range).
 * - Causes the pooled fund never pays (seed 000: 违法犯罪、酗酒、自杀、自残、工伤、生育、交通事故、
 *   医疗事故 and other third-party liability): the whole bill is out of scope.
 * - 丙类 / 自费 items are out of scope.
 * - 乙类 items: the patient first pays a share (乙类先行自付; seed 000 quotes 50%, cities use 5%-20%),
 *   the rest enters the policy range (政策范围内费用).
 * - Out-of-area care (异地就医) may add its own first self-pay share on the in-scope amount
 *   (e.g. Jiangxi: 10% registered by referral, 20% unregistered).
 */
import { Decimal, ZERO, share, percentText, yuanText } from '../../money/decimal.js';
import type { SchemePolicy } from '../../policy/schema.js';
import { CHINESE, type BenefitSetting, type Cause, type Location } from '../../policy/vocabulary.js';
import type { Step } from './trace.js';

export interface ScopeResult {
  excluded: boolean;
  outOfScope: Decimal;
  firstSelfPay: Decimal;
  /** 政策范围内费用: cost the basic insurance rules apply to. */
  policyRange: Decimal;
}

export function classBShare(scheme: SchemePolicy, benefit: BenefitSetting): number {
  return scheme[benefit].classBFirstSelfPay ?? scheme.classBFirstSelfPay;
}

export function scope(
  scheme: SchemePolicy,
  benefit: BenefitSetting,
  location: Location,
  cause: Cause,
  amounts: { classA: Decimal; classB: Decimal; classC: Decimal },
  trace: Step[],
): ScopeResult {
  const bill = amounts.classA.plus(amounts.classB).plus(amounts.classC);
  if (cause !== 'illness' && (scheme.excludedCauses as readonly string[]).includes(cause)) {
    trace.push({ rule: 'exclusion', zh: '不予支付情形', text: `cause "${cause}" is one the pooled fund does not pay: the whole bill ${yuanText(bill)} is self-paid` });
    return { excluded: true, outOfScope: bill, firstSelfPay: ZERO, policyRange: ZERO };
  }
  const bShare = classBShare(scheme, benefit);
  const classBFirst = share(amounts.classB, bShare);
  const inScope = amounts.classA.plus(amounts.classB).minus(classBFirst);
  const terms = location === 'local' ? undefined : scheme.outOfArea[location];
  const areaFirst = terms ? share(inScope, terms.firstSelfPay) : ZERO;
  const policyRange = inScope.minus(areaFirst);
  trace.push({
    rule: 'scope',
    zh: '费用分类',
    text:
      `甲类 ${yuanText(amounts.classA)}, 乙类 ${yuanText(amounts.classB)}, 丙类 ${yuanText(amounts.classC)}: ` +
      `丙类 is self-paid (自费); 乙类先行自付 ${percentText(bShare)} = ${yuanText(classBFirst)}` +
      (terms ? `; ${CHINESE[location]} 先行自付 ${percentText(terms.firstSelfPay)} = ${yuanText(areaFirst)}` : '') +
      `; policy-range cost (政策范围内费用) ${yuanText(policyRange)}`,
  });
  return { excluded: false, outOfScope: amounts.classC, firstSelfPay: classBFirst.plus(areaFirst), policyRange };
}

