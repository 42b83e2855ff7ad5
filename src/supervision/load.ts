/**
 * Loading sanction rule files (YAML or JSON) with their statute base file. Every problem is reported
 * at once with file, line, field path, value and what is allowed.
 */
import { dirname, join, resolve } from 'node:path';
import { readDocument, validateDocument, withLines, type SourceDocument } from '../input/document.js';
import { InputError, type Problem } from '../input/inputError.js';
import { packageRoot } from '../cli/paths.js';
import { penaltyRulesSchema, type PenaltyRuleFile, type RuleArticle } from './schema.js';

export interface PenaltyRules extends PenaltyRuleFile {
  file: string;
  /** The statute file named by `base`, loaded. */
  baseRules?: PenaltyRules;
}

/** The default rules: Jiangxi's penalty-discretion table (试行). */
export function defaultPenaltyRulesFile(): string {
  return join(packageRoot(), 'data', 'supervision', 'CN-JX-trial.yaml');
}

export function loadPenaltyRules(file: string): PenaltyRules {
  return penaltyRulesFromDocument(readDocument(file));
}

export function penaltyRulesFromDocument(doc: SourceDocument): PenaltyRules {
  const rules: PenaltyRules = { ...validateDocument(doc, penaltyRulesSchema), file: doc.file };
  const problems: Problem[] = [];
  if (rules.base !== undefined) {
    rules.baseRules = loadPenaltyRules(resolve(dirname(doc.file), rules.base));
    if (rules.baseRules.base !== undefined) {
      problems.push({ file: doc.file, path: ['base'], value: rules.base, message: 'a base file must not have a base of its own' });
    }
  }
  rules.articles.forEach((article) => {
    if (gapChoice(rules, article) !== 'statute') return;
    const path = ['choices', 'gaps', article.id in rules.choices.gaps ? article.id : 'default'];
    if (!rules.baseRules) {
      problems.push({ file: doc.file, path, value: 'statute', message: 'needs a "base" statute file to take the statutory ranges from' });
    } else if (!rules.baseRules.articles.some((a) => a.id === article.id)) {
      problems.push({ file: doc.file, path, value: 'statute', message: `the base file ${rules.base} has no article ${article.id}` });
    }
  });
  if (problems.length > 0) throw new InputError(withLines(problems, doc));
  return rules;
}

/** What fills a gap in an article: uncovered, statute, or a tier id. */
export function gapChoice(rules: PenaltyRuleFile, article: RuleArticle): string {
  return rules.choices.gaps[article.id] ?? rules.choices.gaps['default'] ?? 'uncovered';
}
