/**
 * Rule 7, 个人账户 (personal account) and 家庭共济 (family use), then cash.
 * The account pays the patient's share for the settings and cost components the policy allows
 * (e.g. not 丙类); what it cannot pay is cash. Family use (seed 002 篇10, Taizhou): a relative's
 * account may pay the rest only if its balance is above a minimum (6000), the amount is at least a
 * minimum (2000) and a minimum (3000) stays in it.
 */
import { Decimal, ZERO, fromFen, toFen, yuanText } from '../../money/decimal.js';
import type { SchemePolicy } from '../../policy/schema.js';
import type { Setting } from '../../policy/vocabulary.js';
import type { Step } from './trace.js';

export interface AccountResult {
  personalAccount: Decimal;
  familyAccount: Decimal;
  cash: Decimal;
  /** Balances after the claim, fen. */
  accountBalance: number;
  familyAccountBalance: number;
}

export function payPatientShare(
  scheme: SchemePolicy,
  setting: Setting,
  patientShare: Decimal,
  components: Record<'outOfScope' | 'firstSelfPay' | 'deductible' | 'copay' | 'aboveCap', Decimal>,
  balances: { account: number; family: number },
  trace: Step[],
): AccountResult {
  const pa = scheme.personalAccount;
  const none = { personalAccount: ZERO, familyAccount: ZERO, cash: patientShare, accountBalance: balances.account, familyAccountBalance: balances.family };
  if (!pa || !(pa.settings as readonly string[]).includes(setting)) return none;
  const barred = (Object.keys(components) as (keyof typeof components)[])
    .filter((c) => !(pa.components as readonly string[]).includes(c))
    .reduce((sum, c) => sum.plus(components[c]), ZERO);
  const payable = Decimal.max(ZERO, patientShare.minus(barred));
  const own = Decimal.min(payable, fromFen(balances.account));
  let family = ZERO;
  const rest = payable.minus(own);
  const fu = pa.familyUse;
  const familyBalance = fromFen(balances.family);
  if (fu && rest.gt(0) && rest.gte(fu.minClaim) && familyBalance.gt(fu.minHistoricBalance)) {
    family = Decimal.max(ZERO, Decimal.min(rest, familyBalance.minus(fu.minRemaining)));
  }
  const cash = patientShare.minus(own).minus(family);
  trace.push({
    rule: 'personalAccount',
    zh: '个人账户',
    text:
      `patient's share ${yuanText(patientShare)}, of which the account may pay ${yuanText(payable)}: ` +
      `account pays ${yuanText(own)}` +
      (fu ? `, family account (家庭共济) ${yuanText(family)}${fu && rest.gt(0) && family.isZero() ? ` (${whyNoFamilyUse(fu, rest, familyBalance)})` : ''}` : '') +
      `, cash (现金) ${yuanText(cash)}`,
  });
  return {
    personalAccount: own,
    familyAccount: family,
    cash,
    accountBalance: balances.account - toFen(own),
    familyAccountBalance: balances.family - toFen(family),
  };
}

/** Why a relative's account paid nothing towards what the own account left (the Taizhou conditions). */
function whyNoFamilyUse(fu: { minHistoricBalance: number; minClaim: number; minRemaining: number }, rest: Decimal, balance: Decimal): string {
  if (rest.lt(fu.minClaim)) return `the ${yuanText(rest)} left is below the ${yuanText(new Decimal(fu.minClaim))} minimum for family use`;
  if (!balance.gt(fu.minHistoricBalance)) return `its balance ${yuanText(balance)} is not above ${yuanText(new Decimal(fu.minHistoricBalance))}`;
  return `its balance ${yuanText(balance)} must keep ${yuanText(new Decimal(fu.minRemaining))}`;
}
