/**
 * Bands as the sources write them: "a以上" (above a), "b以下" (below b), or an exact value. What
 * 以上 and 以下 mean at the number itself is a convention of the rule file (choices.boundary): Jiangxi's
 * 第十一条 makes 以上 exclude the number and 以下 include it, so "2000元以上5000元以下" is (2000, 5000];
 * national law counts the number on both sides.
 */
import { Decimal } from '../money/decimal.js';

export interface Band {
  /** 以上: the lower bound. */
  above?: number | undefined;
  /** 以下: the upper bound. */
  below?: number | undefined;
  /** A single value (e.g. "1.5倍", "1年"). */
  exactly?: number | undefined;
}

export type Side = 'inclusive' | 'exclusive';

export interface Boundary {
  /** Whether "以上" includes the number. */
  above: Side;
  /** Whether "以下" includes the number. */
  below: Side;
}

/** A band read under a boundary convention. A missing bound is unbounded (null). */
export interface Interval {
  lo: number | null;
  loIncluded: boolean;
  hi: number | null;
  hiIncluded: boolean;
}

export function intervalOf(band: Band, boundary: Boundary): Interval {
  if (band.exactly !== undefined) return { lo: band.exactly, loIncluded: true, hi: band.exactly, hiIncluded: true };
  return {
    lo: band.above ?? null,
    loIncluded: band.above !== undefined && boundary.above === 'inclusive',
    hi: band.below ?? null,
    hiIncluded: band.below !== undefined && boundary.below === 'inclusive',
  };
}

/** Scale both bounds, e.g. yuan to fen. */
export function scaleInterval(iv: Interval, by: (x: number) => number): Interval {
  return { ...iv, lo: iv.lo === null ? null : by(iv.lo), hi: iv.hi === null ? null : by(iv.hi) };
}

export function contains(iv: Interval, x: number): boolean {
  if (iv.lo !== null && (iv.loIncluded ? x < iv.lo : x <= iv.lo)) return false;
  if (iv.hi !== null && (iv.hiIncluded ? x > iv.hi : x >= iv.hi)) return false;
  return true;
}

/** "(2000, 5000]", "≤ 1000", "> 6000", "= 1.5"; `show` formats a bound. */
export function intervalText(iv: Interval, show: (x: number) => string = String): string {
  if (iv.lo !== null && iv.hi !== null && iv.lo === iv.hi) return `= ${show(iv.lo)}`;
  if (iv.lo === null) return `${iv.hiIncluded ? '≤' : '<'} ${show(iv.hi!)}`;
  if (iv.hi === null) return `${iv.loIncluded ? '≥' : '>'} ${show(iv.lo)}`;
  return `${iv.loIncluded ? '[' : '('}${show(iv.lo)}, ${show(iv.hi)}${iv.hiIncluded ? ']' : ')'}`;
}

/** The band in the source's words, e.g. "2000元以上5000元以下", "1.5倍". */
export function bandWords(band: Band, unit: string, show: (x: number) => string = String): string {
  if (band.exactly !== undefined) return `${show(band.exactly)}${unit}`;
  const above = band.above === undefined ? '' : `${show(band.above)}${unit}以上`;
  const below = band.below === undefined ? '' : `${show(band.below)}${unit}以下`;
  return above + below;
}

/** A point chosen in a range: the whole steps it lands on, and whether the boundary rule moved it. */
export interface Point {
  steps: number;
  moved: boolean;
}

/**
 * Where a sanction lands in its range, in whole steps (fen, months): the point at `position` (0 = lower
 * bound, 1 = upper bound) rounded half up to a step, moved inside when it falls on an excluded bound.
 * `unit` is what one bound counts in steps (the amount in fen for a multiple, 100 for yuan, 1 for
 * months), so bounds may fall between steps (1.5 × 333 fen). An interval with no lower bound starts above
 * 0: a sanction that is imposed is positive (不予处罚 is a tier of its own). The upper bound is required.
 */
export function pointInRange(range: Interval, unit: Decimal, position: Decimal): Point {
  const low = unit.mul(range.lo ?? 0);
  const high = unit.mul(range.hi!);
  const least = range.lo !== null && range.loIncluded ? low.ceil() : low.floor().plus(1);
  const most = range.hiIncluded ? high.floor() : high.ceil().minus(1);
  const nominal = low.plus(high.minus(low).mul(position)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  // A range narrower than one step (a fine on a 1-fen amount) has no whole step inside: take the upper one.
  const steps = Decimal.min(most, Decimal.max(least, nominal));
  return { steps: steps.toNumber(), moved: !steps.eq(nominal) };
}
