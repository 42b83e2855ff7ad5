/**
 * A scenario's utilisation and cost assumptions (zod schema `utilisationAssumptions`). Defaults are the
 * 2021 calibration (data/calibration/targets-2021.csv): rates and costs are the published national
 * figures where they exist, the rest are labelled assumptions (data/README.md).
 *
 * Rates are per member-year of the scheme or person type *as a whole*: the age curve only distributes
 * them over ages (it is normalised over the default 2021 population), so `rate.retired: 0.395` means
 * retirees of the default region have 39.5 admissions per 100 a year, and an older region has more.
 */
import { z } from 'zod';
import { AGE_BAND_COUNT } from '../population/assumptions.js';
import { readCsv } from '../population/dataFiles.js';

const share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const positive = z.number().positive('must be above 0');
const nonNegative = z.number().min(0, 'must be 0 or more');
const sigma = z.number().min(0).max(3);

type Levels<T> = { community: T; primary: T; secondary: T; tertiary: T };
type Schemes<T> = { employee: T; resident: T };

/** A value per hospital level, each with its default (a scenario may give only some levels). */
const byLevel = <S extends z.ZodType>(v: S, d: Levels<z.input<S>>) =>
  z
    .strictObject({ community: v.prefault(d.community), primary: v.prefault(d.primary), secondary: v.prefault(d.secondary), tertiary: v.prefault(d.tertiary) })
    .prefault({});
/** A value per scheme, each with its default. */
const byScheme = <S extends z.ZodType>(v: S, d: Schemes<z.input<S>>) =>
  z.strictObject({ employee: v.prefault(d.employee), resident: v.prefault(d.resident) }).prefault({});

/** Where care is taken: shares by level that add up to 1 (a scheme's shares are given whole). */
const levelShares = z
  .strictObject({ community: share, primary: share, secondary: share, tertiary: share })
  .refine((s) => Math.abs(s.community + s.primary + s.secondary + s.tertiary - 1) < 1e-6, 'level shares must add up to 1');

/** 丙类 share of the bill (classC) and 甲类 share of the rest (classA); 乙类 is the remainder. */
const classSplit = z.strictObject({ classC: share, classA: share });

const CAUSE_NAMES = ['crime', 'drunkenness', 'selfHarm', 'workInjury', 'maternity', 'trafficAccident', 'thirdPartyLiability', 'medicalAccident'] as const;
const causeChances = (d: Partial<Record<(typeof CAUSE_NAMES)[number], number>>) => z.partialRecord(z.enum(CAUSE_NAMES), share).default(d);

function defaultAgeCurve(): number[] {
  return readCsv('utilisation', 'age-curve-japan-2014.csv').map((r) => Number(r['cost_per_capita_10k_jpy']));
}

/** A setting whose rate and mean cost are given per scheme. */
function schemeSetting(d: { rate: Schemes<number>; ageExponent: number; cost: Schemes<number>; costSigma: number }) {
  return z.strictObject({
    /** Claims per member-year of the scheme (the age curve spreads them over ages). */
    rate: byScheme(nonNegative, d.rate),
    /** The age curve is raised to this power for this setting (flatter below 1). */
    ageExponent: nonNegative.default(d.ageExponent),
    /** Mean cost per claim in yuan of the cost year, and its log-scale spread. */
    cost: byScheme(positive, d.cost),
    costSigma: sigma.default(d.costSigma),
  });
}

/** Level shares by scheme and relative cost by level (scaled so the scheme's mean cost is `cost`). */
function levelled(d: { levels: Schemes<Levels<number>>; levelCost: Levels<number> }) {
  return {
    levels: byScheme(levelShares, d.levels),
    levelCost: byLevel(positive, d.levelCost),
  };
}

export const utilisationAssumptions = z.strictObject({
  /** Year whose prices the costs are in; the macro section's medical inflation moves them (ClaimsMacro). */
  costYear: z.number().int().default(2021),
  /** Relative spending by five-year age band 0-4 … 85+ (default: Japan, FY2014; no Chinese curve was found). */
  ageCurve: z
    .array(positive)
    .length(AGE_BAND_COUNT, `needs ${AGE_BAND_COUNT} values, one per five-year age band 0-4 … 85+`)
    .default(defaultAgeCurve),
  /** Women's utilisation relative to men's, by setting. */
  femaleFactor: z
    .strictObject({ outpatient: positive.default(1.1), chronic: positive.default(1), inpatient: positive.default(1), pharmacy: positive.default(1.1), emergencyObservation: positive.default(1) })
    .prefault({}),
  /** A member-year's health shock shared by all settings: Gamma(shape, 1/shape), mean 1. */
  yearShockShape: positive.default(4),

  /** 普通门(急)诊 visits (门诊统筹 claims): 2021 national visits and cost per visit. */
  outpatient: schemeSetting({ rate: { employee: 4.862, resident: 1.668 }, ageExponent: 0.7, cost: { employee: 218.5, resident: 94.7 }, costSigma: 0.9 })
    .extend(
      levelled({
        levels: { employee: { community: 0.3, primary: 0.15, secondary: 0.25, tertiary: 0.3 }, resident: { community: 0.45, primary: 0.2, secondary: 0.2, tertiary: 0.15 } },
        levelCost: { community: 0.55, primary: 0.7, secondary: 1, tertiary: 1.5 },
      }),
    )
    .prefault({}),
  /** Designated-pharmacy purchases settled with the insurance card (assumed: not in the national series). */
  pharmacy: schemeSetting({ rate: { employee: 4, resident: 0.5 }, ageExponent: 0.7, cost: { employee: 120, resident: 80 }, costSigma: 0.8 }).prefault({}),
  /** 急诊留观 that ends without admission (observations that lead to an admission come with it, below). */
  emergencyObservation: schemeSetting({ rate: { employee: 0.03, resident: 0.015 }, ageExponent: 0.8, cost: { employee: 800, resident: 500 }, costSigma: 0.8 })
    .extend(
      levelled({
        levels: { employee: { community: 0, primary: 0.1, secondary: 0.4, tertiary: 0.5 }, resident: { community: 0, primary: 0.2, secondary: 0.5, tertiary: 0.3 } },
        levelCost: { community: 0.6, primary: 0.7, secondary: 1, tertiary: 1.3 },
      }),
    )
    .prefault({}),
  /** 门诊慢特病 visits of enrolled members (enrolment: population assumptions), calibrated to 2021 visits per member. */
  chronic: z
    .strictObject({
      visitsPerEnrolled: byScheme(nonNegative, { employee: 6.3, resident: 5.9 }),
      cost: byScheme(positive, { employee: 594.5, resident: 491.3 }),
      costSigma: sigma.default(0.8),
      ...levelled({
        levels: { employee: { community: 0.15, primary: 0.15, secondary: 0.3, tertiary: 0.4 }, resident: { community: 0.25, primary: 0.25, secondary: 0.3, tertiary: 0.2 } },
        levelCost: { community: 0.7, primary: 0.8, secondary: 1, tertiary: 1.2 },
      }),
    })
    .prefault({}),
  /** Admissions (住院): 2021 rates by person type, cost per admission by level, length of stay. */
  inpatient: z
    .strictObject({
      /** Admissions per member-year: in-service and retired employees, residents. */
      rate: z
        .strictObject({ inService: nonNegative.default(0.099), retired: nonNegative.default(0.395), resident: nonNegative.default(0.152) })
        .prefault({}),
      ageExponent: nonNegative.default(1.1),
      /** Level shares derived so the published mean cost per admission comes out (data/README.md). */
      levels: byScheme(levelShares, {
        employee: { community: 0.03, primary: 0.05, secondary: 0.315, tertiary: 0.605 },
        resident: { community: 0.08, primary: 0.12, secondary: 0.52695, tertiary: 0.27305 },
      }),
      /** Mean cost per admission, yuan, by level (一级及以下 for community and primary). */
      cost: z
        .strictObject({
          employee: byLevel(positive, { community: 7415, primary: 7415, secondary: 9284, tertiary: 15588 }),
          resident: byLevel(positive, { community: 3623, primary: 3623, secondary: 6626, tertiary: 13942 }),
        })
        .prefault({}),
      /** Mean length of stay (days), its log-scale spread, and the elasticity of cost to it. */
      lengthOfStay: byScheme(positive, { employee: 10, resident: 9.4 }),
      lengthOfStaySigma: sigma.default(0.7),
      costLengthElasticity: nonNegative.default(0.8),
      /** Log-scale spread of cost beyond what length of stay explains, by level (simpler cases lower down). */
      costSigma: byLevel(sigma, { community: 0.45, primary: 0.45, secondary: 0.6, tertiary: 0.7 }),
      /** Admissions through emergency observation (then the observation is settled with the admission). */
      viaEmergency: share.default(0.15),
      /** The observation's part of such an admission's cost. */
      observationCostShare: share.default(0.1),
    })
    .prefault({}),
  /** 甲/乙/丙 split by setting and level. Seed 001: 甲类 at least 60/75/85% at 三/二/一级. */
  classes: z
    .strictObject({
      outpatient: byLevel(classSplit, {
        community: { classC: 0.04, classA: 0.85 },
        primary: { classC: 0.05, classA: 0.85 },
        secondary: { classC: 0.08, classA: 0.75 },
        tertiary: { classC: 0.1, classA: 0.6 },
      }),
      chronic: byLevel(classSplit, {
        community: { classC: 0.03, classA: 0.85 },
        primary: { classC: 0.03, classA: 0.85 },
        secondary: { classC: 0.05, classA: 0.75 },
        tertiary: { classC: 0.06, classA: 0.65 },
      }),
      inpatient: byLevel(classSplit, {
        community: { classC: 0.05, classA: 0.85 },
        primary: { classC: 0.06, classA: 0.85 },
        secondary: { classC: 0.1, classA: 0.75 },
        tertiary: { classC: 0.15, classA: 0.6 },
      }),
      pharmacy: classSplit.prefault({ classC: 0.2, classA: 0.5 }),
      emergencyObservation: byLevel(classSplit, {
        community: { classC: 0.05, classA: 0.85 },
        primary: { classC: 0.05, classA: 0.85 },
        secondary: { classC: 0.08, classA: 0.75 },
        tertiary: { classC: 0.1, classA: 0.65 },
      }),
      /** Claim-to-claim spread: classC varies over [0, 2·share], classA by ± this much. */
      spread: share.default(0.15),
    })
    .prefault({}),
  /** Care out of the pooling area (异地就医). */
  outOfArea: z
    .strictObject({
      /** Share of the care of members living out of area that is taken there (registered). */
      awayMembers: share.default(0.85),
      /** For everyone else: chance that a claim is out of area, by setting and scheme. */
      byClaim: z
        .strictObject({
          outpatient: byScheme(share, { employee: 0.02, resident: 0.012 }),
          chronic: byScheme(share, { employee: 0.01, resident: 0.01 }),
          inpatient: byScheme(share, { employee: 0.1, resident: 0.14 }),
          pharmacy: byScheme(share, { employee: 0.01, resident: 0.01 }),
          emergencyObservation: byScheme(share, { employee: 0.03, resident: 0.03 }),
        })
        .prefault({}),
      /** Of those, the share registered (备案). */
      registered: share.default(0.6),
    })
    .prefault({}),
  /** Chance of a cause the pooled fund never pays: for admissions and observations, and for other claims. */
  excludedCauses: z
    .strictObject({
      inpatient: causeChances({
        trafficAccident: 0.012,
        workInjury: 0.006,
        thirdPartyLiability: 0.003,
        selfHarm: 0.001,
        drunkenness: 0.001,
        medicalAccident: 0.001,
        crime: 0.0002,
      }),
      other: causeChances({ trafficAccident: 0.002, workInjury: 0.001 }),
    })
    .prefault({}),
  /** Growth of utilisation rates per year after costYear. */
  utilisationTrend: z.number().min(-0.5).max(1).default(0),
});

export type UtilisationAssumptions = z.output<typeof utilisationAssumptions>;
export type UtilisationAssumptionsInput = z.input<typeof utilisationAssumptions>;
