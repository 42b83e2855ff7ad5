/**
 * Drawing members: a slot's occupant when the run starts or when it enters later, and each year's fate
 * (death, leaving the pool). Every draw comes from the member's keyed streams, so a slot's history is
 * the same whatever block it is simulated in.
 */
import type { RunKeys } from '../random/keys.js';
import { KeyedStream } from '../random/stream.js';
import { STREAM } from '../random/streamIds.js';
import { MAX_AGE, type PopulationAssumptions } from './assumptions.js';
import {
  allocateMembers,
  daysInYear,
  EVENT_DIED,
  EVENT_EXITED,
  MEMBER_ASSISTANCE,
  MEMBER_CADRE,
  MEMBER_CHRONIC,
  MEMBER_OUT_OF_AREA,
  MEMBER_POVERTY,
  MEMBER_STUDENT,
  SEX_FEMALE,
  SEX_MALE,
  type MemberBlock,
} from './block.js';
import { AGES, CELLS, compilePopulation, GROUP, SCHEME_OF_TYPE, searchCdf, TYPE_CODE, type CompiledPopulation } from './compile.js';
import { SCHEDULE_WOMEN_CADRE } from './retirement.js';
import { roundHalfUp } from '../money/fen.js';

/** Math.round without a branch (money/fen.ts). */
const round = roundHalfUp;

/** How a new occupant is drawn. */
export const ENTRY = { base: 0, newborn: 1, youngWorker: 2 } as const;

/** Resident person type for an age (child until 18 or while a student; elderly from elderlyAge). */
export function residentType(age: number, flags: number, elderlyAge: number): number {
  if (age < 18 || flags & MEMBER_STUDENT) return TYPE_CODE.child;
  return age >= elderlyAge ? TYPE_CODE.elderly : TYPE_CODE.adult;
}

/**
 * Fill member i of the block with a new occupant. `s` must be keyed to the occupant's (path, slot,
 * generation, entry year); draws come from its attributes stream, always in the same order.
 */
export function drawNewMember(
  c: CompiledPopulation,
  s: KeyedStream,
  block: MemberBlock,
  i: number,
  entry: number,
  wageIndex: number,
): void {
  const a = c.a;
  s.select(STREAM.attributes);
  const uGroup = s.next();
  const uCell = s.next();
  const uCadre = s.next();
  const zWage = s.normal();
  const health = s.gamma(a.frailty.shape, 1 / a.frailty.shape);
  const uChronic = s.next();
  const uArea = s.next();
  const uAssist = s.next();
  const uPoor = s.next();

  let group: number;
  let cell: number;
  if (entry === ENTRY.newborn) {
    group = GROUP.child;
    cell = uCell < c.newbornMale ? 0 : (uCadre < a.retirement.womenCadreShare ? 2 : 1) * AGES;
  } else if (entry === ENTRY.youngWorker) {
    group = GROUP.inService;
    cell = searchCdf(c.youngWorkerCdf, 0, CELLS, uCell);
  } else {
    group = searchCdf(c.groupCdf, 0, c.groupCdf.length, uGroup);
    cell = searchCdf(c.cellCdf, group * CELLS, CELLS, uCell);
  }
  const schedule = (cell / AGES) | 0;
  const age = cell - schedule * AGES;
  let flags = schedule === SCHEDULE_WOMEN_CADRE ? MEMBER_CADRE : 0;
  if (group === GROUP.student) flags |= MEMBER_STUDENT;
  const type =
    group === GROUP.inService ? TYPE_CODE.inService : group === GROUP.retired ? TYPE_CODE.retired : residentType(age, flags, a.resident.elderlyAge);
  const scheme = SCHEME_OF_TYPE[type]!;
  if (uChronic < Math.min(0.95, c.chronic[scheme * AGES + age]! * health)) flags |= MEMBER_CHRONIC;
  if (uArea < c.outOfArea[type]!) flags |= MEMBER_OUT_OF_AREA;
  if (scheme === 1 && uAssist < a.resident.assistanceShare) flags |= MEMBER_ASSISTANCE;
  if (scheme === 1 && uPoor < a.resident.povertyShare) flags |= MEMBER_POVERTY;

  block.type[i] = type;
  block.sex[i] = schedule === 0 ? SEX_MALE : SEX_FEMALE;
  block.age[i] = Math.min(age, MAX_AGE);
  block.alive[i] = 1;
  block.flags[i] = flags;
  block.health[i] = health;
  const sigma = a.wage.sigma;
  block.wage[i] = type === TYPE_CODE.inService ? round(a.wage.average * 100 * wageIndex * Math.exp(sigma * zWage - 0.5 * sigma * sigma)) : 0;
  block.leaveDay[i] = -1;
}

/** What the year's fate draws share: the fall in death rates since the life table, and the year's days. */
export interface FateYear {
  improvement: number;
  days: number;
}

export function fateYear(c: CompiledPopulation, year: number): FateYear {
  return { improvement: Math.pow(1 - c.a.mortalityImprovement, year - c.a.lifeTableYear), days: daysInYear(year) };
}

/** The year's fate of member i: death (hazard raised by frailty), else leaving the pool; and on which day. */
export function drawFate(c: CompiledPopulation, s: KeyedStream, block: MemberBlock, i: number, fate: FateYear): void {
  s.select(STREAM.fate);
  const uDeath = s.next();
  const uExit = s.next();
  const uDay = s.next();
  const w = c.a.frailty.mortalityWeight;
  const hazard = c.mx[block.sex[i]! * AGES + block.age[i]!]! * fate.improvement * (1 - w + w * block.health[i]!);
  let event = 0;
  // 1 − e^−h < h: a draw above the hazard survives without computing the exponential.
  if (uDeath < hazard && uDeath < 1 - Math.exp(-hazard)) event = EVENT_DIED;
  else if (uExit < c.exitProb[block.type[i]!]!) event = EVENT_EXITED;
  block.event[i] |= event;
  block.leaveDay[i] = event ? Math.floor(uDay * fate.days) : -1;
}

/**
 * The members of slots [slotFrom, slotTo) of one Monte Carlo path in the base year, with the base year's
 * deaths and exits already drawn (`event`, `leaveDay`).
 */
export function createMembers(
  assumptions: PopulationAssumptions,
  keys: RunKeys,
  path: number,
  slotFrom: number,
  slotTo: number,
  baseYear: number,
): MemberBlock {
  // Who is retired follows the statutory ages of the base year, not of the life table's year.
  const c = compilePopulation(assumptions, baseYear);
  const block = allocateMembers(slotTo - slotFrom);
  const s = new KeyedStream(keys);
  block.year = baseYear;
  const wageIndex = block.wageIndex;
  const fate = fateYear(c, baseYear);
  for (let i = 0; i < block.length; i++) {
    const slot = slotFrom + i;
    block.slot[i] = slot;
    block.generation[i] = 0;
    s.member(path, slot, 0, baseYear);
    drawNewMember(c, s, block, i, ENTRY.base, wageIndex);
    drawFate(c, s, block, i, fate);
  }
  return block;
}
