/**
 * Provider tables on a hand-made cube: one variant, two paths, years 2021–2022, weight 10 (every yuan
 * below is fen × 10 ÷ 100). Each expectation shows its arithmetic.
 */
import { describe, expect, it } from 'vitest';
import type { SummaryColumns } from '../../src/analysis/acrossPaths.js';
import { cashflowByMonth } from '../../src/analysis/cashflowTables.js';
import { providerTables } from '../../src/analysis/tables.js';
import { causeCell, channelCell, daysCell, monthCell } from '../../src/cashflow/aggregates.js';
import { CAUSE } from '../../src/cashflow/channel.js';
import { groupCell, monthLineCell, paymentCell, PROVIDER_OFFSET } from '../../src/engine/providerBlock.js';
import { allocateCube, providerBlockOf } from '../../src/engine/result.js';
import { SETTINGS } from '../../src/policy/vocabulary.js';
import { one } from './cubes.js';

const OUTPATIENT = SETTINGS.indexOf('outpatient');
const CHRONIC = SETTINGS.indexOf('chronic');
const TERTIARY = 3;
const COMMUNITY = 0;
const cube = allocateCube([2021, 2022], 2, ['baseline'], 10);

// Path p (0 or 1), both years alike; the employee fund (scheme 0) only.
for (let p = 0; p < 2; p++) {
  for (let y = 0; y < 2; y++) {
    const b = providerBlockOf(cube, 0, p, y);
    b[paymentCell(0, 'settled')] = 100_000;
    b[paymentCell(0, 'paid')] = 100_000 + 10_000 * (p + 1); // paid − settled: 10,000 and 20,000 fen
    b[paymentCell(0, 'pointValue')] = 90 + 10 * p; // fen per point: 90 and 100
    b[paymentCell(1, 'pointValue')] = NaN; // no per-case admissions in the resident fund
    b[groupCell(TERTIARY, 'settled')] = 60_000;
    b[groupCell(TERTIARY, 'paid')] = 54_000;
    b[groupCell(COMMUNITY, 'settled')] = 40_000;
    b[groupCell(COMMUNITY, 'paid')] = 46_000 + 20_000 * p;
    b[groupCell(TERTIARY, 'institutions')] = 9;
    b[groupCell(COMMUNITY, 'institutions')] = 200;
    b[groupCell(COMMUNITY, 'suspendedMonths')] = 3 + p;
    const cash = PROVIDER_OFFSET.cash;
    b[cash + channelCell(0, OUTPATIENT, 0)] = 3; // outpatient: 3 swiped, 1 advanced
    b[cash + channelCell(0, OUTPATIENT, 1)] = 1;
    b[cash + channelCell(0, CHRONIC, 0)] = 1; // chronic: 1 swiped
    b[cash + causeCell(0, CAUSE.patient - 1, 0)] = 1;
    b[cash + causeCell(0, CAUSE.patient - 1, 1)] = 2_000;
    b[cash + monthCell('advanced', 0, 11)] = 2_000; // advanced in December, reimbursed in February (month 13)
    b[cash + monthCell('fund', 0, 13)] = 1_500;
    b[cash + monthCell('others', 0, 13)] = 500;
    b[cash + daysCell(0)] = 45;
    b[monthLineCell(0, 'institutions', 1)] = 1_000; // paid in February of the care year …
    b[monthLineCell(0, 'institutions', 15)] = 300; // … and the clearing in April of the next
    b[monthLineCell(0, 'reimbursements', 13)] = 1_500;
    b[paymentCell(0, 'advanceChange')] = y === 0 ? 0 : 700;
  }
}
const tables = providerTables(cube);
const table = (name: string) => tables[name] as (Record<string, unknown> & SummaryColumns)[];

describe('provider tables', () => {
  it('payment by year: settled against paid, the difference, and the point value per fund', () => {
    const rows = table('payment_by_year');
    // settled 100,000 fen × 10 ÷ 100 = 10,000 yuan; paid − settled 1,000 and 2,000 yuan: mean 1,500
    expect(one(rows, { metric: 'settled_yuan', scheme: 'all', year: 2021 }).mean).toBe(10_000);
    expect(one(rows, { metric: 'paid_minus_settled_yuan', scheme: 'employee', year: 2022 })).toMatchObject({ mean: 1_500, p5: 1_050, p95: 1_950, paths: 2 });
    // ratio 1.1 and 1.2
    expect(one(rows, { metric: 'paid_to_settled_ratio', scheme: 'employee', year: 2021 }).mean).toBeCloseTo(1.15, 12);
    // 90 and 100 fen per point: 0.90 and 1.00 yuan; per case of weight 1 (10,000 points): 9,000 and 10,000 yuan
    expect(one(rows, { metric: 'point_value_yuan', scheme: 'employee', year: 2021 }).mean).toBeCloseTo(0.95, 12);
    expect(one(rows, { metric: 'rate_per_weight_yuan', scheme: 'employee', year: 2021 }).mean).toBeCloseTo(9_500, 9);
    expect(one(rows, { metric: 'rate_per_weight_yuan', scheme: 'resident', year: 2021 }).paths).toBe(0);
    expect(rows.some((r) => r.metric === 'point_value_yuan' && r.scheme === 'all')).toBe(false);
  });

  it('institutions by year: who gains, by level, with margins', () => {
    const rows = table('institutions_by_year');
    // tertiary 5,400 − 6,000 = −600 yuan (ratio 0.9); community 4,600 − 4,000 = +600 and 6,600 − 4,000 = +2,600: mean 1,600
    expect(one(rows, { metric: 'paid_minus_settled_yuan', institution_group: 'tertiary', year: 2021 }).mean).toBe(-600);
    expect(one(rows, { metric: 'paid_to_settled_ratio', institution_group: 'tertiary', year: 2021 }).mean).toBeCloseTo(0.9, 12);
    expect(one(rows, { metric: 'paid_minus_settled_yuan', institution_group: 'community', year: 2021 }).mean).toBe(1_600);
    // hospitals and all: −600 + 1,600 = 1,000; institutions 209 (not weighted); suspended months 3 and 4
    expect(one(rows, { metric: 'paid_minus_settled_yuan', institution_group: 'hospitals', year: 2021 }).mean).toBe(1_000);
    expect(one(rows, { metric: 'institutions', institution_group: 'all', year: 2021 }).mean).toBe(209);
    expect(one(rows, { metric: 'suspended_months', institution_group: 'community', year: 2022 }).mean).toBe(3.5);
  });

  it('channels by year: swipe rates, causes, amounts advanced and days outstanding', () => {
    const rows = table('channels_by_year');
    // outpatient 3 of 4 swiped; all settings 4 of 5; advanced 2,000 fen × 10 ÷ 100 = 200 yuan; 45 days over 1 claim
    expect(one(rows, { metric: 'swipe_rate', scheme: 'employee', setting: 'outpatient', cause: 'all', year: 2021 }).mean).toBe(0.75);
    expect(one(rows, { metric: 'swipe_rate', scheme: 'all', setting: 'all', cause: 'all', year: 2021 }).mean).toBe(0.8);
    expect(one(rows, { metric: 'self_advanced_claims', scheme: 'employee', setting: 'all', cause: 'patient', year: 2021 }).mean).toBe(10);
    expect(one(rows, { metric: 'advanced_yuan', scheme: 'employee', setting: 'all', cause: 'all', year: 2021 }).mean).toBe(200);
    expect(one(rows, { metric: 'mean_days_outstanding', scheme: 'employee', setting: 'all', cause: 'all', year: 2021 }).mean).toBe(45);
    expect(one(rows, { metric: 'swipe_rate', scheme: 'resident', setting: 'all', cause: 'all', year: 2021 }).paths).toBe(0);
  });

  it('cash flow by calendar month: care years laid over the calendar, the first one standing in for the year before', () => {
    const rows = cashflowByMonth(cube);
    const mean = (metric: string, year: number, month: number) => one(rows, { scheme: 'employee', metric, year, month }).mean;
    // Institutions: each care year pays 1,000 fen in its February and 300 in April of the next year, so every
    // calendar April gets the year before's 300 (2021: the stand-in): 30 yuan; every February 100 yuan.
    expect([mean('institutions_yuan', 2021, 2), mean('institutions_yuan', 2021, 4), mean('institutions_yuan', 2022, 4)]).toEqual([100, 30, 30]);
    // The advance changes by 700 fen in January 2022: 70 yuan, in the total cash out with the rest of January (0).
    expect(mean('advance_change_yuan', 2022, 1)).toBe(70);
    expect(mean('cash_out_yuan', 2022, 1)).toBe(70);
    // Patients: 200 yuan advanced each December, reimbursed (150 + 50) each February. Owed: 200 from the stand-in's
    // December to February 2021, 0 until December 2021, 200 again until February 2022.
    expect([mean('patients_advanced_yuan', 2021, 12), mean('patients_reimbursed_yuan', 2021, 2), mean('reimbursements_yuan', 2022, 2)]).toEqual([200, 200, 150]);
    expect([1, 2, 11, 12].map((m) => mean('patients_outstanding_yuan', 2021, m))).toEqual([200, 0, 0, 200]);
    expect(mean('patients_outstanding_yuan', 2022, 2)).toBe(0);
    expect(one(rows, { scheme: 'all', metric: 'institutions_yuan', year: 2021, month: 2 }).mean).toBe(100);
  });
});
