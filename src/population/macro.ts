/**
 * Per-(path, year) macro quantities of the population: the average wage index. Growth is the scenario's
 * rate for the year, plus, when `wage.growthSd` > 0, a normal shock drawn with seedrandom keyed by
 * (seed, path, year), so every chunk of a path sees the same macro history.
 */
import { macroNormal, macroRng, type RunKeys } from '../random/keys.js';
import type { PopulationAssumptions } from './assumptions.js';

export interface PopulationMacro {
  year: number;
  /** Average contribution base relative to the base year. */
  wageIndex: number;
  /** Growth of the average from the previous year. */
  wageGrowth: number;
}

export function wageGrowthIn(a: PopulationAssumptions, keys: RunKeys, path: number, year: number): number {
  const planned = a.wage.growthByYear[String(year)] ?? a.wage.growth;
  return a.wage.growthSd > 0 ? planned + a.wage.growthSd * macroNormal(macroRng(keys, 'wage', path, year)) : planned;
}

export function populationMacro(a: PopulationAssumptions, keys: RunKeys, path: number, baseYear: number, year: number): PopulationMacro {
  let wageIndex = 1;
  let wageGrowth = 0;
  for (let y = baseYear + 1; y <= year; y++) {
    wageGrowth = wageGrowthIn(a, keys, path, y);
    wageIndex *= 1 + wageGrowth;
  }
  return { year, wageIndex, wageGrowth };
}
