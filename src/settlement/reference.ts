/**
 * The reference settlement: one claim, readable, in decimal.js, explaining every step.
 * It applies the rules in the order of China's layered one-stop settlement (一站式结算):
 *   1 费用分类 scope → 2 起付线 deductible → 3 报销比例/封顶线 pooled fund and caps →
 *   4 大病保险 → 5 医疗救助 → 6 兜底保障 → 7 个人账户 / 家庭共济 → cash.
 * It is a pure function: the accumulators and balances it returns are new objects.
 * The batch kernel (kernel.ts) must agree with it to the fen (tests/settlement/property.test.ts).
 */
import { ZERO, fromFen, toFen, yuanText } from '../money/decimal.js';
import type { Policy, SchemePolicy } from '../policy/schema.js';
import { CHINESE, schemeOf } from '../policy/vocabulary.js';
import { assistance } from './rules/assistance.js';
import { backstop } from './rules/backstop.js';
import { advanceCostAxis, isPooled, pooledShare } from './rules/coinsurance.js';
import { deductible } from './rules/deductible.js';
import { payPatientShare } from './rules/personalAccount.js';
import { benefitSettingOf, poolOf } from './rules/routing.js';
import { scope } from './rules/scope.js';
import { seriousIllness } from './rules/seriousIllness.js';
import type { Step } from './rules/trace.js';
import { emptyAccumulators, type Accumulators, type Claim, type Person, type Split } from './types.js';

export interface Settlement {
  split: Split;
  accumulators: Accumulators;
  /** Balances after the claim, fen. */
  accountBalance: number;
  familyAccountBalance: number;
  trace: Step[];
}

export class SettlementError extends Error {}

export function schemePolicyFor(policy: Policy, person: Person): SchemePolicy {
  const scheme = schemeOf(person.type);
  const sp = policy[scheme];
  if (!sp) throw new SettlementError(`policy "${policy.id}" has no ${scheme} scheme (${CHINESE[scheme]}) for a person of type "${person.type}"`);
  return sp;
}

/**
 * The benefit year of a date, named by the calendar year it starts in: with a year from 09-01, 2010-03-15
 * falls in 2009 (2009-09-01 to 2010-08-31).
 */
export function benefitYearOf(date: string, start = '01-01'): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= start ? year : year - 1;
}

/** Accumulators for the claim's benefit year (from `start`, MM-DD): a new year starts from zero. */
export function accumulatorsFor(claim: Claim, acc: Accumulators | undefined, start = '01-01'): Accumulators {
  const year = benefitYearOf(claim.date, start);
  return acc && acc.year === year ? { ...acc } : emptyAccumulators(year);
}

export function settleReference(policy: Policy, person: Person, previous: Accumulators | undefined, claim: Claim): Settlement {
  const scheme = schemePolicyFor(policy, person);
  const acc = accumulatorsFor(claim, previous, policy.benefitYearStart);
  const trace: Step[] = [];
  const amounts = { classA: fromFen(claim.classA), classB: fromFen(claim.classB), classC: fromFen(claim.classC) };
  const bill = amounts.classA.plus(amounts.classB).plus(amounts.classC);
  const benefit = benefitSettingOf(claim.setting, claim.admitted);
  trace.push({
    rule: 'routing',
    zh: '结算类别',
    text: `${CHINESE[person.type]} ${CHINESE[claim.setting]} at a ${CHINESE[claim.level]} institution (${CHINESE[claim.location]}), bill ${yuanText(bill)}` +
      (claim.setting === 'emergencyObservation' ? `: settled as ${CHINESE[benefit]} (${claim.admitted ? 'converted to an admission' : 'not admitted'})` : ''),
  });

  const sc = scope(scheme, benefit, claim.location, claim.cause, amounts, trace);
  let ded = ZERO;
  let fund = { pooledFund: ZERO, copay: sc.policyRange, aboveCap: ZERO };
  if (!sc.excluded) {
    const pooled = isPooled(scheme, benefit);
    if (pooled) ded = deductible(scheme, person.type, poolOf(benefit), claim.level, claim.newAdmission || claim.setting === 'emergencyObservation', sc.policyRange, acc, trace);
    const axisStart = advanceCostAxis(scheme, benefit, sc.policyRange, acc);
    if (pooled) fund = pooledShare(scheme, person.type, benefit, claim.level, claim.location, axisStart, ded, sc.policyRange, acc, trace);
    else trace.push({ rule: 'coinsurance', zh: '统筹基金支付', text: `${CHINESE[benefit]} is not pooled under this policy: the fund pays nothing` });
  }

  const burden = { deductible: ded, copay: fund.copay, aboveCap: fund.aboveCap };
  const si = sc.excluded ? ZERO : seriousIllness(scheme, person.type, benefit, burden, acc, trace);
  const remaining = ded.plus(fund.copay).plus(fund.aboveCap).minus(si);
  const as = sc.excluded ? ZERO : assistance(scheme, person.assistanceEligible, benefit, remaining, acc, trace);
  const paidSoFar = fund.pooledFund.plus(si).plus(as);
  const bs = sc.excluded ? ZERO : backstop(scheme, person.povertyRegistered, benefit, { bill, policyRange: sc.policyRange, paidSoFar }, trace);

  const patientShare = bill.minus(paidSoFar).minus(bs);
  const components = { outOfScope: sc.outOfScope, firstSelfPay: sc.firstSelfPay, deductible: ded, copay: fund.copay, aboveCap: fund.aboveCap };
  const paid = payPatientShare(scheme, claim.setting, patientShare, components, { account: person.accountBalance, family: person.familyAccountBalance }, trace);

  const split: Split = {
    bill: toFen(bill),
    outOfScope: toFen(sc.outOfScope),
    firstSelfPay: toFen(sc.firstSelfPay),
    deductible: toFen(ded),
    pooledFund: toFen(fund.pooledFund),
    copay: toFen(fund.copay),
    aboveCap: toFen(fund.aboveCap),
    seriousIllness: toFen(si),
    assistance: toFen(as),
    backstop: toFen(bs),
    personalAccount: toFen(paid.personalAccount),
    familyAccount: toFen(paid.familyAccount),
    cash: toFen(paid.cash),
  };
  return { split, accumulators: acc, accountBalance: paid.accountBalance, familyAccountBalance: paid.familyAccountBalance, trace };
}

/** The explanation as numbered lines, e.g. for `yibao explain`. */
export function explainLines(s: Settlement): string[] {
  return s.trace.map((t, i) => `${i + 1}. ${t.zh} (${t.rule}): ${t.text}`);
}

