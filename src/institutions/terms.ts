/**
 * The service agreement's measurable terms (协议条款) as checks on amounts and counts. Shares and bounds
 * come from the rule file (AgreementTerms); money is integer fen, shares compare exactly in basis points.
 */
import { BP, yuanToFen } from '../money/fen.js';
import type { Level } from '../policy/vocabulary.js';
import type { AgreementTerms } from './rules.js';

const bp = (share: number) => Math.round(share * BP);

/** Whether 甲类 spending is at least the level's share of total spending (Guangxi Art 12(六)). */
export function classAShareMet(terms: AgreementTerms, level: Level, classA: number, total: number): boolean {
  return classA * BP >= bp(terms.classAShare[level]) * total;
}

/** Who must approve a special examination or treatment at this unit price (fen): Art 11(三). */
export function specialExaminationApprover(terms: AgreementTerms, unitPrice: number): 'none' | 'institution' | 'agency' {
  const inBand = (b: { from: number; to?: number | undefined }) => unitPrice >= yuanToFen(b.from) && (b.to === undefined || unitPrice < yuanToFen(b.to));
  if (inBand(terms.specialExamination.agency)) return 'agency';
  if (inBand(terms.specialExamination.institution)) return 'institution';
  return 'none';
}

/** Whether a day's physiotherapy, TCM and ethnic-medicine items stay within the limit (Art 12(五)). */
export function therapyItemsWithinLimit(terms: AgreementTerms, items: number): boolean {
  return items <= terms.therapyItemsPerDay;
}

/** Whether auxiliary drugs or items cost no more than the main ones (Art 10(五), 11(四)). */
export function auxiliaryWithinMain(terms: AgreementTerms, auxiliary: number, main: number): boolean {
  return !terms.auxiliaryAtMostMain || auxiliary <= main;
}

/** Whether catalogue stocking rates meet the terms at this level (levels outside the rule pass). */
export function drugAvailabilityMet(terms: AgreementTerms, level: Level, western: number, chinesePatent: number): boolean {
  const d = terms.drugAvailability;
  if (!d.levels.includes(level)) return true;
  return bp(western) >= bp(d.western) && bp(chinesePatent) >= bp(d.chinesePatent);
}

/** Whether the special-examination positive rate meets the level's floor (none set: passes). */
export function positiveRateMet(terms: AgreementTerms, level: Level, rate: number): boolean {
  const floor = terms.positiveRate[level];
  return floor === undefined || bp(rate) >= bp(floor);
}
