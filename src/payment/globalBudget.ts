/**
 * Year-end clearing under a global budget (总额控制, 结余留用、超支分担): the institution's actual pooled
 * amounts are set against its budget. A surplus is kept band by band (the share `keep` of the part of the
 * surplus within each band of the budget); an overrun is paid band by band (the share `fundShare` of the
 * part within each band); what lies beyond the last band is neither kept nor paid. Band limits and shares
 * are applied to integer fen with applyRatio (half up), one band at a time.
 */
import { applyRatio, BP } from '../money/fen.js';
import type { OverrunBand, SurplusBand } from './assumptions.js';

export interface BudgetClearing {
  budget: number;
  actual: number;
  /** What the year's care is paid: actual + retained surplus, or budget + the fund's share of the overrun. */
  annual: number;
  retained: number;
  overrunPaid: number;
  overrunUnpaid: number;
}

const bp = (x: number) => Math.round(x * BP);

/** Σ over bands of share × (the part of `amount` between the previous band's limit and this one's). */
function banded<B extends { upTo: number }>(amount: number, budget: number, bands: readonly B[], share: (b: B) => number): number {
  let lower = 0;
  let total = 0;
  for (const b of bands) {
    const upper = applyRatio(budget, bp(b.upTo));
    const part = Math.min(amount, upper) - lower;
    if (part <= 0) break;
    total += applyRatio(part, bp(share(b)));
    lower = upper;
  }
  return total;
}

const keep = (b: SurplusBand) => b.keep;
const fundShare = (b: OverrunBand) => b.fundShare;

export function clearGlobalBudget(budget: number, actual: number, surplus: readonly SurplusBand[], overrun: readonly OverrunBand[]): BudgetClearing {
  if (actual <= budget) {
    const retained = banded(budget - actual, budget, surplus, keep);
    return { budget, actual, annual: actual + retained, retained, overrunPaid: 0, overrunUnpaid: 0 };
  }
  const over = actual - budget;
  const overrunPaid = banded(over, budget, overrun, fundShare);
  return { budget, actual, annual: budget + overrunPaid, retained: 0, overrunPaid, overrunUnpaid: over - overrunPaid };
}
