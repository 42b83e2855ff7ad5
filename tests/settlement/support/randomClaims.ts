/**
 * Random persons and claim sequences within one settlement year, settled one by one by the reference as
 * they are generated, so edge cases can be aimed at the person's state: a bill exactly at the deductible
 * still to pay (±1 fen), all-丙类 bills sized to the family-use thresholds, later admissions, continuation
 * claims, emergency observation admitted or not, empty accounts. Huge bills cross caps mid-claim.
 * The per-person sequences are interleaved at random (keeping each person's order), as in a real batch.
 */
import { settleReference, schemePolicyFor } from '../../../src/settlement/reference.js';
import { admissionDeductible } from '../../../src/settlement/rules/deductible.js';
import { benefitSettingOf, poolOf } from '../../../src/settlement/rules/routing.js';
import type { Policy } from '../../../src/policy/schema.js';
import { CAUSES, EMPLOYEE_TYPES, LEVELS, LOCATIONS, RESIDENT_TYPES, type PersonType, type Setting } from '../../../src/policy/vocabulary.js';
import type { Accumulators, Claim, Person, Split } from '../../../src/settlement/types.js';
import { yuanToFen } from '../../../src/money/fen.js';
import { chance, fenAmount, int, pick, weighted, type Rng } from './random.js';

export type ClaimKind = 'normal' | 'zero' | 'allClassC' | 'atDeductible' | 'huge';

export interface SettledClaim {
  person: number;
  claim: Claim;
  kind: ClaimKind;
  /** The person's accumulators before the claim (for coverage statistics). */
  before: Accumulators | undefined;
  /** What the reference gives. */
  split: Split;
  accumulators: Accumulators;
  accountBalance: number;
  familyAccountBalance: number;
}

export interface Case {
  persons: Person[];
  claims: SettledClaim[];
}

/** Bill scale (fen) by setting. */
const SCALE: Record<Setting, number> = {
  outpatient: 300_000,
  pharmacy: 150_000,
  chronic: 1_500_000,
  inpatient: 12_000_000,
  emergencyObservation: 800_000,
};

function randomPerson(rng: Rng, policy: Policy): Person {
  const types: PersonType[] = [...(policy.employee ? EMPLOYEE_TYPES : []), ...(policy.resident ? RESIDENT_TYPES : [])];
  const type = pick(rng, types);
  const fu = schemePolicyFor(policy, { type } as Person).personalAccount?.familyUse;
  const familyChoices: [number, number][] = [
    [0, 2],
    [fenAmount(rng, 0, 1_000_000), 3],
  ];
  if (fu) {
    const [historic, claim, remaining] = [yuanToFen(fu.minHistoricBalance), yuanToFen(fu.minClaim), yuanToFen(fu.minRemaining)];
    familyChoices.push([historic, 2], [historic + 1, 2], [Math.max(historic + 1, claim + remaining), 2], [claim + remaining, 1]);
  }
  return {
    type,
    accountBalance: weighted(rng, [
      [0, 3],
      [fenAmount(rng, 0, 50_000), 2],
      [fenAmount(rng, 0, 500_000), 3],
      [fenAmount(rng, 0, 5_000_000), 2],
    ]),
    familyAccountBalance: weighted(rng, familyChoices),
    assistanceEligible: chance(rng, 0.35),
    povertyRegistered: chance(rng, 0.35),
  };
}

interface PersonState {
  acc: Accumulators | undefined;
  accountBalance: number;
  familyAccountBalance: number;
  lastLevel: (typeof LEVELS)[number];
  /** The last claim opened an admission (emergency observation admitted): continue it next. */
  continueAdmission: boolean;
}

/** Deductible (fen) still to pay if this claim were settled now, for its pool. */
function deductibleLeft(policy: Policy, person: Person, claim: Claim, acc: Accumulators | undefined): number {
  const scheme = schemePolicyFor(policy, person);
  const benefit = benefitSettingOf(claim.setting, claim.admitted);
  const pool = poolOf(benefit);
  if (pool === 'inpatient') {
    if (claim.newAdmission || claim.setting === 'emergencyObservation') return yuanToFen(admissionDeductible(scheme, person.type, claim.level, acc?.admissions ?? 0));
    return acc?.admissionDeductibleLeft ?? 0;
  }
  const used = (pool === 'outpatient' ? acc?.outpatientDeductibleUsed : acc?.chronicDeductibleUsed) ?? 0;
  return Math.max(0, yuanToFen(scheme[pool].deductible[person.type]!) - used);
}

function randomClaim(rng: Rng, policy: Policy, person: Person, st: PersonState, day: number): { claim: Claim; kind: ClaimKind } {
  const setting: Setting = st.continueAdmission && chance(rng, 0.6)
    ? 'inpatient'
    : weighted<Setting>(rng, [
        ['outpatient', 30],
        ['pharmacy', 12],
        ['chronic', 15],
        ['inpatient', 28],
        ['emergencyObservation', 15],
      ]);
  const continuing = setting === 'inpatient' && st.continueAdmission;
  const admissions = st.acc?.admissions ?? 0;
  const newAdmission = setting === 'inpatient' && !continuing && (admissions === 0 ? chance(rng, 0.85) : chance(rng, 0.5));
  const level = continuing || (setting === 'inpatient' && !newAdmission && chance(rng, 0.8)) ? st.lastLevel : pick(rng, LEVELS);
  const month = 1 + Math.min(11, Math.floor(day / 31));
  const claim: Claim = {
    date: `2021-${String(month).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}`,
    setting,
    level,
    location: weighted(rng, [
      [LOCATIONS[0], 70],
      [LOCATIONS[1], 15],
      [LOCATIONS[2], 15],
    ]),
    cause: chance(rng, 0.88) ? 'illness' : pick(rng, CAUSES),
    classA: 0,
    classB: 0,
    classC: 0,
    newAdmission,
    admitted: setting === 'emergencyObservation' && chance(rng, 0.5),
  };
  const kind = weighted<ClaimKind>(rng, [
    ['normal', 70],
    ['zero', 4],
    ['allClassC', 6],
    ['atDeductible', 12],
    ['huge', 8],
  ]);
  const scale = SCALE[setting];
  if (kind === 'normal') {
    claim.classA = chance(rng, 0.8) ? fenAmount(rng, 0, scale) : 0;
    claim.classB = chance(rng, 0.6) ? fenAmount(rng, 0, scale / 2) : 0;
    claim.classC = chance(rng, 0.5) ? fenAmount(rng, 0, scale / 4) : 0;
  } else if (kind === 'huge') {
    claim.classA = fenAmount(rng, scale, 50 * scale);
    claim.classB = chance(rng, 0.5) ? fenAmount(rng, 0, 10 * scale) : 0;
  } else if (kind === 'allClassC') {
    const fu = schemePolicyFor(policy, person).personalAccount?.familyUse;
    const choices: [number, number][] = [[fenAmount(rng, 1, scale), 3]];
    if (fu) {
      const minClaim = yuanToFen(fu.minClaim);
      choices.push([minClaim, 2], [Math.max(0, minClaim - 1), 1], [Math.max(0, st.familyAccountBalance - yuanToFen(fu.minRemaining)), 2]);
    }
    claim.classC = weighted(rng, choices);
  } else if (kind === 'atDeductible') {
    claim.location = 'local';
    claim.cause = 'illness';
    claim.classA = Math.max(0, deductibleLeft(policy, person, claim, st.acc) + pick(rng, [0, 0, 0, -1, 1]));
  }
  return { claim, kind };
}

/** One policy's case: persons with claim sequences, settled by the reference, interleaved. */
export function randomCase(rng: Rng, policy: Policy, persons: number, maxClaims: number): Case {
  const people: Person[] = [];
  const sequences: SettledClaim[][] = [];
  for (let p = 0; p < persons; p++) {
    const person = randomPerson(rng, policy);
    people.push(person);
    const st: PersonState = { acc: undefined, accountBalance: person.accountBalance, familyAccountBalance: person.familyAccountBalance, lastLevel: 'secondary', continueAdmission: false };
    const n = int(rng, 1, maxClaims);
    const days = Array.from({ length: n }, () => int(rng, 0, 363)).sort((a, b) => a - b);
    const seq: SettledClaim[] = [];
    for (const day of days) {
      const { claim, kind } = randomClaim(rng, policy, person, st, day);
      const now: Person = { ...person, accountBalance: st.accountBalance, familyAccountBalance: st.familyAccountBalance };
      const s = settleReference(policy, now, st.acc, claim);
      seq.push({ person: p, claim, kind, before: st.acc, split: s.split, accumulators: s.accumulators, accountBalance: s.accountBalance, familyAccountBalance: s.familyAccountBalance });
      st.acc = s.accumulators;
      st.accountBalance = s.accountBalance;
      st.familyAccountBalance = s.familyAccountBalance;
      if (claim.setting === 'inpatient' || (claim.setting === 'emergencyObservation' && claim.admitted)) st.lastLevel = claim.level;
      st.continueAdmission = claim.setting === 'emergencyObservation' && claim.admitted;
    }
    sequences.push(seq);
  }
  return { persons: people, claims: interleave(rng, sequences) };
}

/** A random merge of the sequences that keeps each one's order. */
function interleave<T>(rng: Rng, seqs: T[][]): T[] {
  const next = seqs.map(() => 0);
  const out: T[] = [];
  let live = seqs.map((_, i) => i).filter((i) => seqs[i]!.length > 0);
  while (live.length > 0) {
    const k = pick(rng, live);
    out.push(seqs[k]![next[k]!++]!);
    if (next[k] === seqs[k]!.length) live = live.filter((i) => i !== k);
  }
  return out;
}
