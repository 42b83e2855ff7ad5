/**
 * Folding one year's settled claims and members into an aggregate block (see aggregates.ts).
 * Hot path: typed arrays only, one pass over claims and one over members.
 */
import { schemeOf, PERSON_TYPES, SETTINGS } from '../policy/vocabulary.js';
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
  pairedSettingCell,
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
// Field offsets as plain constants: this is the hot path.
const C_COUNT = CLAIM_FIELDS.indexOf('count');
const C_EPISODES = CLAIM_FIELDS.indexOf('episodes');
const C_BILL = CLAIM_FIELDS.indexOf('bill');
const C_OUT = CLAIM_FIELDS.indexOf('outOfScope');
const M_YEARS = MEMBER_FIELDS.indexOf('memberYears');
const M_WITH_CLAIMS = MEMBER_FIELDS.indexOf('withClaims');
const M_BILL = MEMBER_FIELDS.indexOf('bill');
const M_OOP = MEMBER_FIELDS.indexOf('oop');
const M_CATASTROPHIC = MEMBER_FIELDS.indexOf('catastrophic');
const P_GAINERS = PAIRED_FIELDS.indexOf('gainers');
const P_LOSERS = PAIRED_FIELDS.indexOf('losers');
const P_DELTA = PAIRED_FIELDS.indexOf('deltaOop');
const EVENT_FIELD = {
  deaths: MEMBER_FIELDS.indexOf('deaths'),
  exits: MEMBER_FIELDS.indexOf('exits'),
  entrants: MEMBER_FIELDS.indexOf('entrants'),
  retirements: MEMBER_FIELDS.indexOf('retirements'),
};
const OUT_ACCOUNT = OUT.personalAccount;
const OUT_FAMILY = OUT.familyAccount;
const OUT_CASH = OUT.cash;
const OUT_FUND = OUT.pooledFund;
/** OUT_STRIDE as a module constant: an imported binding is re-read from the module object at every use. */
const OUT_WIDTH = OUT_STRIDE;
if (OUT_WIDTH !== 12) throw new Error('aggregateYear.ts adds twelve settlement results a claim (addClaims)');
const N_SETTINGS = SETTINGS.length;
const BAND_OF_AGE = Uint8Array.from({ length: 256 }, (_, age) => ageBandOf(age));

/**
 * Add the claims' splits into the claim and area cells, and each member's bill and out-of-pocket
 * (account + family account + cash) into `memberBill`/`memberOop` (fen, indexed by member, zeroed by the caller),
 * the out-of-pocket also by setting into `memberOopBySetting` (indexed member × SETTINGS).
 */
export function addClaims(
  block: Float64Array,
  at: number,
  claims: ClaimColumns,
  out: Float64Array,
  memberType: Uint8Array,
  memberBill: Float64Array,
  memberOop: Float64Array,
  memberOopBySetting: Float64Array,
): void {
  const { person, setting, level, location, flags, classA, classB, classC } = claims;
  for (let i = 0; i < claims.length; i++) {
    const p = person[i]!;
    const t = memberType[p]!;
    const s = setting[i]!;
    const o = i * OUT_WIDTH;
    const bill = classA[i]! + classB[i]! + classC[i]!;
    const cell = at + claimCell(t, s, level[i]!, 0);
    block[cell + C_COUNT] += 1;
    const opens = (s === EPISODE_SETTING_INPATIENT && flags[i]! & CLAIM_NEW_ADMISSION) || (s === EPISODE_SETTING_EMERGENCY && flags[i]! & CLAIM_ADMITTED);
    if (opens) block[cell + C_EPISODES] += 1;
    block[cell + C_BILL] += bill;
    const c = cell + C_OUT;
    // The twelve results written out: V8 does not unroll a loop, and this one cost ≈ 10 ns a claim.
    block[c] += out[o]!;
    block[c + 1] += out[o + 1]!;
    block[c + 2] += out[o + 2]!;
    block[c + 3] += out[o + 3]!;
    block[c + 4] += out[o + 4]!;
    block[c + 5] += out[o + 5]!;
    block[c + 6] += out[o + 6]!;
    block[c + 7] += out[o + 7]!;
    block[c + 8] += out[o + 8]!;
    block[c + 9] += out[o + 9]!;
    block[c + 10] += out[o + 10]!;
    block[c + 11] += out[o + 11]!;
    const loc = location[i]!;
    if (loc !== 0) {
      const a = at + areaCell(SCHEME_OF_TYPE[t]!, loc, 0);
      block[a] += 1;
      block[a + 1] += bill;
      block[a + 2] += out[o + OUT_FUND]!;
    }
    memberBill[p] += bill;
    const oop = out[o + OUT_ACCOUNT]! + out[o + OUT_FAMILY]! + out[o + OUT_CASH]!;
    memberOop[p] += oop;
    memberOopBySetting[p * N_SETTINGS + s] += oop;
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
    block[cell + M_YEARS] += 1;
    if (memberBill[m]! > 0) block[cell + M_WITH_CLAIMS] += 1;
    block[cell + M_BILL] += memberBill[m]!;
    block[cell + M_OOP] += oop;
    if (oop > catastrophicShare * income[m]!) block[cell + M_CATASTROPHIC] += 1;
    block[at + oopCell(SCHEME_OF_TYPE[t]!, oopBin(oop))] += 1;
  }
}

/** Who gains and who loses under a reform: per member-year change in out-of-pocket against the baseline. */
export function addPaired(block: Float64Array, at: number, members: MemberView, oop: PairedOop, baseline: PairedOop): void {
  const { type, age, alive } = members;
  for (let m = 0; m < members.length; m++) {
    if (alive[m] !== 1) continue;
    countChange(block, at + pairedCell(type[m]!, BAND_OF_AGE[age[m]!]!, 0), oop.total[m]! - baseline.total[m]!);
    for (let s = 0; s < N_SETTINGS; s++) {
      const k = m * N_SETTINGS + s;
      countChange(block, at + pairedSettingCell(type[m]!, s, 0), oop.bySetting[k]! - baseline.bySetting[k]!);
    }
  }
}

/** A member's out-of-pocket in one variant: the year's total and by setting (member × SETTINGS), fen. */
export interface PairedOop {
  total: Float64Array;
  bySetting: Float64Array;
}

function countChange(block: Float64Array, cell: number, delta: number): void {
  if (delta < 0) block[cell + P_GAINERS] += 1;
  else if (delta > 0) block[cell + P_LOSERS] += 1;
  block[cell + P_DELTA] += delta;
}

/** Member events (deaths, exits, entrants, retirements) by type and age band. */
export function addEvent(block: Float64Array, at: number, type: number, age: number, field: 'deaths' | 'exits' | 'entrants' | 'retirements'): void {
  block[at + memberCell(type, BAND_OF_AGE[age]!, EVENT_FIELD[field])] += 1;
}

