/**
 * notebooks/06-institutions-and-payment.ipynb, executed headless against the built package. Its outputs
 * are checked against what the models guarantee: fee for service pays exactly the settled amounts; DIP
 * spends its budget, last year's per-case payments × 1.05 (budgetGrowth 0.05); the first year has no
 * budget history, so DRG and DIP pay alike; the seed 002 preset gives swipe rates near 35% / 40% / 80%
 * (seed 002 篇1 L15); the year-end clearing returns the quality deposits in April; and the answer in words
 * repeats the numbers of the tables above it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSvg, shapes } from '../helpers/svg.js';
import { notebookUnderTest, tableRows } from '../helpers/notebookSuite.js';
import { selfAdvanceCauseLabel } from '../../src/cashflow/channel.js';


/** The body rows of a DataFrame printed by danfo: cells between │, index column dropped. */

describe('notebook 06: institutions, payment and cash flow', () => {
  const { cell, answerCell } = notebookUnderTest('06-institutions-and-payment.ipynb');

  it('runs the three payment ways on the same scenario and draws', () => {
    expect(cell('runs').stdout).toContain('FFS | DRG +10% | DIP +5%: 8 paths, 2021–2025, seed 20211231');
  });

  it('pays the settled amounts under fee for service, and the same care in the neutral first year under DRG and DIP', () => {
    const out = cell('spend').stdout;
    expect(out).toContain('Fee for service pays exactly the settled amounts: largest |paid − settled| over years, funds and paths 0.00 yuan');
    const rows = tableRows(out);
    expect(rows.map((r) => Number(r[0]))).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const [, settled, ffs] of rows) expect(ffs).toBe(settled);
    const [, settled, , drg, dip] = rows[0]!;
    expect(drg).toBe(dip);
    // Only forfeited deposits of institutions failing their assessment: a fraction of a percent.
    expect(Number(drg)).toBeLessThan(Number(settled));
    expect(Number(drg)).toBeGreaterThan(Number(settled) * 0.99);
  });

  it('spends the DIP budget exactly: per-case payments grow by budgetGrowth each year', () => {
    expect(cell('budget').stdout.trim()).toBe('DIP per-case payments, each year over the one before: 1.0500, 1.0500, 1.0500, 1.0500');
  });

  it('floats the point value with the budget: same in the first year, rising more slowly under the smaller budget', () => {
    const rows = tableRows(cell('points').stdout).map((r) => r.map(Number));
    const [, drgE, drgR, dipE, dipR] = rows[0]!;
    expect([dipE, dipR]).toEqual([drgE, drgR]);
    for (const [, de, dr, pe, pr] of rows.slice(1)) {
      expect(pe).toBeLessThan(de!);
      expect(pr).toBeLessThan(dr!);
    }
  });

  it('shows who gains among levels, consistent with what the fund pays', () => {
    const rows = tableRows(cell('levels').stdout);
    const level = (name: string) => rows.find((r) => r[0] === name)!;
    expect(level('tertiary')[5]!.startsWith('-')).toBe(true);
    expect(Number(level('all')[1])).toBe(711);
    // All institutions under DIP in the last year: the fund's payment against fee for service, as in the spending
    // table (there a ratio of means across paths, here a mean of ratios: equal to a few hundredths of a point).
    const spend = tableRows(cell('spend').stdout);
    expect(Math.abs(parseFloat(level('all')[5]!) - parseFloat(spend[spend.length - 1]![6]!))).toBeLessThanOrEqual(0.2);
    const chart = parseSvg(cell('levels-chart').svg[0]!);
    expect(chart.getAttribute('data-chart')).toBe('institution-payments');
    expect(shapes(chart, 'yb-change', 'rect')).toHaveLength(5);
  });

  it('lays the fund’s cash out by month, with the clearing peak in April', () => {
    const out = cell('cash').stdout;
    const rows = tableRows(out).filter((r) => r.length === 6).map((r) => r.map(Number));
    expect(rows).toHaveLength(12);
    // Each month's total is the sum of its lines (to the rounding of the printed 亿元).
    for (const [, inst, patients, area, advance, total] of rows) expect(Math.abs(inst! + patients! + area! + advance! - total!)).toBeLessThanOrEqual(0.021);
    expect(out).toMatch(/^Peak: April, [\d.]+ 亿元, [\d.]+% above the monthly average of [\d.]+ 亿元$/m);
    expect(parseSvg(cell('cash-chart').svg[0]!).getAttribute('data-chart')).toBe('monthly-cash');
  });

  it('explains the clearing advance: held from the start, so 0.00 in every month of the first year; it moves only in January', () => {
    const out = cell('cash').stdout;
    // The first year's months: the advance is already held (sized on the year itself), so it never changes.
    for (const r of tableRows(out).filter((r) => r.length === 6)) expect(r[4]).toBe('0.00');
    const advance = tableRows(out).filter((r) => r.length === 3).map((r) => r.map(Number));
    expect(advance.map((r) => r[0])).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(advance[0]![1]).toBeGreaterThan(0);
    // The second year's advance is sized on the first year: the one already held.
    expect(advance.slice(0, 2).map((r) => r[2])).toEqual([0, 0]);
    expect(advance[1]![1]).toBe(advance[0]![1]);
    // Each January's change is what the advance held moved by (to the rounding of the printed 万元), and it moves later.
    for (let i = 1; i < advance.length; i++) expect(Math.abs(advance[i]![1]! - advance[i - 1]![1]! - advance[i]![2]!)).toBeLessThanOrEqual(0.11);
    expect(advance.slice(2).some((r) => r[2] !== 0)).toBe(true);
    expect(out).toContain('Largest advance change outside January over 2021–2025: 0.00 yuan');
  });

  it('reproduces seed 002’s swipe rates and tells what patients carry', () => {
    const out = cell('patients').stdout;
    const rate = (what: string) => Number(new RegExp(`swipe rate ${what}: ([\\d.]+)%`).exec(out)![1]);
    expect(Math.abs(rate('employee outpatient') - 35)).toBeLessThan(3);
    expect(Math.abs(rate('employee chronic') - 40)).toBeLessThan(3);
    expect(Math.abs(rate('resident chronic') - 80)).toBeLessThan(3);
    // Emergency observation is never swiped: its ratio is unknown until admission is decided (seed 002 L19, causes.observation = 1).
    expect(out).toContain('swipe rate of emergency observation (急诊留观, causes.observation = 1): 职工 0.0%, 居民 0.0%');
    expect(out).toMatch(/advanced beyond their own share in 2021: [\d.]+ 亿元; reimbursed after \d+ days on average; owed at the end of December: [\d.]+ 亿元/);
    // Causes in words with the seed's terms, not the codes the table is keyed by ("inTransitAudit").
    const causes = ['observation', 'inTransitAudit', 'networkFault', 'patient', 'outOfArea', 'employerArrears'] as const;
    expect(tableRows(out).map((r) => r[0])).toEqual(causes.map(selfAdvanceCauseLabel));
    expect(out).toContain('in transit audit 在途审核');
  });

  it('draws the agreement\'s terms as the hospitals\' behaviour: 甲类 shares follow the draw, and missed terms fail assessments', () => {
    const out = cell('terms').stdout;
    const rows = tableRows(out);
    expect(rows.map((r) => Number(r[0]))).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const [, claims, terms, shortA, , failedOff, failedOn] of rows) {
      // The claims generator splits tertiary bills at ≈ 52% 甲类; with the terms, near the drawn mean of 62%.
      expect(parseFloat(claims!)).toBeLessThan(56);
      expect(Math.abs(parseFloat(terms!) - 62)).toBeLessThan(2);
      expect(Number(shortA)).toBeGreaterThan(0);
      expect(Number(failedOn)).toBeGreaterThan(Number(failedOff));
    }
    expect(out).toMatch(/^Settled by the funds over 2021–2025 with the terms drawn: [\d.]+ 亿元 \([+-][\d.]+% against the claims' own split\)$/m);
    const answer = answerCell().stdout;
    const [, , , , , failedOff, failedOn, endedOff, endedOn] = rows[rows.length - 1]!;
    expect(answer).toContain(`fail ${failedOn} hospitals' assessments in 2025 against ${failedOff} without them, and end ${endedOn} agreements against ${endedOff}`);
  });

  it('ends with the answer in words, repeating the numbers above', () => {
    const answer = answerCell();
    const spend = tableRows(cell('spend').stdout);
    const ffsTotal = spend.reduce((s, r) => s + Number(r[2]), 0);
    const said = Number(/fee for service pays institutions ([\d.]+) 亿元/.exec(answer.stdout)![1]);
    expect(Math.abs(said - ffsTotal)).toBeLessThanOrEqual(0.03);
    const tertiary = tableRows(cell('levels').stdout).find((r) => r[0] === 'tertiary')![5];
    expect(answer.stdout).toContain(`tertiary hospitals (${tertiary} under DIP in 2025)`);
    const advanced = /advanced beyond their own share in 2021: ([\d.]+) 亿元/.exec(cell('patients').stdout)![1];
    expect(answer.stdout).toContain(`patients advance ${advanced} 亿元 a year beyond their own share`);
    expect(answer.stdout).toContain('spending exactly its per-case budget each year');
  });
});
