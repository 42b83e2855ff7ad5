/**
 * Loading sanction rule files (YAML or JSON) with their statute base file. Every problem is reported
 * at once with file, line, field path, value and what is allowed.
 */
import { dirname, join, resolve } from 'node:path';
import { readDocument, validateDocument, withLines, type SourceDocument } from '../input/document.js';
import { apparentKind, KIND_FIELDS } from '../input/documentKind.js';
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
  const wrong = otherKindProblems(doc);
  if (wrong.length > 0) throw new InputError(wrong);
  const rules: PenaltyRules = { ...validateDocument(doc, penaltyRulesSchema), file: doc.file };
  const problems: Problem[] = [];
  if (rules.base !== undefined) {
    const base = baseRules(doc, rules.base);
    if (base.base !== undefined) {
      problems.push({ file: doc.file, path: ['base'], value: rules.base, message: `a base file must not have a base of its own (${rules.base} names ${base.base})` });
    } else {
      rules.baseRules = base;
    }
  }
  rules.articles.forEach((article) => {
    if (gapChoice(rules, article) !== 'statute') return;
    const path = ['choices', 'gaps', article.id in rules.choices.gaps ? article.id : 'default'];
    if (rules.base !== undefined && !rules.baseRules) return; // its base is wrong, and said so above
    if (!rules.baseRules) {
      problems.push({ file: doc.file, path, value: 'statute', message: 'needs a "base" statute file to take the statutory ranges from' });
    } else if (!rules.baseRules.articles.some((a) => a.id === article.id)) {
      problems.push({ file: doc.file, path, value: 'statute', message: `the base file ${rules.base} has no article ${article.id}` });
    }
  });
  if (problems.length > 0) throw new InputError(withLines(problems, doc));
  return rules;
}

/**
 * The statute file a rule file names as its `base`, read one level only: a base of its own is the caller's
 * problem to report, and following it could go round for ever (a file naming itself, or two naming each
 * other). A base that cannot be opened is named at the `base` field that points to it.
 */
function baseRules(doc: SourceDocument, base: string): PenaltyRules {
  const file = resolve(dirname(doc.file), base);
  let baseDoc: SourceDocument;
  try {
    baseDoc = readDocument(file);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(err.problems.map((p) => (p.file === file && p.path.length === 0 && p.line === undefined ? { file: doc.file, path: ['base'], value: base, line: doc.lineOf(['base']), message: `${p.message}: ${file}` } : p)));
  }
  const parsed = validateDocument(baseDoc, penaltyRulesSchema);
  // Without a base of its own it is checked as any rule file is (its choices.gaps too).
  return parsed.base === undefined ? penaltyRulesFromDocument(baseDoc) : { ...parsed, file };
}

/**
 * A scenario, policy, reform or manifest given as a rule file (sanctions.rules, --rules) is named for what it
 * is, not reported as a rule file missing title, choices and articles. A policy shares `jurisdiction` and
 * `effective` with a rule file, so only its schemes (`employee`, `resident`) tell it apart.
 */
function otherKindProblems(doc: SourceDocument): Problem[] {
  const data = doc.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data) || 'articles' in data) return [];
  const kind = apparentKind(data);
  const fields = kind === undefined ? [] : KIND_FIELDS[kind].filter((f) => f in data && (kind !== 'policy' || f === 'employee' || f === 'resident'));
  if (fields.length === 0) return [];
  const message = `this is a ${kind} file (it has ${fields.map((f) => `\`${f}\``).join(', ')}), not a penalty rule file: one has \`articles\` with the tiers of 条例 Arts 37–41 (data/supervision/CN-JX-trial.yaml)`;
  return [{ file: doc.file, path: [], line: doc.lineOf([fields[0]!]), message }];
}

/** What fills a gap in an article: uncovered, statute, or a tier id. */
export function gapChoice(rules: PenaltyRuleFile, article: RuleArticle): string {
  return rules.choices.gaps[article.id] ?? rules.choices.gaps['default'] ?? 'uncovered';
}
