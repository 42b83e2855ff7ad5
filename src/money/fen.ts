/**
 * Money is held as integer fen (分, 0.01 yuan) everywhere on the hot path.
 *
 * Rounding. Ratios are integer basis points (1/10,000), so `fen * bp` stays an exact integer in a
 * double for any bill below 10^10 fen. Settlement uses two rules, each in one place (here, and the
 * same two in decimal.ts for the reference settlement):
 * 1. A share: an amount obtained by applying a ratio is rounded half up (四舍五入) to the fen
 *    (`applyRatio`). The payer's share is rounded; the patient's share is the remainder, so every
 *    claim conserves money exactly.
 * 2. The cost a capped share covers: when a claim crosses a cap (封顶线, a setting's annual limit),
 *    the fund pays exactly the room left, and the cost that payment covers is the smallest amount
 *    whose unrounded share reaches the room, rounded UP to the fen (`amountForShare`). Rounding up
 *    keeps the fund's payment within its ratio of the covered cost (room ≤ covered × ratio), so the
 *    patient's co-payment on it is never less than their own share; half up could put the covered
 *    cost a fen short, the fund then paying more than its ratio. The cost beyond it is above the cap.
 */

/** Ratio denominator: ratios are stored as integer parts per 10,000 (basis points). */
export const BP = 10_000;

/** Largest single amount accepted anywhere (10 million yuan), keeping products exact. */
export const MAX_FEN = 1_000_000_000;

/** Apply a ratio in basis points to a non-negative amount in fen, rounding half up. */
export function applyRatio(fen: number, bp: number): number {
  return Math.floor((fen * bp + 5000) / BP);
}

/**
 * Smallest amount in fen whose unrounded share at `bp` reaches `needed` fen (bp > 0): rounded up, the
 * second rounding rule (the cost a capped share covers; see above).
 */
export function amountForShare(needed: number, bp: number): number {
  return Math.ceil((needed * BP) / bp);
}

/**
 * Round half up to an integer, as Math.round, without its branch: V8 compiles Math.round to a compare and a
 * conditional jump, which the processor mispredicts about half the time when the fractions are random (a
 * generated cost, a drawn wage), ≈ 7 ns a call here against ≈ 1 ns. Equal to Math.round for every |x| < 2^52
 * but two: 0.49999999999999994 (x + 0.5 rounds to 1) and the sign of a zero (+0 where Math.round gives −0).
 * Hot loops take a module-level copy (`const round = roundHalfUp`), which V8 inlines.
 */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5);
}

/** Parse a yuan amount (number or decimal string, at most 2 decimals) into fen. */
export function yuanToFen(yuan: number | string): number {
  if (typeof yuan === 'number') {
    const fen = Math.round(yuan * 100);
    if (!isWholeFen(yuan)) throw new RangeError(`not a yuan amount with at most 2 decimals: ${yuan}`);
    return fen;
  }
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) throw new RangeError(`not a yuan amount with at most 2 decimals: ${yuan}`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** Whether a yuan value has at most two decimals. */
export function isWholeFen(yuan: number): boolean {
  return Number.isFinite(yuan) && Math.abs(Math.round(yuan * 100) - yuan * 100) < 1e-6;
}

/** Format fen as a yuan string with two decimals, e.g. 123456 -> "1234.56". */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A ratio written as a decimal (0.855) to basis points (8550); at most 4 decimals. */
export function ratioToBp(ratio: number): number {
  const bp = Math.round(ratio * BP);
  if (Math.abs(bp - ratio * BP) > 1e-6) throw new RangeError(`ratio ${ratio} has more than 4 decimals`);
  return bp;
}
