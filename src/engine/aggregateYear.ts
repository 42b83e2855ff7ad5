/**
 * Folding one year's settled claims and members into an aggregate block (see aggregates.ts).
 * Hot path: typed arrays only, one pass over claims and one over members.
 */
import { schemeOf, PERSON_TYPES } from '../policy/vocabulary.js';
import { CLAIM_ADMITTED, CLAIM_NEW_ADMISSION, OUT, OUT_STRIDE, type ClaimColumns } from '../settlement/columns.js';
import {
  CLAIM_FIELDS,
  MEMBER_FIELDS,
  PAIRED_FIELDS,
  ageBandOf,
  areaCell,
  claimCell,
  memberCell,
  oopBin,
  oopCell,
  pairedCell,
} from './aggregates.js';

/** The member columns aggregation reads. */
export interface MemberView {
  length: number;
  type: Uint8Array;
  age: Uint8Array;
  /** 1 if the slot holds a member this year. */
  alive: Uint8Array;
}

const SCHEME_OF_TYPE = Uint8Array.from(PERSON_TYPES, (t) => (schemeOf(t) === 'employee' ? 0 : 1));
const EPISODE_SETTING_INPATIENT = 2;
const EPISODE_SETTING_EMERGENCY = 4;
const index = <T extends string>(fields: readonly T[]) => Object.fromEntries(fields.map((f, i) => [f, i])) as Record<T, number>;
const CF = index(CLAIM_FIELDS);
const MF = index(MEMBER_FIELDS);
const PF = index(PAIRED_FIELDS);
const BAND_OF_AGE = Uint8Array.from({ length: 256 }, (_, age) => ageBandOf(age));

/**
 * Add the claims' splits into the claim and area cells, and each member's bill and out-of-pocket
 * (account + family account + cash) into `memberBill`/`memberOop` (fen, indexed by member, zeroed by the caller).
 */
export function addClaims(
  block: Float64Array,
  at: number,
  claims: ClaimColumns,
  out: Float64Array,
  memberType: Uint8Array,
  memberBill: Float64Array,
  memberOop: Float64Array,
): void {
  const { person, setting, level, location, flags, classA, classB, classC } = claims;
  for (let i = 0; i < claims.length; i++) {
    const p = person[i]!;
    const t = memberType[p]!;
    const s = setting[i]!;
    const o = i * OUT_STRIDE;
    const bill = classA[i]! + classB[i]! + classC[i]!;
    const cell = at + claimCell(t, s, level[i]!, 0);
    block[cell + CF.count] += 1;
    const opens = (s === EPISODE_SETTING_INPATIENT && flags[i]! & CLAIM_NEW_ADMISSION) || (s === EPISODE_SETTING_EMERGENCY && flags[i]! & CLAIM_ADMITTED);
    if (opens) block[cell + CF.episodes] += 1;
    block[cell + CF.bill] += bill;
    for (let k = 0; k < OUT_STRIDE; k++) block[cell + CF.outOfScope + k] += out[o + k]!;
    const loc = location[i]!;
    if (loc !== 0) {
      const a = at + areaCell(SCHEME_OF_TYPE[t]!, loc, 0);
      block[a] += 1;
      block[a + 1] += bill;
      block[a + 2] += out[o + OUT.pooledFund]!;
    }
    memberBill[p] += bill;
    memberOop[p] += out[o + OUT.personalAccount]! + out[o + OUT.familyAccount]! + out[o + OUT.cash]!;
  }
}

/**
 * Member-years, burden by age band, the out-of-pocket histogram and catastrophic spending
 * (out-of-pocket above `catastrophicShare` of the member's income, fen).
 */
export function addMembers(
  block: Float64Array,
  at: number,
  members: MemberView,
  memberBill: Float64Array,
  memberOop: Float64Array,
  income: Float64Array,
  catastrophicShare: number,
): void {
  const { type, age, alive } = members;
  for (let m = 0; m < members.length; m++) {
    if (alive[m] !== 1) continue;
    const t = type[m]!;
    const cell = at + memberCell(t, BAND_OF_AGE[age[m]!]!, 0);
    const oop = memberOop[m]!;
    block[cell + MF.memberYears] += 1;
    if (memberBill[m]! > 0) block[cell + MF.withClaims] += 1;
    block[cell + MF.bill] += memberBill[m]!;
    block[cell + MF.oop] += oop;
    if (oop > catastrophicShare * income[m]!) block[cell + MF.catastrophic] += 1;
    block[at + oopCell(SCHEME_OF_TYPE[t]!, oopBin(oop))] += 1;
  }
}

/** Who gains and who loses under a reform: per member-year change in out-of-pocket against the baseline. */
export function addPaired(block: Float64Array, at: number, members: MemberView, oop: Float64Array, baselineOop: Float64Array): void {
  const { type, age, alive } = members;
  for (let m = 0; m < members.length; m++) {
    if (alive[m] !== 1) continue;
    const delta = oop[m]! - baselineOop[m]!;
    const cell = at + pairedCell(type[m]!, BAND_OF_AGE[age[m]!]!, 0);
    if (delta < 0) block[cell + PF.gainers] += 1;
    else if (delta > 0) block[cell + PF.losers] += 1;
    block[cell + PF.deltaOop] += delta;
  }
}

/** Member events (deaths, exits, entrants, retirements) by type and age band. */
export function addEvent(block: Float64Array, at: number, type: number, age: number, field: 'deaths' | 'exits' | 'entrants' | 'retirements'): void {
  block[at + memberCell(type, BAND_OF_AGE[age]!, MF[field])] += 1;
}

