/**
 * Behavioural response to cost sharing (off unless the caller passes `demand` to generateClaims).
 *
 * The RAND Health Insurance Experiment estimated an arc price elasticity of medical spending of about
 * −0.2 (Manning et al., AER 1987; Aron-Dine, Einav & Finkelstein, JEP 2013). With an arc elasticity e,
 * defined on midpoints, (q1 − q0)/(q1 + q0) = e·(p1 − p0)/(p1 + p0), the demand ratio is
 *   q1/q0 = (1 + e·a) / (1 − e·a),   a = (p1 − p0)/(p1 + p0),
 * which stays finite when a coinsurance rate is 0 (free care): from 0 to any positive rate, a = 1 and
 * utilisation falls to (1 + e)/(1 − e) = 0.667 of free-care use at e = −0.2.
 */
export const RAND_ELASTICITY = -0.2;

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
