/**
 * How the fund pays institutions (zod schema `paymentAssumptions`): a method per care setting, the
 * parameters of each method, when money moves, and optional provider responses. Defaults keep fee for
 * service everywhere (what the settlement kernel computes); each default names its source or says it is
 * an assumption. Shares are fractions with at most 4 decimals, amounts yuan.
 */
import { z } from 'zod';
import { ratio, yuan } from '../policy/schema.js';

/**
 * 按项目 fee for service: the fund pays each claim's settled pooled amount. 总额控制 global budget: the
 * institution's pooled amounts are held to an annual budget. drg / dip: each admission is paid its group's
 * points at the point value (DRG may fix the value, 费率; DIP's always floats with the budget).
 */
export const PAYMENT_METHODS = ['feeForService', 'globalBudget', 'drg', 'dip'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
const visitMethod = z.enum(['feeForService', 'globalBudget']);

/** A band's upper bound as a multiple of the budget. */
const upTo = z.number().positive('must be above 0').max(10, 'must be at most 10 (1000% of the budget)');
/** Bands over multiples of the budget: upTo strictly rising. */
const bandList = <S extends z.ZodType<{ upTo: number }>>(band: S) =>
  z
    .array(band)
    .max(8, 'at most 8 bands')
    .superRefine((list, ctx) => {
      list.forEach((b, i) => {
        if (i > 0 && b.upTo <= list[i - 1]!.upTo) ctx.addIssue({ code: 'custom', path: [i, 'upTo'], message: `must be above the previous band's upTo (${list[i - 1]!.upTo})` });
      });
    });
const surplusBand = z.strictObject({ upTo, keep: ratio });
const overrunBand = z.strictObject({ upTo, fundShare: ratio });
export type SurplusBand = z.output<typeof surplusBand>;
export type OverrunBand = z.output<typeof overrunBand>;

export const paymentAssumptions = z.strictObject({
  methods: z
    .strictObject({
      outpatient: visitMethod.default('feeForService'),
      chronic: visitMethod.default('feeForService'),
      inpatient: z.enum(PAYMENT_METHODS).default('feeForService'),
      pharmacy: visitMethod.default('feeForService'),
      emergencyObservation: visitMethod.default('feeForService'),
    })
    .prefault({}),
  /** The grouper (groups.ts): cost of weight 1 and the within-group log-scale spread. */
  caseMix: z
    .strictObject({
      /**
       * Yuan of the cost year. 2021 average cost per admission of both schemes: (职工住院医疗费 7,639.8亿 +
       * 居民 12,313.0亿) ÷ (职工出院 5,900.4万 + 居民 15,347.9万人次) = 9,390 yuan (NHSA 医保数智库 series,
       * shared/reference/nhsa_benefit_utilisation_series.csv). The default table's weights average 1.
       */
      baseCost: yuan.default(9390),
      /** Assumption. */
      sigma: z.number().positive().max(3).default(0.5),
    })
    .prefault({}),
  /** DRG's rate (费率, yuan per point of weight 1): floating (budget ÷ points), or fixed in advance. */
  drg: z
    .strictObject({ rate: z.union([z.literal('floating'), z.strictObject({ fixed: yuan })]).default('floating') })
    .prefault({}),
  /**
   * The per-case budget grows by this share on last year's per-case payments. 10%: the growth cap on fund
   * spending in Qidong's payment reform (seed 003 篇八 L831, "医保基金支出年增速原则不超过10%").
   */
  budgetGrowth: ratio.default(0.1),
  /** 按病种: admissions of these groups are paid a fixed standard (yuan) per case, whatever the inpatient method. */
  perDisease: z.array(z.strictObject({ group: z.string(), standard: yuan })).default([]),
  globalBudget: z
    .strictObject({
      /** Monthly prepayment as a share of a twelfth of the budget (open months only). Assumption: 1. */
      prepayment: ratio.default(1),
      /** Surplus kept by the institution: the share `keep` of the surplus up to `upTo` × budget; none beyond. Assumption. */
      surplus: bandList(surplusBand).default([{ upTo: 0.1, keep: 1 }]),
      /** Overrun paid by the fund: the share `fundShare` of the overrun up to `upTo` × budget; none beyond. Assumption. */
      overrun: bandList(overrunBand).default([{ upTo: 0.1, fundShare: 0.5 }]),
    })
    .prefault({}),
  settlement: z
    .strictObject({
      /** Months from the month of care to the monthly payment (institutions declare monthly). Assumption. */
      lagMonths: z.number().int().min(0).max(11).default(1),
      /**
       * 质量保证金: share of each monthly payment withheld and paid at clearing if the institution passed
       * its annual assessment (Guangxi Art 20, seed 001 L191), forfeited if it failed. Assumption: 5%.
       */
      qualityDeposit: ratio.default(0.05),
      /** Months from January of the care year to the year-end clearing (15: April of the next year). Assumption. */
      clearingMonth: z.number().int().min(12).max(23).default(15),
    })
    .prefault({}),
  /** Provider responses to per-case payment (DRG/DIP admissions only). All off by default. */
  responses: z
    .strictObject({
      /** Share of cases coded one severity higher in their family (高套). */
      upcoding: ratio.default(0),
      /** Share of cases with `fraction` of their covered (甲/乙) cost billed as self-pay (丙) items instead. */
      selfPayShift: z.strictObject({ share: ratio.default(0), fraction: ratio.default(0.1) }).prefault({}),
      /** Share of cases with `fraction` of their cost moved to an outpatient visit on the day of admission. */
      outpatientShift: z.strictObject({ share: ratio.default(0), fraction: ratio.default(0.1) }).prefault({}),
      /** Share of cases discharged early and readmitted `gapDays` later, the readmission carrying `fraction` of the cost. */
      earlyDischarge: z
        .strictObject({ share: ratio.default(0), fraction: ratio.default(0.4), gapDays: z.number().int().min(0).max(90).default(7) })
        .prefault({}),
    })
    .prefault({}),
});

export type PaymentAssumptions = z.output<typeof paymentAssumptions>;

/** The scenario's `payment:` section: the assumptions, and a case-group table (CSV, relative to the scenario) other than the built-in one. */
export const paymentSection = paymentAssumptions.extend({
  caseGroups: z.string().regex(/\.csv$/, 'must be a .csv file relative to the scenario').optional(),
});

/** Whether any care is paid otherwise than fee for service (a method, or per-disease standards). */
export function paymentReformed(a: PaymentAssumptions): boolean {
  return Object.values(a.methods).some((m) => m !== 'feeForService') || a.perDisease.length > 0;
}
