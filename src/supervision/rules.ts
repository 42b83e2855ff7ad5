/**
 * The penalty rules a simulation sanctions cases with: the scenario's rule file (default: Jiangxi's
 * table, data/supervision/CN-JX-trial.yaml), with its gaps filled by the statute unless the scenario
 * keeps the file's own choice (sanctions.gaps); by year, the file or its base statute, whichever is in force
 * (sanctions.dates).
 */
import { resolve } from 'node:path';
import { readDocument } from '../input/document.js';
import { InputError, type Problem } from '../input/inputError.js';
import { jurisdictionText } from '../policy/jurisdiction.js';
import type { SupervisionAssumptions } from './assumptions.js';
import { defaultPenaltyRulesFile, gapChoice, loadPenaltyRules, type PenaltyRules } from './load.js';
import type { Condition } from './schema.js';
import type { Actor } from './vocabulary.js';

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
  // The base decides the years before the file is in force (dates: inForce) and fills gaps (gaps: statute).
  const problems = [...simulatedCaseProblems(rules), ...(base && (a.sanctions.dates === 'inForce' || a.sanctions.gaps === 'statute') ? simulatedCaseProblems(base) : [])];
  if (problems.length > 0) throw new InputError(problems);
  if (a.sanctions.dates === 'file' || !base) return () => rules;
  return (year) => (inForceOn(rules, `${year}-12-31`) ? rules : base);
}

/**
 * The cases a simulation puts to the rules (cases.ts): designated institutions under Arts 38 and 40 with the
 * amount and its share of last year's payments, insured persons under Art 41 ¶1 and ¶2 with the amount; no
 * item (项) is ever given. What each article must accept.
 */
const SIMULATED: ReadonlyArray<{ article: string; actor: Actor; what: string; unknown: readonly ('items' | 'share')[] }> = [
  { article: '38', actor: 'designatedInstitution', what: "institutions' misuse without intent to defraud (条例 Art 38)", unknown: ['items'] },
  { article: '40', actor: 'designatedInstitution', what: "institutions' fraud (条例 Art 40)", unknown: ['items'] },
  { article: '41.1', actor: 'insuredPerson', what: "insured persons' misuse (条例 Art 41 ¶1)", unknown: ['items', 'share'] },
  { article: '41.2', actor: 'insuredPerson', what: "insured persons' fraud (条例 Art 41 ¶2)", unknown: ['items', 'share'] },
];

/**
 * A rule file a run sanctions with must have the articles the simulation's cases are put to, for their
 * actors, and no tier or sanction of them may depend on a fact the simulation does not give: otherwise the
 * run would stop part way at its first such case, with a problem in the case's facts rather than the file.
 */
export function simulatedCaseProblems(rules: PenaltyRules): Problem[] {
  const problems: Problem[] = [];
  let lineOf: ((path: (string | number)[]) => number | undefined) | undefined; // read again only for a problem
  const line = (path: (string | number)[]) => (lineOf ??= lineFinder(rules.file))(path);
  const bad = (path: (string | number)[], value: unknown, message: string) => problems.push({ file: rules.file, path, value, line: line(path), message });
  for (const need of SIMULATED) {
    const i = rules.articles.findIndex((x) => x.id === need.article);
    if (i < 0) {
      bad(['articles'], rules.articles.map((x) => x.id), `needs article ${need.article}: a run sanctions ${need.what} under it (a run needs articles 38, 40, 41.1 and 41.2)`);
      continue;
    }
    const article = rules.articles[i]!;
    if (!article.actors.includes(need.actor)) bad(['articles', i, 'actors'], article.actors, `must include ${need.actor}: a run sanctions ${need.what} under article ${need.article}`);
    const conditions: Array<[(string | number)[], Condition | undefined]> = [
      ...article.tiers.flatMap((t, j): Array<[(string | number)[], Condition | undefined]> => [
        [['articles', i, 'tiers', j, 'when'], t.when],
        [['articles', i, 'tiers', j, 'asWritten'], t.asWritten],
        ...t.sanctions.map((x, k): [(string | number)[], Condition | undefined] => [['articles', i, 'tiers', j, 'sanctions', k, 'onlyIf'], x.onlyIf]),
      ]),
      ...article.everyTier.map((x, k): [(string | number)[], Condition | undefined] => [['articles', i, 'everyTier', k, 'onlyIf'], x.onlyIf]),
    ];
    for (const [path, c] of conditions) {
      for (const [at, field, value] of factsNamed(c, path, need.unknown)) {
        const fact = field === 'items' ? 'an item (项)' : "a share of last year's payments";
        bad(at, value, `a run's article ${need.article} cases, ${need.what}, give no ${fact.replace(/^an? /, '')}: no tier or sanction of the article can depend on ${fact}`);
      }
    }
  }
  return problems;
}

/** Where a condition (and its anyOf branches) names one of `fields`. */
function factsNamed(c: Condition | undefined, path: (string | number)[], fields: readonly ('items' | 'share')[]): Array<[(string | number)[], string, unknown]> {
  if (!c) return [];
  const here = fields.filter((f) => c[f] !== undefined).map((f): [(string | number)[], string, unknown] => [[...path, f], f, c[f]]);
  return [...here, ...(c.anyOf ?? []).flatMap((b, k) => factsNamed(b, [...path, 'anyOf', k], fields))];
}

/** The line of a field in a rule file already read and checked (undefined if it cannot be read again). */
function lineFinder(file: string): (path: (string | number)[]) => number | undefined {
  try {
    return readDocument(file).lineOf;
  } catch {
    return () => undefined;
  }
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
