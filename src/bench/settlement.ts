/**
 * Settlement throughput on one thread: the batch kernel on at least 10 million claims, the reference on
 * a sample (its rate extrapolated, and labelled so; `--full` settles the same 10 million with it, ≈ 5 minutes), under the default policy and a realistic claim mix.
 * The claims are a fixed synthetic year (seeded), grouped by person in date order and settled chunk by
 * chunk as the engine does; the year is settled repeatedly, accumulators and balances reset (untimed).
 */
import seedrandom from 'seedrandom';
import { defaultPolicyFile } from '../cli/paths.js';
import { loadPolicy } from '../policy/load.js';
import type { Policy } from '../policy/schema.js';
import { CAUSES, LEVELS, LOCATIONS, PERSON_TYPES, SETTINGS, type PersonType, type Setting } from '../policy/vocabulary.js';
import {
  CLAIM_ADMITTED,
  CLAIM_NEW_ADMISSION,
  PERSON_ASSISTANCE,
  PERSON_POVERTY,
  allocateAccumulators,
  allocateClaims,
  allocatePersons,
  allocateResults,
  type ClaimColumns,
  type PersonColumns,
} from '../settlement/columns.js';
import { compilePolicy } from '../settlement/compile.js';
import { settleBatch } from '../settlement/kernel.js';
import { settleReference } from '../settlement/reference.js';
import type { Accumulators, Claim, Person } from '../settlement/types.js';
import { formatRate, seconds, timed, type Bench } from './bench.js';

/** Per person-year: expected claims by setting and their median bill (yuan), roughly 2021's national mix. */
const MIX: { setting: Setting; perYear: number; median: number }[] = [
  { setting: 'outpatient', perYear: 3.2, median: 180 },
  { setting: 'pharmacy', perYear: 1.6, median: 90 },
  { setting: 'chronic', perYear: 0.5, median: 450 },
  { setting: 'inpatient', perYear: 0.2, median: 9000 },
  { setting: 'emergencyObservation', perYear: 0.1, median: 800 },
];
const TYPE_WEIGHTS: [PersonType, number][] = [
  ['inService', 0.26],
  ['retired', 0.09],
  ['adult', 0.4],
  ['child', 0.15],
  ['elderly', 0.1],
];
const LEVEL_WEIGHTS = [0.25, 0.2, 0.3, 0.25];

export interface SyntheticYear {
  persons: PersonColumns;
  claims: ClaimColumns;
  /** The same data as objects, for the reference (only the first `sample` claims). */
  objects: { personIndex: number; person: Person; claim: Claim }[];
}

function pickWeighted(u: number, weights: readonly number[]): number {
  let x = u * weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < weights.length; k++) {
    x -= weights[k]!;
    if (x < 0) return k;
  }
  return weights.length - 1;
}

/** A Poisson count by inversion (small means). */
function poisson(rng: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let n = 0;
  for (let p = rng(); p > limit; p *= rng()) n++;
  return n;
}

/** A log-normal bill in fen around a median, spread sigma 1.1, whole fen. */
const bill = (rng: () => number, median: number) => {
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.min(500_000_000, Math.round(median * 100 * Math.exp(1.1 * z)));
};

/**
 * A synthetic year of `persons` members and their claims (grouped by person, in date order), and the
 * first `sample` claims as objects for the reference.
 */
export function syntheticYear(persons: number, sample: number, seed: string): SyntheticYear {
  const rng = seedrandom(seed);
  const people = allocatePersons(persons);
  const rows: { person: number; claim: Claim }[] = [];
  const personObjects: Person[] = [];
  for (let p = 0; p < persons; p++) {
    const type = TYPE_WEIGHTS[pickWeighted(rng(), TYPE_WEIGHTS.map((w) => w[1]))]![0];
    const employee = type === 'inService' || type === 'retired';
    const person: Person = {
      type,
      accountBalance: employee ? Math.round(rng() * 500_000) : 0,
      familyAccountBalance: employee && rng() < 0.3 ? Math.round(rng() * 1_200_000) : 0,
      assistanceEligible: !employee && rng() < 0.05,
      povertyRegistered: !employee && rng() < 0.03,
    };
    personObjects.push(person);
    people.type[p] = PERSON_TYPES.indexOf(type);
    people.flags[p] = (person.assistanceEligible ? PERSON_ASSISTANCE : 0) | (person.povertyRegistered ? PERSON_POVERTY : 0);
    people.accountBalance[p] = person.accountBalance;
    people.familyBalance[p] = person.familyAccountBalance;
    const usage = type === 'retired' || type === 'elderly' ? 2.5 : type === 'child' ? 0.7 : 1;
    const days: { day: number; setting: Setting }[] = [];
    for (const m of MIX) for (let n = poisson(rng, m.perYear * usage); n > 0; n--) days.push({ day: Math.floor(rng() * 365), setting: m.setting });
    days.sort((a, b) => a.day - b.day);
    for (const { day, setting } of days) {
      const median = MIX.find((m) => m.setting === setting)!.median;
      const total = bill(rng, median);
      const c = Math.round(total * 0.08 * rng());
      const b = Math.round((total - c) * 0.35 * rng());
      const admitted = setting === 'emergencyObservation' && rng() < 0.3;
      const claim: Claim = {
        date: new Date(Date.UTC(2021, 0, 1 + day)).toISOString().slice(0, 10),
        setting,
        level: LEVELS[pickWeighted(rng(), LEVEL_WEIGHTS)]!,
        location: LOCATIONS[pickWeighted(rng(), [0.95, 0.03, 0.02])]!,
        cause: rng() < 0.985 ? 'illness' : CAUSES[1 + Math.floor(rng() * (CAUSES.length - 1))]!,
        classA: total - b - c,
        classB: b,
        classC: c,
        newAdmission: setting === 'inpatient',
        admitted,
      };
      rows.push({ person: p, claim });
      // An admitted emergency observation continues as an inpatient stay.
      if (admitted) rows.push({ person: p, claim: { ...claim, setting: 'inpatient', newAdmission: false, classA: bill(rng, 6000), classB: 0, classC: 0 } });
    }
  }
  const claims = allocateClaims(rows.length);
  rows.forEach(({ person, claim }, i) => {
    claims.person[i] = person;
    claims.setting[i] = SETTINGS.indexOf(claim.setting);
    claims.level[i] = LEVELS.indexOf(claim.level);
    claims.location[i] = LOCATIONS.indexOf(claim.location);
    claims.cause[i] = CAUSES.indexOf(claim.cause);
    claims.flags[i] = (claim.newAdmission ? CLAIM_NEW_ADMISSION : 0) | (claim.admitted ? CLAIM_ADMITTED : 0);
    claims.classA[i] = claim.classA;
    claims.classB[i] = claim.classB;
    claims.classC[i] = claim.classC;
  });
  const objects = rows.slice(0, sample).map(({ person, claim }) => ({ personIndex: person, person: personObjects[person]!, claim }));
  return { persons: people, claims, objects };
}

/** The reference's rate on the sample, settling each person's claims in order (claims per second). */
function referenceRate(policy: Policy, year: SyntheticYear): { claims: number; seconds: number } {
  const state = new Map<number, { acc: Accumulators | undefined; person: Person }>();
  const { seconds: s } = timed(() => {
    for (const { personIndex, person, claim } of year.objects) {
      const st = state.get(personIndex) ?? { acc: undefined, person };
      const r = settleReference(policy, st.person, st.acc, claim);
      state.set(personIndex, { acc: r.accumulators, person: { ...st.person, accountBalance: r.accountBalance, familyAccountBalance: r.familyAccountBalance } });
    }
  });
  return { claims: year.objects.length, seconds: s };
}

/** With --full: the reference on at least `claims` claims, the synthetic chunks rebuilt one at a time as objects (untimed). */
function referenceOnAll(policy: Policy, claims: number): { claims: number; seconds: number } {
  let done = 0;
  let spent = 0;
  for (let k = 0; done < claims; k++) {
    const year = syntheticYear(CHUNK_MEMBERS, Infinity, `yibao-sim/bench/settlement/${k % CHUNKS}`);
    const r = referenceRate(policy, year);
    done += r.claims;
    spent += r.seconds;
  }
  return { claims: done, seconds: spent };
}

/** Members per chunk, as the engine's default (scenario engine.chunkMembers); chunks in the synthetic year. */
const CHUNK_MEMBERS = 5_000;
const CHUNKS = 40;
const MIN_CLAIMS = 10_000_000;
const WARM_UP_PASSES = 3;

export const settlementBench: Bench = {
  name: 'settlement',
  run(log) {
    const policy = loadPolicy(defaultPolicyFile()).policy;
    const t = compilePolicy(policy);
    // One synthetic year settled as the engine does: chunk by chunk, each with its own columns and
    // accumulators, one result buffer reused.
    const chunks = Array.from({ length: CHUNKS }, (_, k) => syntheticYear(CHUNK_MEMBERS, k === 0 ? 20_000 : 0, `yibao-sim/bench/settlement/${k}`));
    const perPass = chunks.reduce((sum, c) => sum + c.claims.length, 0);
    const passes = Math.ceil(MIN_CLAIMS / perPass);
    log(
      `settlement: default policy, a synthetic year of ${(CHUNKS * CHUNK_MEMBERS).toLocaleString('en')} members and ${perPass.toLocaleString('en')} claims ` +
        `in ${CHUNKS} chunks of ${CHUNK_MEMBERS.toLocaleString('en')} members (per member-year: ${MIX.map((m) => `${m.setting} ${m.perYear}`).join(', ')})`,
    );

    const out = allocateResults(Math.max(...chunks.map((c) => c.claims.length)));
    const acc = allocateAccumulators(CHUNK_MEMBERS);
    const balances = chunks.map((c) => [Float64Array.from(c.persons.accountBalance), Float64Array.from(c.persons.familyBalance)] as const);
    /** One pass over the year; seconds spent in settleBatch only (resets untimed). */
    const pass = () => {
      let spent = 0;
      chunks.forEach((c, k) => {
        acc.fill(0);
        c.persons.accountBalance.set(balances[k]![0]);
        c.persons.familyBalance.set(balances[k]![1]);
        spent += timed(() => settleBatch(t, c.claims, c.persons, acc, out), false).seconds;
      });
      return spent;
    };
    for (let k = 0; k < WARM_UP_PASSES; k++) pass();
    const rates: number[] = [];
    let spent = 0;
    for (let k = 0; k < passes; k++) {
      const s = pass();
      spent += s;
      rates.push(perPass / s);
    }
    rates.sort((a, b) => a - b);
    const total = perPass * passes;
    log(
      `  kernel (compilePolicy + settleBatch), 1 thread: ${formatRate(total / spent)} over ${total.toLocaleString('en')} claims in ${seconds(spent)} ` +
        `(${passes} passes after ${WARM_UP_PASSES} warm-up passes; median pass ${formatRate(rates[rates.length >> 1]!)}, best ${formatRate(rates[rates.length - 1]!)})`,
    );

    const ref = process.argv.includes('--full') ? referenceOnAll(policy, total) : referenceRate(policy, chunks[0]!);
    const refRate = ref.claims / ref.seconds;
    const measured = `${formatRate(refRate)} measured on ${ref.claims.toLocaleString('en')} claims in ${seconds(ref.seconds)}`;
    log(
      ref.claims >= total
        ? `  reference (settleReference, decimal.js), 1 thread: ${measured} (the kernel is about ${Math.round(total / spent / refRate).toLocaleString('en')} times faster)`
        : `  reference (settleReference, decimal.js), 1 thread: ${measured}; ` +
            `extrapolated, not measured: ${seconds(total / refRate)} for the kernel's ${total.toLocaleString('en')} claims (the kernel is about ${Math.round(total / spent / refRate).toLocaleString('en')} times faster; --full measures them all, about 5 minutes)`,
    );
  },
};
