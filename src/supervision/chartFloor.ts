/**
 * The chart review's floor: 篇五 L693 reviews at least 5% of last year's discharges (审核数量不低于上年度出院
 * 人次的 5%). The workers sample stays one by one with chance chartShare (detect.ts), so a year's sample is
 * chartShare on average: an exact count would need every chunk's stays, and the numbers must not depend
 * on the chunking. The path's year-end step (close.ts), which has the year's merged counts, tops a sample
 * that falls short up to the floor: ⌈chartShare × discharges⌉ − sampled more charts, taken from the stays
 * the sample left out. What those charts find is valued at its expectation: the share of the left-out
 * stays reviewed × detection.chartReview × the touched left-out stays and their leakage (the sums'
 * chartReserve fields), amounts rounded half up to the fen per scheme. A topped-up find opens no case
 * against a member and is not set against an institution's case (they need the stay itself).
 */
import { BP } from '../money/fen.js';

export interface ChartTopUp {
  /** ⌈chartShare × discharges⌉: the fewest charts the plan allows. */
  floor: number;
  /** Charts added to the sample to reach the floor (0 when the sample meets it). */
  added: number;
  /** The share of the stays left out of the sample that the added charts are. */
  ofLeftOut: number;
}

/** Exact in integers: chartShare in basis points, counts whole. */
export function chartTopUp(chartShare: number, discharges: number, sampled: number): ChartTopUp {
  const floor = Math.ceil((discharges * Math.round(chartShare * BP)) / BP);
  const added = Math.max(0, floor - sampled);
  const leftOut = discharges - sampled;
  return { floor, added, ofLeftOut: added > 0 && leftOut > 0 ? added / leftOut : 0 };
}

/** The expected finds of the added charts among `reserveClaims` touched stays left out, and their leakage (fen, half up). */
export function toppedUpFinds(t: ChartTopUp, detection: number, reserveClaims: number, reserve: number): { found: number; recovered: number } {
  const share = t.ofLeftOut * detection;
  return { found: share * reserveClaims, recovered: Math.round(share * reserve) };
}
