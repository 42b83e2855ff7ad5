/**
 * Cost bands (分段): a ratio applies to the part of a cost axis that falls in each band.
 * The axis is cumulative (a person's policy-range cost this year or this admission), so a claim
 * covers the interval [start, end) of it.
 */
import { Decimal } from '../../money/decimal.js';

export interface RatioBand {
  from: number;
  to?: number;
  ratio: number;
}

export interface Segment {
  band: RatioBand;
  amount: Decimal;
  ratio: Decimal;
}

/** The pieces of [start, end) (yuan) in each band, in band order; empty pieces omitted. */
export function segmentsOf(bands: readonly RatioBand[], start: Decimal, end: Decimal, ratioReduction = 0): Segment[] {
  const out: Segment[] = [];
  for (const band of bands) {
    const lo = Decimal.max(start, band.from);
    const hi = band.to === undefined ? end : Decimal.min(end, band.to);
    if (hi.gt(lo)) {
      const ratio = Decimal.max(0, new Decimal(band.ratio).minus(ratioReduction));
      out.push({ band, amount: hi.minus(lo), ratio });
    }
  }
  return out;
}

export function asBands(spec: number | readonly RatioBand[]): readonly RatioBand[] {
  return typeof spec === 'number' ? [{ from: 0, ratio: spec }] : spec;
}

export function bandText(b: RatioBand): string {
  return b.to === undefined ? `${b.from}+` : `${b.from}-${b.to}`;
}
