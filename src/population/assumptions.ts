/**
 * A scenario's population assumptions (zod schema `populationAssumptions`), with defaults for a
 * prefecture-level pooled region in 2021. Shares come from the 2021 national bulletin (see
 * data/README.md for every source); the rest are labelled assumptions to be replaced by local data.
 * A scenario gives only what it changes: `populationAssumptions.parse({})` is the default region.
 */
import { z } from 'zod';
import { readCsv } from './dataFiles.js';

/** Five-year age bands 0-4, 5-9, …, 80-84, 85+ used by every by-age assumption here and in claims. */
export const AGE_BAND_COUNT = 18;
export const ageBand5 = (age: number): number => (age >= 85 ? 17 : (age / 5) | 0);
/** Oldest age tracked; older members stay at this age. */
export const MAX_AGE = 110;

const share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const rate = z.number().min(0, 'must be 0 or more');
const byBand = (what: string) =>
  z.array(rate).length(AGE_BAND_COUNT, `needs ${AGE_BAND_COUNT} values, one per five-year age band 0-4 … 85+ (${what})`);

/** An age-structure row: persons (or any proportional weight) by sex in [ageFrom, ageTo]. */
const ageRow = z.strictObject({ ageFrom: z.number().int().min(0).max(MAX_AGE), ageTo: z.number().int().min(0).max(MAX_AGE).optional(), male: rate, female: rate });
const lifeRow = z.strictObject({ ageFrom: z.number().int().min(0).max(MAX_AGE), mxMale: rate, mxFemale: rate });

/** Rows must start at age 0 and follow each other without gap; the last one is open-ended. */
function contiguous<T extends { ageFrom: number; ageTo?: number | undefined }>(rows: readonly T[], ctx: z.RefinementCtx): void {
  if (rows[0]?.ageFrom !== 0) ctx.addIssue({ code: 'custom', path: [0, 'ageFrom'], message: 'the first row must start at age 0' });
  rows.forEach((r, i) => {
    const next = rows[i + 1];
    const end = r.ageTo ?? (next ? next.ageFrom - 1 : MAX_AGE);
    if (next && next.ageFrom !== end + 1) ctx.addIssue({ code: 'custom', path: [i + 1, 'ageFrom'], message: `must be ${end + 1} (rows must follow each other)` });
  });
}

function defaultAgeStructure(): z.input<typeof ageRow>[] {
  return readCsv('demography', 'population-2020.csv').map((r) => ({
    ageFrom: Number(r['age_from']),
    ...(r['age_to'] ? { ageTo: Number(r['age_to']) } : {}),
    male: Number(r['male']),
    female: Number(r['female']),
  }));
}

function defaultLifeTable(): z.input<typeof lifeRow>[] {
  return readCsv('demography', 'life-table-china.csv').map((r) => ({
    ageFrom: Number(r['age_from']),
    mxMale: Number(r['mx_male']),
    mxFemale: Number(r['mx_female']),
  }));
}

const retirementDelay = z.strictObject({
  /** First birth year whose retirement is delayed. */
  fromBirthYear: z.number().int(),
  /** Birth months per month of delay (4: one month later for every four months of birth). */
  birthMonthsPerMonth: z.number().int().min(1),
  maxMonths: z.number().int().min(0).max(240),
});

export const populationAssumptions = z.strictObject({
  /** 职工医保 share of the insured: 35,431 of 136,297 (10k persons), 2021 bulletin. */
  employeeShare: share.default(0.26),
  /** In-service per retired employee (在职退休比), 2.80 in 2021. */
  retireeRatio: z.number().positive().default(2.8),
  resident: z
    .strictObject({
      /** 中小学生儿童 share of residents: 24,568 of 100,866 (2021). */
      childShare: share.default(0.244),
      /** 大学生 share of residents: 1,993 of 100,866 (2021); typed as `child`. */
      studentShare: share.default(0.02),
      /** Age from which a resident adult is elderly (老年居民); set it from the resident policy's elderlyAge. */
      elderlyAge: z.number().int().min(50).max(80).default(60),
      /** Children turning 18 who go on to university (4 years as students). */
      universityEntry: share.default(0.55),
      /** Medical-assistance eligible (低保, 特困) and registered poor (脱贫/建档立卡) shares of residents. */
      assistanceShare: share.default(0.044),
      povertyShare: share.default(0.05),
    })
    .prefault({}),
  /** Population by age and sex (weights); default: China, 2020 census (data/demography/population-2020.csv). */
  ageStructure: z.array(ageRow).min(1).superRefine(contiguous).default(defaultAgeStructure),
  /** Central death rates m(x) by age group and sex; default: UN WPP 2022, China 2020-2025. */
  lifeTable: z.array(lifeRow).min(1).superRefine(contiguous).default(defaultLifeTable),
  /** Calendar year the life table describes, and the yearly fall in death rates after it. */
  lifeTableYear: z.number().int().default(2021),
  mortalityImprovement: z.number().min(-0.1).max(0.1).default(0.01),
  /**
   * Persistent frailty (health), Gamma(shape, 1/shape) with mean 1: multiplies utilisation, chronic
   * enrolment and (with `mortalityWeight`) the death rate: hazard × (1 − w + w·health).
   */
  frailty: z.strictObject({ shape: z.number().positive().default(1.5), mortalityWeight: share.default(0.5) }).prefault({}),
  /**
   * Annual wage of in-service employees, yuan, lognormal around the average. This is the wage before the
   * contribution-base bounds: the fund bounds it (60%–300% of the macro average wage) and the macro
   * section owns its growth.
   */
  wage: z
    .strictObject({
      /** Average annual wage in the base year (derived, see data/README.md). */
      average: z.number().positive().default(68000),
      /** Log-scale spread across workers, and the yearly individual drift. */
      sigma: z.number().min(0).max(2).default(0.45),
      drift: z.number().min(0).max(1).default(0.05),
    })
    .prefault({}),
  /** Statutory retirement ages, and the gradual delay of the 2024 decision (in force from 2025). */
  retirement: z
    .strictObject({
      men: z.number().int().min(40).max(75).default(60),
      womenWorker: z.number().int().min(40).max(75).default(50),
      womenCadre: z.number().int().min(40).max(75).default(55),
      /** Women employees on the 55 (cadre/管理技术岗) schedule rather than the 50 (worker) one. */
      womenCadreShare: share.default(0.4),
      delay: z
        .strictObject({ men: retirementDelay, womenWorker: retirementDelay, womenCadre: retirementDelay })
        .nullable()
        .default({
          men: { fromBirthYear: 1965, birthMonthsPerMonth: 4, maxMonths: 36 },
          womenCadre: { fromBirthYear: 1970, birthMonthsPerMonth: 4, maxMonths: 36 },
          womenWorker: { fromBirthYear: 1975, birthMonthsPerMonth: 2, maxMonths: 60 },
        }),
    })
    .prefault({}),
  /** Chronic and special-disease outpatient enrolment (门诊慢特病): prevalence by age band × scheme scale × frailty. */
  chronic: z
    .strictObject({
      prevalence: byBand('enrolled share').default([0.002, 0.002, 0.002, 0.003, 0.005, 0.007, 0.01, 0.015, 0.025, 0.04, 0.065, 0.1, 0.15, 0.2, 0.24, 0.27, 0.29, 0.3]),
      scale: z.strictObject({ employee: rate.default(1), resident: rate.default(0.4) }).prefault({}),
    })
    .prefault({}),
  /** Share living out of the pooling area (异地安置, 常驻异地), by person type. */
  outOfArea: z
    .strictObject({ inService: share.default(0.02), retired: share.default(0.06), adult: share.default(0.02), child: share.default(0.01), elderly: share.default(0.02) })
    .prefault({}),
  /** Yearly probability of leaving the pool alive (job loss, migration), by person type. */
  exits: z
    .strictObject({ inService: share.default(0.025), retired: share.default(0.002), adult: share.default(0.02), child: share.default(0.01), elderly: share.default(0.005) })
    .prefault({}),
  /** Who takes a slot left by a death or exit, the next year: newborns, young workers, or the base mix. */
  entrants: z
    .strictObject({
      replaceLeavers: z.boolean().default(true),
      newborn: rate.default(0.25),
      youngWorker: rate.default(0.6),
      baseMix: rate.default(0.15),
      youngWorkerAges: z.tuple([z.number().int().min(14), z.number().int().max(70)]).default([20, 34]),
    })
    .prefault({}),
});

export type PopulationAssumptions = z.output<typeof populationAssumptions>;

export type PopulationAssumptionsInput = z.input<typeof populationAssumptions>;

/**
 * Whether anyone can ever be in a scheme's fund: employees are drawn only from the base mix (employeeShare)
 * and as young-worker entrants, residents from the rest of the mix and as newborns (population/members.ts).
 */
export function schemeCanHaveMembers(a: PopulationAssumptions, scheme: 'employee' | 'resident'): boolean {
  const entrants = a.entrants.replaceLeavers ? a.entrants : { youngWorker: 0, newborn: 0 };
  return scheme === 'employee' ? a.employeeShare > 0 || entrants.youngWorker > 0 : a.employeeShare < 1 || entrants.newborn > 0;
}
