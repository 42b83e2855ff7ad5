/**
 * A block of simulated member slots as typed-array columns (no per-member objects). Slot i of the block
 * is the run-wide slot `slot[i]`; a slot is held by successive occupants, counted by `generation`, so
 * every draw is keyed by (slot, generation, year) and a block of any size gives the same members.
 */
import { PERSON_ASSISTANCE, PERSON_POVERTY } from '../settlement/columns.js';

/** Member flag bits. The first two equal the settlement's person flags, so `flags & 3` can be passed on. */
export const MEMBER_ASSISTANCE = PERSON_ASSISTANCE;
export const MEMBER_POVERTY = PERSON_POVERTY;
/** Enrolled for chronic and special-disease outpatient care (门诊慢特病). */
export const MEMBER_CHRONIC = 4;
/** Lives out of the pooling area (异地安置/常驻异地): most care is out of area, registered. */
export const MEMBER_OUT_OF_AREA = 8;
/** University student, typed `child` (大学生). */
export const MEMBER_STUDENT = 16;
/** A woman on the 55 retirement schedule (cadre/管理技术岗) rather than the 50 one. */
export const MEMBER_CADRE = 32;

/** Event bits of the current year. */
export const EVENT_DIED = 1;
export const EVENT_EXITED = 2;
export const EVENT_ENTERED = 4;
export const EVENT_RETIRED = 8;

export const SEX_MALE = 0;
export const SEX_FEMALE = 1;

export interface MemberBlock {
  length: number;
  /** The year the columns describe. */
  year: number;
  /** Average wage of `year` relative to the base year (the path's macro wage index). */
  wageIndex: number;
  slot: Int32Array;
  /** Occupant number of the slot (0 = the base-year member). */
  generation: Uint16Array;
  /** PERSON_TYPES code. */
  type: Uint8Array;
  /** SEX_MALE or SEX_FEMALE. */
  sex: Uint8Array;
  /** Age in completed years during `year`. */
  age: Uint8Array;
  /** 1 while the slot holds a member in `year` (also in the year the member dies or leaves). */
  alive: Uint8Array;
  /** Annual wage in fen before the contribution-base bounds (the fund applies them); 0 for retirees and residents. */
  wage: Float64Array;
  /** MEMBER_* bits. */
  flags: Uint8Array;
  /** Persistent frailty, mean 1 over new members. */
  health: Float32Array;
  /** EVENT_* bits for `year`. */
  event: Uint8Array;
  /** Day of `year` (0-based) on which the member died or left; -1 if the member stays the whole year. */
  leaveDay: Int16Array;
}

export function allocateMembers(n: number): MemberBlock {
  return {
    length: n,
    year: 0,
    wageIndex: 1,
    slot: new Int32Array(n),
    generation: new Uint16Array(n),
    type: new Uint8Array(n),
    sex: new Uint8Array(n),
    age: new Uint8Array(n),
    alive: new Uint8Array(n),
    wage: new Float64Array(n),
    flags: new Uint8Array(n),
    health: new Float32Array(n),
    event: new Uint8Array(n),
    leaveDay: new Int16Array(n),
  };
}

export interface YearEvents {
  deaths: number;
  exits: number;
  entrants: number;
  retirements: number;
}

/** Counts of this year's events in a block (unweighted: one per simulated slot). */
export function countEvents(block: MemberBlock): YearEvents {
  const e: YearEvents = { deaths: 0, exits: 0, entrants: 0, retirements: 0 };
  for (let i = 0; i < block.length; i++) {
    const v = block.event[i]!;
    if (v & EVENT_DIED) e.deaths++;
    if (v & EVENT_EXITED) e.exits++;
    if (v & EVENT_ENTERED) e.entrants++;
    if (v & EVENT_RETIRED) e.retirements++;
  }
  return e;
}

export function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}
