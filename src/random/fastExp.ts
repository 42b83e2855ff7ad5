/**
 * e^x for x ≤ 0, faster than Math.exp (which V8 calls out of line) and within FAST_EXP_ERROR of it
 * relatively: a choice among weights exp(logWeight) can be made with it, and made again with Math.exp only
 * when the draw falls so near a boundary that the difference could matter (payment/groups.ts).
 *
 * Method (table-driven, as in Tang 1989): x = −(n/64)·ln2 + r with |r| ≤ ln2/128, so e^x = 2^(−n/64)·e^r;
 * 2^(−n/64) is 2^(−⌊n/64⌋) times 2^(−(n mod 64)/64), both from tables, and e^r its Taylor series to r^5
 * (remainder below 1e-16 on that interval). n·ln2/64 is taken in two parts so r is exact to the last bits.
 * Below −700 the result is 0 (Math.exp gives under 1e-304 there), and so for −Infinity.
 */

/** A bound on |fastExp(x) / Math.exp(x) − 1| for −700 < x ≤ 0 (measured: under 1e-15; tests/random/fastExp.test.ts). */
export const FAST_EXP_ERROR = 1e-14;

const LOWEST = -700;
const STEP_BITS = 6;
const STEPS = 1 << STEP_BITS;
const STEPS_PER_LN2 = STEPS / Math.LN2;
/**
 * ln2/64 in two parts (fdlibm's split of ln 2, divided by 64): the high part has 32 significant bits, so
 * n · STEP_HI is exact for the n below 2^17 that x > −700 gives.
 */
const STEP_HI = 6.93147180369123816490e-1 / STEPS;
const STEP_LO = 1.90821492927058770002e-10 / STEPS;
/** 2^(−j/64) for j = 0 … 63, and 2^(−k) for k = 0 … 1023. */
const FRACTION = Float64Array.from({ length: STEPS }, (_, j) => 2 ** (-j / STEPS));
const WHOLE = Float64Array.from({ length: 1024 }, (_, k) => 2 ** -k);

/** e^x for x ≤ 0 (see the module's comment); x above 0 is not supported. */
export function fastExp(x: number): number {
  if (!(x > LOWEST)) return 0;
  // n ≥ 0 rounds −x·64/ln2 to the nearest whole number, without a branch.
  const n = Math.floor(0.5 - x * STEPS_PER_LN2);
  const r = x + n * STEP_HI + n * STEP_LO;
  const p = 1 + r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  return p * FRACTION[n & (STEPS - 1)]! * WHOLE[n >> STEP_BITS]!;
}
