/**
 * Population assumptions compiled to flat sampling tables: cumulative weights over (schedule, age) cells
 * for each group of new members, single-age death rates, chronic prevalence by scheme and age. Compiled
 * once per assumptions object and retirement year (cached), a pure function of them: never of a sample.
 *
 * Age within a group follows the population pyramid: in-service employees over working ages before their
 * retirement age, retirees after it, children 0-17, students 18-21, and resident adults over what the
 * pyramid leaves once employees and students are taken out (so residents are older than the population).
 */
import { PERSON_TYPES, type PersonType } from '../policy/vocabulary.js';
import { AGE_BAND_COUNT, MAX_AGE, type PopulationAssumptions } from './assumptions.js';
import { hasReachedRetirement, SCHEDULE_MEN, SCHEDULE_WOMEN_CADRE } from './retirement.js';

export const AGES = MAX_AGE + 1;
/** Cells: schedule × age, schedule 0 men, 1 women (worker schedule), 2 women (cadre schedule). */
export const CELLS = 3 * AGES;
export const WORKING_AGE = 18;
export const STUDENT_AGES = [18, 21] as const;

/** Groups a new member is drawn into. */
export const GROUP = { inService: 0, retired: 1, child: 2, student: 3, residentAdult: 4 } as const;
const GROUP_COUNT = 5;

export const TYPE_CODE = Object.fromEntries(PERSON_TYPES.map((t, i) => [t, i])) as Record<PersonType, number>;
export const SCHEME_OF_TYPE = Uint8Array.from(PERSON_TYPES, (t) => (t === 'inService' || t === 'retired' ? 0 : 1));

export interface CompiledPopulation {
  a: PopulationAssumptions;
  /** Cumulative shares of the groups. */
  groupCdf: Float64Array;
  /** Cumulative weights over cells, one row of CELLS per group. */
  cellCdf: Float64Array;
  /** Cumulative weights over cells for young-worker entrants. */
  youngWorkerCdf: Float64Array;
  /** Cumulative entrant kinds: newborn, young worker, base mix. */
  entrantCdf: Float64Array;
  /** Share of boys among newborns. */
  newbornMale: number;
  /** Central death rate by sex and single age: [sex * AGES + age]. */
  mx: Float64Array;
  /** Chronic enrolment prevalence by scheme and single age: [scheme * AGES + age]. */
  chronic: Float64Array;
  exitProb: Float64Array;
  outOfArea: Float64Array;
}

const cache = new WeakMap<PopulationAssumptions, Map<number, CompiledPopulation>>();

/**
 * `retirementYear` is the calendar year whose statutory retirement ages split the pyramid into in-service
 * and retired members: the base year for the members a run starts with (createMembers), since under the
 * gradual delay a man of 60 is retired in 2021 but not in 2030. It defaults to `lifeTableYear`, as before,
 * for the entrants of the base mix (advanceYear) and the claims' rate normalisation.
 */
export function compilePopulation(a: PopulationAssumptions, retirementYear: number = a.lifeTableYear): CompiledPopulation {
  let byYear = cache.get(a);
  if (!byYear) {
    byYear = new Map();
    cache.set(a, byYear);
  }
  let c = byYear.get(retirementYear);
  if (!c) {
    c = build(a, retirementYear);
    byYear.set(retirementYear, c);
  }
  return c;
}

/** Single-age persons by sex from the age-structure rows (uniform within a row). */
function singleAges(a: PopulationAssumptions): [Float64Array, Float64Array] {
  const male = new Float64Array(AGES);
  const female = new Float64Array(AGES);
  a.ageStructure.forEach((r, i) => {
    const next = a.ageStructure[i + 1];
    const to = Math.min(MAX_AGE, r.ageTo ?? (next ? next.ageFrom - 1 : r.ageFrom));
    const n = to - r.ageFrom + 1;
    for (let age = r.ageFrom; age <= to; age++) {
      male[age] += r.male / n;
      female[age] += r.female / n;
    }
  });
  return [male, female];
}

function cumulate(w: Float64Array, at: number, n: number, into: Float64Array): void {
  let total = 0;
  for (let k = 0; k < n; k++) total += w[at + k]!;
  if (!(total > 0)) throw new RangeError('population assumptions leave a group with no one to draw (all weights are 0)');
  let run = 0;
  for (let k = 0; k < n; k++) {
    run += w[at + k]!;
    into[at + k] = run / total;
  }
  into[at + n - 1] = 1;
}

function build(a: PopulationAssumptions, retirementYear: number): CompiledPopulation {
  const [male, female] = singleAges(a);
  const cadre = a.retirement.womenCadreShare;
  const pop = (schedule: number, age: number) =>
    schedule === SCHEDULE_MEN ? male[age]! : schedule === SCHEDULE_WOMEN_CADRE ? female[age]! * cadre : female[age]! * (1 - cadre);
  const retired = (schedule: number, age: number) => hasReachedRetirement(a.retirement, schedule, age, retirementYear);

  const e = a.employeeShare;
  const r = a.resident;
  const shares = [
    (e * a.retireeRatio) / (1 + a.retireeRatio),
    e / (1 + a.retireeRatio),
    (1 - e) * r.childShare,
    (1 - e) * r.studentShare,
    (1 - e) * Math.max(0, 1 - r.childShare - r.studentShare),
  ];
  const groupCdf = new Float64Array(GROUP_COUNT);
  cumulate(Float64Array.from(shares), 0, GROUP_COUNT, groupCdf);

  const w = new Float64Array(GROUP_COUNT * CELLS);
  const put = (g: number, s: number, age: number, v: number) => (w[g * CELLS + s * AGES + age] = v);
  for (let s = 0; s < 3; s++) {
    for (let age = 0; age < AGES; age++) {
      const p = pop(s, age);
      if (age >= WORKING_AGE && !retired(s, age)) put(GROUP.inService, s, age, p);
      if (age >= WORKING_AGE && retired(s, age)) put(GROUP.retired, s, age, p);
      if (age < WORKING_AGE) put(GROUP.child, s, age, p);
      if (age >= STUDENT_AGES[0] && age <= STUDENT_AGES[1]) put(GROUP.student, s, age, p);
    }
  }
  // Resident adults: the pyramid (scaled to the group shares) less employees and students, never below 0.
  const total = male.reduce((x, y) => x + y, 0) + female.reduce((x, y) => x + y, 0);
  const groupTotal = (g: number) => w.subarray(g * CELLS, (g + 1) * CELLS).reduce((x, y) => x + y, 0);
  const taken = [GROUP.inService, GROUP.retired, GROUP.student].map((g) => ({ g, scale: (shares[g]! * total) / groupTotal(g) }));
  for (let s = 0; s < 3; s++) {
    for (let age = WORKING_AGE; age < AGES; age++) {
      let left = pop(s, age);
      for (const { g, scale } of taken) left -= w[g * CELLS + s * AGES + age]! * scale;
      put(GROUP.residentAdult, s, age, Math.max(0, left));
    }
  }
  const cellCdf = new Float64Array(GROUP_COUNT * CELLS);
  // A group nobody is drawn into (e.g. no employees in a resident-only region) keeps an empty table.
  for (let g = 0; g < GROUP_COUNT; g++) if (shares[g]! > 0) cumulate(w, g * CELLS, CELLS, cellCdf);

  const young = new Float64Array(CELLS);
  const [from, to] = a.entrants.youngWorkerAges;
  for (let s = 0; s < 3; s++) for (let age = from; age <= Math.min(to, MAX_AGE); age++) young[s * AGES + age] = pop(s, age);
  const youngWorkerCdf = new Float64Array(CELLS);
  cumulate(young, 0, CELLS, youngWorkerCdf);

  const entrantCdf = new Float64Array(3);
  cumulate(Float64Array.of(a.entrants.newborn, a.entrants.youngWorker, a.entrants.baseMix), 0, 3, entrantCdf);

  const mx = new Float64Array(2 * AGES);
  a.lifeTable.forEach((row, i) => {
    const next = a.lifeTable[i + 1];
    for (let age = row.ageFrom; age < (next ? next.ageFrom : AGES); age++) {
      mx[age] = row.mxMale;
      mx[AGES + age] = row.mxFemale;
    }
  });

  return {
    a,
    groupCdf,
    cellCdf,
    youngWorkerCdf,
    entrantCdf,
    newbornMale: male[0]! / (male[0]! + female[0]!),
    mx,
    chronic: chronicBySingleAge(a),
    exitProb: Float64Array.from(PERSON_TYPES, (t) => a.exits[t]),
    outOfArea: Float64Array.from(PERSON_TYPES, (t) => a.outOfArea[t]),
  };
}

/** Prevalence by single age, interpolated between band midpoints, scaled per scheme. */
function chronicBySingleAge(a: PopulationAssumptions): Float64Array {
  const p = a.chronic.prevalence;
  const out = new Float64Array(2 * AGES);
  for (let age = 0; age < AGES; age++) {
    const x = (age - 2) / 5; // band k's midpoint is age 5k + 2
    const k = Math.max(0, Math.min(AGE_BAND_COUNT - 1, Math.floor(x)));
    const k1 = Math.min(AGE_BAND_COUNT - 1, k + 1);
    const t = Math.max(0, Math.min(1, x - k));
    const v = p[k]! + (p[k1]! - p[k]!) * t;
    out[age] = Math.min(1, v * a.chronic.scale.employee);
    out[AGES + age] = Math.min(1, v * a.chronic.scale.resident);
  }
  return out;
}

/** Index of the first cumulative weight above u (binary search). */
export function searchCdf(cdf: Float64Array, from: number, n: number, u: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < cdf[from + mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
