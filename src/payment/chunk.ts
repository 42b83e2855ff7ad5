/**
 * The institution, payment and cash-flow models in a worker, per chunk-year, in the order they must run:
 *
 *   generateClaims → prepareClaims (groups, provider responses, institutions, channels) → settleBatch on
 *   the claims it returns → addProviderSums (payment sums, cash-flow block).
 *
 * Groups are drawn from the generated bills, before responses shift any cost, so a shift does not change
 * the diagnosis. Every draw is keyed by member and claim, so any chunking gives the same sums.
 */
import { allocateClaimBuffer, type ClaimBuffer } from '../claims/buffer.js';
import type { MemberBlock } from '../population/block.js';
import type { RunKeys } from '../random/keys.js';
import { assignClaims, type ShareTable } from '../institutions/assign.js';
import { applyClassAShares } from '../institutions/classAMix.js';
import type { PoolStatuses } from '../institutions/pool.js';
import type { ClaimView } from '../institutions/views.js';
import { addCashflow } from '../cashflow/aggregates.js';
import type { CashflowAssumptions } from '../cashflow/assumptions.js';
import { allocateChannels, drawChannels, type Channels } from '../cashflow/channel.js';
import type { PaymentAssumptions } from './assumptions.js';
import { groupAdmissions, type CaseGroups } from './groups.js';
import { anyResponse, applyResponses } from './responses.js';
import { addPayments, type CompiledPayment } from './sums.js';

/** What the models need, built once per run (the pool's share table once per path). */
export interface ProviderModels {
  institutions: number;
  table: ShareTable;
  groups: CaseGroups;
  payment: PaymentAssumptions;
  compiled: CompiledPayment;
  cashflow: CashflowAssumptions;
}

/** Per-claim columns of the chunk, reused from year to year. */
export interface ProviderScratch {
  responded: ClaimBuffer;
  group: Int16Array;
  institution: Int32Array;
  channels: Channels;
}

export function allocateProviderScratch(): ProviderScratch {
  return { responded: allocateClaimBuffer(1024, 0), group: new Int16Array(1024), institution: new Int32Array(1024), channels: allocateChannels(1024) };
}

function fit(s: ProviderScratch, n: number): void {
  if (s.institution.length >= n) return;
  const size = Math.max(n, s.institution.length * 2);
  s.group = new Int16Array(size);
  s.institution = new Int32Array(size);
  s.channels = allocateChannels(size);
}

/**
 * Group admissions, apply provider responses (when switched on under DRG or DIP, into
 * `scratch.responded`), assign institutions from the pool's `monthly` statuses, re-split their claims to
 * the hospitals' 甲类 shares (when the pool draws the agreement's terms) and draw channels.
 * Returns the claims to settle.
 * `costIndex` is the year's prices relative to the cost year (the claims macro's).
 */
export function prepareClaims(
  m: ProviderModels,
  pool: PoolStatuses,
  keys: RunKeys,
  path: number,
  year: number,
  costIndex: number,
  members: MemberBlock,
  generated: ClaimBuffer,
  scratch: ProviderScratch,
): ClaimBuffer {
  fit(scratch, generated.capacity); // the buffer's capacity, not its length: one allocation per chunk, not one per year of growth
  groupAdmissions(m.groups, caseBaseCost(m.payment, costIndex), m.payment.caseMix.sigma, keys, path, year, members, generated, scratch.group);
  let claims = generated;
  if (respondsToPerCase(m.payment)) {
    const group = applyResponses(m.payment.responses, m.groups, keys, path, year, members, generated, scratch.group, scratch.responded);
    claims = scratch.responded;
    fit(scratch, claims.length);
    scratch.group.set(group);
  }
  assignClaims(m.table, pool.monthly, keys, path, year, members, claims, scratch.institution);
  if (pool.terms) applyClassAShares(pool.terms.classAShare, claims, scratch.institution);
  drawChannels(m.cashflow, keys, path, year, members, claims, scratch.channels);
  return claims;
}

/** The cost of a case of weight 1 in the year's prices (fen): groups are drawn against it. */
export function caseBaseCost(p: PaymentAssumptions, costIndex: number): number {
  return Math.round(p.caseMix.baseCost * 100 * costIndex);
}

/** Provider responses answer per-case payment: they run only when inpatient care is paid by DRG or DIP. */
function respondsToPerCase(p: PaymentAssumptions): boolean {
  return (p.methods.inpatient === 'drg' || p.methods.inpatient === 'dip') && anyResponse(p.responses);
}

/** Add the settled claims (`out` from settleBatch) into the payment sums and the cash-flow block at `cashAt`. */
export function addProviderSums(
  m: ProviderModels,
  year: number,
  members: MemberBlock,
  claims: ClaimView,
  out: Float64Array,
  scratch: ProviderScratch,
  paymentSums: Float64Array,
  cashBlock: Float64Array,
  cashAt: number,
): void {
  addPayments(paymentSums, m.institutions, m.compiled, m.groups, year, members, claims, out, scratch.institution, scratch.group, scratch.channels.channel);
  addCashflow(cashBlock, cashAt, year, members, claims, out, scratch.channels);
}
