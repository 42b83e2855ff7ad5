/**
 * Agreement rule files (data/institutions/*.yaml): a jurisdiction's rules for designating institutions,
 * suspending and ending their service agreements, barring re-entry, and the agreement's terms. A file may
 * name a `base` whose sections it does not give (Sichuan's assessment rules say nothing of suspension).
 * Every problem is reported at once with file, line, field path and what is allowed.
 */
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../cli/paths.js';
import { readDocument, validateDocument, withLines, type SourceDocument } from '../input/document.js';
import { InputError, type Problem } from '../input/inputError.js';
import { ratio, yuan } from '../policy/schema.js';
import { LEVELS } from '../policy/vocabulary.js';
import { BAN_CATEGORIES } from './vocabulary.js';

const months = z.number().int('must be whole months').min(0, 'must be 0 or more').max(240, 'must be at most 240 months');
const id = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be a name of letters and digits');
const banCategory = z.enum(BAN_CATEGORIES);
const level = z.enum(LEVELS);

const entry = z.strictObject({
  minMonthsOperating: months,
  /** Months left on the premises' lease at application; null: no such condition. */
  minLeaseMonths: months.nullable(),
  /** Decisions at the end of every `everyMonths`-th month of the year, or `withinMonths` after applying. */
  review: z.union([z.strictObject({ everyMonths: z.number().int().min(1).max(12) }), z.strictObject({ withinMonths: z.number().int().min(0).max(24) })]),
  passScore: z.number().min(0).max(100),
  retryAfterMonths: months,
  /** A second failure in a row bars applying for this long (0: no bar). */
  secondFailureBanMonths: months,
});

const ground = z.strictObject({ id, item: z.number().int().min(1), text: z.string() });

const suspension = z
  .strictObject({
    months: z.strictObject({ from: z.number().int().min(1).max(24), to: z.number().int().min(1).max(24) }).refine((m) => m.to >= m.from, 'to must be at least from'),
    /** A chart sample whose non-compliant share is strictly above this is a case. */
    chartSample: z.strictObject({ above: ratio }),
    /** The ground a failed annual assessment is. */
    failedAssessment: id,
    grounds: z.array(ground).min(1),
  })
  .superRefine((s, ctx) => {
    uniqueIds(s.grounds, ctx, ['grounds']);
    if (!s.grounds.some((g) => g.id === s.failedAssessment)) {
      ctx.addIssue({ code: 'custom', path: ['failedAssessment'], message: `must be the id of one of the grounds (${s.grounds.map((g) => g.id).join(', ')})` });
    }
  });

const termination = z
  .strictObject({
    suspensionsInYear: z.number().int().min(1).max(12),
    repeatedSuspensionBan: banCategory,
    failedAssessmentsInRow: z.number().int().min(1).max(10),
    failedAssessmentsBan: banCategory,
    grounds: z.array(ground.extend({ ban: banCategory })),
  })
  .superRefine((t, ctx) => uniqueIds(t.grounds, ctx, ['grounds']));

const reentry = z.strictObject({ banMonths: z.strictObject(Object.fromEntries(BAN_CATEGORIES.map((c) => [c, months])) as Record<(typeof BAN_CATEGORIES)[number], typeof months>) });

/** A price band [from, to) in yuan; `to` absent: open above. */
const priceBand = z.strictObject({ from: yuan, to: yuan.optional() }).refine((b) => b.to === undefined || b.to > b.from, 'to must be above from');

const terms = z.strictObject({
  /** Least 甲类 share of total spending, by level. */
  classAShare: z.strictObject(Object.fromEntries(LEVELS.map((l) => [l, ratio])) as Record<(typeof LEVELS)[number], typeof ratio>),
  drugAvailability: z.strictObject({ levels: z.array(level).min(1), western: ratio, chinesePatent: ratio }),
  positiveRate: z.partialRecord(level, ratio),
  specialExamination: z.strictObject({ institution: priceBand, agency: priceBand }),
  therapyItemsPerDay: z.number().int().min(1),
  auxiliaryAtMostMain: z.boolean(),
});

const SECTIONS = ['entry', 'suspension', 'termination', 'reentry', 'terms'] as const;

export const agreementRulesSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, "_", "." or "-"'),
  title: z.string(),
  titleEn: z.string().optional(),
  jurisdiction: z.string(),
  source: z.string(),
  /** A rule file (relative to this one) giving the sections this one leaves out. */
  base: z.string().optional(),
  entry: entry.optional(),
  suspension: suspension.optional(),
  termination: termination.optional(),
  reentry: reentry.optional(),
  terms: terms.optional(),
});

type RuleFile = z.output<typeof agreementRulesSchema>;
export type EntryRules = z.output<typeof entry>;
export type SuspensionRules = z.output<typeof suspension>;
export type TerminationRules = z.output<typeof termination>;
export type AgreementTerms = z.output<typeof terms>;

/** A rule file with every section, its own or its base's. */
export interface AgreementRules extends Omit<RuleFile, (typeof SECTIONS)[number]> {
  file: string;
  entry: EntryRules;
  suspension: SuspensionRules;
  termination: TerminationRules;
  reentry: z.output<typeof reentry>;
  terms: AgreementTerms;
}

function uniqueIds(list: { id: string }[], ctx: z.RefinementCtx, path: (string | number)[]): void {
  const seen = new Set<string>();
  list.forEach((g, i) => {
    if (seen.has(g.id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `ground "${g.id}" is listed twice` });
    seen.add(g.id);
  });
}

/** Guangxi's rules (seed 001 第1篇), the default. */
export function defaultAgreementRulesFile(): string {
  return join(packageRoot(), 'data', 'institutions', 'CN-GX-agreement.yaml');
}

/** Sichuan's designation assessment (seed 003 篇三) over Guangxi's agreement rules. */
export function sichuanAgreementRulesFile(): string {
  return join(packageRoot(), 'data', 'institutions', 'CN-SC-designation.yaml');
}

/** The built-in rule files by name (a scenario's `institutions.rules`). */
export const AGREEMENT_RULES: Record<string, () => string> = { 'CN-GX': defaultAgreementRulesFile, 'CN-SC': sichuanAgreementRulesFile };

/** The rule file a scenario names: a built-in one, or a file relative to the scenario's directory. */
export function agreementRulesFile(choice: string, scenarioDir: string): string {
  return userAgreementRulesFile(choice, scenarioDir) ?? AGREEMENT_RULES[choice]!();
}

/** The user's own rule file a choice names (beside the scenario), or undefined for a built-in rule set. */
export function userAgreementRulesFile(choice: string, scenarioDir: string): string | undefined {
  return Object.hasOwn(AGREEMENT_RULES, choice) ? undefined : resolve(scenarioDir, choice);
}

export function loadAgreementRules(file: string): AgreementRules {
  return agreementRulesFromDocument(readDocument(file));
}

export function agreementRulesFromDocument(doc: SourceDocument): AgreementRules {
  const own = validateDocument(doc, agreementRulesSchema);
  const base = own.base === undefined ? undefined : loadAgreementRules(resolve(dirname(doc.file), own.base));
  const problems: Problem[] = [];
  const section = <K extends (typeof SECTIONS)[number]>(key: K): AgreementRules[K] => {
    const value = (own[key] ?? base?.[key]) as AgreementRules[K] | undefined;
    if (value === undefined) problems.push({ file: doc.file, path: [key], message: `is required (the file has no "base" giving it)` });
    return value!;
  };
  const rules: AgreementRules = {
    ...own,
    file: doc.file,
    entry: section('entry'),
    suspension: section('suspension'),
    termination: section('termination'),
    reentry: section('reentry'),
    terms: section('terms'),
  };
  if (rules.suspension && rules.termination) {
    const suspended = new Set(rules.suspension.grounds.map((g) => g.id));
    rules.termination.grounds.forEach((g, i) => {
      if (suspended.has(g.id)) problems.push({ file: doc.file, path: ['termination', 'grounds', i, 'id'], value: g.id, message: 'is also a suspension ground; a ground either suspends or ends the agreement' });
    });
  }
  if (problems.length > 0) throw new InputError(withLines(problems, doc));
  return rules;
}
