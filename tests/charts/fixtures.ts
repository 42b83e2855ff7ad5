/**
 * Plain rows for every chart, shaped like the engine's and analysis' outputs. Made-up numbers with a
 * simple structure the tests can reason about (not results of the model).
 */
import type { OopBinRow, PayerRow, PercentileRow, ReformDeltaRow, ReimbursementRow, TornadoRow } from '../../src/charts/index.js';

/** Balance in yuan: median falls 0.6 billion a year from 5 billion; the spread widens each year. */
export const balanceRows: PercentileRow[] = Array.from({ length: 10 }, (_, i) => {
  const median = 5e9 - i * 6e8;
  const spread = 2e8 * (i + 1);
  return { year: 2021 + i, p5: median - 1.6 * spread, p25: median - 0.7 * spread, p50: median, p75: median + 0.7 * spread, p95: median + 1.6 * spread };
});

/** Months covered: the balance rows over a monthly expenditure of 0.4 billion yuan (2021: 12.5 months). */
export const monthsRows: PercentileRow[] = balanceRows.map((r) => ({
  year: r.year,
  p5: r.p5 / 4e8,
  p25: r.p25 / 4e8,
  p50: r.p50 / 4e8,
  p75: r.p75 / 4e8,
  p95: r.p95 / 4e8,
}));

export const reimbursementRows: ReimbursementRow[] = [
  { group: 'retired', setting: 'inpatient', level: 'primary', policyRange: 0.97, actual: 0.88 },
  { group: 'retired', setting: 'inpatient', level: 'secondary', policyRange: 0.93, actual: 0.82 },
  { group: 'retired', setting: 'inpatient', level: 'tertiary', policyRange: 0.9, actual: 0.76 },
  { group: 'retired', setting: 'outpatient', level: 'primary', policyRange: 0.7, actual: 0.52 },
  { group: 'retired', setting: 'outpatient', level: 'tertiary', policyRange: 0.6, actual: 0.41 },
  { group: 'inService', setting: 'inpatient', level: 'primary', policyRange: 0.95, actual: 0.85 },
  { group: 'inService', setting: 'inpatient', level: 'secondary', policyRange: 0.9, actual: 0.79 },
  { group: 'inService', setting: 'inpatient', level: 'tertiary', policyRange: 0.85, actual: 0.71 },
  { group: 'inService', setting: 'outpatient', level: 'primary', policyRange: 0.65, actual: 0.48 },
  { group: 'inService', setting: 'outpatient', level: 'tertiary', policyRange: 0.55, actual: 0.37 },
];

export const reformRows: ReformDeltaRow[] = [
  { metric: 'Pooled-fund spending', delta: 1.8, lo: 1.2, hi: 2.4, unit: '亿元' },
  { metric: 'Balance at horizon', delta: -6.5, lo: -9.1, hi: -3.9, unit: '亿元' },
  { metric: 'Actual reimbursement ratio', delta: 2.1, lo: 1.7, hi: 2.5, unit: 'percentage points' },
];

/** Log-spaced bins like the engine's, plus the zero bin (30 of 100 member-years paid nothing). */
export const oopRows: OopBinRow[] = [
  { from: 0, to: 0, count: 30, group: 'employee' },
  { from: 0, to: 10, count: 5, group: 'employee' },
  { from: 10, to: 100, count: 20, group: 'employee' },
  { from: 100, to: 1000, count: 30, group: 'employee' },
  { from: 1000, to: 10000, count: 12, group: 'employee' },
  { from: 10000, to: 100000, count: 3, group: 'employee' },
  { from: 0, to: 0, count: 50, group: 'resident' },
  { from: 0, to: 10, count: 10, group: 'resident' },
  { from: 10, to: 100, count: 20, group: 'resident' },
  { from: 100, to: 1000, count: 12, group: 'resident' },
  { from: 1000, to: 10000, count: 6, group: 'resident' },
  { from: 10000, to: 100000, count: 2, group: 'resident' },
];

export const tornadoRows: TornadoRow[] = [
  { assumption: 'Medical cost growth', low: 12, high: -20, base: -4 },
  { assumption: 'Contribution base growth', low: -10, high: 3, base: -4 },
  { assumption: 'Retirement age', low: -7, high: -1, base: -4 },
];

/** The first admission of the explain-a-claim notebook: fund 16,830.00, account 3,170.00, cash 1,000.00. */
export const payerRowsFixture: PayerRow[] = [
  { payer: 'pooledFund', yuan: 16830 },
  { payer: 'personalAccount', yuan: 3170 },
  { payer: 'cash', yuan: 1000 },
];
