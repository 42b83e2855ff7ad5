/**
 * Who gains and who loses from a reform: the engine's paired cells of a reform variant count, per
 * member-year, those whose out-of-pocket falls (gainers) or rises (losers) against the baseline
 * variant 0 on the same path, and sum the change. Read from the reform's blocks only.
 */
import { PAIRED_FIELDS, pairedCell, pairedSettingCell } from '../engine/aggregates.js';
import { SETTINGS } from '../policy/vocabulary.js';
import { GROUPS } from './groups.js';
import type { Measures } from './measures.js';
import { GROUP_BANDS, memberSum, type MemberLabels } from './memberMeasures.js';

type PairedField = (typeof PAIRED_FIELDS)[number];

function pairedSum(block: Float64Array, types: readonly number[], bands: readonly number[], field: PairedField): number {
  const f = PAIRED_FIELDS.indexOf(field);
  let sum = 0;
  for (const t of types) for (const b of bands) sum += block[pairedCell(t, b, f)]!;
  return sum;
}

const METRICS = ['gainers_share', 'losers_share', 'oop_change_per_member_yuan'] as const;
const SHARES = ['gainers_share', 'losers_share'];

/** Shares of member-years, and the mean change in out-of-pocket per member-year (yuan; negative = gain). */
export const gainersLosersMeasures: Measures<MemberLabels> = {
  shares: SHARES,
  labels: GROUP_BANDS.flatMap(({ group, band }) => METRICS.map((metric) => ({ metric, scheme: group.scheme, person_type: group.person_type, age_band: band.label }))),
  read(block, _weight, out) {
    let i = 0;
    for (const { group, band } of GROUP_BANDS) {
      const memberYears = memberSum(block, group.types, 'memberYears', band.bands);
      out[i++] = pairedSum(block, group.types, band.bands, 'gainers') / memberYears;
      out[i++] = pairedSum(block, group.types, band.bands, 'losers') / memberYears;
      out[i++] = pairedSum(block, group.types, band.bands, 'deltaOop') / 100 / memberYears;
    }
  },
};

export type SettingLabels = { metric: string; scheme: string; person_type: string; setting: string };

function pairedSettingSum(block: Float64Array, types: readonly number[], setting: number, field: PairedField): number {
  const f = PAIRED_FIELDS.indexOf(field);
  let sum = 0;
  for (const t of types) sum += block[pairedSettingCell(t, setting, f)]!;
  return sum;
}

const GROUP_SETTINGS = GROUPS.flatMap((group) => SETTINGS.map((setting, s) => ({ group, setting, s })));

/** The same by setting (门诊, 慢特病, 住院, 药店, 急诊留观): whose out-of-pocket in that setting falls or rises, per member-year. */
export const gainersLosersBySettingMeasures: Measures<SettingLabels> = {
  shares: SHARES,
  labels: GROUP_SETTINGS.flatMap(({ group, setting }) => METRICS.map((metric) => ({ metric, scheme: group.scheme, person_type: group.person_type, setting }))),
  read(block, _weight, out) {
    let i = 0;
    for (const { group, s } of GROUP_SETTINGS) {
      const memberYears = memberSum(block, group.types, 'memberYears');
      out[i++] = pairedSettingSum(block, group.types, s, 'gainers') / memberYears;
      out[i++] = pairedSettingSum(block, group.types, s, 'losers') / memberYears;
      out[i++] = pairedSettingSum(block, group.types, s, 'deltaOop') / 100 / memberYears;
    }
  },
};
