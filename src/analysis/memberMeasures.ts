/**
 * Measures from the member cells: member-years (people), the share with any claim, the share with
 * catastrophic spending (灾难性卫生支出: out-of-pocket above the engine's share of income), and bill and
 * out-of-pocket per member-year, by group and age band.
 */
import { AGE_BANDS, AGE_BAND_LABELS, MEMBER_FIELDS, memberCell } from '../engine/aggregates.js';
import { GROUPS } from './groups.js';
import type { Measures } from './measures.js';

export type MemberField = (typeof MEMBER_FIELDS)[number];

export type MemberLabels = {
  metric: string;
  scheme: string;
  person_type: string;
  /** An AGE_BAND_LABELS entry, or 'all'. */
  age_band: string;
};

const ALL_BANDS = AGE_BANDS.map((_, b) => b);

/** Σ of a member field over person types and age bands (all bands when none given). */
export function memberSum(block: Float64Array, types: readonly number[], field: MemberField, bands: readonly number[] = ALL_BANDS): number {
  const f = MEMBER_FIELDS.indexOf(field);
  let sum = 0;
  for (const t of types) for (const b of bands) sum += block[memberCell(t, b, f)]!;
  return sum;
}

type Sum = (field: MemberField) => number;

/** Units in the names. member_years is people (scaled by the weight); the rest are per member-year. */
const METRICS: readonly { metric: string; value: (sum: Sum, weight: number) => number }[] = [
  { metric: 'member_years', value: (s, w) => s('memberYears') * w },
  { metric: 'with_claims_share', value: (s) => s('withClaims') / s('memberYears') },
  { metric: 'catastrophic_share', value: (s) => s('catastrophic') / s('memberYears') },
  { metric: 'bill_per_member_yuan', value: (s) => s('bill') / 100 / s('memberYears') },
  { metric: 'out_of_pocket_per_member_yuan', value: (s) => s('oop') / 100 / s('memberYears') },
];

/** Rows by age band: all bands, then each band. */
const BAND_ROWS: readonly { label: string; bands: readonly number[] }[] = [
  { label: 'all', bands: ALL_BANDS },
  ...AGE_BAND_LABELS.map((label, b) => ({ label, bands: [b] })),
];

/** Every group × age-band row, in table order. */
export const GROUP_BANDS = GROUPS.flatMap((group) => BAND_ROWS.map((band) => ({ group, band })));

export const memberMeasures: Measures<MemberLabels> = {
  shares: ['with_claims_share', 'catastrophic_share'],
  labels: GROUP_BANDS.flatMap(({ group, band }) =>
    METRICS.map(({ metric }) => ({ metric, scheme: group.scheme, person_type: group.person_type, age_band: band.label })),
  ),
  read(block, weight, out) {
    let i = 0;
    for (const { group, band } of GROUP_BANDS) {
      const sum: Sum = (field) => memberSum(block, group.types, field, band.bands);
      for (const m of METRICS) out[i++] = m.value(sum, weight);
    }
  },
};
