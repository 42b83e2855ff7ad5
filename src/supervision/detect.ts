/**
 * What the year's screens flag and what reviews find, per claim, before any policy settles the claims
 * (flags read bills and dates only, so every variant sees the same findings).
 *
 * Every flag is reviewed (篇五 L691: 100% of the smart-monitoring flags): a flagged claim, and every
 * claim of a flagged member. A review finds a touched claim with chance detection.flagReview. Stays are
 * chart-sampled with chance chartShare (篇五 L693: ≥ 5% of last year's discharges, so reviewed, and
 * recovered, the year after), and a sampled touched stay is found with chance detection.chartReview.
 * The chart sample is stay by stay, so a year's share is chartShare on average: an exact count would need
 * every chunk's stays, and the numbers must not depend on the chunking. The path's year-end step tops a
 * sample short of the floor up to it (chartFloor.ts).
 * A member one of whose claims touched by a person behaviour is found is investigated: a case opens.
 * Draws: the claim's review stream (review.ts of the prepared claim; an added claim draws 3 on).
 */
import { SETTINGS } from '../policy/vocabulary.js';
import type { MemberKeys } from '../institutions/views.js';
import type { RunKeys } from '../random/keys.js';
import { KeyedStream } from '../random/stream.js';
import type { SupervisionAssumptions } from './assumptions.js';
import { NIB } from './behaviours.js';
import type { SupervisedClaims } from './claims.js';
import { screenMember } from './screens.js';

const INPATIENT = SETTINGS.indexOf('inpatient');
export const FLAG_REVIEWED = 1;
export const CHART_REVIEWED = 2;
export const FOUND_BY_FLAG = 1;
export const FOUND_BY_CHART = 2;

export interface Detection {
  /** Per supervised claim: the claim screens' flags (SCREEN_BIT), reviews done (FLAG_REVIEWED | CHART_REVIEWED), how it was found (0 if not). */
  claimFlags: Uint8Array;
  reviewed: Uint8Array;
  found: Uint8Array;
  /** Per member: the member screens' flags; 1 when a case opens against the member. */
  memberFlags: Uint8Array;
  investigated: Uint8Array;
}

export function allocateDetection(): Detection {
  return { claimFlags: new Uint8Array(0), reviewed: new Uint8Array(0), found: new Uint8Array(0), memberFlags: new Uint8Array(0), investigated: new Uint8Array(0) };
}

function fit(d: Detection, claims: number, members: number): void {
  if (d.claimFlags.length < claims) {
    const n = Math.max(claims, d.claimFlags.length * 2);
    d.claimFlags = new Uint8Array(n);
    d.reviewed = new Uint8Array(n);
    d.found = new Uint8Array(n);
  }
  if (d.memberFlags.length < members) {
    d.memberFlags = new Uint8Array(members);
    d.investigated = new Uint8Array(members);
  }
}

export function detect(a: SupervisionAssumptions, keys: RunKeys, path: number, year: number, members: MemberKeys, sc: SupervisedClaims, d: Detection): void {
  const claims = sc.claims;
  fit(d, claims.length, members.length);
  const s = new KeyedStream(keys);
  const R = new Float64Array(6);
  const { flagReview, chartReview } = a.inspection.detection;
  const chartShare = a.inspection.chartShare;
  for (let i = 0; i < members.length; i++) {
    const first = claims.memberStart[i]!;
    const end = claims.memberStart[i + 1]!;
    d.memberFlags[i] = 0;
    d.investigated[i] = 0;
    if (first === end) continue;
    const memberFlags = screenMember(a, sc, first, end, d.claimFlags);
    d.memberFlags[i] = memberFlags;
    s.member(path, members.slot[i]!, members.generation[i]!, year);
    let investigated = 0;
    for (let c = first; c < end; c++) {
      s.select(sc.review[c]!).fill(R, 6);
      const at = sc.added[c] === 1 ? 3 : 0;
      const flagged = d.claimFlags[c] !== 0 || memberFlags !== 0;
      const sampled = claims.setting[c] === INPATIENT && R[at + 1]! < chartShare;
      d.reviewed[c] = (flagged ? 1 : 0) | (sampled ? 2 : 0);
      const touched = sc.label[c]! > 0;
      d.found[c] = touched && flagged && R[at]! < flagReview ? FOUND_BY_FLAG : touched && sampled && R[at + 2]! < chartReview ? FOUND_BY_CHART : 0;
      if (d.found[c] !== 0 && sc.label[c]! > NIB) investigated = 1;
    }
    d.investigated[i] = investigated;
  }
}
