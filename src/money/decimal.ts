/**
 * decimal.js helpers for the reference settlement and the ledgers: amounts in yuan, rounded with
 * the same two rules as the integer kernel (see fen.ts): a share half up to the fen (`share`), and
 * the cost a capped share covers up to the fen (`amountForShare`).
 */
import Decimal from 'decimal.js';

export { Decimal };
export type Yuan = Decimal;

export const ZERO = new Decimal(0);

export function fromFen(fen: number): Decimal {
  return new Decimal(fen).div(100);
}

export function toFen(yuan: Decimal): number {
  return yuan.mul(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/** A payer's share of an amount: amount × ratio, rounded half up to the fen (四舍五入到分). */
export function share(amount: Decimal, ratio: Decimal.Value): Decimal {
  return amount.mul(ratio).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Smallest amount (to the fen, rounded up: rule 2 in fen.ts) whose unrounded share at `ratio` reaches `needed`. */
export function amountForShare(needed: Decimal, ratio: Decimal.Value): Decimal {
  return needed.div(ratio).toDecimalPlaces(2, Decimal.ROUND_UP);
}

export function min(...xs: Decimal[]): Decimal {
  return Decimal.min(...xs);
}

export function max(...xs: Decimal[]): Decimal {
  return Decimal.max(...xs);
}

export function yuanText(d: Decimal): string {
  return d.toFixed(2);
}

export function percentText(r: Decimal.Value): string {
  return `${new Decimal(r).mul(100).toDecimalPlaces(2).toString()}%`;
}
