/**
 * Demand factors of the behavioural response (induced demand): per policy variant, year and cell
 * (person type × setting × hospital level, inducedClaims.ts), how much of the baseline's utilisation the
 * variant's cost sharing brings about: demandFactor (claims/demand.ts, arc elasticity) from the baseline's
 * to the variant's effective co-insurance rate.
 *
 * The effective co-insurance rate of a cell is the patient's share of the bill (account, family account
 * and cash; what the insurance layers leave to the patient, 丙类 items included, as a patient sees a price).
 * It must not depend on how a run is chunked, so it is not read off a chunk's own claims: every thread
 * settles one fixed reference set of claims, keyed by the seed alone (a reserved path no run uses,
 * REFERENCE_MEMBERS slots), through the projection years under the baseline and under each variant, and
 * takes the shares of that set. The same inputs give every worker the same factors. Provider responses
 * and accounts are left out of the reference set: neither changes what the insurance layers pay.
 */
import { generateClaims } from '../claims/generate.js';
import { allocateClaimBuffer } from '../claims/buffer.js';
import { demandFactor } from '../claims/demand.js';
import { claimsMacroAt } from '../claims/inflation.js';
import type { Problem } from '../input/inputError.js';
import { advanceYear } from '../population/dynamics.js';
import { createMembers } from '../population/members.js';
import { fillPersonColumns } from '../population/persons.js';
import { allocateAccumulators, allocatePersons, allocateResults, OUT, OUT_STRIDE } from '../settlement/columns.js';
import { settleBatch } from '../settlement/kernel.js';
import { costYearPriceLevel, populationMacro, type PolicyContext } from './chunk.js';
import { DEMAND_CELLS, demandCell } from './inducedClaims.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunSpec } from './spec.js';

/** Member slots of the reference set: enough claims in most cells, about a tenth of a second a year. */
export const REFERENCE_MEMBERS = 10_000;
/** The reference set's path key: above any run's paths (at most 100,000), so it shares no draws with them. */
export const REFERENCE_PATH = 0x7fffffff;

/** [variant][yearIndex]: the factor of each cell, or null when every factor is 1 (the baseline, or no change). */
export type DemandTable = (Float64Array | null)[][];

/** Effective co-insurance rates [variant][yearIndex][cell] of the reference set; NaN for a cell without claims. */
export function referenceShares(spec: RunSpec, ctx: PolicyContext, members = REFERENCE_MEMBERS): Float64Array[][] {
  const { scenario, keys, years } = spec;
  const { population, utilisation } = scenario;
  const block = createMembers(population, keys, REFERENCE_PATH, 0, members, years[0]!);
  const buffer = allocateClaimBuffer(Math.max(1024, members * 8), members);
  const persons = allocatePersons(members);
  const acc = allocateAccumulators(members);
  let out = allocateResults(buffer.capacity);
  const priceLevel = costYearPriceLevel(scenario, years[0]!);
  const bill = new Float64Array(DEMAND_CELLS);
  const oop = new Float64Array(DEMAND_CELLS);
  const shares: Float64Array[][] = spec.variants.map(() => []);
  years.forEach((year, y) => {
    const macro = ctx.policies.macro.years[y]!;
    if (y > 0) advanceYear(population, keys, REFERENCE_PATH, block, year, populationMacro(macro));
    generateClaims(utilisation, keys, REFERENCE_PATH, year, block, buffer, { macro: claimsMacroAt(utilisation, year, priceLevel * macro.costIndex.toNumber()) });
    if (out.length < buffer.length * OUT_STRIDE) out = allocateResults(buffer.capacity);
    for (let v = 0; v < spec.variants.length; v++) {
      fillPersonColumns(block, persons, ctx.elderlyAge[v]![y]);
      persons.accountBalance.fill(0);
      persons.familyBalance.fill(0);
      acc.fill(0);
      settleBatch(ctx.compiled[v]![y]!, buffer, persons, acc, out, 0, buffer.length);
      bill.fill(0);
      oop.fill(0);
      for (let c = 0; c < buffer.length; c++) {
        const cell = demandCell(persons.type[buffer.person[c]!]!, buffer.setting[c]!, buffer.flags[c]!, buffer.level[c]!);
        const o = c * OUT_STRIDE;
        bill[cell] += buffer.classA[c]! + buffer.classB[c]! + buffer.classC[c]!;
        oop[cell] += out[o + OUT.personalAccount]! + out[o + OUT.familyAccount]! + out[o + OUT.cash]!;
      }
      shares[v]!.push(Float64Array.from(bill, (b, cell) => (b > 0 ? oop[cell]! / b : NaN)));
    }
  });
  return shares;
}

/** Factors from rates: variant 0 (the baseline) and cells without reference claims keep factor 1. */
export function factorsFromShares(elasticity: number, shares: Float64Array[][]): DemandTable {
  return shares.map((byYear, v) =>
    byYear.map((rates, y) => {
      if (v === 0) return null;
      const base = shares[0]![y]!;
      const f = Float64Array.from(rates, (rate, cell) => (Number.isNaN(rate) || Number.isNaN(base[cell]!) ? 1 : demandFactor(elasticity, base[cell]!, rate)));
      return f.every((x) => x === 1) ? null : f;
    }),
  );
}

/** The demand factors of a path's policies, or undefined when the behavioural response is off (or nothing to compare). */
export function demandTable(spec: RunSpec, ctx: PolicyContext): DemandTable | undefined {
  const { elasticity } = spec.scenario.behaviour;
  if (elasticity === 0 || spec.variants.length < 2) return undefined;
  return factorsFromShares(elasticity, referenceShares(spec, ctx));
}

/**
 * What the scenario schema cannot see in the behaviour section alone: supervision settles one supervised
 * set of claims for every variant, so it cannot yet run with a reform's own (induced) claims.
 */
export function behaviourProblems(scenario: Scenario, file: string, lineOf: (path: (string | number)[]) => number | undefined): Problem[] {
  if (scenario.behaviour.elasticity === 0 || !scenario.supervision.enabled) return [];
  const path = ['behaviour', 'elasticity'];
  return [{ file, path, value: scenario.behaviour.elasticity, line: lineOf(path), message: 'the behavioural response cannot yet run with supervision (supervision.enabled: true); set one of them off' }];
}
