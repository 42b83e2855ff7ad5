/** calendar.ts: the tabled months equal the walk through the calendar, in and across leap years. */
import { describe, expect, it } from 'vitest';
import { monthsFromJanuary } from '../../src/cashflow/calendar.js';

describe('monthsFromJanuary', () => {
  it('knows the month starts of a common and a leap year', () => {
    // 2023: 31 January is day 30, 1 February day 31; 1 March day 59. 2024 (leap): 1 March is day 60.
    expect([monthsFromJanuary(2023, 30), monthsFromJanuary(2023, 31), monthsFromJanuary(2023, 58), monthsFromJanuary(2023, 59)]).toEqual([0, 1, 1, 2]);
    expect([monthsFromJanuary(2024, 59), monthsFromJanuary(2024, 60), monthsFromJanuary(2024, 365)]).toEqual([1, 2, 11]);
    // Past the year's end: day 365 of 2023 is 1 January 2024 (month 12); 2023 + 2024 = 731 days, so day 731 is January 2025.
    expect([monthsFromJanuary(2023, 364), monthsFromJanuary(2023, 365), monthsFromJanuary(2023, 730), monthsFromJanuary(2023, 731)]).toEqual([11, 12, 23, 24]);
  });

  it('gives the same months whether the year changes between calls or not, inside and beyond the table', () => {
    const days = [0, 59, 60, 300, 365, 366, 700, 1097, 1098, 1500, 4000];
    const straight = [2023, 2024].map((y) => days.map((d) => monthsFromJanuary(y, d)));
    const interleaved = [2023, 2024].map(() => [] as number[]);
    for (const d of days) for (let k = 0; k < 2; k++) interleaved[k]!.push(monthsFromJanuary(2023 + k, d));
    expect(interleaved).toEqual(straight);
    // Day 4000 of 2023: 10 whole years (2023-2032 hold 3653 days) and 347 days into 2033, in December: 120 + 11.
    expect(monthsFromJanuary(2023, 4000)).toBe(131);
  });
});
