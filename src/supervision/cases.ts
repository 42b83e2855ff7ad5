/**
 * A simulated case as the rule table sees it: the facts of a found behaviour put to assessPenalty,
 * and what it imposes. Institutions are sanctioned under Art 38, or Art 40 when intent to defraud is
 * found (the amount's share of last year's fund payments picks the tier); insured persons under Art
 * 41 ¶1, or ¶2 with intent (the amount in yuan picks the tier). A simulated institution's case is never
 * found by its own self-inspection, nor the conduct of one person (Art 38's 不予处罚 carve-outs).
 */
import { assessPenalty } from './assess.js';
import type { PenaltyFacts } from './facts.js';
import type { PenaltyRules } from './load.js';
import type { SanctionEffects } from './sanctions.js';

export interface CaseFlags {
  firstOffence: boolean;
  correctedInTime: boolean;
  /** Only when not corrected in time (the facts would contradict each other). */
  refusedToCorrect: boolean;
}

export interface CaseOutcome {
  article: string;
  /** False when no tier covers the facts (sanctions.gaps: asRules): the loss is still ordered returned. */
  covered: boolean;
  /** An interview only (不予处罚). */
  noPenalty: boolean;
  tier: string;
  effects: SanctionEffects;
}

const NONE: SanctionEffects = {
  orderedToCorrect: true,
  returnFen: 0,
  fineFen: 0,
  departmentSuspensionMonths: 0,
  settlementSuspensionMonths: 0,
  agreementTerminated: false,
  interview: false,
  referrals: [],
};

function outcome(rules: PenaltyRules, facts: PenaltyFacts): CaseOutcome {
  const r = assessPenalty(rules, facts);
  if (!r.covered) return { article: facts.article, covered: false, noPenalty: false, tier: '', effects: { ...NONE, returnFen: facts.amountFen ?? 0 } };
  return { article: facts.article, covered: true, noPenalty: r.tier.degree === 'noPenalty', tier: r.tier.id, effects: r.effects };
}

export interface PersonCase extends CaseFlags {
  intent: boolean;
  /** The loss: leakage of the member's touched claims, all parts (fen, at least 0). */
  amountFen: number;
  /** None of it paid by the pooled fund or serious-illness insurance: all from the personal account. */
  allFromPersonalAccount: boolean;
}

export function personCase(rules: PenaltyRules, c: PersonCase): CaseOutcome {
  return outcome(rules, {
    article: c.intent ? '41.2' : '41.1',
    actor: 'insuredPerson',
    amountFen: c.amountFen,
    firstOffence: c.firstOffence,
    correctedInTime: c.correctedInTime,
    refusedToCorrect: c.refusedToCorrect && !c.correctedInTime,
    allFromPersonalAccount: c.allFromPersonalAccount,
  });
}

export interface InstitutionCase extends CaseFlags {
  intent: boolean;
  amountFen: number;
  /** The amount ÷ the institution's fund payments last year (上年度医保基金支付额). */
  share: number;
}

export function institutionCase(rules: PenaltyRules, c: InstitutionCase): CaseOutcome {
  return outcome(rules, {
    article: c.intent ? '40' : '38',
    actor: 'designatedInstitution',
    amountFen: c.amountFen,
    share: c.share,
    firstOffence: c.firstOffence,
    correctedInTime: c.correctedInTime,
    refusedToCorrect: c.refusedToCorrect && !c.correctedInTime,
    selfInspection: false,
    individualConduct: false,
  });
}
