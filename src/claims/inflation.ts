/**
 * Per-(path, year) macro quantities of claims: the medical cost index and the utilisation trend, both
 * relative to the cost year. Inflation is the scenario's rate for the year plus, when
 * `costInflationSd` > 0, a normal shock drawn with seedrandom keyed by (seed, path, year).
 */
import { macroNormal, macroRng, type RunKeys } from '../random/keys.js';
import type { UtilisationAssumptions } from './assumptions.js';

export interface ClaimsMacro {
  year: number;
  /** Prices of `year` relative to the cost year. */
  costIndex: number;
  /** Utilisation rates of `year` relative to the cost year. */
  utilisationIndex: number;
}

export function costInflationIn(u: UtilisationAssumptions, keys: RunKeys, path: number, year: number): number {
  const planned = u.costInflationByYear[String(year)] ?? u.costInflation;
  return u.costInflationSd > 0 ? planned + u.costInflationSd * macroNormal(macroRng(keys, 'cost', path, year)) : planned;
}

export function claimsMacro(u: UtilisationAssumptions, keys: RunKeys, path: number, year: number): ClaimsMacro {
  let costIndex = 1;
  for (let y = u.costYear + 1; y <= year; y++) costIndex *= 1 + costInflationIn(u, keys, path, y);
  for (let y = u.costYear; y > year; y--) costIndex /= 1 + costInflationIn(u, keys, path, y);
  return { year, costIndex, utilisationIndex: Math.pow(1 + u.utilisationTrend, year - u.costYear) };
}
