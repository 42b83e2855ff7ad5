/**
 * What simulateChunk returns: one Float64Array holding, for every (variant, year), the aggregate block
 * (aggregates.ts); then for every (variant, year) the cash-flow block (cashflow/aggregates.ts); then for
 * every (variant, year) the payment sums per institution (payment/sums.ts); with supervision on, then for
 * every (variant, year) the supervision sums (supervision/sums.ts). All are integer sums, so chunks merge
 * by addition.
 */
import { CASH_BLOCK } from '../cashflow/aggregates.js';
import { paymentSumsLength } from '../payment/sums.js';
import { supervisionSumsLength } from '../supervision/sums.js';
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
  /** Cells of one (variant, year)'s supervision sums (0: supervision off), and where they start. */
  supervisionLength: number;
  supervision: number;
}

export function chunkLayout(variants: number, years: number, institutions: number, supervised = false): ChunkLayout {
  const cells = variants * years;
  const sumsLength = paymentSumsLength(institutions);
  const cash = cells * BLOCK;
  const sums = cash + cells * CASH_BLOCK;
  const supervision = sums + cells * sumsLength;
  const supervisionLength = supervised ? supervisionSumsLength(institutions) : 0;
  return { variants, years, sumsLength, cash, sums, supervisionLength, supervision, length: supervision + cells * supervisionLength };
}

export const cashOffset = (l: ChunkLayout, variant: number, yearIndex: number) => l.cash + (variant * l.years + yearIndex) * CASH_BLOCK;
export const sumsOffset = (l: ChunkLayout, variant: number, yearIndex: number) => l.sums + (variant * l.years + yearIndex) * l.sumsLength;
export const supervisionSumsOffset = (l: ChunkLayout, variant: number, yearIndex: number) => l.supervision + (variant * l.years + yearIndex) * l.supervisionLength;
