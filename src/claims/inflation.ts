/**
 * The per-(path, year) macro quantities of claims: the medical cost index and the utilisation trend, both
 * relative to the cost year. The cost index comes from the run's macro path (src/projection/macro.ts),
 * the one source of medical inflation; the utilisation trend is the utilisation assumptions' own.
 */
import type { UtilisationAssumptions } from './assumptions.js';

export interface ClaimsMacro {
  year: number;
  /** Prices of `year` relative to the cost year. */
  costIndex: number;
  /** Utilisation rates of `year` relative to the cost year. */
  utilisationIndex: number;
}

/** The claims macro of `year` at a cost index (1 for the cost year's prices); utilisation follows the trend. */
export function claimsMacroAt(u: UtilisationAssumptions, year: number, costIndex: number): ClaimsMacro {
  return { year, costIndex, utilisationIndex: Math.pow(1 + u.utilisationTrend, year - u.costYear) };
}
