import { describe, expect, it } from 'vitest';
import { populationAssumptions } from '../../src/population/assumptions.js';
import {
  countEvents,
  EVENT_DIED,
  EVENT_ENTERED,
  EVENT_EXITED,
  EVENT_RETIRED,
  MEMBER_CADRE,
  SEX_MALE,
} from '../../src/population/block.js';
import { AGES, compilePopulation, TYPE_CODE } from '../../src/population/compile.js';
import { advanceYear } from '../../src/population/dynamics.js';
import { createMembers } from '../../src/population/members.js';
import { hasReachedRetirement, retirementAgeMonths, SCHEDULE_MEN, SCHEDULE_WOMEN_CADRE, SCHEDULE_WOMEN_WORKER } from '../../src/population/retirement.js';
import { runKeys } from '../../src/random/keys.js';
import { concatBlocks, defaults, MEMBER_COLUMNS, wageMacro } from './support.js';

const keys = runKeys(5);

describe('retirement ages', () => {
  const rules = defaults.retirement;
  it('follow the 2024 decision by birth year (members taken as born in July)', () => {
    // By hand: men from the 1965 cohort get one month per 4 birth months, a July birth is the 7th
    // month: 6/4 → 1, +1 = 2 months, so 60 years 2 months = 722 months; capped at 36 months (63).
    expect(retirementAgeMonths(rules, SCHEDULE_MEN, 1964)).toBe(720);
    expect(retirementAgeMonths(rules, SCHEDULE_MEN, 1965)).toBe(722);
    expect(retirementAgeMonths(rules, SCHEDULE_MEN, 1977)).toBe(756);
    // Women on the 50 schedule: one month per 2 birth months from 1975: July → 6/2 + 1 = 4; cap 60 (55).
    expect(retirementAgeMonths(rules, SCHEDULE_WOMEN_WORKER, 1975)).toBe(604);
    expect(retirementAgeMonths(rules, SCHEDULE_WOMEN_WORKER, 1985)).toBe(660);
    // Women on the 55 schedule from 1970: 662 months.
    expect(retirementAgeMonths(rules, SCHEDULE_WOMEN_CADRE, 1970)).toBe(662);
  });

  it('are reached in the year the member turns that age (to the month, mid-year)', () => {
    expect(hasReachedRetirement(rules, SCHEDULE_MEN, 60, 2022)).toBe(true);
    expect(hasReachedRetirement(rules, SCHEDULE_MEN, 59, 2022)).toBe(false);
    // born 1970: 60 years 17 months = 737 months; at 60 (726 mid-year) not yet, at 61 (738) yes
    expect(hasReachedRetirement(rules, SCHEDULE_MEN, 60, 2030)).toBe(false);
    expect(hasReachedRetirement(rules, SCHEDULE_MEN, 61, 2031)).toBe(true);
    const noDelay = populationAssumptions.parse({ retirement: { delay: null } }).retirement;
    expect(hasReachedRetirement(noDelay, SCHEDULE_MEN, 60, 2030)).toBe(true);
  });
});

describe('a year of dynamics', () => {
  const n = 30_000;
  const block = createMembers(defaults, keys, 0, 0, n, 2021);
  const before = {
    type: block.type.slice(),
    age: block.age.slice(),
    event: block.event.slice(),
    generation: block.generation.slice(),
    wage: block.wage.slice(),
    sex: block.sex.slice(),
    flags: block.flags.slice(),
  };
  const events = advanceYear(defaults, keys, 0, block, 2022, wageMacro(2022));

  it('replaces last year\'s leavers by entrants and ages everyone else', () => {
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) {
      const left = (before.event[i]! & (EVENT_DIED | EVENT_EXITED)) !== 0;
      const entered = (block.event[i]! & EVENT_ENTERED) !== 0;
      if (left !== entered) wrong.push(i);
      if (left && block.generation[i] !== before.generation[i]! + 1) wrong.push(i);
      if (!left && (block.generation[i] !== before.generation[i] || block.age[i] !== before.age[i]! + 1)) wrong.push(i);
      if (block.alive[i] !== 1) wrong.push(i);
    }
    expect(wrong).toEqual([]);
    expect(events).toEqual(countEvents(block));
    expect(events.entrants).toBeGreaterThan(0);
    expect(block.year).toBe(2022);
  });

  it('retires in-service members at the statutory age (men 60, women 50 or 55) and only them', () => {
    const wrong: string[] = [];
    let retirements = 0;
    for (let i = 0; i < n; i++) {
      if (block.event[i]! & EVENT_ENTERED || before.type[i] !== TYPE_CODE.inService) continue;
      const male = before.sex[i] === SEX_MALE;
      const due = male ? 60 : before.flags[i]! & MEMBER_CADRE ? 55 : 50;
      const retired = (block.event[i]! & EVENT_RETIRED) !== 0;
      if (retired !== (block.age[i] === due)) wrong.push(`age ${block.age[i]} due ${due} retired ${retired}`);
      if (retired && (block.type[i] !== TYPE_CODE.retired || block.wage[i] !== 0)) wrong.push('not retired properly');
      if (retired) retirements++;
    }
    expect(wrong).toEqual([]);
    expect(retirements).toBe(events.retirements);
    expect(retirements).toBeGreaterThan(0);
  });

  it('lets wages of continuing workers grow with the macro wage growth (5%), with individual drift', () => {
    let ratio = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (block.type[i] !== TYPE_CODE.inService || before.type[i] !== TYPE_CODE.inService || block.event[i]! & EVENT_ENTERED) continue;
      ratio += block.wage[i]! / before.wage[i]!;
      k++;
    }
    // mean of 1.05 · exp(0.05 z − 0.00125) is 1.05 (no bounds); sd 0.053 over about 5,500 workers: se 0.0007
    expect(k).toBeGreaterThan(4000);
    expect(Math.abs(ratio / k - 1.05)).toBeLessThan(0.004);
    expect(block.wageIndex).toBe(1.05);
  });

  it('takes wages from the macro path and nothing else from it (same draws)', () => {
    const run = (macro: ReturnType<typeof wageMacro>) => {
      const b = createMembers(defaults, keys, 4, 0, 4000, 2021);
      advanceYear(defaults, keys, 4, b, 2022, macro);
      return concatBlocks([b]);
    };
    const slow = run({ year: 2022, wageIndex: 1.02, wageGrowth: 0.02 });
    const fast = run({ year: 2022, wageIndex: 1.1, wageGrowth: 0.1 });
    for (const c of MEMBER_COLUMNS) if (c !== 'wage') expect(fast[c], c).toEqual(slow[c]);
    const wrong: string[] = [];
    let entrants = 0;
    for (let i = 0; i < slow.wage.length; i++) {
      if (slow.type[i] !== TYPE_CODE.inService) continue;
      // An entrant's wage scales with the wage index (1.1 / 1.02), a continuing worker's with the growth (1.1 / 1.02 too).
      if (Math.abs(fast.wage[i]! / slow.wage[i]! - 1.1 / 1.02) > 1e-5) wrong.push(`slot ${i}: ${fast.wage[i]} vs ${slow.wage[i]}`);
      if (slow.event[i]! & EVENT_ENTERED) entrants++;
    }
    expect(wrong).toEqual([]);
    expect(entrants).toBeGreaterThan(0);
  });

  it('refuses macro quantities of another year', () => {
    const b = createMembers(defaults, keys, 0, 0, 10, 2021);
    expect(() => advanceYear(defaults, keys, 0, b, 2022, wageMacro(2023))).toThrow(/macro quantities are for 2023/);
  });

  it('refuses to skip a year', () => {
    expect(() => advanceYear(defaults, keys, 0, block, 2024, wageMacro(2024))).toThrow(/can only advance to 2023/);
  });

  it('leaves slots empty when leavers are not replaced', () => {
    const closed = populationAssumptions.parse({ entrants: { replaceLeavers: false } });
    const b = createMembers(closed, keys, 0, 0, 5000, 2021);
    const leavers = countEvents(b);
    advanceYear(closed, keys, 0, b, 2022, wageMacro(2022));
    let empty = 0;
    for (let i = 0; i < b.length; i++) if (b.alive[i] === 0) empty++;
    expect(empty).toBe(leavers.deaths + leavers.exits);
  });
});

describe('mortality', () => {
  it('kills at the life-table rate by age (frailty averages out)', () => {
    const a = populationAssumptions.parse({ mortalityImprovement: 0 });
    const c = compilePopulation(a);
    const n = 150_000;
    const b = createMembers(a, keys, 9, 0, n, 2021);
    const deaths = new Float64Array(AGES * 2);
    const expected = new Float64Array(AGES * 2);
    for (let i = 0; i < n; i++) {
      const cell = b.sex[i]! * AGES + b.age[i]!;
      expected[cell] += 1 - Math.exp(-c.mx[cell]!);
      if (b.event[i]! & EVENT_DIED) deaths[cell]++;
    }
    const band = (from: number, to: number) => {
      let d = 0;
      let e = 0;
      for (let s = 0; s < 2; s++) {
        for (let age = from; age <= to; age++) {
          d += deaths[s * AGES + age]!;
          e += expected[s * AGES + age]!;
        }
      }
      return { d, e };
    };
    for (const [from, to] of [
      [60, 74],
      [75, 84],
      [85, 110],
    ] as const) {
      const { d, e } = band(from, to);
      // Poisson sd of the count is sqrt(e): allow 4 sd
      expect(Math.abs(d - e)).toBeLessThan(4 * Math.sqrt(e) + 1);
      expect(e).toBeGreaterThan(50);
    }
  });
});
