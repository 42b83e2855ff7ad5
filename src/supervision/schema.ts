/**
 * The sanction rule file: a dated, jurisdiction-tagged transcription of a penalty-discretion table
 * (行政处罚裁量基准) or of the statute's own ranges. Tiers are data: conditions on the case facts, and
 * the sanctions they impose as bands written the way the source writes them (以上/以下). Where the source
 * has gaps, overlaps or typos, `choices` says what is done, and a user may change it.
 */
import { z } from 'zod';
import { yuan } from '../policy/schema.js';
import { ACTORS, DEGREES, INTERVIEWEES, type Actor } from './vocabulary.js';
import type { Band } from './interval.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const id = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, "_", "." or "-"');
const fourDecimals = (x: number) => Math.abs(Math.round(x * 10_000) - x * 10_000) < 1e-6;

const share = z.number().min(0, 'must be a fraction from 0 to 1').max(1, 'must be a fraction from 0 to 1 (0.002 is 0.2%)');
const multiple = z.number().min(0, 'must be 0 or more').max(100, 'must be at most 100').refine(fourDecimals, 'must have at most 4 decimals');
const months = z.number().min(0, 'must be 0 or more').max(120, 'must be at most 120 months').refine(Number.isInteger, 'must be whole months');

/** A band: `above` (以上) and/or `below` (以下), or `exactly`; an outcome band needs an upper bound. */
function band(value: z.ZodType<number>, outcome: boolean) {
  return z
    .strictObject({ above: value.optional(), below: value.optional(), exactly: value.optional() })
    .superRefine((b, ctx) => {
      if (b.exactly !== undefined && (b.above !== undefined || b.below !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['exactly'], message: 'give "exactly" alone, or "above"/"below"' });
      } else if (b.above === undefined && b.below === undefined && b.exactly === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: 'needs "above" (以上), "below" (以下) or "exactly"' });
      } else if (outcome && b.exactly === undefined && b.below === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: 'a sanction range needs an upper bound ("below", 以下)' });
      }
      if (b.above !== undefined && b.below !== undefined && b.below <= b.above) {
        ctx.addIssue({ code: 'custom', path: ['below'], message: `must be above "above" (${b.above})` });
      }
    });
}

/** Conditions on the case facts; every field given must hold, and one branch of `anyOf`. */
export interface Condition {
  firstOffence?: boolean | undefined;
  correctedInTime?: boolean | undefined;
  refusedToCorrect?: boolean | undefined;
  obstruction?: boolean | undefined;
  selfInspection?: boolean | undefined;
  individualConduct?: boolean | undefined;
  allFromPersonalAccount?: boolean | undefined;
  serious?: boolean | undefined;
  actor?: Actor | undefined;
  /** The 条例 item (项) of the article, e.g. Art 39 item (6). */
  items?: number[] | undefined;
  /** The amount in yuan: loss (损失), amount obtained (骗取金额) or amount involved (涉及金额). */
  amount?: Band | undefined;
  /** The amount as a share of last year's fund payments (上年度医保基金支付额), a fraction. */
  share?: Band | undefined;
  /** Named switches of `choices.switches` that must have these values. */
  switches?: Record<string, boolean> | undefined;
  anyOf?: Condition[] | undefined;
}

const flag = z.boolean().optional();
export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.strictObject({
    firstOffence: flag,
    correctedInTime: flag,
    refusedToCorrect: flag,
    obstruction: flag,
    selfInspection: flag,
    individualConduct: flag,
    allFromPersonalAccount: flag,
    serious: flag,
    actor: z.enum(ACTORS).optional(),
    items: z.array(z.number().min(1, 'must be an item number from 1').refine(Number.isInteger, 'must be an item number')).min(1).optional(),
    amount: band(yuan, false).optional(),
    share: band(share, false).optional(),
    switches: z.record(z.string(), z.boolean()).optional(),
    anyOf: z.array(condition).min(2, 'needs at least two alternatives').optional(),
  }),
);

/** Fields every sanction may carry. */
const common = {
  /** Imposed only when this holds (e.g. Art 38's suspension only on refusal to correct). */
  onlyIf: condition.optional(),
  /** The source says "may" (可以): reported, not counted in the effects. */
  discretionary: z.boolean().default(false),
  note: z.string().optional(),
};

export const sanctionSpec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('correct'), ...common }),
  z.strictObject({ kind: z.literal('return'), ...common }),
  z.strictObject({ kind: z.literal('interview'), with: z.enum(INTERVIEWEES), ...common }),
  z
    .strictObject({ kind: z.literal('fine'), multiple: band(multiple, true).optional(), yuan: band(yuan, true).optional(), ...common })
    .superRefine((f, ctx) => {
      if ((f.multiple === undefined) === (f.yuan === undefined)) {
        ctx.addIssue({ code: 'custom', path: [], message: 'a fine needs either "multiple" (倍, of the amount) or "yuan" (a fixed range), not both' });
      }
    }),
  z.strictObject({ kind: z.literal('suspendDepartment'), months: band(months, true), ...common }),
  z.strictObject({ kind: z.literal('suspendSettlement'), months: band(months, true), ...common }),
  z.strictObject({ kind: z.literal('terminateAgreement'), ...common }),
  z.strictObject({ kind: z.literal('discipline'), ...common }),
  z.strictObject({ kind: z.literal('revokeLicence'), ...common }),
]);
export type SanctionSpec = z.output<typeof sanctionSpec>;

export const ruleTier = z.strictObject({
  id,
  degree: z.enum(DEGREES),
  /** Where the tier is written, e.g. "seed 003 L41 (第一条(四))". */
  source: z.string().min(1),
  note: z.string().optional(),
  when: condition.default({}),
  /** The conditions exactly as the source writes them, where `when` corrects a typo (choices.readTypos). */
  asWritten: condition.optional(),
  sanctions: z.array(sanctionSpec).min(1),
});
export type RuleTier = z.output<typeof ruleTier>;

export const ruleArticle = z.strictObject({
  /** "37" … "40", "41.1" and "41.2" for the two paragraphs (款) of Art 41. */
  id: z.union([z.string(), z.number()]).transform(String),
  title: z.string().min(1),
  /** The statute and discretion-rule articles, e.g. "条例 第三十七条; 细则 第一条". */
  statute: z.string().min(1),
  actors: z.array(z.enum(ACTORS)).min(1),
  /** The article's numbered items (项), where tiers depend on them. */
  items: z.record(z.string().regex(/^\d+$/, 'must be an item number'), z.string()).optional(),
  /** Sanctions added to whichever tier is chosen (e.g. the statute's 处分 the tiers leave out). */
  everyTier: z.array(sanctionSpec).default([]),
  tiers: z.array(ruleTier).min(1),
});
export type RuleArticle = z.output<typeof ruleArticle>;

const side = z.enum(['inclusive', 'exclusive']);
const position = z.union([z.enum(['lower', 'midpoint', 'upper']), z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1')]);
export const GAP_CHOICES = ['uncovered', 'statute'] as const;

export const choicesSchema = z.strictObject({
  /** What 以上 (above) and 以下 (below) mean at the number itself. */
  boundary: z.strictObject({ above: side, below: side }),
  /** Where in a sanction range the amount or months are set: lower, midpoint, upper, or 0..1. */
  point: position,
  /** Facts no tier covers, per article id or `default`: uncovered, statute (the base file), or a tier id. */
  gaps: z.record(z.string(), z.string()).default({ default: 'uncovered' }),
  /** Per article, the order in which overlapping tiers win. Without it, file order. */
  precedence: z.record(z.string(), z.array(z.string())).default({}),
  /** Read corrected typos (`when`) or the text as written (`asWritten`). */
  readTypos: z.enum(['corrected', 'asWritten']).default('corrected'),
  /** Named yes/no readings that conditions refer to (`switches:`). */
  switches: z.record(z.string(), z.boolean()).default({}),
});
export type Choices = z.output<typeof choicesSchema>;

export const penaltyRulesSchema = z
  .strictObject({
    id,
    title: z.string().min(1),
    titleEn: z.string().optional(),
    jurisdiction: z.string().min(2),
    version: z.string().min(1),
    effective: z
      .strictObject({ from: isoDate.optional(), inForceBy: isoDate.optional(), to: isoDate.optional(), note: z.string().optional() })
      .refine((e) => e.from !== undefined || e.inForceBy !== undefined, 'needs "from", or "inForceBy" when the start date is not known'),
    source: z.string().min(1),
    /** The statute file this table details: its ranges fill gaps when choices.gaps says `statute`. */
    base: z.string().optional(),
    choices: choicesSchema,
    articles: z.array(ruleArticle).min(1),
  })
  .superRefine((file, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const articleIds = new Set<string>();
    const tierIds = new Set<string>();
    file.articles.forEach((a, i) => {
      if (articleIds.has(a.id)) issue(['articles', i, 'id'], `article "${a.id}" is given twice`);
      articleIds.add(a.id);
      a.tiers.forEach((t, j) => {
        if (tierIds.has(t.id)) issue(['articles', i, 'tiers', j, 'id'], `tier "${t.id}" is given twice`);
        tierIds.add(t.id);
      });
      const check = (c: Condition | undefined, path: (string | number)[]) => checkCondition(c, path, a, file.choices, issue);
      a.tiers.forEach((t, j) => {
        check(t.when, ['articles', i, 'tiers', j, 'when']);
        check(t.asWritten, ['articles', i, 'tiers', j, 'asWritten']);
        t.sanctions.forEach((s, k) => check(s.onlyIf, ['articles', i, 'tiers', j, 'sanctions', k, 'onlyIf']));
      });
      a.everyTier.forEach((s, k) => check(s.onlyIf, ['articles', i, 'everyTier', k, 'onlyIf']));
    });
    for (const [key, order] of Object.entries(file.choices.precedence)) {
      const article = file.articles.find((a) => a.id === key);
      if (!article) {
        issue(['choices', 'precedence', key], `no article "${key}" (articles: ${[...articleIds].join(', ')})`);
        continue;
      }
      const ids = article.tiers.map((t) => t.id);
      const missing = ids.filter((t) => !order.includes(t));
      const unknown = order.filter((t) => !ids.includes(t));
      if (missing.length + unknown.length > 0 || new Set(order).size !== order.length) {
        issue(['choices', 'precedence', key], `must list each tier of article ${key} once: ${ids.join(', ')}`);
      }
    }
    for (const [key, value] of Object.entries(file.choices.gaps)) {
      const article = file.articles.find((a) => a.id === key);
      if (key !== 'default' && !article) {
        issue(['choices', 'gaps', key], `no article "${key}" (use "default" or one of ${[...articleIds].join(', ')})`);
      } else if (!(GAP_CHOICES as readonly string[]).includes(value) && !article?.tiers.some((t) => t.id === value)) {
        const tiers = article ? `, or a tier of article ${key}: ${article.tiers.map((t) => t.id).join(', ')}` : '';
        issue(['choices', 'gaps', key], `must be ${GAP_CHOICES.join(' or ')}${tiers}`);
      }
    }
  });

export type PenaltyRuleFile = z.output<typeof penaltyRulesSchema>;

/** Switches and items a condition names must exist. */
function checkCondition(
  c: Condition | undefined,
  path: (string | number)[],
  article: RuleArticle,
  choices: Choices,
  issue: (path: (string | number)[], message: string) => void,
): void {
  if (!c) return;
  for (const name of Object.keys(c.switches ?? {})) {
    if (!(name in choices.switches)) issue([...path, 'switches', name], `no switch "${name}" in choices.switches`);
  }
  for (const item of c.items ?? []) {
    if (!article.items?.[String(item)]) issue([...path, 'items'], `article ${article.id} has no item ${item} (list its items under "items")`);
  }
  c.anyOf?.forEach((branch, i) => checkCondition(branch, [...path, 'anyOf', i], article, choices, issue));
}

