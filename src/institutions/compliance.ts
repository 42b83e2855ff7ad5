/**
 * The agreement's measurable terms as facts of a hospital-year (institutionAssumptions.lifecycle.terms):
 * what the hospital's behaviour is, drawn with keyed randomness before the year's claims, so that the
 * lifecycle acts on the terms the year they are missed and every thread draws the same facts.
 *
 *   甲类 share (Guangxi Art 12(六))     the hospital's prescribing mix: its patients' claims are re-split to
 *                                       it (classAMix.ts); short of the level's minimum, the annual
 *                                       assessment fails with a raised chance (`missed.classAShare`);
 *   drug availability (Art 10(三))      stocking rates of Western and Chinese patent medicines at the levels
 *                                       the term binds; short of either, likewise (`missed.drugAvailability`);
 *   positive rate (Art 11(二))          the special-examination positive rate at levels with a floor; below
 *                                       it is an Art 17(二) suspension case (ground `positiveRate`) in a
 *                                       drawn month, in place of that ground's chance.
 *
 *   item-level terms (Arts 10(五), 11(三), 12(五))  therapy items beyond the day's limit, special examinations
 *                                       without their approval, auxiliary drugs above the main ones: shares
 *                                       of the bill that a chart sample finds non-compliant, on top of its
 *                                       other findings (Art 17(一): above 10% suspends).
 *
 * A missed term raises the assessment's failure chance on the assessment's own keyed draw, so it only adds
 * failures; the failure is put down to the base chance first, then to the terms in the order above.
 * The claims are not itemised, so the item-level terms act through the chart sample, not on the claims.
 */
import { LEVELS } from '../policy/vocabulary.js';
import type { KeyedStream } from '../random/stream.js';
import type { TermsAssumptions } from './assumptions.js';
import type { AgreementRules } from './rules.js';
import { classAShareMet, drugAvailabilityMet, positiveRateMet } from './terms.js';

export interface TermFacts {
  /** The hospital's 甲类 share of its patients' bills this year. */
  classAShare: number;
  /** Stocking rates (NaN where the term does not bind the level). */
  western: number;
  chinesePatent: number;
  /** Special-examination positive rate (NaN where the level has no floor). */
  positiveRate: number;
  classAShareMet: boolean;
  drugAvailabilityMet: boolean;
  positiveRateMet: boolean;
  /** Shares of the hospital's bill that break the item-level terms; their sum is what a chart sample adds. */
  therapyExcess: number;
  unapprovedExaminations: number;
  auxiliaryExcess: number;
  itemsNonCompliant: number;
}

/** Why an annual assessment failed: its base chance, or a missed term that raised it. */
export type AssessmentCause = 'base' | 'classAShare' | 'drugAvailability';

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Draws in a fixed order on the stream `s` is selected to (facts.ts: INSTITUTION_STREAM.terms). */
export function drawTermFacts(t: TermsAssumptions, rules: AgreementRules, level: number, s: KeyedStream): TermFacts {
  const name = LEVELS[level]!;
  const terms = rules.terms;
  const a = t.classAShare[name];
  const classAShare = clamp01(a.mean + a.sd * s.normal());
  const binds = terms.drugAvailability.levels.includes(name);
  const w = t.drugAvailability.western;
  const c = t.drugAvailability.chinesePatent;
  const western = clamp01(w.mean + w.sd * s.normal());
  const chinesePatent = clamp01(c.mean + c.sd * s.normal());
  const floored = terms.positiveRate[name] !== undefined;
  const positiveRate = clamp01(t.positiveRate.mean + t.positiveRate.sd * s.normal());
  const { therapy, specialExaminations, auxiliaryDrugs } = t.items;
  const lognormal = (x: { median: number; sigma: number }) => x.median * Math.exp(x.sigma * s.normal());
  const itemsPerDay = lognormal(therapy.itemsPerDay);
  const therapyExcess = therapy.billShare * poissonExcessShare(itemsPerDay, terms.therapyItemsPerDay);
  const unapprovedExaminations = specialExaminations.billShare * Math.min(1, lognormal(specialExaminations.unapproved));
  const auxiliary = Math.min(1, lognormal(auxiliaryDrugs.auxiliary));
  const auxiliaryExcess = terms.auxiliaryAtMostMain ? auxiliaryDrugs.billShare * Math.max(0, 2 * auxiliary - 1) : 0;
  return {
    classAShare,
    western: binds ? western : NaN,
    chinesePatent: binds ? chinesePatent : NaN,
    positiveRate: floored ? positiveRate : NaN,
    classAShareMet: classAShareMet(terms, name, classAShare, 1),
    drugAvailabilityMet: drugAvailabilityMet(terms, name, western, chinesePatent),
    positiveRateMet: positiveRateMet(terms, name, positiveRate),
    therapyExcess,
    unapprovedExaminations,
    auxiliaryExcess,
    itemsNonCompliant: therapyExcess + unapprovedExaminations + auxiliaryExcess,
  };
}

/**
 * The share of items beyond `limit` a day when a day's items are Poisson with mean λ: E[(N − limit)⁺] / λ,
 * with E[(N − L)⁺] = λ − L + Σ_{k<L} (L − k) P(N = k).
 */
export function poissonExcessShare(lambda: number, limit: number): number {
  if (!(lambda > 0)) return 0;
  let p = Math.exp(-lambda);
  let below = 0;
  for (let k = 0; k < limit; k++) {
    below += (limit - k) * p;
    p *= lambda / (k + 1);
  }
  return Math.max(0, lambda - limit + below) / lambda;
}

/**
 * The assessment's verdict on its keyed draw `u`: failed below the base chance raised by the weights of
 * the terms missed, put down to the base chance, then to the 甲类 share, then to drug availability.
 */
export function assessmentVerdict(base: number, t: TermsAssumptions | null, f: TermFacts | undefined, u: number): { failed: boolean; cause: AssessmentCause } {
  if (u < base) return { failed: true, cause: 'base' };
  let upTo = base;
  if (t && f) {
    if (!f.classAShareMet && u < (upTo += t.missed.classAShare)) return { failed: true, cause: 'classAShare' };
    if (!f.drugAvailabilityMet && u < (upTo += t.missed.drugAvailability)) return { failed: true, cause: 'drugAvailability' };
  }
  return { failed: false, cause: 'base' };
}
