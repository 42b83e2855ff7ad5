/**
 * One year of population dynamics for a block: slots left last year are taken by entrants, the others
 * age a year and move on (retirement at the statutory age, child → student/adult, adult → elderly,
 * chronic onset, wage drift); then everyone's fate for the year is drawn. All draws are keyed by
 * (path, slot, generation, year).
 */
import type { RunKeys } from '../random/keys.js';
import { KeyedStream } from '../random/stream.js';
import { STREAM } from '../random/streamIds.js';
import { MAX_AGE, type PopulationAssumptions } from './assumptions.js';
import {
  countEvents,
  EVENT_DIED,
  EVENT_ENTERED,
  EVENT_EXITED,
  EVENT_RETIRED,
  MEMBER_CADRE,
  MEMBER_CHRONIC,
  MEMBER_STUDENT,
  SEX_MALE,
  type MemberBlock,
  type YearEvents,
} from './block.js';
import { AGES, compilePopulation, SCHEME_OF_TYPE, STUDENT_AGES, TYPE_CODE, type CompiledPopulation } from './compile.js';
import type { PopulationMacro } from './macro.js';
import { roundHalfUp } from '../money/fen.js';
import { drawFate, drawNewMember, ENTRY, fateYear, residentType } from './members.js';
import { hasReachedRetirement, SCHEDULE_MEN, SCHEDULE_WOMEN_CADRE, SCHEDULE_WOMEN_WORKER } from './retirement.js';

/** Math.round without a branch (money/fen.ts). */
const round = roundHalfUp;

const ENTRY_OF_KIND = [ENTRY.newborn, ENTRY.youngWorker, ENTRY.base];

/**
 * Move a block from year - 1 to `year` in place and return the year's events (counts of simulated
 * slots; per-member events stay in `block.event`). `macro` is the path's macro quantities of `year`.
 */
export function advanceYear(
  assumptions: PopulationAssumptions,
  keys: RunKeys,
  path: number,
  block: MemberBlock,
  year: number,
  macro: PopulationMacro,
): YearEvents {
  if (year !== block.year + 1) throw new RangeError(`the block is in ${block.year}; it can only advance to ${block.year + 1}, not ${year}`);
  if (macro.year !== year) throw new RangeError(`the macro quantities are for ${macro.year}, the block advances to ${year}`);
  const c = compilePopulation(assumptions);
  const s = new KeyedStream(keys);
  const fate = fateYear(c, year);
  for (let i = 0; i < block.length; i++) {
    const left = block.event[i]! & (EVENT_DIED | EVENT_EXITED);
    const slot = block.slot[i]!;
    block.event[i] = 0;
    if (left) {
      if (!assumptions.entrants.replaceLeavers) {
        block.alive[i] = 0;
        block.leaveDay[i] = -1;
        continue;
      }
      const generation = block.generation[i]! + 1;
      block.generation[i] = generation;
      s.member(path, slot, generation, year);
      s.select(STREAM.entrant);
      const kind = ENTRY_OF_KIND[s.categorical(c.entrantCdf, 0, 3)]!;
      drawNewMember(c, s, block, i, kind, macro.wageIndex);
      block.event[i] = EVENT_ENTERED;
    } else if (block.alive[i] === 1) {
      s.member(path, slot, block.generation[i]!, year);
      ageOneYear(c, s, block, i, year, macro);
    } else continue;
    drawFate(c, s, block, i, fate);
  }
  block.year = year;
  block.wageIndex = macro.wageIndex;
  return countEvents(block);
}

function ageOneYear(c: CompiledPopulation, s: KeyedStream, block: MemberBlock, i: number, year: number, macro: PopulationMacro): void {
  const a = c.a;
  // Draws 0 (chronic onset), 1 (university entry) and 2 (wage drift) of the stream, each taken only when needed.
  s.select(STREAM.transition);
  const age = Math.min(MAX_AGE, block.age[i]! + 1);
  block.age[i] = age;
  let flags = block.flags[i]!;
  let type = block.type[i]!;

  if (type === TYPE_CODE.inService) {
    const schedule = block.sex[i] === SEX_MALE ? SCHEDULE_MEN : flags & MEMBER_CADRE ? SCHEDULE_WOMEN_CADRE : SCHEDULE_WOMEN_WORKER;
    if (hasReachedRetirement(a.retirement, schedule, age, year)) {
      type = TYPE_CODE.retired;
      block.wage[i] = 0;
      block.event[i] |= EVENT_RETIRED;
    } else {
      const d = a.wage.drift;
      block.wage[i] = round(block.wage[i]! * (1 + macro.wageGrowth) * Math.exp(d * s.at(2).normal() - 0.5 * d * d));
    }
  } else if (type !== TYPE_CODE.retired) {
    if (age === STUDENT_AGES[0] && type === TYPE_CODE.child && s.at(1).next() < a.resident.universityEntry) flags |= MEMBER_STUDENT;
    else if (age > STUDENT_AGES[1]) flags &= ~MEMBER_STUDENT;
    type = residentType(age, flags, a.resident.elderlyAge);
  }

  if (!(flags & MEMBER_CHRONIC)) {
    const scheme = SCHEME_OF_TYPE[type]!;
    const before = c.chronic[scheme * AGES + age - 1]!;
    const onset = Math.max(0, c.chronic[scheme * AGES + age]! - before) / Math.max(1e-9, 1 - before);
    if (s.at(0).next() < onset * block.health[i]!) flags |= MEMBER_CHRONIC;
  }
  block.flags[i] = flags;
  block.type[i] = type;
}
