/**
 * The distribution of out-of-pocket spending per member-year (个人负担), from the engine's log-binned
 * histogram per scheme (engine/aggregates.ts: bin 0 is exactly zero, bin 1 is (0, 12.50 yuan), then
 * log-spaced bins up to 10 million yuan, and an open top bin).
 *
 * Quantiles are interpolated within the bin that holds them, geometrically (the bins are log-spaced;
 * linearly in bin 1, which starts at 0). Accuracy: exact when the quantile falls on a bin edge; otherwise
 * the true and the interpolated value lie in the same bin, whose edges differ by a factor of
 * 10^(6/62) ≈ 1.25, so the error is under 25% of the value (under 12.50 yuan in bin 1). A quantile in the
 * open top bin is reported as its lower edge, 10 million yuan.
 */
import { OOP_BINS, oopBinUpper, oopCell } from '../engine/aggregates.js';
import { SCHEMES } from '../policy/vocabulary.js';
import type { Measures } from './measures.js';

/** The q-quantile (0 < q < 1) in fen of the amounts counted in `counts` (one count per bin). */
export function histogramQuantile(counts: ArrayLike<number>, q: number): number {
  if (counts.length !== OOP_BINS) throw new RangeError(`an out-of-pocket histogram has ${OOP_BINS} bins, got ${counts.length}`);
  let total = 0;
  for (let b = 0; b < OOP_BINS; b++) total += counts[b]!;
  if (total === 0) return NaN;
  const target = q * total;
  let below = 0;
  for (let b = 0; b < OOP_BINS; b++) {
    const count = counts[b]!;
    if (count > 0 && below + count >= target) {
      if (b === 0) return 0;
      const lower = oopBinUpper(b - 1);
      const upper = oopBinUpper(b);
      if (upper === Infinity) return lower;
      const f = (target - below) / count;
      return lower === 0 ? f * upper : lower * (upper / lower) ** f;
    }
    below += count;
  }
  return NaN; // unreachable for 0 < q ≤ 1
}

const SCHEME_ROWS: readonly { scheme: string; codes: readonly number[] }[] = [
  { scheme: 'all', codes: SCHEMES.map((_, i) => i) },
  ...SCHEMES.map((scheme, i) => ({ scheme, codes: [i] })),
];

/** Scratch histogram (reading is synchronous). */
const counts = new Float64Array(OOP_BINS);

function fillCounts(block: Float64Array, codes: readonly number[], weight: number): void {
  counts.fill(0);
  for (const s of codes) for (let b = 0; b < OOP_BINS; b++) counts[b] += block[oopCell(s, b)]! * weight;
}

export type OopDecileLabels = { metric: string; scheme: string; quantile: number };

const DECILES = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => d / 10);

/** Deciles of out-of-pocket per member-year, in yuan, by scheme. */
export const oopDecileMeasures: Measures<OopDecileLabels> = {
  labels: SCHEME_ROWS.flatMap(({ scheme }) => DECILES.map((quantile) => ({ metric: 'out_of_pocket_yuan', scheme, quantile }))),
  read(block, weight, out) {
    let i = 0;
    for (const { codes } of SCHEME_ROWS) {
      fillCounts(block, codes, weight);
      for (const q of DECILES) out[i++] = histogramQuantile(counts, q) / 100;
    }
  },
};

export type OopBinLabels = { metric: string; scheme: string; bin: number; from_yuan: number; to_yuan: number };

/**
 * The histogram itself: member-years (people, scaled by the weight) with out-of-pocket in
 * [from_yuan, to_yuan); bin 0 is exactly zero (0, 0) and the top bin is open (to_yuan Infinity).
 */
export const oopBinMeasures: Measures<OopBinLabels> = {
  labels: SCHEME_ROWS.flatMap(({ scheme }) =>
    Array.from({ length: OOP_BINS }, (_, bin) => ({
      metric: 'member_years',
      scheme,
      bin,
      from_yuan: bin === 0 ? 0 : oopBinUpper(bin - 1) / 100,
      to_yuan: oopBinUpper(bin) / 100,
    })),
  ),
  read(block, weight, out) {
    let i = 0;
    for (const { codes } of SCHEME_ROWS) {
      fillCounts(block, codes, weight);
      for (let b = 0; b < OOP_BINS; b++) out[i++] = counts[b]!;
    }
  },
};
