/**
 * Per-case payment by points (DRG 按疾病诊断相关分组 / DIP 按病种分值): each admission earns its group's
 * points; a point is worth the point value, so the case's payment standard is points × value, and the fund
 * pays the standard minus what the patient and other payers bear under item-based settlement.
 *
 * With a floating value (DIP always; DRG unless its rate is fixed), the value is set at year end from the
 * budget: value = (fund budget + others' share of the cases) ÷ total points, so that the fund's payments
 * for all cases add up to its budget. More points for the same budget (more cases, or up-coding) lower
 * the value of every point. Values are exact decimals (fen per point); payments round half up to the fen
 * once per institution-year.
 */
import { Decimal } from '../money/decimal.js';

/** Fen per point that makes the fund's payments for the cases equal its budget (null if there are no points). */
export function floatingPointValue(fundBudget: number, otherShare: number, points: number): Decimal | null {
  return points > 0 ? new Decimal(fundBudget + otherShare).div(points) : null;
}

/** Fen per point for a rate fixed in yuan per case of weight 1 (a point is a weight of 1/10,000). */
export function fixedPointValue(rateYuan: number): Decimal {
  return new Decimal(rateYuan).mul(100).div(10_000);
}

/** The payment standard of `points` at value `pv`, in fen (half up). */
export function standardFor(pv: Decimal, points: number): number {
  return pv.mul(points).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/** The fund's payment for cases with `points` whose others' share is `other` (negative if they bear more than the standard). */
export function perCaseFundPayment(pv: Decimal, points: number, other: number): number {
  return standardFor(pv, points) - other;
}
