/**
 * The fund's cash by month: reimbursements by month paid, out-of-area clearing, the clearing advance, and
 * care years laid over calendar years (computed by hand: each expectation shows its arithmetic).
 */
import { describe, expect, it } from 'vitest';
import { addCashflow, allocateCashBlocks, CASH_BLOCK, causeCell, channelCell, monthCell, outstandingByMonth, swipeRate } from '../../src/cashflow/aggregates.js';
import { cashflowAssumptions } from '../../src/cashflow/assumptions.js';
import { CASH_MONTHS, cashMonth, monthsFromJanuary } from '../../src/cashflow/calendar.js';
import { allocateChannels, CAUSE, drawChannels } from '../../src/cashflow/channel.js';
import { calendarCash, careYearCash, clearingAdvance, directTotal, overCalendar, priorCareYear } from '../../src/cashflow/fundFlow.js';
import { SETTINGS } from '../../src/policy/vocabulary.js';
import { runKeys } from '../../src/random/keys.js';
import { OUT, OUT_STRIDE } from '../../src/settlement/columns.js';
import { buildClaims } from '../institutions/claims.js';

const keys = runKeys(4);
const RESIDENT = 1;
const OUTPATIENT = SETTINGS.indexOf('outpatient');

describe('calendar', () => {
  it('counts months from January of the care year, across year ends and leap days', () => {
    expect([0, 30, 31, 58, 59, 364].map((d) => monthsFromJanuary(2021, d))).toEqual([0, 0, 1, 1, 2, 11]);
    expect([59, 60, 365].map((d) => monthsFromJanuary(2024, d))).toEqual([1, 2, 11]);
    // 2021 has 365 days: day 365 is 1 January 2022, day 365 + 31 is 1 February 2022.
    expect([365, 396, 365 + 365].map((d) => monthsFromJanuary(2021, d))).toEqual([12, 13, 24]);
    expect(cashMonth(30)).toBe(CASH_MONTHS - 1);
  });
});

describe('a December claim reimbursed in February', () => {
  // A resident advances a 1,000-yuan visit on 7 December 2021 (day 340): the fund's share 600 yuan,
  // serious-illness insurance none, the patient's own share 400 yuan. Reimbursed 60 days later: day 400,
  // which is 5 February 2022 (day 35 of 2022).
  const { members, claims } = buildClaims([[{ setting: 'outpatient', day: 340, classA: 100_000 }]], 2);
  const a = cashflowAssumptions.parse({
    causes: { patient: { resident: { outpatient: 1 } } },
    reimbursement: { resident: { medianDays: 60, sigma: 0 } },
  });
  const ch = allocateChannels(1);
  drawChannels(a, keys, 0, 2021, members, claims, ch);
  const out = new Float64Array(OUT_STRIDE);
  out[OUT.pooledFund] = 60_000;
  out[OUT.cash] = 40_000;
  const block = allocateCashBlocks(1, 1);
  addCashflow(block, 0, 2021, members, claims, out, ch);

  it('records the advance in December and the reimbursement in month 13 of the care year', () => {
    expect(ch.channel[0]).toBe(CAUSE.patient);
    expect(block[monthCell('advanced', RESIDENT, 11)]).toBe(60_000);
    expect(block[monthCell('fund', RESIDENT, 13)]).toBe(60_000);
    expect(block[causeCell(RESIDENT, CAUSE.patient - 1, 1)]).toBe(60_000);
    expect(swipeRate(block, 0, RESIDENT, OUTPATIENT)).toBe(0);
    // Outstanding from December until February: 60,000 at the end of months 11 and 12, 0 from month 13.
    expect(Array.from(outstandingByMonth(block, 0, RESIDENT).subarray(10, 14))).toEqual([0, 60_000, 60_000, 0]);
  });

  it('moves the fund cash into the next calendar year', () => {
    const cy = careYearCash(a, 2021, RESIDENT, block, 0, new Float64Array(CASH_MONTHS), 0, 0);
    const cash = calendarCash([cy], 2021, 2022);
    const year = (y: number) => cash.reimbursements.subarray((y - 2021) * 12, (y - 2020) * 12).reduce((s, x) => s + x, 0);
    expect(year(2021)).toBe(0);
    expect(year(2022)).toBe(60_000);
    expect(cash.reimbursements[12 + 1]).toBe(60_000); // February 2022
  });
});

describe('out-of-area clearing', () => {
  it('pays direct out-of-area care two months on, and tops up the advance each January', () => {
    // A registered resident admission in March, swiped: the fund's 50,000 goes through the clearing account.
    const { members, claims } = buildClaims([[{ setting: 'inpatient', day: 70, location: 1, classA: 80_000, lengthOfStay: 3 }]], 2);
    const a = cashflowAssumptions.parse({});
    const ch = allocateChannels(1);
    drawChannels(a, keys, 0, 2022, members, claims, ch);
    const out = new Float64Array(OUT_STRIDE);
    out[OUT.pooledFund] = 50_000;
    out[OUT.cash] = 30_000;
    const block = new Float64Array(CASH_BLOCK);
    addCashflow(block, 0, 2022, members, claims, out, ch);
    expect(block[channelCell(RESIDENT, SETTINGS.indexOf('inpatient'), 0)]).toBe(1);
    expect(directTotal(block, 0, RESIDENT)).toBe(50_000);
    // Advance: 2 months of last year's 1,200,000 = 200,000; held 150,000 before: 50,000 more in January.
    expect(clearingAdvance(1_200_000, 2)).toBe(200_000);
    const cy = careYearCash(a, 2022, RESIDENT, block, 0, new Float64Array(CASH_MONTHS), 1_200_000, 150_000);
    expect([cy.advance, cy.advanceChange]).toEqual([200_000, 50_000]);
    expect(cy.outOfAreaClearing[4]).toBe(50_000); // March + 2 = May
    const cash = calendarCash([cy], 2022, 2022);
    expect([cash.advanceChange[0], cash.outOfAreaClearing[4]]).toEqual([50_000, 50_000]);
  });
});

describe('care years over calendar years', () => {
  it('adds each care year from its January, and drops what falls outside', () => {
    // Care year 2021: 1 in each of its 24 months; care year 2022: 10 in each. Calendar 2022 gets months
    // 12–23 of 2021 (1 each) and months 0–11 of 2022 (10 each): 11 a month; 2023 falls outside.
    const line = (year: number, x: number) => ({ year, months: new Float64Array(CASH_MONTHS).fill(x) });
    const out = overCalendar([line(2021, 1), line(2022, 10)], 2022, 2022);
    expect(Array.from(out)).toEqual(new Array(12).fill(11));
  });

  it('stands the first care year in for the one before it, without moving the advance', () => {
    const a = cashflowAssumptions.parse({});
    const cy = careYearCash(a, 2021, RESIDENT, new Float64Array(CASH_BLOCK), 0, Float64Array.from({ length: CASH_MONTHS }, (_, m) => m), 600, 0);
    const prior = priorCareYear(cy);
    expect([prior.year, prior.advance, prior.advanceChange]).toEqual([2020, cy.advance, 0]);
    // Calendar 2021, institutions: months 12–23 of the prior year (12…23) plus months 0–11 of 2021 (0…11).
    const cash = calendarCash([prior, cy], 2021, 2021);
    expect(Array.from(cash.institutions)).toEqual(Array.from({ length: 12 }, (_, m) => 12 + 2 * m));
    expect(cash.advanceChange[0]).toBe(cy.advanceChange);
  });
});
