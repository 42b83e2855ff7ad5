/**
 * Measures from the claim cells, by group (everyone, scheme, person type) and by setting or hospital
 * level ('all' for the margin): spending by payer, spending per head, reimbursement ratios and use.
 * Ratios are also given for every setting × level cell (the reimbursement chart's layout).
 *
 * Units are in the metric names. `…_yuan` totals are population-level: the simulated sum × the cube's
 * weight (people per simulated member). Per-member figures and ratios need no weight: they are per
 * member-year of the group (all its members, whatever the setting of the row) or ratios of sums.
 */
import { CLAIM_FIELDS, claimCell } from '../engine/aggregates.js';
import { LEVELS, PERSON_TYPES, SETTINGS } from '../policy/vocabulary.js';
import { actualRatioOf, outOfPocketOf, policyRangeRatioOf, type ClaimField, type FieldSum } from './claimSums.js';
import { GROUPS } from './groups.js';
import type { Measures } from './measures.js';
import { memberSum } from './memberMeasures.js';

export type ClaimLabels = {
  metric: string;
  scheme: string;
  person_type: string;
  /** A SETTINGS entry, or 'all'. */
  setting: string;
  /** A LEVELS entry, or 'all'. */
  level: string;
};

type Value = (sum: FieldSum, memberYears: number, weight: number) => number;

const yuan = (fen: number, weight: number) => (fen * weight) / 100;
const payer = (field: ClaimField): Value => (s, _m, w) => yuan(s(field), w);

/** Every row's metrics (a margin: a setting, a level, or all). */
const METRICS: readonly { metric: string; value: Value }[] = [
  { metric: 'bill_yuan', value: payer('bill') },
  { metric: 'pooled_fund_yuan', value: payer('pooledFund') },
  { metric: 'serious_illness_yuan', value: payer('seriousIllness') },
  { metric: 'assistance_yuan', value: payer('assistance') },
  { metric: 'backstop_yuan', value: payer('backstop') },
  { metric: 'personal_account_yuan', value: payer('personalAccount') },
  { metric: 'family_account_yuan', value: payer('familyAccount') },
  { metric: 'cash_yuan', value: payer('cash') },
  { metric: 'out_of_pocket_yuan', value: (s, _m, w) => yuan(outOfPocketOf(s), w) },
  { metric: 'bill_per_member_yuan', value: (s, m) => s('bill') / 100 / m },
  { metric: 'pooled_fund_per_member_yuan', value: (s, m) => s('pooledFund') / 100 / m },
  { metric: 'out_of_pocket_per_member_yuan', value: (s, m) => outOfPocketOf(s) / 100 / m },
  { metric: 'policy_range_ratio', value: (s) => policyRangeRatioOf(s) },
  { metric: 'actual_ratio', value: (s) => actualRatioOf(s) },
  // 住院人次: admissions opened (inpatient, and emergency observation that became an admission).
  { metric: 'admissions_per_100_members', value: (s, m) => (100 * s('episodes')) / m },
  // One settled claim: a visit, a pharmacy purchase, an inpatient settlement.
  { metric: 'visits_per_member', value: (s, m) => s('count') / m },
];
/** The setting × level cells carry only the ratios. */
const CROSS_METRICS = METRICS.filter((m) => m.metric.endsWith('_ratio'));

const NS = SETTINGS.length;
const NL = LEVELS.length;
const NF = CLAIM_FIELDS.length;
/** Margins per person type: setting index NS and level index NL mean 'all'. */
const marginAt = (type: number, s: number, l: number) => ((type * (NS + 1) + s) * (NL + 1) + l) * NF;

interface Cut {
  setting: number;
  level: number;
  metrics: typeof METRICS;
}
const label = (names: readonly string[], i: number) => names[i] ?? 'all';

const CUTS: readonly Cut[] = [
  { setting: NS, level: NL, metrics: METRICS },
  ...SETTINGS.map((_, s) => ({ setting: s, level: NL, metrics: METRICS })),
  ...LEVELS.map((_, l) => ({ setting: NS, level: l, metrics: METRICS })),
  ...SETTINGS.flatMap((_, s) => LEVELS.map((_l, l) => ({ setting: s, level: l, metrics: CROSS_METRICS }))),
];

const FIELD = Object.fromEntries(CLAIM_FIELDS.map((f, i) => [f, i])) as Record<ClaimField, number>;

/** Scratch: one block's margins per person type, and one row's field sums (reading is synchronous). */
const margins = new Float64Array(PERSON_TYPES.length * (NS + 1) * (NL + 1) * NF);
const rowSums = new Float64Array(NF);
const rowSum: FieldSum = (field) => rowSums[FIELD[field]]!;

function fillMargins(block: Float64Array): void {
  margins.fill(0);
  const add = (at: number, cell: number) => {
    for (let f = 0; f < NF; f++) margins[at + f] += block[cell + f]!;
  };
  for (let t = 0; t < PERSON_TYPES.length; t++) {
    for (let s = 0; s < NS; s++) {
      for (let l = 0; l < NL; l++) {
        const cell = claimCell(t, s, l, 0);
        add(marginAt(t, s, l), cell);
        add(marginAt(t, NS, l), cell);
        add(marginAt(t, s, NL), cell);
        add(marginAt(t, NS, NL), cell);
      }
    }
  }
}

export const claimMeasures: Measures<ClaimLabels> = {
  // Pooled payments are part of the policy-range cost and of the bill.
  shares: ['policy_range_ratio', 'actual_ratio'],
  labels: GROUPS.flatMap((g) =>
    CUTS.flatMap((cut) =>
      cut.metrics.map(({ metric }) => ({
        metric,
        scheme: g.scheme,
        person_type: g.person_type,
        setting: label(SETTINGS, cut.setting),
        level: label(LEVELS, cut.level),
      })),
    ),
  ),
  read(block, weight, out) {
    fillMargins(block);
    let i = 0;
    for (const g of GROUPS) {
      const memberYears = memberSum(block, g.types, 'memberYears');
      for (const cut of CUTS) {
        rowSums.fill(0);
        for (const t of g.types) {
          const at = marginAt(t, cut.setting, cut.level);
          for (let f = 0; f < NF; f++) rowSums[f] += margins[at + f]!;
        }
        for (const m of cut.metrics) out[i++] = m.value(rowSum, memberYears, weight);
      }
    }
  },
};
