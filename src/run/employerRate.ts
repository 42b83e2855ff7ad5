/**
 * The employer-rate lever on one simulation. The engine sums each in-service member's employer contribution
 * (单位缴费) at the scenario's rate into the money cells, and the ledger books those sums: a fund given another
 * rate (withEmployerRate) changes nothing there, and the lever moved no ledger at all (every value met or
 * missed the target alike). The contributions are restated from the contribution bases the cells also hold:
 * the simulated sum plus the bases times the change in rate, to the fen (each member's own rounding is not
 * redone: under a fen a member), and under the legacy account rule the share of that change credited to
 * personal accounts, which the pooled fund does not keep. Claims do not depend on the rate.
 */
import { BLOCK, MONEY_FIELDS, moneyCell } from '../engine/aggregates.js';
import type { SimulationCube } from '../engine/result.js';
import type { EmployeeFund } from '../fund/assumptions.js';
import { BP, ratioToBp } from '../money/fen.js';
import { PERSON_TYPES } from '../policy/vocabulary.js';

/** The cube as if simulated at employer rate `rate` (set to 4 decimals, as withEmployerRate sets it). */
export function atEmployerRate(cube: SimulationCube, simulated: EmployeeFund, rate: number): SimulationCube {
  const change = Math.round(rate * BP) - ratioToBp(simulated.contributions.employerRate);
  if (change === 0) return cube;
  const toAccountsBp = simulated.accounts.rule === 'legacy' ? ratioToBp(simulated.accounts.legacyEmployerShare) : 0;
  const inService = PERSON_TYPES.indexOf('inService');
  const cell = (field: (typeof MONEY_FIELDS)[number]) => moneyCell(inService, MONEY_FIELDS.indexOf(field));
  const [base, employer, credit, closing] = [cell('contributionBase'), cell('employerContribution'), cell('accountCredit'), cell('accountClosing')];
  const blocks = Float64Array.from(cube.blocks);
  for (let at = 0; at < blocks.length; at += BLOCK) {
    const extra = Math.round((blocks[at + base]! * change) / BP);
    blocks[at + employer] += extra;
    // The accounts keep the credit (they balance year by year); its interest and what it would pay are left out.
    const toAccounts = Math.round((extra * toAccountsBp) / BP);
    blocks[at + credit] += toAccounts;
    blocks[at + closing] += toAccounts;
  }
  return { ...cube, blocks };
}
