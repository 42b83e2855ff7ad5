/**
 * The penalty rules a simulation sanctions cases with: the scenario's rule file (default: Jiangxi's
 * table, data/supervision/CN-JX-trial.yaml), with its gaps filled by the statute unless the scenario
 * keeps the file's own choice (sanctions.gaps).
 */
import { resolve } from 'node:path';
import { InputError } from '../input/inputError.js';
import type { SupervisionAssumptions } from './assumptions.js';
import { defaultPenaltyRulesFile, loadPenaltyRules, type PenaltyRules } from './load.js';

/** Problems name their field within the scenario's `supervision` section. */
export function supervisionRules(a: SupervisionAssumptions, scenarioDir: string, scenarioFile: string): PenaltyRules {
  const file = a.sanctions.rules === undefined ? defaultPenaltyRulesFile() : resolve(scenarioDir, a.sanctions.rules);
  const rules = loadPenaltyRules(file);
  if (a.sanctions.gaps === 'asRules') return rules;
  if (!rules.baseRules) {
    throw new InputError([
      { file: scenarioFile, path: ['sanctions', 'gaps'], value: 'statute', message: `needs a rule file with a "base" statute file; ${file} has none (or set gaps: asRules)` },
    ]);
  }
  return { ...rules, choices: { ...rules.choices, gaps: { default: 'statute' } } };
}
