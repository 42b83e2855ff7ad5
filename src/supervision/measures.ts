/**
 * Measures of supervision, read from a (variant, path, year) supervision block (block.ts) beside the
 * aggregate block of the same cell (for the pooled fund's payments). Money and counts of members and
 * claims are population-level (× the weight); institutions are the pool's own. Ratios (precision,
 * recall, shares) are taken of the sums, so over the horizon they are ratios of cumulative sums.
 */
import { claimCell, CLAIM_FIELDS } from '../engine/aggregates.js';
import { LEVELS, PERSON_TYPES, SCHEMES, schemeOf, SETTINGS } from '../policy/vocabulary.js';
import { BEHAVIOURS, labelOf, NB, NIB } from './behaviours.js';
import {
  BLOCK_SCREENS,
  blockBehaviourCell,
  blockScreenCell,
  effortBlockCell,
  fundCell,
  institutionCaseCell,
  personBlockCell,
  type EffortField,
  type FundField,
  type InstitutionCaseField,
} from './block.js';
import type { PersonField } from './sums.js';

export type Label = string | number;

/** Like analysis/measures.ts, reading the supervision block and the aggregate block of the same cell. */
export interface SupervisionMeasures<L extends Record<string, Label>> {
  labels: readonly L[];
  read(block: Float64Array, aggregate: Float64Array, weight: number, out: Float64Array): void;
  /** Metrics that are shares of a whole (0 to 1): their confidence intervals are cut to [0, 1]. */
  shares?: readonly string[];
}

/** Precision: flagged units that were touched by a behaviour (NaN when nothing was flagged). */
export const precision = (truePositives: number, falsePositives: number) => (truePositives + falsePositives > 0 ? truePositives / (truePositives + falsePositives) : NaN);
/** Recall: touched units that were flagged (NaN when nothing was touched). */
export const recall = (truePositives: number, falseNegatives: number) => (truePositives + falseNegatives > 0 ? truePositives / (truePositives + falseNegatives) : NaN);

const yuan = (fen: number, weight: number) => (fen * weight) / 100;
const POOLED = CLAIM_FIELDS.indexOf('pooledFund');
const SCHEME_TYPES = SCHEMES.map((s) => PERSON_TYPES.flatMap((t, k) => (schemeOf(t) === s ? [k] : [])));

/** What the scheme's pooled fund paid on settled claims (unweighted fen). */
function pooledPayments(aggregate: Float64Array, scheme: number): number {
  let t = 0;
  for (const type of SCHEME_TYPES[scheme]!) for (let s = 0; s < SETTINGS.length; s++) for (let l = 0; l < LEVELS.length; l++) t += aggregate[claimCell(type, s, l, POOLED)]!;
  return t;
}

export type FundLabels = { metric: string; scheme: string };

type FundSum = (field: FundField) => number;
const FUND_METRICS: readonly { metric: string; value: (f: FundSum, w: number, pooled: number) => number }[] = [
  { metric: 'leakage_yuan', value: (f, w) => yuan(f('leakage'), w) },
  { metric: 'pooled_leakage_yuan', value: (f, w) => yuan(f('pooledLeakage'), w) },
  { metric: 'pooled_leakage_share', value: (f, _, pooled) => f('pooledLeakage') / (pooled - f('pooledLeakage')) },
  { metric: 'recovered_yuan', value: (f, w) => yuan(f('flagRecovered') + f('chartRecovered') + f('peerRecovered'), w) },
  { metric: 'returned_yuan', value: (f, w) => yuan(f('institutionReturned') + f('personReturned'), w) },
  { metric: 'fines_yuan', value: (f, w) => yuan(f('fines'), w) },
  { metric: 'recovered_share', value: (f) => (f('flagRecovered') + f('chartRecovered') + f('peerRecovered') + f('institutionReturned') + f('personReturned')) / f('leakage') },
  { metric: 'net_yuan', value: (f, w) => yuan(f('net'), w) },
  { metric: 'pooled_net_yuan', value: (f, w) => yuan(f('pooledNet'), w) },
];
const FUND_ROWS = [...SCHEMES.map((s, k) => ({ label: s as string, schemes: [k] })), { label: 'all', schemes: SCHEMES.map((_, k) => k) }];

/**
 * The fund effect by scheme: leakage (all of the fund's parts, and the pooled fund's, also as a share
 * of what the pooled fund would have paid without it), recovered on review, returned in cases, fines,
 * the share of the leakage that came back, and the net effect (what came back and fines to the fund −
 * leakage).
 */
export const supervisionFundMeasures: SupervisionMeasures<FundLabels> = {
  labels: FUND_ROWS.flatMap((row) => FUND_METRICS.map(({ metric }) => ({ metric, scheme: row.label }))),
  read(block, aggregate, weight, out) {
    let i = 0;
    for (const row of FUND_ROWS) {
      const f: FundSum = (field) => row.schemes.reduce((s, k) => s + block[fundCell(k, field)]!, 0);
      const pooled = row.schemes.reduce((s, k) => s + pooledPayments(aggregate, k), 0);
      for (const m of FUND_METRICS) out[i++] = m.value(f, weight, pooled);
    }
  },
};

export type CaseLabels = { metric: string };

/** How a cell is reported: as counted (institutions are the pool's own), × the weight (members, claims), or in yuan × the weight. */
type Scale = 'counted' | 'weighted' | 'yuan';
const caseMetric = (metric: string, cell: number, scale: Scale) => ({
  metric,
  value: (b: Float64Array, w: number) => (scale === 'yuan' ? yuan(b[cell]!, w) : scale === 'weighted' ? b[cell]! * w : b[cell]!),
});
const institution = (metric: string, field: InstitutionCaseField, scale: Scale = 'counted') => caseMetric(metric, institutionCaseCell(field), scale);
const effort = (metric: string, field: EffortField, scale: Scale) => caseMetric(metric, effortBlockCell(field), scale);
const person = (metric: string, field: PersonField, scale: Scale = 'weighted') => caseMetric(metric, personBlockCell(field), scale);

const CASE_METRICS: readonly { metric: string; value: (b: Float64Array, w: number) => number }[] = [
  effort('institutions_engaged', 'institutionsEngaged', 'counted'),
  effort('institutions_inspected', 'institutionsInspected', 'counted'),
  effort('spot_checks', 'spotChecks', 'counted'),
  effort('top_spender_inspections', 'topSpenders', 'counted'),
  effort('complaints', 'complaints', 'counted'),
  effort('peer_outliers_flagged', 'peerFlagged', 'counted'),
  institution('institution_cases', 'cases'),
  institution('institution_cases_art38', 'article38'),
  institution('institution_cases_art40', 'article40'),
  institution('institution_cases_uncovered', 'uncovered'),
  institution('department_suspensions', 'suspensions'),
  institution('department_suspension_months', 'suspensionMonths'),
  institution('agreements_terminated', 'terminations'),
  institution('institution_loss_found_yuan', 'amount', 'yuan'),
  institution('institution_fines_yuan', 'fines', 'yuan'),
  effort('flagged_claims_reviewed', 'flaggedClaims', 'weighted'),
  effort('charts_reviewed', 'chartsReviewed', 'weighted'),
  effort('discharges_last_year', 'chartableDischarges', 'weighted'),
  // 篇五 L693 plans at least 5%: a stay-by-stay sample short of it is topped up (chartFloor.ts), so the share is never below chartShare.
  { metric: 'chart_review_share', value: (b: Float64Array) => b[effortBlockCell('chartsReviewed')]! / b[effortBlockCell('chartableDischarges')]! },
  effort('charts_topped_up', 'chartsToppedUp', 'weighted'),
  effort('members_investigated', 'membersInvestigated', 'weighted'),
  person('person_cases', 'cases'),
  person('person_cases_art41_2', 'article41_2'),
  person('person_cases_uncovered', 'uncovered'),
  person('person_loss_found_yuan', 'loss', 'yuan'),
  person('person_fines_yuan', 'fines', 'yuan'),
  person('settlement_suspensions', 'suspended'),
  person('settlement_suspension_months', 'suspensionMonths'),
  effort('claims_paid_in_full_while_suspended', 'suspendedClaims', 'weighted'),
];

/** Inspection effort and cases: institutions inspected and why, cases and sanctions against institutions and persons. */
export const supervisionCaseMeasures: SupervisionMeasures<CaseLabels> = {
  labels: CASE_METRICS.map(({ metric }) => ({ metric })),
  read(block, _aggregate, weight, out) {
    CASE_METRICS.forEach((m, i) => (out[i] = m.value(block, weight)));
  },
};

export type ScreenLabels = { screen: string; metric: string };
const SCREEN_METRICS = ['precision', 'recall', 'flagged', 'true_positives', 'leakage_flagged_share'] as const;

/**
 * Each screen against the labels: precision and recall (of members, claims or institutions as the
 * screen flags them), units flagged, and the share of the touched units' leakage the flags cover.
 * `any`: a claim flagged by a claim screen or belonging to a flagged member.
 */
export const supervisionScreenMeasures: SupervisionMeasures<ScreenLabels> = {
  shares: ['precision', 'recall', 'leakage_flagged_share'],
  labels: BLOCK_SCREENS.flatMap((screen) => SCREEN_METRICS.map((metric) => ({ screen, metric }))),
  read(block, _aggregate, weight, out) {
    let i = 0;
    for (const screen of BLOCK_SCREENS) {
      const s = (f: Parameters<typeof blockScreenCell>[1]) => block[blockScreenCell(screen, f)]!;
      const w = screen === 'peerOutlier' ? 1 : weight;
      out[i++] = precision(s('truePositives'), s('falsePositives'));
      out[i++] = recall(s('truePositives'), s('falseNegatives'));
      out[i++] = (s('truePositives') + s('falsePositives')) * w;
      out[i++] = s('truePositives') * w;
      out[i++] = s('flaggedLeakage') / s('leakage');
    }
  },
};

export type BehaviourLabels = { behaviour: string; metric: string };
const BEHAVIOUR_METRICS = [
  'claims',
  'added_claims',
  'extra_bill_yuan',
  'leakage_yuan',
  'pooled_leakage_yuan',
  'found_claims',
  'institutions',
  'member_cash_yuan',
  'resale_cash_yuan',
  'resale_gain_yuan',
] as const;
const DRUG_RESALE = labelOf('drugResale') - 1;

/**
 * What each behaviour did: claims touched and added, the extra billed, its leakage, claims found on
 * review, institutions engaging, and what the members paid more in cash. For drugResale (NaN for the
 * others): what the ring paid the members for the drugs (resale_cash: the extra drugs × resalePriceShare)
 * and the members' gain in cash (resale_gain = resale_cash − member_cash; negative where resale at that
 * price does not pay for them).
 */
export const supervisionBehaviourMeasures: SupervisionMeasures<BehaviourLabels> = {
  labels: BEHAVIOURS.flatMap((behaviour) => BEHAVIOUR_METRICS.map((metric) => ({ behaviour, metric }))),
  read(block, _aggregate, weight, out) {
    let i = 0;
    for (let b = 0; b < NB; b++) {
      const v = (f: Parameters<typeof blockBehaviourCell>[1]) => block[blockBehaviourCell(b, f)]!;
      out[i++] = v('claims') * weight;
      out[i++] = v('added') * weight;
      out[i++] = yuan(v('extraBill'), weight);
      out[i++] = yuan(v('leakage'), weight);
      out[i++] = yuan(v('pooledLeakage'), weight);
      out[i++] = v('found') * weight;
      out[i++] = b < NIB ? v('institutions') : NaN;
      out[i++] = yuan(v('memberCash'), weight);
      out[i++] = b === DRUG_RESALE ? yuan(v('resaleCash'), weight) : NaN;
      out[i++] = b === DRUG_RESALE ? yuan(v('resaleCash') - v('memberCash'), weight) : NaN;
    }
  },
};
