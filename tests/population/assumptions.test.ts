import { describe, expect, it } from 'vitest';
import { utilisationAssumptions } from '../../src/claims/assumptions.js';
import { populationAssumptions } from '../../src/population/assumptions.js';
import { defaults } from './support.js';

describe('population assumptions', () => {
  it('default to the 2021 national shares', () => {
    expect(defaults.employeeShare).toBe(0.26);
    expect(defaults.retireeRatio).toBe(2.8);
    expect(defaults.resident.childShare).toBe(0.244);
    expect(defaults.resident.elderlyAge).toBe(60);
  });

  it('load the 2020 census age structure: totals and broad groups as published', () => {
    const rows = defaults.ageStructure;
    const sum = (from: number, to: number) => rows.filter((r) => r.ageFrom >= from && r.ageFrom <= to).reduce((s, r) => s + r.male + r.female, 0);
    // 第七次全国人口普查公报 (第二号, 第五号): 1,411,778,724 persons, 723,339,956 men; 0-14: 253,383,938;
    // 15-59: 894,376,020; 65+: 190,635,280. (Rows are rounded to whole persons: within 25.)
    expect(Math.abs(sum(0, 100) - 1_411_778_724)).toBeLessThan(25);
    expect(Math.abs(rows.reduce((s, r) => s + r.male, 0) - 723_339_956)).toBeLessThan(25);
    expect(Math.abs(sum(0, 10) - 253_383_938)).toBeLessThan(25);
    expect(Math.abs(sum(15, 55) - 894_376_020)).toBeLessThan(25);
    expect(Math.abs(sum(65, 100) - 190_635_280)).toBeLessThan(25);
  });

  it('load a life table with the life expectancy UN WPP 2022 gives China (about 76 and 81)', () => {
    const e0 = (sex: 'mxMale' | 'mxFemale') => {
      const t = defaults.lifeTable;
      let alive = 1;
      let years = 0;
      for (let age = 0; age < 120; age++) {
        const row = [...t].reverse().find((r) => r.ageFrom <= age)!;
        const q = 1 - Math.exp(-row[sex]);
        years += alive * (1 - q / 2);
        alive *= 1 - q;
      }
      return years;
    };
    expect(e0('mxMale')).toBeGreaterThan(74.5);
    expect(e0('mxMale')).toBeLessThan(77);
    expect(e0('mxFemale')).toBeGreaterThan(80);
    expect(e0('mxFemale')).toBeLessThan(82.5);
  });

  it('report every problem with its path', () => {
    const r = populationAssumptions.safeParse({
      employeeShare: 1.5,
      ageStructure: [
        { ageFrom: 0, ageTo: 9, male: 1, female: 1 },
        { ageFrom: 12, male: 1, female: 1 },
      ],
      chronic: { prevalence: [0.1, 0.2] },
      exits: { inService: -1 },
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['employeeShare', 'ageStructure.1.ageFrom', 'chronic.prevalence', 'exits.inService']));
  });

  it('leave wage growth, bounds and medical inflation to the macro and fund sections (one of each)', () => {
    const wage = populationAssumptions.safeParse({ wage: { growth: 0.05, growthByYear: {}, growthSd: 0, floor: 0.6, cap: 3 } });
    expect(wage.error!.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['wage', 'unrecognized_keys']]);
    expect((wage.error!.issues[0] as { keys: string[] }).keys).toEqual(['growth', 'growthByYear', 'growthSd', 'floor', 'cap']);
    const cost = utilisationAssumptions.safeParse({ costInflation: 0.05, costInflationByYear: {}, costInflationSd: 0 });
    expect((cost.error!.issues[0] as { keys: string[] }).keys).toEqual(['costInflation', 'costInflationByYear', 'costInflationSd']);
    expect(Object.keys(defaults.wage).sort()).toEqual(['average', 'drift', 'sigma']);
  });
});
