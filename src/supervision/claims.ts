/**
 * The claims a chunk-year settles when supervision is on: the prepared claims after the behaviours,
 * with what supervision needs beside the settlement columns: the behaviour that touched each claim
 * (its label, the ground truth), the prepared claim it comes from, its item mix and mismatch signal,
 * and the provider models' per-claim columns carried over (institution, case group, channel).
 */
import { allocateClaimBuffer, reserveClaims, reserveMembers, type ClaimBuffer } from '../claims/buffer.js';
import { allocateChannels, type Channels } from '../cashflow/channel.js';
import { grown } from '../claims/grow.js';

export interface SupervisedClaims {
  claims: ClaimBuffer;
  /** Behaviour code (BEHAVIOURS position + 1) of the claim, 0 if none touched it. */
  label: Uint8Array;
  /** Index in the prepared claims of the claim this one comes from. */
  source: Int32Array;
  /** 1 for a claim a behaviour added (a copy, the second part of a split, a forged stay). */
  added: Uint8Array;
  /** Drugs and tests in the bill (fen); the rest is bed, treatment and materials. */
  drugs: Float64Array;
  tests: Float64Array;
  /** 1 when the claim's diagnosis, age and drugs do not match (the mismatch screen's signal). */
  signal: Uint8Array;
  /** The review stream of the prepared claim (its reviews draw from it; an added claim from draw 3 on). */
  review: Int32Array;
  institution: Int32Array;
  group: Int16Array;
  channels: Channels;
}

export function allocateSupervisedClaims(capacity = 1024, members = 0): SupervisedClaims {
  return {
    claims: allocateClaimBuffer(capacity, members),
    label: new Uint8Array(capacity),
    source: new Int32Array(capacity),
    added: new Uint8Array(capacity),
    drugs: new Float64Array(capacity),
    tests: new Float64Array(capacity),
    signal: new Uint8Array(capacity),
    review: new Int32Array(capacity),
    institution: new Int32Array(capacity),
    group: new Int16Array(capacity),
    channels: allocateChannels(capacity),
  };
}

/** Room for `needed` claims and `members` members, keeping the claims in use. */
export function reserveSupervised(s: SupervisedClaims, needed: number, members: number): void {
  reserveMembers(s.claims, members);
  if (needed <= s.label.length) return;
  const keep = s.claims.length;
  reserveClaims(s.claims, needed);
  const capacity = s.claims.capacity;
  s.label = grown(s.label, capacity, keep);
  s.source = grown(s.source, capacity, keep);
  s.added = grown(s.added, capacity, keep);
  s.drugs = grown(s.drugs, capacity, keep);
  s.tests = grown(s.tests, capacity, keep);
  s.signal = grown(s.signal, capacity, keep);
  s.review = grown(s.review, capacity, keep);
  s.institution = grown(s.institution, capacity, keep);
  s.group = grown(s.group, capacity, keep);
  const ch = s.channels;
  s.channels = { channel: grown(ch.channel, capacity, keep), paidDay: grown(ch.paidDay, capacity, keep), reimbursedDay: grown(ch.reimbursedDay, capacity, keep) };
}
