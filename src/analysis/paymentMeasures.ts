/**
 * Measures of provider payment from the provider blocks (engine/providerBlock.ts), per scheme's fund and
 * for both: what the institutions' care settled at (fee for service) against what the fund paid them,
 * budgets and their clearing, per-case and per-disease payment, forfeited deposits, care with no open
 * institution, and the point value. Money is population-level (× the weight). The point value is per
 * fund and is not a sum, so it has no row for both funds.
 */
import { paymentCell, type PaymentField } from '../engine/providerBlock.js';
import { SCHEMES } from '../policy/vocabulary.js';
import type { Measures } from './measures.js';

export type PaymentLabels = {
  metric: string;
  /** A scheme, or 'all'. */
  scheme: string;
};

type Sum = (field: PaymentField) => number;
const yuan = (fen: number, weight: number) => (fen * weight) / 100;
const money = (metric: string, field: PaymentField) => ({ metric, value: (s: Sum, w: number) => yuan(s(field), w) });
const count = (metric: string, field: PaymentField) => ({ metric, value: (s: Sum, w: number) => s(field) * w });

const METRICS: readonly { metric: string; value: (s: Sum, weight: number) => number }[] = [
  money('settled_yuan', 'settled'),
  money('paid_yuan', 'paid'),
  { metric: 'paid_minus_settled_yuan', value: (s, w) => yuan(s('paid') - s('settled'), w) },
  { metric: 'paid_to_settled_ratio', value: (s) => s('paid') / s('settled') },
  money('forfeited_deposits_yuan', 'forfeited'),
  money('global_budget_yuan', 'budget'),
  money('budgeted_care_settled_yuan', 'budgetActual'),
  money('surplus_retained_yuan', 'retained'),
  money('overrun_paid_yuan', 'overrunPaid'),
  money('overrun_unpaid_yuan', 'overrunUnpaid'),
  count('per_case_admissions', 'cases'),
  money('per_case_settled_yuan', 'caseItemized'),
  money('per_case_paid_yuan', 'casePaid'),
  count('per_disease_admissions', 'diseaseCases'),
  money('per_disease_settled_yuan', 'diseaseItemized'),
  money('per_disease_paid_yuan', 'diseasePaid'),
  count('claims_without_institution', 'unassignedClaims'),
  money('without_institution_paid_yuan', 'unassignedPooled'),
  money('clearing_advance_yuan', 'advance'),
];
/** Yuan per point (a point is 1/10,000 of a relative weight), and yuan per case of weight 1 (the DRG rate, 费率). */
const POINT_METRICS: readonly { metric: string; value: (s: Sum) => number }[] = [
  { metric: 'point_value_yuan', value: (s) => s('pointValue') / 100 },
  { metric: 'rate_per_weight_yuan', value: (s) => s('pointValue') * 100 },
];

const ROWS: readonly { label: string; schemes: readonly number[] }[] = [{ label: 'all', schemes: SCHEMES.map((_, s) => s) }, ...SCHEMES.map((label, s) => ({ label, schemes: [s] }))];

export const paymentMeasures: Measures<PaymentLabels> = {
  source: 'providers',
  labels: ROWS.flatMap((row) => [...METRICS, ...(row.schemes.length === 1 ? POINT_METRICS : [])].map(({ metric }) => ({ metric, scheme: row.label }))),
  read(block, weight, out) {
    let i = 0;
    for (const row of ROWS) {
      const sum: Sum = (field) => row.schemes.reduce((total, s) => total + block[paymentCell(s, field)]!, 0);
      for (const m of METRICS) out[i++] = m.value(sum, weight);
      if (row.schemes.length === 1) for (const m of POINT_METRICS) out[i++] = m.value(sum);
    }
  },
};
