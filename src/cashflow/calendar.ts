/**
 * Days and months. Claims carry a 0-based day of their year; cash moves in months counted from January
 * of the year the care was given (month 13 is February of the next year).
 */
import { daysInYear } from '../population/block.js';

const STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
const LEAP_STARTS = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366];

/** Days covered by the month table of a year: the care year and the two after it (reimbursements run late). */
const TABLE_DAYS = 3 * 366;
let tableYear = NaN;
let table = new Uint8Array(TABLE_DAYS);

/**
 * Months from January of `year` to the month holding 0-based day `day` of `year` (day may run past the year's end).
 * Hot: called per claim by payment and cash-flow sums, which walk a year's claims with one `year`, so the
 * answers for that year are tabled once (by the walk below) and then read.
 */
export function monthsFromJanuary(year: number, day: number): number {
  if (day >= 0 && day < TABLE_DAYS && day === (day | 0)) {
    if (year !== tableYear) fillTable(year);
    return table[day]!;
  }
  return walkMonths(year, day);
}

function fillTable(year: number): void {
  const t = new Uint8Array(TABLE_DAYS);
  for (let d = 0; d < TABLE_DAYS; d++) t[d] = walkMonths(year, d);
  table = t;
  tableYear = year;
}

function walkMonths(year: number, day: number): number {
  let months = 0;
  let y = year;
  let d = day;
  while (d >= daysInYear(y)) {
    d -= daysInYear(y);
    y++;
    months += 12;
  }
  const starts = daysInYear(y) === 366 ? LEAP_STARTS : STARTS;
  let m = 0;
  while (d >= starts[m + 1]!) m++;
  return months + m;
}

/** Cash is tracked for 24 months from January of the care year; later payments fall in the last month. */
export const CASH_MONTHS = 24;

export function cashMonth(monthsFromJanuary: number): number {
  return monthsFromJanuary < CASH_MONTHS - 1 ? monthsFromJanuary : CASH_MONTHS - 1;
}
