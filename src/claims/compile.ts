/**
 * Utilisation assumptions compiled to flat tables for the generator: yearly claim intensity by setting,
 * person type, sex and single age; level distributions; mean costs by setting, scheme and level; class
 * shares; out-of-area chances; excluded-cause tables. Cached per assumptions object.
 *
 * Rates are given per member of a scheme or type; the age curve (to the setting's power, times the
 * female factor) is normalised over that group in the default 2021 population, so the group's mean
 * intensity in the default region equals the rate whatever the curve.
 */
import { CAUSES, LEVELS, PERSON_TYPES, SETTINGS } from '../policy/vocabulary.js';
import { ageBand5, populationAssumptions } from '../population/assumptions.js';
import { AGES, CELLS, compilePopulation, GROUP, SCHEME_OF_TYPE, TYPE_CODE, type CompiledPopulation } from '../population/compile.js';
import { SCHEDULE_MEN } from '../population/retirement.js';
import { LognormalQuantiles } from '../random/stream.js';
import type { UtilisationAssumptions } from './assumptions.js';

export const NT = PERSON_TYPES.length;
export const NS = SETTINGS.length;
export const NL = LEVELS.length;
export const SETTING = Object.fromEntries(SETTINGS.map((s, i) => [s, i])) as Record<(typeof SETTINGS)[number], number>;
const SCHEMES = ['employee', 'resident'] as const;
const CAUSE_CODE = Object.fromEntries(CAUSES.map((c, i) => [c, i])) as Record<(typeof CAUSES)[number], number>;

export interface CompiledUtilisation {
  u: UtilisationAssumptions;
  /** Claims per year at health 1 and shock 1: [(setting * NT + type) * 2 * AGES + sex * AGES + age]; chronic: per enrolled member. */
  intensity: Float64Array;
  /** Cumulative level shares: [(setting * 2 + scheme) * NL + level]. */
  levelCdf: Float64Array;
  /** Mean cost in yuan of the cost year: [(setting * 2 + scheme) * NL + level]. */
  meanCost: Float64Array;
  /** Log-scale cost spread and half its square (the lognormal's mean correction): [setting * NL + level]. */
  costSigma: Float64Array;
  costHalfVariance: Float64Array;
  /** A visit's cost relative to its mean, by the quantile of its draw (lognormal, mean 1): [setting * NL + level]. */
  costQuantiles: LognormalQuantiles[];
  /** Class shares by setting and level: [setting * NL + level]. */
  classC: Float64Array;
  classA: Float64Array;
  /** Chance of out-of-area care by setting and scheme: [setting * 2 + scheme]. */
  outOfArea: Float64Array;
  /** Excluded causes, cumulative chance and code: row 0 admissions/observations, row 1 other claims. */
  causeCdf: Float64Array[];
  causeCode: Uint8Array[];
  lengthOfStay: Float64Array;
  /** Scalars the generator reads per claim, copied out of the nested assumptions. */
  awayMembers: number;
  outOfAreaRegistered: number;
  classSpread: number;
  viaEmergency: number;
  observationCostShare: number;
  /** Length of stay: log-scale spread and half its square; the cost's part of it (elasticity × spread) and half its square. */
  staySigma: number;
  stayHalfVariance: number;
  stayCostSigma: number;
  stayCostHalfVariance: number;
}

const cache = new WeakMap<UtilisationAssumptions, CompiledUtilisation>();
let defaultPopulation: CompiledPopulation | undefined;

export function compileUtilisation(u: UtilisationAssumptions): CompiledUtilisation {
  let c = cache.get(u);
  if (!c) {
    defaultPopulation ??= compilePopulation(populationAssumptions.parse({}));
    c = build(u, defaultPopulation);
    cache.set(u, c);
  }
  return c;
}

/** Weight of each new-member group and cell in the default population. */
function groupWeights(p: CompiledPopulation, groups: readonly number[], f: (schedule: number, age: number) => number): number {
  let num = 0;
  let den = 0;
  for (const g of groups) {
    const share = p.groupCdf[g]! - (g > 0 ? p.groupCdf[g - 1]! : 0);
    let prev = 0;
    for (let cell = 0; cell < CELLS; cell++) {
      const w = (p.cellCdf[g * CELLS + cell]! - prev) * share;
      prev = p.cellCdf[g * CELLS + cell]!;
      if (w === 0) continue;
      const schedule = (cell / AGES) | 0;
      num += w * f(schedule, cell - schedule * AGES);
      den += w;
    }
  }
  return num / den;
}

function build(u: UtilisationAssumptions, pop: CompiledPopulation): CompiledUtilisation {
  const intensity = new Float64Array(NS * NT * 2 * AGES);
  const groupsOf = {
    inService: [GROUP.inService],
    retired: [GROUP.retired],
    employee: [GROUP.inService, GROUP.retired],
    resident: [GROUP.child, GROUP.student, GROUP.residentAdult],
  } as const;

  const fill = (setting: number, exponent: number, female: number, rateOf: (type: number) => number, groupOf: (type: number) => readonly number[]) => {
    const shape = (sex: number, age: number) => Math.pow(u.ageCurve[ageBand5(age)]!, exponent) * (sex === SCHEDULE_MEN ? 1 : female);
    for (let type = 0; type < NT; type++) {
      const norm = groupWeights(pop, groupOf(type), (schedule, age) => shape(schedule === SCHEDULE_MEN ? 0 : 1, age));
      const r = rateOf(type);
      for (let sex = 0; sex < 2; sex++) {
        for (let age = 0; age < AGES; age++) intensity[((setting * NT + type) * 2 + sex) * AGES + age] = (r * shape(sex, age)) / norm;
      }
    }
  };
  const schemeGroups = (type: number) => (SCHEME_OF_TYPE[type] === 0 ? groupsOf.employee : groupsOf.resident);
  const schemeName = (type: number) => SCHEMES[SCHEME_OF_TYPE[type]!]!;
  for (const name of ['outpatient', 'pharmacy', 'emergencyObservation'] as const) {
    const spec = u[name];
    fill(SETTING[name], spec.ageExponent, u.femaleFactor[name], (t) => spec.rate[schemeName(t)], schemeGroups);
  }
  const inp = u.inpatient;
  fill(
    SETTING.inpatient,
    inp.ageExponent,
    u.femaleFactor.inpatient,
    (t) => (t === TYPE_CODE.inService ? inp.rate.inService : t === TYPE_CODE.retired ? inp.rate.retired : inp.rate.resident),
    (t) => (t === TYPE_CODE.inService ? groupsOf.inService : t === TYPE_CODE.retired ? groupsOf.retired : groupsOf.resident),
  );
  for (let type = 0; type < NT; type++) {
    const r = u.chronic.visitsPerEnrolled[schemeName(type)];
    for (let sex = 0; sex < 2; sex++) {
      const at = ((SETTING.chronic * NT + type) * 2 + sex) * AGES;
      intensity.fill(sex === 0 ? r : r * u.femaleFactor.chronic, at, at + AGES);
    }
  }

  const levelCdf = new Float64Array(NS * 2 * NL);
  const meanCost = new Float64Array(NS * 2 * NL);
  const costSigma = new Float64Array(NS * NL);
  const classC = new Float64Array(NS * NL);
  const classA = new Float64Array(NS * NL);
  const outOfArea = new Float64Array(NS * 2);
  SETTINGS.forEach((name, s) => {
    SCHEMES.forEach((scheme, k) => {
      const at = (s * 2 + k) * NL;
      const levels = name === 'pharmacy' ? { community: 1, primary: 0, secondary: 0, tertiary: 0 } : u[name].levels[scheme];
      let run = 0;
      LEVELS.forEach((l, i) => (levelCdf[at + i] = run += levels[l]));
      levelCdf[at + NL - 1] = 1;
      if (name === 'inpatient') LEVELS.forEach((l, i) => (meanCost[at + i] = u.inpatient.cost[scheme][l]));
      else if (name === 'pharmacy') meanCost.fill(u.pharmacy.cost[scheme], at, at + NL);
      else {
        const spec = u[name];
        const mix = LEVELS.reduce((sum, l) => sum + spec.levels[scheme][l] * spec.levelCost[l], 0);
        LEVELS.forEach((l, i) => (meanCost[at + i] = (spec.cost[scheme] * spec.levelCost[l]) / mix));
      }
      outOfArea[s * 2 + k] = u.outOfArea.byClaim[name][scheme];
    });
    LEVELS.forEach((l, i) => {
      const spread = u[name].costSigma;
      costSigma[s * NL + i] = typeof spread === 'number' ? spread : spread[l];
      const split = name === 'pharmacy' ? u.classes.pharmacy : u.classes[name][l];
      classC[s * NL + i] = split.classC;
      classA[s * NL + i] = split.classA;
    });
  });

  const causeTable = (chances: Partial<Record<(typeof CAUSES)[number], number>>): [Float64Array, Uint8Array] => {
    const entries = Object.entries(chances).filter(([, p]) => p! > 0) as [(typeof CAUSES)[number], number][];
    const cdf = new Float64Array(entries.length);
    let run = 0;
    entries.forEach(([, p], i) => (cdf[i] = run += p));
    if (run > 1) throw new RangeError(`excluded-cause chances add up to ${run}, more than 1`);
    return [cdf, Uint8Array.from(entries, ([c]) => CAUSE_CODE[c])];
  };
  const [inCdf, inCode] = causeTable(u.excludedCauses.inpatient);
  const [otherCdf, otherCode] = causeTable(u.excludedCauses.other);

  const sl = u.inpatient.lengthOfStaySigma;
  const beta = u.inpatient.costLengthElasticity;
  return {
    u,
    intensity,
    levelCdf,
    meanCost,
    costSigma,
    costHalfVariance: costSigma.map((sigma) => 0.5 * sigma * sigma),
    costQuantiles: lognormalTables(costSigma),
    classC,
    classA,
    outOfArea,
    causeCdf: [inCdf, otherCdf],
    causeCode: [inCode, otherCode],
    lengthOfStay: Float64Array.of(u.inpatient.lengthOfStay.employee, u.inpatient.lengthOfStay.resident),
    awayMembers: u.outOfArea.awayMembers,
    outOfAreaRegistered: u.outOfArea.registered,
    classSpread: u.classes.spread,
    viaEmergency: u.inpatient.viaEmergency,
    observationCostShare: u.inpatient.observationCostShare,
    staySigma: sl,
    stayHalfVariance: 0.5 * sl * sl,
    stayCostSigma: beta * sl,
    stayCostHalfVariance: 0.5 * beta * beta * sl * sl,
  };
}

/** One quantile table per distinct spread (settings mostly share one), so fewer tables compete for the cache. */
function lognormalTables(sigmas: Float64Array): LognormalQuantiles[] {
  const bySigma = new Map<number, LognormalQuantiles>();
  return Array.from(sigmas, (sigma) => {
    let q = bySigma.get(sigma);
    if (!q) bySigma.set(sigma, (q = new LognormalQuantiles(sigma)));
    return q;
  });
}
