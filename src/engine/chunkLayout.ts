/**
 * What simulateChunk returns: one Float64Array holding, for every (variant, year), the aggregate block
 * (aggregates.ts); then for every (variant, year) the cash-flow block (cashflow/aggregates.ts); then for
 * every (variant, year) the payment sums per institution (payment/sums.ts). All are integer sums, so
 * chunks merge by addition.
 */
import { CASH_BLOCK } from '../cashflow/aggregates.js';
import { paymentSumsLength } from '../payment/sums.js';
import { BLOCK } from './aggregates.js';

export interface ChunkLayout {
  variants: number;
  years: number;
  /** Cells of one (variant, year)'s payment sums. */
  sumsLength: number;
  /** Where the cash-flow and the payment-sum parts start, and the whole length. */
  cash: number;
  sums: number;
  length: number;
}

export function chunkLayout(variants: number, years: number, institutions: number): ChunkLayout {
  const cells = variants * years;
  const sumsLength = paymentSumsLength(institutions);
  const cash = cells * BLOCK;
  const sums = cash + cells * CASH_BLOCK;
  return { variants, years, sumsLength, cash, sums, length: sums + cells * sumsLength };
}

export const cashOffset = (l: ChunkLayout, variant: number, yearIndex: number) => l.cash + (variant * l.years + yearIndex) * CASH_BLOCK;
export const sumsOffset = (l: ChunkLayout, variant: number, yearIndex: number) => l.sums + (variant * l.years + yearIndex) * l.sumsLength;
