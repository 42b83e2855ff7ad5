import { describe, expect, it } from 'vitest';
import { PERSON_TYPES } from '../../src/policy/vocabulary.js';
import { MEMBER_CADRE, MEMBER_CHRONIC, MEMBER_STUDENT, SEX_MALE } from '../../src/population/block.js';
import { TYPE_CODE } from '../../src/population/compile.js';
import { advanceYear } from '../../src/population/dynamics.js';
import { createMembers } from '../../src/population/members.js';
import { hasReachedRetirement, SCHEDULE_MEN, SCHEDULE_WOMEN_CADRE, SCHEDULE_WOMEN_WORKER } from '../../src/population/retirement.js';
import { runKeys } from '../../src/random/keys.js';
import { concatBlocks, defaults, wageMacro } from './support.js';

const keys = runKeys(11);

describe('creating members', () => {
  it('gives the same members whatever the block size, also after years of dynamics', () => {
    const run = (size: number) => {
      const blocks = [];
      for (let from = 0; from < 1000; from += size) blocks.push(createMembers(defaults, keys, 3, from, Math.min(1000, from + size), 2021));
      const before = concatBlocks(blocks);
      for (let y = 2022; y <= 2024; y++) for (const b of blocks) advanceYear(defaults, keys, 3, b, y, wageMacro(y));
      return { before, after: concatBlocks(blocks) };
    };
    const whole = run(1000);
    for (const size of [1, 7, 333]) expect(run(size)).toEqual(whole);
    expect(whole.after.generation.some((g) => g > 0)).toBe(true);
  });

  it('depends on the seed and the path', () => {
    const a = concatBlocks([createMembers(defaults, keys, 0, 0, 200, 2021)]);
    expect(concatBlocks([createMembers(defaults, runKeys(11), 0, 0, 200, 2021)])).toEqual(a);
    expect(concatBlocks([createMembers(defaults, runKeys(12), 0, 0, 200, 2021)]).age).not.toEqual(a.age);
    expect(concatBlocks([createMembers(defaults, keys, 1, 0, 200, 2021)]).age).not.toEqual(a.age);
  });

  it("splits in-service from retired by the base year's statutory ages (2024 delay), not the life table's year", () => {
    // A man of 60 in 2030 (born mid-1970) retires at 61 years 5 months under the 2024 decision (+17 months):
    // not yet retired; in 2021 he would have been. Likewise women of 50 (born 1980) and 55 (born 1975).
    const schedule = (b: ReturnType<typeof createMembers>, i: number) =>
      b.sex[i] === SEX_MALE ? SCHEDULE_MEN : b.flags[i]! & MEMBER_CADRE ? SCHEDULE_WOMEN_CADRE : SCHEDULE_WOMEN_WORKER;
    for (const year of [2021, 2030]) {
      const b = createMembers(defaults, keys, 0, 0, 20_000, year);
      let retiredMenAt60 = 0;
      for (let i = 0; i < b.length; i++) {
        const reached = hasReachedRetirement(defaults.retirement, schedule(b, i), b.age[i]!, year);
        if (b.type[i] === TYPE_CODE.inService) expect(reached, `in service at ${b.age[i]} in ${year}`).toBe(false);
        if (b.type[i] === TYPE_CODE.retired) expect(reached, `retired at ${b.age[i]} in ${year}`).toBe(true);
        if (b.type[i] === TYPE_CODE.retired && b.sex[i] === SEX_MALE && b.age[i] === 60) retiredMenAt60++;
      }
      if (year === 2021) expect(retiredMenAt60).toBeGreaterThan(0);
      else expect(retiredMenAt60).toBe(0);
    }
  });

  const n = 40_000;
  const block = createMembers(defaults, keys, 0, 0, n, 2021);
  const count = (pred: (i: number) => boolean) => {
    let c = 0;
    for (let i = 0; i < n; i++) if (pred(i)) c++;
    return c;
  };

  it('draws the scheme and person-type mix of the assumptions', () => {
    const byType = PERSON_TYPES.map((_, t) => count((i) => block.type[i] === t));
    const employees = byType[0]! + byType[1]!;
    // binomial sd of a share near 0.26 at n = 40,000 is 0.0022
    expect(Math.abs(employees / n - 0.26)).toBeLessThan(0.01);
    expect(Math.abs(byType[0]! / byType[1]! - 2.8)).toBeLessThan(0.15);
    const children = count((i) => block.type[i] === TYPE_CODE.child);
    expect(Math.abs(children / (n - employees) - (0.244 + 0.02))).toBeLessThan(0.015);
    expect(count((i) => block.alive[i] === 1)).toBe(n);
  });

  it('puts ages where each type belongs', () => {
    const misplaced: string[] = [];
    for (let i = 0; i < n; i++) {
      const t = block.type[i]!;
      const age = block.age[i]!;
      const female = block.sex[i] !== SEX_MALE;
      const retireAge = !female ? 60 : block.flags[i]! & MEMBER_CADRE ? 55 : 50;
      const student = (block.flags[i]! & MEMBER_STUDENT) !== 0;
      const ok =
        t === TYPE_CODE.inService ? age >= 18 && age < retireAge
        : t === TYPE_CODE.retired ? age >= retireAge
        : t === TYPE_CODE.child ? age < 18 || (student && age <= 21)
        : t === TYPE_CODE.elderly ? age >= 60
        : age >= 18 && age < 60;
      if (!ok) misplaced.push(`${PERSON_TYPES[t]} aged ${age}`);
    }
    expect(misplaced).toEqual([]);
  });

  it('gives in-service members a lognormal wage around the average, not bounded (the fund bounds it)', () => {
    const logs: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) {
      const w = block.wage[i]!;
      if (block.type[i] !== TYPE_CODE.inService) {
        if (w !== 0) wrong.push(w);
        continue;
      }
      if (!(w > 0) || !Number.isInteger(w)) wrong.push(w);
      logs.push(Math.log(w / 100));
    }
    expect(wrong).toEqual([]);
    const k = logs.length;
    const mean = logs.reduce((a, b) => a + b, 0) / k;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1));
    // ln w ~ N(ln 68,000 − 0.45²/2, 0.45²); about 7,600 workers: se of the mean 0.005, of the sd 0.004.
    expect(Math.abs(mean - (Math.log(68000) - 0.45 ** 2 / 2))).toBeLessThan(0.02);
    expect(Math.abs(sd - 0.45)).toBeLessThan(0.015);
    // Unbounded: 18% of a lognormal with sigma 0.45 lie below 60% of its mean, 0.4% above 3 times it.
    expect(logs.filter((l) => l < Math.log(0.6 * 68000)).length / k).toBeGreaterThan(0.15);
    expect(logs.some((l) => l > Math.log(3 * 68000))).toBe(true);
  });

  it('enrols older and frailer members in chronic care, more among employees', () => {
    const rate = (pred: (i: number) => boolean) => count((i) => pred(i) && (block.flags[i]! & MEMBER_CHRONIC) !== 0) / count(pred);
    expect(rate((i) => block.age[i]! >= 65)).toBeGreaterThan(5 * rate((i) => block.age[i]! < 45));
    expect(rate((i) => block.health[i]! > 2)).toBeGreaterThan(2 * rate((i) => block.health[i]! < 0.5));
    expect(rate((i) => block.type[i]! < 2)).toBeGreaterThan(rate((i) => block.type[i]! >= 2));
  });

  it('draws frailty with mean 1', () => {
    let s = 0;
    for (let i = 0; i < n; i++) s += block.health[i]!;
    // Gamma(1.5, 1/1.5): sd 0.82, sd of the mean 0.004
    expect(Math.abs(s / n - 1)).toBeLessThan(0.02);
  });
});
