/**
 * The penalty rules a simulation sanctions cases with: the scenario's rule file (default: Jiangxi's
 * table, data/supervision/CN-JX-trial.yaml), with its gaps filled by the statute unless the scenario
 * keeps the file's own choice (sanctions.gaps); by year, the file or its base statute, whichever is in force
 * (sanctions.dates).
 */
import { resolve } from 'node:path';
import { InputError } from '../input/inputError.js';
import { jurisdictionText } from '../policy/jurisdiction.js';
import type { SupervisionAssumptions } from './assumptions.js';
import { defaultPenaltyRulesFile, gapChoice, loadPenaltyRules, type PenaltyRules } from './load.js';

/** The rules that sanction the cases of a year. */
export type SanctionRules = (year: number) => PenaltyRules;

/** In force on an ISO day: from its start (`from`, else the `inForceBy` date it is known to be in force by) to `to`. */
export function inForceOn(rules: PenaltyRules, day: string): boolean {
  const start = rules.effective.from ?? rules.effective.inForceBy!;
  return start <= day && (rules.effective.to === undefined || day <= rules.effective.to);
}

/**
 * The scenario's rules by year (sanctions.dates): a year's cases are decided by its 31 December, under the
 * rule file if it is in force then, else under its base statute (a detailed table is younger than the
 * statute it details). A file without a base, or `dates: file`, sanctions every year.
 */
export function sanctionRulesByYear(a: SupervisionAssumptions, scenarioDir: string, scenarioFile: string): SanctionRules {
  const rules = supervisionRules(a, scenarioDir, scenarioFile);
  const base = rules.baseRules;
  if (a.sanctions.dates === 'file' || !base) return () => rules;
  return (year) => (inForceOn(rules, `${year}-12-31`) ? rules : base);
}

/**
 * Which rules sanctioned which years, in words: "title (CN-2021, CN) in 2021; title (CN-JX-trial, CN-JX) in
 * 2022–2030"; given the policy's region, a file whose jurisdiction does not cover it is marked borrowed.
 */
export function rulesByYearText(rules: SanctionRules, years: readonly number[], region?: string): string {
  const runs: { rules: PenaltyRules; from: number; to: number }[] = [];
  for (const year of years) {
    const r = rules(year);
    const last = runs[runs.length - 1];
    if (last && last.rules.id === r.id) last.to = year;
    else runs.push({ rules: r, from: year, to: year });
  }
  const where = (j: string) => (region === undefined ? j : jurisdictionText(j, region));
  return runs.map((x) => `${x.rules.title} (${x.rules.id}, ${where(x.rules.jurisdiction)}) in ${x.from === x.to ? x.from : `${x.from}–${x.to}`}`).join('; ');
}

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
  // An uncovered gap takes the statute's range; a gap the file fills with one of its own tiers keeps it.
  const base = rules.baseRules;
  const gaps = Object.fromEntries(
    rules.articles.map((article) => {
      const own = gapChoice(rules, article);
      return [article.id, own === 'uncovered' && base.articles.some((b) => b.id === article.id) ? 'statute' : own];
    }),
  );
  return { ...rules, choices: { ...rules.choices, gaps: { default: 'statute', ...gaps } } };
}
