/**
 * Stream ids of the institution, payment and cash-flow models (see src/random/stream.ts).
 *
 * Institutions have keys of their own: `KeyedStream.member(path, institution, INSTITUTION_GENERATION, year)`.
 * Member generations are Uint16 (at most 65535), so no member key can equal an institution key.
 * Claim-level draws are keyed by the member, like the claims generator's, with stream ids above its
 * registry (src/random/streamIds.ts: 1–5, 16–20 and (32 + setting) << 20 | index), and carry the
 * claim's ordinal among the member's claims of its setting in the low 20 bits.
 */
import { CLAIM_INDEX_BITS } from '../random/streamIds.js';

/** The generation slot of institution keys: one above any member generation. */
export const INSTITUTION_GENERATION = 0x10000;

/** Streams of an institution-year (the year of static attributes is the base year). */
export const INSTITUTION_STREAM = {
  /** Size and dates, drawn once in the base year. */
  attributes: 1,
  /** The year's chart-sample review (病历抽查). */
  chartSample: 2,
  /** The annual assessment (年度考核). */
  assessment: 3,
  /** An application for designation and its score. */
  application: 4,
  /** Suspension grounds: suspensionBase + ground index. */
  suspensionBase: 64,
  /** Termination grounds: terminationBase + ground index. */
  terminationBase: 128,
} as const;

/** Member-keyed claim streams: (base + setting) << 20 | ordinal. */
export const CLAIM_STREAM = {
  /** Which institution treats the claim. */
  assignment: 40,
  /** Card swipe or self-advance, and the reimbursement delay. */
  channel: 48,
  /** The case group of an admission (setting is always inpatient). */
  group: 56,
  /** Provider responses to per-case payment (up-coding, cost shifting, early discharge). */
  response: 60,
} as const;

/** Member-year streams of the cash-flow model (beside the claims generator's 1–5 and 16–20). */
export const MEMBER_STREAM = {
  /** Whether the member's employer is in arrears this year. */
  arrears: 24,
} as const;

export function claimStreamOf(base: number, setting: number, ordinal: number): number {
  return ((base + setting) << CLAIM_INDEX_BITS) | (ordinal & ((1 << CLAIM_INDEX_BITS) - 1));
}
