/**
 * The agreement's 甲类 share term (Guangxi Art 12(六): 甲类 spending at least 60%, 75% and 85% of the total
 * at 三, 二 and 一级 institutions; terms.ts) checked on an institution-year's card-settled care, and its
 * weight at that year's annual assessment (December; Art 20 ties the quality deposit to it).
 *
 * The claims are drawn after the lifecycle has fixed every month's status, so a failure on the share can
 * only forfeit the deposit: it does not suspend the agreement or count towards two failures in a row.
 */
import { LEVELS } from '../policy/vocabulary.js';
import type { InstitutionAssumptions } from './assumptions.js';
import type { Institutions } from './generate.js';
import type { PoolYear } from './pool.js';
import type { AgreementTerms } from './rules.js';
import { classAShareMet } from './terms.js';
import { HOSPITAL, STATUS } from './vocabulary.js';

/**
 * 1 for each hospital with card-settled care whose 甲类 share fell short of its level's minimum.
 * `classA` and `bill`: per institution, the year's card-settled 甲类 cost and bill (fen). Pharmacies are
 * outside the term (it binds medical institutions), and so are hospitals without care (no share to check).
 */
export function classAShareUnmet(terms: AgreementTerms, inst: Pick<Institutions, 'length' | 'type' | 'level'>, classA: Float64Array, bill: Float64Array): Uint8Array {
  const unmet = new Uint8Array(inst.length);
  for (let i = 0; i < inst.length; i++) {
    if (inst.type[i] !== HOSPITAL || !(bill[i]! > 0)) continue;
    if (!classAShareMet(terms, LEVELS[inst.level[i]!]!, classA[i]!, bill[i]!)) unmet[i] = 1;
  }
  return unmet;
}

const designatedInDecember = (pool: PoolYear, i: number) => {
  const status = pool.monthly[i * 12 + 11];
  return status === STATUS.active || status === STATUS.suspended;
};

/**
 * 1 for each institution that fails the annual assessment on its missed share: it is assessed (designated
 * in December), passed on the lifecycle's own chance, and its keyed assessment draw falls below that chance
 * raised by `classAShareMissed`. The same draw as the lifecycle's, so raising the chance only adds failures.
 */
export function classAShareAssessmentFailures(life: InstitutionAssumptions['lifecycle'], pool: PoolYear, unmet: Uint8Array): Uint8Array {
  const failed = new Uint8Array(unmet.length);
  const draws = pool.assessmentDraws;
  if (!draws) return failed;
  const base = life.assessmentFailure;
  const raised = base + life.classAShareMissed;
  for (let i = 0; i < unmet.length; i++) {
    if (unmet[i] && designatedInDecember(pool, i) && draws[i]! >= base && draws[i]! < raised) failed[i] = 1;
  }
  return failed;
}
