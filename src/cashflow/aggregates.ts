/**
 * Cash-flow sums a worker adds up per path-year: integer fen and counts, so chunks merge by addition in
 * any order (like engine/aggregates.ts, whose block the lead may append this one to). Months are counted
 * from January of the care year, CASH_MONTHS of them (the last holds anything later).
 *
 * Layout (cells):
 *   claims   [scheme][setting][swiped, selfAdvanced]            counts: swipe rates by scheme and setting
 *   causes   [scheme][cause][count, advanced]                   why bills were advanced, and how much
 *   advanced [scheme][month]  what patients advanced, by month they paid (bill − their own share)
 *   fund     [scheme][month]  pooled-fund reimbursements to patients, by month paid (零星报销)
 *   others   [scheme][month]  serious-illness, assistance and backstop reimbursements, by month paid
 *   direct   [scheme][month]  pooled fund of out-of-area care settled by card (across regions), by month
 *                             of care: what the home fund owes the clearing account
 *   days     [scheme]         Σ days from paying to being reimbursed, over self-advanced claims
 */
import { OUT, OUT_STRIDE } from '../settlement/columns.js';
import { PERSON_TYPES, SCHEMES, schemeOf, SETTINGS } from '../policy/vocabulary.js';
import type { ClaimView, MemberKeys } from '../institutions/views.js';
import { CASH_MONTHS, cashMonth, monthsFromJanuary } from './calendar.js';
import { SELF_ADVANCE_CAUSES, SWIPE, type Channels } from './channel.js';

const NSC = SCHEMES.length;
const NS = SETTINGS.length;
const NC = SELF_ADVANCE_CAUSES.length;
const M = CASH_MONTHS;
const LOCAL = 0;
const SCHEME_OF_TYPE = Uint8Array.from(PERSON_TYPES, (t) => SCHEMES.indexOf(schemeOf(t)));

export const CASH_OFFSET = (() => {
  const claims = 0;
  const causes = claims + NSC * NS * 2;
  const advanced = causes + NSC * NC * 2;
  const fund = advanced + NSC * M;
  const others = fund + NSC * M;
  const direct = others + NSC * M;
  const days = direct + NSC * M;
  const end = days + NSC;
  return { claims, causes, advanced, fund, others, direct, days, end };
})();
export const CASH_BLOCK = CASH_OFFSET.end;

export const channelCell = (scheme: number, setting: number, selfAdvanced: 0 | 1) => CASH_OFFSET.claims + (scheme * NS + setting) * 2 + selfAdvanced;
/** cause: 0-based index into SELF_ADVANCE_CAUSES; field 0 count, 1 amount advanced. */
export const causeCell = (scheme: number, cause: number, field: 0 | 1) => CASH_OFFSET.causes + (scheme * NC + cause) * 2 + field;
export const monthCell = (line: 'advanced' | 'fund' | 'others' | 'direct', scheme: number, month: number) => CASH_OFFSET[line] + scheme * M + month;
export const daysCell = (scheme: number) => CASH_OFFSET.days + scheme;

export function allocateCashBlocks(variants: number, years: number): Float64Array {
  return new Float64Array(variants * years * CASH_BLOCK);
}

/** Add a year's settled claims (settlement `out`) and their channels into the block at `at`. */
export function addCashflow(block: Float64Array, at: number, year: number, members: Pick<MemberKeys, 'type'>, claims: ClaimView, out: Float64Array, ch: Channels): void {
  const { person, setting, location, day } = claims;
  for (let c = 0; c < claims.length; c++) {
    const scheme = SCHEME_OF_TYPE[members.type[person[c]!]!]!;
    const st = setting[c]!;
    const code = ch.channel[c]!;
    const o = c * OUT_STRIDE;
    const pooled = out[o + OUT.pooledFund]!;
    if (code === SWIPE) {
      block[at + channelCell(scheme, st, 0)] += 1;
      if (location[c] !== LOCAL) block[at + monthCell('direct', scheme, cashMonth(monthsFromJanuary(year, day[c]!)))] += pooled;
      continue;
    }
    const others = out[o + OUT.seriousIllness]! + out[o + OUT.assistance]! + out[o + OUT.backstop]!;
    const paid = cashMonth(monthsFromJanuary(year, ch.paidDay[c]!));
    const back = cashMonth(monthsFromJanuary(year, ch.reimbursedDay[c]!));
    block[at + channelCell(scheme, st, 1)] += 1;
    block[at + causeCell(scheme, code - 1, 0)] += 1;
    block[at + causeCell(scheme, code - 1, 1)] += pooled + others;
    block[at + monthCell('advanced', scheme, paid)] += pooled + others;
    block[at + monthCell('fund', scheme, back)] += pooled;
    block[at + monthCell('others', scheme, back)] += others;
    block[at + daysCell(scheme)] += ch.reimbursedDay[c]! - ch.paidDay[c]!;
  }
}

/** Card-swipe rate of a scheme's claims in a setting (null: no claims). */
export function swipeRate(block: Float64Array, at: number, scheme: number, setting: number): number | null {
  const swiped = block[at + channelCell(scheme, setting, 0)]!;
  const advanced = block[at + channelCell(scheme, setting, 1)]!;
  return swiped + advanced > 0 ? swiped / (swiped + advanced) : null;
}

/** What patients of a scheme have advanced and not yet been reimbursed at the end of each month (fen). */
export function outstandingByMonth(block: Float64Array, at: number, scheme: number): Float64Array {
  const out = new Float64Array(M);
  let stock = 0;
  for (let m = 0; m < M; m++) {
    stock += block[at + monthCell('advanced', scheme, m)]! - block[at + monthCell('fund', scheme, m)]! - block[at + monthCell('others', scheme, m)]!;
    out[m] = stock;
  }
  return out;
}
