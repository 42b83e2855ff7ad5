/**
 * assessPenalty: the tier a rule file gives for the facts of a case, and its sanctions. Pure: the
 * same rules and facts give the same result, with every step in `reasoning`.
 *
 * Tiers are tried in the order of choices.precedence; the first whose conditions hold wins, and any
 * other tier that also holds is named. When none holds, choices.gaps says what happens: the case is
 * reported as uncovered, or the statute's range (base file) or a named tier is applied.
 */
import { InputError, type Problem } from '../input/inputError.js';
import { evaluate, type Verdict } from './conditions.js';
import { caseFacts, checkFacts, factsText, type CaseFacts, type PenaltyFacts } from './facts.js';
import { gapChoice, type PenaltyRules } from './load.js';
import { imposeSanctions, sanctionEffects, type Sanction, type SanctionEffects } from './sanctions.js';
import type { RuleArticle, RuleTier } from './schema.js';
import { DEGREE_WORDS, type Degree } from './vocabulary.js';

export interface RulesRef {
  id: string;
  title: string;
  jurisdiction: string;
  version: string;
}

export interface ArticleRef {
  id: string;
  title: string;
  statute: string;
}

export interface PenaltyAssessment {
  covered: true;
  rules: RulesRef;
  article: ArticleRef;
  tier: { id: string; degree: Degree; source: string; rules: RulesRef };
  /** How a gap was filled when no tier of `rules` covered the facts: "statute" or a tier id. */
  gapFilledBy?: string;
  sanctions: Sanction[];
  effects: SanctionEffects;
  reasoning: string[];
  /** Where the chosen tier and its article are written. */
  sourceRef: string;
}

export interface PenaltyNotCovered {
  covered: false;
  rules: RulesRef;
  article: ArticleRef;
  /** "no tier covers these facts: …" */
  message: string;
  reasoning: string[];
}

export type PenaltyResult = PenaltyAssessment | PenaltyNotCovered;

/** Where problems with the facts are reported (the CLI names its options instead). */
export const FACTS_SOURCE = 'facts';

export function assessPenalty(rules: PenaltyRules, facts: PenaltyFacts): PenaltyResult {
  const problems = checkFacts(rules, facts, FACTS_SOURCE);
  if (problems.length > 0) throw new InputError(problems);
  const article = rules.articles.find((a) => a.id === facts.article)!;
  const f = caseFacts(facts);
  const reasoning = [
    `rules: ${rules.title} (${rules.id}; ${rules.jurisdiction}, ${rules.version}; ${effectiveText(rules)})`,
    `boundary rule (choices.boundary): ${boundaryText(rules)}`,
    `article ${article.id} (${article.statute}): ${article.title}`,
    `facts: ${factsText(f)}`,
  ];
  if (f.obstruction) reasoning.push('obstruction counts as refusing to correct and is aggravated (第十条)');

  const own = chooseTier(rules, article, f);
  reasoning.push(...own.lines);
  let chosen = own.chosen && { tier: own.chosen, rules, article };
  let gapFilledBy: string | undefined;
  if (!chosen) {
    const gap = gapChoice(rules, article);
    if (gap === 'uncovered') {
      const message = `no tier of article ${article.id} in ${rules.id} covers these facts: ${factsText(f)}`;
      reasoning.push(`choices.gaps for article ${article.id} is "uncovered": the source gives no sanction for these facts`);
      return { covered: false, rules: ref(rules), article: articleRef(article), message, reasoning };
    }
    gapFilledBy = gap;
    if (gap === 'statute') {
      const base = rules.baseRules!;
      const baseArticle = base.articles.find((a) => a.id === article.id)!;
      reasoning.push(`no tier holds; choices.gaps for article ${article.id} is "statute": ${base.title} (${base.id}), where ${boundaryText(base)}`);
      const statute = chooseTier(base, baseArticle, f);
      reasoning.push(...statute.lines.map((l) => `  ${l}`));
      if (!statute.chosen) {
        const message = `no tier of article ${article.id} in ${rules.id} or its statute ${base.id} covers these facts: ${factsText(f)}`;
        return { covered: false, rules: ref(rules), article: articleRef(article), message, reasoning };
      }
      chosen = { tier: statute.chosen, rules: base, article: baseArticle };
    } else {
      const tier = article.tiers.find((t) => t.id === gap)!;
      reasoning.push(`no tier holds; choices.gaps for article ${article.id} applies tier ${tier.id}`);
      chosen = { tier, rules, article };
    }
  }

  const imposed = imposeSanctions([...chosen.tier.sanctions, ...chosen.article.everyTier], {
    facts: f,
    boundary: chosen.rules.choices.boundary,
    switches: chosen.rules.choices.switches,
    point: rules.choices.point,
  });
  const tierId = chosen.tier.id;
  if (imposed.missing.length > 0) throw missingFacts(article, imposed.missing.map((field) => ({ field, tier: tierId })));
  reasoning.push(...imposed.lines);
  return {
    covered: true,
    rules: ref(rules),
    article: articleRef(article),
    tier: { id: chosen.tier.id, degree: chosen.tier.degree, source: chosen.tier.source, rules: ref(chosen.rules) },
    ...(gapFilledBy === undefined ? {} : { gapFilledBy }),
    sanctions: imposed.sanctions,
    effects: sanctionEffects(imposed.sanctions),
    reasoning,
    sourceRef: `${chosen.tier.source}; ${chosen.article.statute}`,
  };
}

interface Choice {
  chosen?: RuleTier;
  lines: string[];
}

/** Try every tier in precedence order; the first that holds wins. */
function chooseTier(rules: PenaltyRules, article: RuleArticle, facts: CaseFacts): Choice {
  const order = rules.choices.precedence[article.id];
  const tiers = order ? order.map((id) => article.tiers.find((t) => t.id === id)!) : article.tiers;
  const ctx = { facts, boundary: rules.choices.boundary, switches: rules.choices.switches };
  const asWritten = rules.choices.readTypos === 'asWritten';
  const verdicts = tiers.map((tier) => {
    const typo = asWritten && tier.asWritten !== undefined;
    return { tier, typo, verdict: evaluate(typo ? tier.asWritten! : tier.when, ctx) };
  });
  const missing = verdicts.flatMap((v) => v.verdict.missing.map((field) => ({ field, tier: v.tier.id })));
  if (missing.length > 0) throw missingFacts(article, missing);
  const lines = verdicts.map(({ tier, typo, verdict }) => `${tierLabel(tier)}${typo ? ' as written (choices.readTypos)' : ''}: ${verdictText(verdict)}`);
  const met = verdicts.filter((v) => v.verdict.met).map((v) => v.tier);
  const [first, ...others] = met;
  if (!first) return { lines };
  const why = others.length === 0 ? 'the only tier that holds' : `first in ${order ? `choices.precedence.${article.id}` : 'file order'} of ${met.map((t) => t.id).join(', ')}`;
  lines.push(`chosen: ${tierLabel(first)}, ${why}; ${first.source}`);
  return { chosen: first, lines };
}

function verdictText(v: Verdict): string {
  return v.met ? 'holds' : `does not hold: ${v.unmet.join(', ')}`;
}

function tierLabel(tier: RuleTier): string {
  return `${tier.id} ${DEGREE_WORDS[tier.degree]}`;
}

/** One problem per missing fact, naming the tiers that need it. */
function missingFacts(article: RuleArticle, missing: Array<{ field: string; tier: string }>): InputError {
  const byField = new Map<string, Set<string>>();
  for (const { field, tier } of missing) byField.set(field, (byField.get(field) ?? new Set()).add(tier));
  const problems: Problem[] = [...byField].map(([field, tiers]) => ({
    file: FACTS_SOURCE,
    path: [field],
    message: `is needed for article ${article.id} (tier ${[...tiers].join(', ')})`,
  }));
  return new InputError(problems);
}

function ref(rules: PenaltyRules): RulesRef {
  return { id: rules.id, title: rules.title, jurisdiction: rules.jurisdiction, version: rules.version };
}

function articleRef(article: RuleArticle): ArticleRef {
  return { id: article.id, title: article.title, statute: article.statute };
}

function boundaryText(rules: PenaltyRules): string {
  const { above, below } = rules.choices.boundary;
  return `以上 ${above === 'exclusive' ? 'excludes' : 'includes'} the number, 以下 ${below === 'exclusive' ? 'excludes' : 'includes'} it`;
}

function effectiveText(rules: PenaltyRules): string {
  const e = rules.effective;
  return e.from !== undefined ? `in force from ${e.from}` : `in force by ${e.inForceBy}`;
}
