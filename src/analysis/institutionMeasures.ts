/**
 * Measures from the provider blocks' institution groups (engine/providerBlock.ts): designated hospitals by
 * level and designated pharmacies, with margins for all hospitals and all institutions. Counts of
 * institutions, institution-months and lifecycle events are the pool's own (not scaled); patients and
 * money are population-level (the simulated sums × the weight).
 */
import { GROUP_FIELDS, groupCell, INSTITUTION_GROUPS, PHARMACY_GROUP, type GroupField } from '../engine/providerBlock.js';
import type { Measures } from './measures.js';

export type InstitutionLabels = {
  metric: string;
  /** A hospital level, 'pharmacy', 'hospitals' (every level) or 'all'. */
  institution_group: string;
};

type Sum = (field: GroupField) => number;
const yuan = (fen: number, weight: number) => (fen * weight) / 100;

const METRICS: readonly { metric: string; value: (s: Sum, weight: number) => number }[] = [
  { metric: 'institutions', value: (s) => s('institutions') },
  { metric: 'designated_in_december', value: (s) => s('designated') },
  { metric: 'open_months', value: (s) => s('openMonths') },
  { metric: 'suspended_months', value: (s) => s('suspendedMonths') },
  { metric: 'suspensions', value: (s) => s('suspensions') },
  { metric: 'terminations', value: (s) => s('terminations') },
  { metric: 'designations', value: (s) => s('designations') },
  { metric: 'assessment_failures', value: (s) => s('assessmentFailures') },
  // The 甲类 share term: 甲类 ÷ bill of card-settled care; hospitals short of their level's minimum, and
  // those of them that failed the assessment for it (also in assessment_failures).
  { metric: 'class_a_share', value: (s) => s('classA') / s('cardBill') },
  { metric: 'class_a_share_unmet', value: (s) => s('classAShareUnmet') },
  { metric: 'class_a_assessment_failures', value: (s) => s('classAShareFailures') },
  // The other terms, when drawn as the hospitals' facts (institutions.lifecycle.terms; 0 otherwise, but
  // positive-rate suspensions, which the ground's own chance also makes).
  { metric: 'drug_availability_unmet', value: (s) => s('drugAvailabilityUnmet') },
  { metric: 'drug_availability_assessment_failures', value: (s) => s('drugAvailabilityFailures') },
  { metric: 'positive_rate_unmet', value: (s) => s('positiveRateUnmet') },
  { metric: 'positive_rate_suspensions', value: (s) => s('positiveRateSuspensions') },
  // The item-level terms: the mean share of a hospital's bill breaking them (drawn terms; 0 otherwise), and
  // Art 17(一) suspensions on a chart sample above 10% (whatever it found).
  { metric: 'item_terms_noncompliant_share', value: (s) => s('itemsNonCompliant') / s('institutions') },
  { metric: 'chart_sample_suspensions', value: (s) => s('chartSampleSuspensions') },
  // 人次: claims treated (visits, purchases, inpatient settlements), card-settled or advanced.
  { metric: 'patients', value: (s, w) => s('patients') * w },
  { metric: 'bill_yuan', value: (s, w) => yuan(s('bill'), w) },
  { metric: 'settled_yuan', value: (s, w) => yuan(s('settled'), w) },
  { metric: 'fund_paid_yuan', value: (s, w) => yuan(s('paid'), w) },
  { metric: 'paid_minus_settled_yuan', value: (s, w) => yuan(s('paid') - s('settled'), w) },
  { metric: 'paid_to_settled_ratio', value: (s) => s('paid') / s('settled') },
  { metric: 'forfeited_deposits_yuan', value: (s, w) => yuan(s('forfeited'), w) },
];

const HOSPITALS = INSTITUTION_GROUPS.map((_, g) => g).filter((g) => g !== PHARMACY_GROUP);
const ROWS: readonly { label: string; groups: readonly number[] }[] = [
  { label: 'all', groups: INSTITUTION_GROUPS.map((_, g) => g) },
  { label: 'hospitals', groups: HOSPITALS },
  ...INSTITUTION_GROUPS.map((label, g) => ({ label, groups: [g] })),
];

const NF = GROUP_FIELDS.length;
const sums = new Float64Array(NF);

export const institutionMeasures: Measures<InstitutionLabels> = {
  source: 'providers',
  labels: ROWS.flatMap((row) => METRICS.map(({ metric }) => ({ metric, institution_group: row.label }))),
  read(block, weight, out) {
    let i = 0;
    for (const row of ROWS) {
      sums.fill(0);
      for (const g of row.groups) for (let f = 0; f < NF; f++) sums[f] += block[groupCell(g, GROUP_FIELDS[f]!)]!;
      const sum: Sum = (field) => sums[GROUP_FIELDS.indexOf(field)]!;
      for (const m of METRICS) out[i++] = m.value(sum, weight);
    }
  },
};
