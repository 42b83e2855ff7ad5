/**
 * Behavioural response to cost sharing (需求释放, induced demand): off unless the scenario's
 * `behaviour.elasticity` is below 0 (engine/demandFactors.ts and engine/inducedClaims.ts apply it).
 *
 * The RAND Health Insurance Experiment estimated an arc price elasticity of medical spending of about
 * −0.2 (Manning et al., AER 1987; Aron-Dine, Einav & Finkelstein, JEP 2013). With an arc elasticity e,
 * defined on midpoints, (q1 − q0)/(q1 + q0) = e·(p1 − p0)/(p1 + p0), the demand ratio is
 *   q1/q0 = (1 + e·a) / (1 − e·a),   a = (p1 − p0)/(p1 + p0),
 * which stays finite when a coinsurance rate is 0 (free care): from 0 to any positive rate, a = 1 and
 * utilisation falls to (1 + e)/(1 − e) = 0.667 of free-care use at e = −0.2.
 */
import { z } from 'zod';

export const RAND_ELASTICITY = -0.2;

const ELASTICITY_RANGE = "must be above -1 and at most 0 (0 = off; the RAND experiment's estimate is -0.2)";

/** The scenario's `behaviour` section. */
export const behaviourAssumptions = z.strictObject({
  /**
   * Arc elasticity of utilisation with respect to the patient's share of the bill, in (-1, 0]; 0 = off
   * (every policy variant settles the same claims). The RAND experiment's estimate is about -0.2.
   */
  elasticity: z
    .number()
    .gt(-1, ELASTICITY_RANGE)
    .max(0, `${ELASTICITY_RANGE}: utilisation falls as the patient's share rises`)
    .default(0),
});
export type BehaviourAssumptions = z.output<typeof behaviourAssumptions>;

/** The one sentence every output carries about the behavioural response. */
export function behaviourStatement(b: BehaviourAssumptions): string {
  if (b.elasticity === 0) return 'Behavioural response (induced demand): off; every policy variant settles the same claims.';
  const e = b.elasticity.toString().replace('-', '−');
  return (
    `Behavioural response (induced demand): on, elasticity ${e} (arc elasticity of utilisation with respect to the patient's share of the bill, ` +
    "by person type, setting and hospital level; each reform settles the baseline's claims thinned or repeated, the baseline is unchanged)."
  );
}

/**
 * Utilisation multiplier when the patient's coinsurance share (the out-of-pocket share of a claim, 0..1)
 * changes from `coinsuranceBaseline` to `coinsuranceReform`.
 */
export function demandFactor(elasticity: number, coinsuranceBaseline: number, coinsuranceReform: number): number {
  if (!(elasticity <= 0 && elasticity > -1)) throw new RangeError(`elasticity must be in (-1, 0], got ${elasticity}`);
  for (const p of [coinsuranceBaseline, coinsuranceReform]) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`coinsurance shares must be between 0 and 1, got ${p}`);
  }
  const sum = coinsuranceBaseline + coinsuranceReform;
  if (sum === 0) return 1;
  const a = (coinsuranceReform - coinsuranceBaseline) / sum;
  return (1 + elasticity * a) / (1 - elasticity * a);
}
