/**
 * A scenario's designated institutions (zod schema `institutionAssumptions`), with defaults for a
 * prefecture of about 4 million people in 2021. Counts follow the national ratio of institutions to
 * people; sizes and every lifecycle chance are labelled assumptions, to be replaced by local data.
 */
import { z } from 'zod';
import { InputError, type Problem } from '../input/inputError.js';
import { AGREEMENT_RULES, type AgreementRules } from './rules.js';

const share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const count = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(100_000, 'must be at most 100000');
const positive = z.number().positive('must be above 0');
const months = z.number().int('must be whole months').min(0, 'must be 0 or more').max(600, 'must be at most 600 months');

type Levels<T> = { community: T; primary: T; secondary: T; tertiary: T };
const byLevel = <S extends z.ZodType>(v: S, d: Levels<z.input<S>>) =>
  z
    .strictObject({ community: v.prefault(d.community), primary: v.prefault(d.primary), secondary: v.prefault(d.secondary), tertiary: v.prefault(d.tertiary) })
    .prefault({});

/** A rate drawn per institution-year: normal with this mean and sd, kept within [0, 1]. */
const rate = (mean: number, sd: number) => z.strictObject({ mean: share.default(mean), sd: z.number().min(0, 'must be 0 or more').max(1, 'must be at most 1').default(sd) }).prefault({});

/** A lognormal drawn per institution-year: its median and log-scale spread. */
const spread = (median: number, sigma: number) => z.strictObject({ median: positive.default(median), sigma: z.number().min(0).max(5).default(sigma) }).prefault({});

/**
 * The agreement's measurable terms as each hospital's behaviour (compliance.ts). Every figure is an
 * assumption: the sources give the terms (seed 001 第1篇 Arts 10–12), not how hospitals fare against them.
 * The means sit a little above Guangxi's minimums (hospitals mostly manage to them) with spreads that
 * leave about a quarter of hospitals short of the 甲类 share and fewer short of the other terms.
 */
const termsAssumptions = z.strictObject({
  /** The hospital's 甲类 share of its patients' bills (its prescribing mix), by level. */
  classAShare: z.strictObject({ community: rate(0.87, 0.03), primary: rate(0.87, 0.03), secondary: rate(0.77, 0.03), tertiary: rate(0.62, 0.03) }).prefault({}),
  /** Catalogue stocking rates (备药率) of the hospitals the term binds (rule file `terms.drugAvailability.levels`). */
  drugAvailability: z.strictObject({ western: rate(0.88, 0.05), chinesePatent: rate(0.6, 0.06) }).prefault({}),
  /** Special-examination positive rate (阳性率) of the hospitals with a floor (rule file `terms.positiveRate`). */
  positiveRate: rate(0.7, 0.06),
  /**
   * The item-level terms, as shares of the hospital's bill a chart sample finds non-compliant (Art 17(一):
   * more than 10% suspends), added to the sample's other non-compliance (`nonCompliantShare`):
   *   therapy items beyond the day's limit (Art 12(五), the rule file's `therapyItemsPerDay`): items per
   *     therapy day are Poisson with a mean drawn per hospital-year (lognormal), on `billShare` of the bill;
   *   special examinations done without the approval their price needs (Art 11(三)): `unapproved` of them
   *     (lognormal), on `billShare` of the bill;
   *   auxiliary drugs above the main ones (Art 10(五), when the rule file's `auxiliaryAtMostMain`): the
   *     auxiliary share a of drug spending (lognormal) costs max(0, 2a − 1) of it, on `billShare` (drugs) of the bill.
   */
  items: z
    .strictObject({
      therapy: z.strictObject({ billShare: share.default(0.04), itemsPerDay: spread(2.5, 0.35) }).prefault({}),
      specialExaminations: z.strictObject({ billShare: share.default(0.1), unapproved: spread(0.02, 1) }).prefault({}),
      auxiliaryDrugs: z.strictObject({ billShare: share.default(0.35), auxiliary: spread(0.2, 0.5) }).prefault({}),
    })
    .prefault({}),
  /** Added to `assessmentFailure` for each term a hospital misses in the year (the same keyed draw, so only failures are added). */
  missed: z.strictObject({ classAShare: share.default(0.5), drugAvailability: share.default(0.5) }).prefault({}),
});
export type TermsAssumptions = z.output<typeof termsAssumptions>;

/** Chances keyed by ground id (of the rule file) with a `default` for the grounds not named. */
const groundChances = (d: number) => z.record(z.string(), share).default({ default: d });

export const institutionAssumptions = z.strictObject({
  /**
   * Designated hospitals by level. 2021 national counts (2021年我国卫生健康事业发展统计公报, reproduced by
   * askci.com 2022-07-22): 三级 3,275, 二级 10,848, 一级 12,649, 社区卫生服务中心(站) 36,160 + 乡镇卫生院
   * 34,943 (taken as community level); scaled to 4 million of the 141,260万 population (2021): 9, 31, 36, 201.
   */
  hospitals: byLevel(count, { community: 201, primary: 36, secondary: 31, tertiary: 9 }),
  /** Designated retail pharmacies. Assumption: no count of designated pharmacies was found; one per 10,000 people. */
  pharmacies: count.default(400),
  /** Mean beds by level. Assumption (the bulletin gives only size classes); sizes weight a level's patient shares. */
  beds: byLevel(positive, { community: 30, primary: 60, secondary: 300, tertiary: 1000 }),
  /** Log-scale spread of sizes around the mean (pharmacies: mean size 1). Assumption. */
  sizeSigma: z.number().min(0).max(3).default(0.5),
  /**
   * Licensed institutions not designated at the start, as a share of the designated ones of each type and
   * level (rounded), opened within the last `candidateAgeMonths`, with `candidateLeaseMonths` left on their
   * premises (uniform between the two bounds). Assumptions.
   */
  candidates: share.default(0.05),
  candidateAgeMonths: months.default(24),
  candidateLeaseMonths: z
    .strictObject({ min: months.default(12), max: months.default(120) })
    .prefault({})
    .refine((b) => b.max >= b.min, 'max must be at least min'),
  lifecycle: z
    .strictObject({
      /**
       * Chance that a designated institution's records are sampled in a year. Seed 003 篇五 plans random
       * spot checks of ≥ 50% of hospitals and ≥ 10% of pharmacies a year (the lower bounds are taken).
       */
      chartReview: z.strictObject({ hospital: share.default(0.5), pharmacy: share.default(0.1) }).prefault({}),
      /** Non-compliant share of a sample's cost: lognormal with this median and log-scale spread. Assumption. */
      nonCompliantShare: z.strictObject({ median: share.default(0.03), sigma: z.number().min(0).max(5).default(1) }).prefault({}),
      /** Yearly chance of each suspension ground other than the chart sample and the assessment. Assumption. */
      suspension: groundChances(0.005),
      /** Yearly chance of each termination ground. Assumption. */
      termination: groundChances(0.0005),
      /**
       * Yearly chance that a designated institution is found to have won its designation by fraud
       * (以弄虚作假等不正当手段申请定点): the agreement ends and re-entry is barred under the `fraudulentApplication`
       * category (Sichuan 篇三 Art 17(一)4(4): 3 years from discovery). Assumption, 0 by default: no source gives
       * a rate, and Guangxi's rules have no such ground.
       */
      fraudulentApplication: share.default(0),
      /**
       * Share of terminations in the `violation` ban category that the legal representative, principal or
       * actual controller caused (法定代表人、主要负责人或实际控制人…导致): barred under `controller` instead
       * (Sichuan Art 17(一)4(7): 5 years). Assumption, 0 by default.
       */
      controllerCaused: share.default(0),
      /** Chance of failing the annual assessment. Assumption. */
      assessmentFailure: share.default(0.03),
      /**
       * Added to `assessmentFailure` for a hospital whose 甲类 share of the year's card-settled spending fell
       * short of its level's minimum (rule file `terms.classAShare`; classAShare.ts). Such a failure forfeits
       * the year's quality deposit. Assumption, 0 by default: no source says how much the term (原则上,
       * "in principle") weighs in the assessment.
       */
      classAShareMissed: share.default(0),
      /**
       * The agreement's terms as facts of each hospital-year (compliance.ts), drawn before its claims so the
       * lifecycle acts on them: null (the default) leaves the terms as checks on the claims (the 甲类 share,
       * classAShare.ts) and the positive-rate ground to its chance in `suspension`.
       */
      terms: termsAssumptions.nullable().default(null),
      /** Chance that a candidate free to apply applies in a year, and the assessment score (normal). Assumptions. */
      application: share.default(0.5),
      score: z.strictObject({ mean: z.number().min(0).max(100).default(88), sd: z.number().min(0).max(50).default(6) }).prefault({}),
    })
    .prefault({})
    .refine((l) => l.terms === null || l.classAShareMissed === 0, {
      path: ['classAShareMissed'],
      message: 'with lifecycle.terms the weight of a missed 甲类 share is terms.missed.classAShare (the share is then the hospital\'s own, checked in the lifecycle); leave classAShareMissed at 0',
    }),
});

export type InstitutionAssumptions = z.output<typeof institutionAssumptions>;

/**
 * The scenario's `institutions:` section: the assumptions, and the agreement rules, a built-in rule file
 * (AGREEMENT_RULES in rules.ts: CN-GX, the default, or CN-SC) or a rule file relative to the scenario.
 */
export const institutionSection = institutionAssumptions.extend({
  rules: z
    .string()
    .refine((r) => Object.hasOwn(AGREEMENT_RULES, r) || /\.(ya?ml|json)$/.test(r), `must be ${Object.keys(AGREEMENT_RULES).join(' or ')}, or a rule file (.yaml, .yml or .json) relative to the scenario`)
    .default('CN-GX'),
});

export type InstitutionSection = z.output<typeof institutionSection>;

/** Ground chances naming grounds the rule file does not have are mistakes of the scenario. */
export function checkGroundChances(a: InstitutionAssumptions, rules: AgreementRules, file: string): void {
  const problems: Problem[] = [];
  const check = (section: 'suspension' | 'termination', known: string[]) => {
    for (const key of Object.keys(a.lifecycle[section])) {
      if (key !== 'default' && !known.includes(key)) {
        problems.push({ file, path: ['lifecycle', section, key], message: `not a ${section} ground of ${rules.id}; one of: default, ${known.join(', ')}` });
      }
    }
  };
  check('suspension', rules.suspension.grounds.map((g) => g.id).filter((g) => g !== rules.suspension.failedAssessment));
  check('termination', rules.termination.grounds.map((g) => g.id));
  if (problems.length > 0) throw new InputError(problems);
}

/** The chance of a ground: its own, else the `default` (0 if neither is given). */
export function groundChance(table: Record<string, number>, ground: string): number {
  return table[ground] ?? table['default'] ?? 0;
}
