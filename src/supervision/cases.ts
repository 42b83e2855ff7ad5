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
import { noEffects, type SanctionEffects } from './sanctions.js';
import type { Actor } from './vocabulary.js';

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

/** An uncovered case: ordered to correct and to return the loss, nothing more. */
const uncoveredEffects = (amountFen: number): SanctionEffects => ({ ...noEffects(), orderedToCorrect: true, returnFen: amountFen });

function outcome(rules: PenaltyRules, facts: PenaltyFacts): CaseOutcome {
  const r = assessPenalty(rules, facts);
  if (!r.covered) return { article: facts.article, covered: false, noPenalty: false, tier: '', effects: uncoveredEffects(facts.amountFen ?? 0) };
  return { article: facts.article, covered: true, noPenalty: r.tier.degree === 'noPenalty', tier: r.tier.id, effects: r.effects };
}

/** What every case knows: whether intent was found, the loss, and the flags. */
export interface Case extends CaseFlags {
  intent: boolean;
  /** The loss: leakage of the touched claims or of the behaviours found, all parts (fen, at least 0). */
  amountFen: number;
}

/** The facts every case states; refusing to correct only counts when not corrected in time. */
const stated = (c: Case, article: string, actor: Actor): PenaltyFacts => ({
  article,
  actor,
  amountFen: c.amountFen,
  firstOffence: c.firstOffence,
  correctedInTime: c.correctedInTime,
  refusedToCorrect: c.refusedToCorrect && !c.correctedInTime,
});

export interface PersonCase extends Case {
  /** None of it paid by the pooled fund or serious-illness insurance: all from the personal account. */
  allFromPersonalAccount: boolean;
}

export function personCase(rules: PenaltyRules, c: PersonCase): CaseOutcome {
  return outcome(rules, { ...stated(c, c.intent ? '41.2' : '41.1', 'insuredPerson'), allFromPersonalAccount: c.allFromPersonalAccount });
}

export interface InstitutionCase extends Case {
  /** The amount ÷ the institution's fund payments last year (上年度医保基金支付额). */
  share: number;
}

export function institutionCase(rules: PenaltyRules, c: InstitutionCase): CaseOutcome {
  return outcome(rules, { ...stated(c, c.intent ? '40' : '38', 'designatedInstitution'), share: c.share, selfInspection: false, individualConduct: false });
}
