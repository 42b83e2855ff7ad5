/**
 * Measures of direct settlement from the provider blocks' cash-flow cells (cashflow/aggregates.ts): the
 * card-swipe rate (联网刷卡结算) by scheme and setting, the self-advances (全额垫付) and their causes, what
 * patients advanced beyond their own share, and how long they waited to be reimbursed (零星报销).
 * Counts and money are population-level (× the weight); rates and days are not scaled.
 */
import { causeCell, channelCell, daysCell, monthCell } from '../cashflow/aggregates.js';
import { CASH_MONTHS } from '../cashflow/calendar.js';
import { SELF_ADVANCE_CAUSES } from '../cashflow/channel.js';
import { PROVIDER_OFFSET } from '../engine/providerBlock.js';
import { SCHEMES, SETTINGS } from '../policy/vocabulary.js';
import type { Measures } from './measures.js';

export type ChannelLabels = {
  metric: string;
  /** A scheme, or 'all'. */
  scheme: string;
  /** A setting, or 'all'. */
  setting: string;
  /** A self-advance cause, or 'all'. */
  cause: string;
};

const CASH = PROVIDER_OFFSET.cash;
const ALL_SCHEMES = SCHEMES.map((_, s) => s);
const ALL_SETTINGS = SETTINGS.map((_, s) => s);
const SCHEME_ROWS = [{ label: 'all', schemes: ALL_SCHEMES }, ...SCHEMES.map((label, s) => ({ label, schemes: [s] }))];

interface Row {
  labels: Omit<ChannelLabels, 'metric'>;
  metrics: readonly string[];
  read: (block: Float64Array, weight: number, out: Float64Array, i: number) => number;
}

const sumOver = (schemes: readonly number[], cell: (s: number) => number, block: Float64Array) => schemes.reduce((t, s) => t + block[CASH + cell(s)]!, 0);

const ROWS: readonly Row[] = SCHEME_ROWS.flatMap(({ label: scheme, schemes }): Row[] => [
  ...[{ label: 'all', settings: ALL_SETTINGS }, ...SETTINGS.map((label, st) => ({ label, settings: [st] }))].map(({ label: setting, settings }) => ({
    labels: { scheme, setting, cause: 'all' },
    metrics: ['swipe_rate', 'claims', 'self_advanced_claims'],
    read: (block: Float64Array, weight: number, out: Float64Array, i: number) => {
      let swiped = 0;
      let advanced = 0;
      for (const st of settings) {
        swiped += sumOver(schemes, (s) => channelCell(s, st, 0), block);
        advanced += sumOver(schemes, (s) => channelCell(s, st, 1), block);
      }
      out[i] = swiped / (swiped + advanced);
      out[i + 1] = (swiped + advanced) * weight;
      out[i + 2] = advanced * weight;
      return 3;
    },
  })),
  ...SELF_ADVANCE_CAUSES.map((cause, k) => ({
    labels: { scheme, setting: 'all', cause },
    metrics: ['self_advanced_claims', 'advanced_yuan'],
    read: (block: Float64Array, weight: number, out: Float64Array, i: number) => {
      out[i] = sumOver(schemes, (s) => causeCell(s, k, 0), block) * weight;
      out[i + 1] = (sumOver(schemes, (s) => causeCell(s, k, 1), block) * weight) / 100;
      return 2;
    },
  })),
  {
    labels: { scheme, setting: 'all', cause: 'all' },
    // advanced: what patients paid beyond their own share, reimbursed later by the fund and the other payers.
    metrics: ['advanced_yuan', 'mean_days_outstanding'],
    read: (block: Float64Array, weight: number, out: Float64Array, i: number) => {
      let advanced = 0;
      let claims = 0;
      for (let m = 0; m < CASH_MONTHS; m++) advanced += sumOver(schemes, (s) => monthCell('advanced', s, m), block);
      for (const st of ALL_SETTINGS) claims += sumOver(schemes, (s) => channelCell(s, st, 1), block);
      out[i] = (advanced * weight) / 100;
      out[i + 1] = sumOver(schemes, daysCell, block) / claims;
      return 2;
    },
  },
]);

export const channelMeasures: Measures<ChannelLabels> = {
  source: 'providers',
  labels: ROWS.flatMap((row) => row.metrics.map((metric) => ({ metric, ...row.labels }))),
  read(block, weight, out) {
    let i = 0;
    for (const row of ROWS) i += row.read(block, weight, out, i);
  },
};
