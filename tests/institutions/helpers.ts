import { defaultAgreementRulesFile, loadAgreementRules, sichuanAgreementRulesFile } from '../../src/institutions/rules.js';
import type { YearFacts } from '../../src/institutions/lifecycle.js';

export const gx = loadAgreementRules(defaultAgreementRulesFile());
export const sc = loadAgreementRules(sichuanAgreementRulesFile());

/** A year in which nothing happens; override what the test needs. */
export function facts(over: Partial<YearFacts> = {}): YearFacts {
  return { cases: [], chartSample: null, terminations: [], assessment: { failed: false, months: 1 }, application: null, ...over };
}

/** An institution operating for a long time with its premises secured for a long time. */
export const settled = { openedMonth: 0, leaseEndMonth: 1_000_000 };
