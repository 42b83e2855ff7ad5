/**
 * A scenario's supervision assumptions (zod schema `supervisionAssumptions`): which behaviours are
 * generated and how often, how claims are screened, how institutions are inspected, and how cases are
 * sanctioned. Off unless `enabled: true`; then every number below applies unless the scenario sets it.
 *
 * Sources: the inspection plan is seed 003 篇五 (L687–L707: random checks of ≥ 50% of hospitals and
 * ≥ 10% of pharmacies, ≥ 5% of last year's discharge charts, the top 5 spenders, every flag and
 * complaint); the screens are seed 004's (两个异常: abnormal visit counts and costs per person; age /
 * diagnosis / drug mismatch; admissions with many tests and few drugs) and seed 003's readmission and
 * duplicate-charging findings; the resale price is seed 004's 4至5折. Every prevalence, intensity,
 * threshold and detection chance is an assumption: the seeds give none (seed-003-supervision.md §4.3).
 */
import { z } from 'zod';
import { SETTINGS } from '../policy/vocabulary.js';
import { BEHAVIOURS, type Behaviour } from './behaviours.js';

const share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const size = z.number().min(0, 'must be 0 or more').max(20, 'must be at most 20');

/**
 * One behaviour: `prevalence` is the share of the actors that engage (hospitals, pharmacies or
 * members, as the behaviour's actor says), kept for the actor's life until a sanction deters it;
 * `claimShare` the share of an engaged actor's eligible claims it touches; `size` its intensity (see
 * behaviours.ts); `intent` the chance that a case finds intent to defraud (条例 Art 40, Art 41 ¶2).
 */
const behaviour = (d: { prevalence: number; claimShare: number; size: number; intent: number }) =>
  z
    .strictObject({
      prevalence: share.default(d.prevalence),
      claimShare: share.default(d.claimShare),
      size: size.default(d.size),
      intent: share.default(d.intent),
    })
    .prefault({});

/**
 * Defaults: assumptions. In scenarios/supervision.yaml (8 paths, 2021–2025) they cost the pooled funds about
 * 0.9% of their payments, and reviews and cases bring back about 0.6% of them a year, against roughly
 * 0.5–0.8% of spending recovered nationally (shared/reference/fund_supervision.csv).
 */
const DEFAULTS: Record<Behaviour, { prevalence: number; claimShare: number; size: number; intent: number }> = {
  splitAdmission: { prevalence: 0.1, claimShare: 0.1, size: 0.15, intent: 0.1 },
  phantomBedDays: { prevalence: 0.1, claimShare: 0.1, size: 0.2, intent: 0.1 },
  overTreatment: { prevalence: 0.2, claimShare: 0.2, size: 0.15, intent: 0 },
  excessPrescription: { prevalence: 0.15, claimShare: 0.15, size: 0.25, intent: 0 },
  duplicateCharging: { prevalence: 0.1, claimShare: 0.05, size: 0.3, intent: 0.1 },
  overCharging: { prevalence: 0.1, claimShare: 0.2, size: 0.1, intent: 0.1 },
  substitution: { prevalence: 0.1, claimShare: 0.2, size: 0.5, intent: 0.1 },
  outOfScope: { prevalence: 0.05, claimShare: 0.2, size: 0.5, intent: 0.1 },
  inventedServices: { prevalence: 0.03, claimShare: 0.05, size: 1, intent: 1 },
  forgedRecords: { prevalence: 0.02, claimShare: 0.02, size: 3, intent: 1 },
  cashOut: { prevalence: 0.05, claimShare: 0.1, size: 1, intent: 1 },
  pharmacyResale: { prevalence: 0.05, claimShare: 0.1, size: 0.5, intent: 0.2 },
  cardLending: { prevalence: 0.01, claimShare: 0.5, size: 1, intent: 0.5 },
  drugResale: { prevalence: 0.01, claimShare: 0.5, size: 1, intent: 0.5 },
  doubleBenefit: { prevalence: 0.005, claimShare: 0.2, size: 1, intent: 0.3 },
};

const behaviours = z
  .strictObject(Object.fromEntries(BEHAVIOURS.map((b) => [b, behaviour(DEFAULTS[b])])) as { [K in Behaviour]: ReturnType<typeof behaviour> })
  .prefault({});

/** Item mix of a claim by setting: drugs and tests as shares of the bill (the rest is bed, treatment and materials). */
const mix = (drugs: number, tests: number) => z.strictObject({ drugs: share.default(drugs), tests: share.default(tests) }).prefault({});

export const supervisionAssumptions = z
  .strictObject({
    enabled: z.boolean().default(false),
    behaviours,
    /** drugResale touches members of this age and older (seed 004: the ring approached elderly members). */
    drugResaleFromAge: z.number().int().min(0).max(110).default(60),
    /**
     * What the ring pays a member for the drugs resold, as a share of their price (seed 004: 4至5折): the
     * behaviours table's resale_cash (drugResale's extra drugs × this) and resale_gain (that less what the
     * members paid more in cash). It moves no claim: the fund's leakage is the same at any price.
     */
    resalePriceShare: share.default(0.45),
    /**
     * The item mix of generated claims, by setting, and its spread (each share × a lognormal of this
     * log-scale sigma, kept to the bill). A proxy the screens read: the generator has no item lines.
     * Assumptions.
     */
    itemMix: z
      .strictObject({
        outpatient: mix(0.5, 0.2),
        chronic: mix(0.7, 0.1),
        inpatient: mix(0.3, 0.25),
        pharmacy: mix(0.95, 0),
        emergencyObservation: mix(0.35, 0.3),
        sigma: z.number().min(0).max(2).default(0.3),
      })
      .prefault({}),
    screens: z
      .strictObject({
        /** 两个异常 (seed 004): a member-year with more visits and purchases, or a higher bill (yuan), than these. */
        visitsAbove: z.number().int().min(0).default(60),
        costAbove: z.number().min(0).default(100_000),
        /**
         * Diagnosis, age and drugs that do not match (seed 004's 年龄或诊断与用药不相符): the generator has no
         * diagnosis, so a claim carries a mismatch signal, drawn with `falsePositive` on untouched claims
         * and with the behaviour's chance on touched ones (another person's visits and purchases do not fit
         * the card holder). Assumptions.
         */
        mismatch: z
          .strictObject({
            falsePositive: share.default(0.005),
            chance: z.partialRecord(z.enum(BEHAVIOURS), share).default({ cardLending: 0.6, drugResale: 0.4, inventedServices: 0.3, forgedRecords: 0.5, cashOut: 0.3 }),
          })
          .prefault({}),
        /** 大检查多或无药费、少药费的住院 (seed 004): tests at least this share of a stay's bill, drugs at most this. */
        heavyTesting: z.strictObject({ testsAtLeast: share.default(0.45), drugsAtMost: share.default(0.15) }).prefault({}),
        /** Readmission to the same hospital within this many days of discharge. Assumption. */
        readmissionDays: z.number().int().min(0).max(365).default(15),
        /** An institution whose bill per claim is above its peers' median (same type and level) by this share, with at least minClaims claims. */
        peerOutlier: z.strictObject({ above: z.number().min(0).default(0.3), minClaims: z.number().int().min(1).default(30) }).prefault({}),
      })
      .prefault({}),
    inspection: z
      .strictObject({
        /** 篇五 L687: random checks (突击检查、明察暗访) of at least 50% of hospitals and 10% of pharmacies a year. */
        spotCheck: z.strictObject({ hospital: share.default(0.5), pharmacy: share.default(0.1) }).prefault({}),
        /** 篇五 L707: the hospitals the fund paid most last year are always inspected (the first year: the largest). */
        topSpenders: z.number().int().min(0).default(5),
        /** 篇五 L693: at least 5% of last year's discharges are chart-reviewed. */
        chartShare: share.default(0.05),
        /** Yearly chance of a complaint (举报) against an institution that engages in a behaviour, and against one that does not. Assumptions. */
        complaint: z.strictObject({ engaged: share.default(0.1), other: share.default(0.02) }).prefault({}),
        /** Chance that a review of a flagged claim, a chart review and an on-site inspection find a behaviour present. Assumptions. */
        detection: z.strictObject({ flagReview: share.default(0.7), chartReview: share.default(0.6), onSite: share.default(0.5) }).prefault({}),
      })
      .prefault({}),
    sanctions: z
      .strictObject({
        /** A penalty rule file relative to the scenario; default data/supervision/CN-JX-trial.yaml. */
        rules: z.string().min(1).optional(),
        /**
         * Facts the table does not cover (a repeat offender with a small loss, …): `statute` applies the
         * 条例's range from the rule file's base where the file leaves them uncovered (a gap the file fills
         * with one of its own tiers keeps it); `asRules` keeps the file's choices.gaps as they are (uncovered
         * cases are then only ordered to return the loss, and counted).
         */
        gaps: z.enum(['statute', 'asRules']).default('statute'),
        /**
         * Which rules sanction a year's cases (decided by 31 December): `inForce` takes the rule file when it is
         * in force on that day and its base statute otherwise (a year before the file's start, e.g. 2021 for
         * Jiangxi's 细则, in force by 2022-09-22); `file` takes the rule file in every year.
         */
        dates: z.enum(['inForce', 'file']).default('inForce'),
        /** Chance a party returns the money before it is ordered to (及时改正), and that one who did not refuses after the order. Assumptions. */
        correctedInTime: share.default(0.5),
        refusedToCorrect: share.default(0.1),
        /** Chance that a sanctioned party stops the behaviours it was sanctioned for. Assumption. */
        deterrence: share.default(0.8),
        /** Whether fines are fund income (the seeds do not say where fines go; seed-003-supervision.md §4.5). */
        finesToFund: z.boolean().default(false),
        /** Days from paying a bill in full to being reimbursed, while networked settlement is suspended. Assumption. */
        suspendedReimbursementDays: z.number().int().min(0).max(730).default(60),
      })
      .prefault({}),
  })
  .superRefine((a, ctx) => {
    const sum = (m: { drugs: number; tests: number }) => m.drugs + m.tests;
    for (const s of SETTINGS) {
      if (sum(a.itemMix[s]) > 1) ctx.addIssue({ code: 'custom', path: ['itemMix', s], message: `drugs + tests must be at most 1, got ${sum(a.itemMix[s])}` });
    }
  });

export type SupervisionAssumptions = z.output<typeof supervisionAssumptions>;
export type SupervisionAssumptionsInput = z.input<typeof supervisionAssumptions>;
