/**
 * Per-member contributions and account credits, called by the engine's workers once per member-year.
 * Integer fen in, integer fen out; rates are basis points and every product is rounded half up by
 * applyRatio (fen.ts). Amounts are annual: contributions paid monthly would round each month instead.
 */
import { applyRatio, ratioToBp, yuanToFen } from '../money/fen.js';
import type { EmployeeFund } from './assumptions.js';

/** The employee scheme's assumptions as integers, compiled once per run. */
export interface ContributionTerms {
  employerBp: number;
  employeeBp: number;
  /** Retirees' own rate (0 where they do not contribute). */
  retiredBp: number;
  /** Contribution base bounds as shares of the average wage (6000 = 60%, 30000 = 300%). */
  baseFloorBp: number;
  baseCeilingBp: number;
  /** The older account rule: part of the employer's contribution also goes to the account. */
  legacyAccounts: boolean;
  legacyEmployerShareBp: number;
  /** A retiree's account credit for a year. */
  retiredCreditFen: number;
  accountInterestBp: number;
}

export function contributionTerms(fund: EmployeeFund): ContributionTerms {
  const { contributions: c, accounts: a } = fund;
  const retired = a.retired;
  const retiredCreditFen =
    'fixed' in retired ? yuanToFen(retired.fixed) : applyRatio(yuanToFen(retired.averagePension), ratioToBp(retired.shareOfAveragePension));
  return {
    employerBp: ratioToBp(c.employerRate),
    employeeBp: ratioToBp(c.employeeRate),
    retiredBp: ratioToBp(c.retiredRate),
    baseFloorBp: ratioToBp(c.base.floor),
    baseCeilingBp: ratioToBp(c.base.ceiling),
    legacyAccounts: a.rule === 'legacy',
    legacyEmployerShareBp: ratioToBp(a.legacyEmployerShare),
    retiredCreditFen,
    accountInterestBp: ratioToBp(a.interestRate),
  };
}

/** The wage bounded to [floor, ceiling] × the average wage (缴费基数上下限); each bound rounded half up. */
export function contributionBase(wageFen: number, averageWageFen: number, bounds: Pick<ContributionTerms, 'baseFloorBp' | 'baseCeilingBp'>): number {
  const floor = applyRatio(averageWageFen, bounds.baseFloorBp);
  if (wageFen < floor) return floor;
  const ceiling = applyRatio(averageWageFen, bounds.baseCeilingBp);
  return wageFen > ceiling ? ceiling : wageFen;
}

/** 单位缴费. */
export function employerContribution(baseFen: number, terms: ContributionTerms): number {
  return applyRatio(baseFen, terms.employerBp);
}

/** 个人缴费 of an in-service member. */
export function employeeContribution(baseFen: number, terms: ContributionTerms): number {
  return applyRatio(baseFen, terms.employeeBp);
}

/** A retiree's own contribution on the retiree's base (0 at the default rate). */
export function retiredContribution(baseFen: number, terms: ContributionTerms): number {
  return applyRatio(baseFen, terms.retiredBp);
}

/**
 * An in-service member's account credit (个人账户划入): the member's own contribution, plus under the
 * legacy rule the set share of the employer's contribution (each part rounded on its own, as booked).
 */
export function inServiceAccountCredit(baseFen: number, terms: ContributionTerms): number {
  const own = employeeContribution(baseFen, terms);
  return terms.legacyAccounts ? own + applyRatio(employerContribution(baseFen, terms), terms.legacyEmployerShareBp) : own;
}

/** A retiree's account credit for a year, paid from the pooled fund. */
export function retiredAccountCredit(terms: ContributionTerms): number {
  return terms.retiredCreditFen;
}

/** Interest credited once a year on a positive balance at the demand-deposit rate. */
export function accountInterest(balanceFen: number, terms: ContributionTerms): number {
  return balanceFen > 0 ? applyRatio(balanceFen, terms.accountInterestBp) : 0;
}
