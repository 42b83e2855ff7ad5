/**
 * Induced demand (需求释放) in a chunk-year: the claims a reform variant settles are the baseline's
 * prepared claims, thinned or repeated by the variant's demand factor f of each claim's cell
 * (demandFactors.ts). A claim's fate is one keyed uniform u of (seed, path, member, year,
 * STREAM.inducedDemand, the claim's index among the member's prepared claims of the year), the same for
 * every variant (common random numbers, so paired differences stay small):
 *   f < 1: kept when u < f;   f > 1: kept, with ⌊f − 1⌋ copies and one more when u < frac(f − 1).
 * A copy is the same care again: same day, costs, institution, case group and channel.
 *
 * An admission through emergency observation is one episode (the admitted observation opens it, the
 * inpatient claim without CLAIM_NEW_ADMISSION continues it): the observation's draw and the inpatient cell
 * decide for both, and each copy of the episode is written as observation then admission after the
 * original admission, so the settlement kernel opens a new episode for it and never continues a dropped one.
 */
import { allocateClaimBuffer, reserveClaims, reserveMembers, type ClaimBuffer } from '../claims/buffer.js';
import { allocateProviderScratch, type ProviderScratch } from '../payment/chunk.js';
import { allocateChannels } from '../cashflow/channel.js';
import type { MemberKeys } from '../institutions/views.js';
import { LEVELS, PERSON_TYPES, SETTINGS } from '../policy/vocabulary.js';
import type { RunKeys } from '../random/keys.js';
import { KeyedStream } from '../random/stream.js';
import { STREAM } from '../random/streamIds.js';
import { CLAIM_ADMITTED, CLAIM_NEW_ADMISSION } from '../settlement/columns.js';

const NS = SETTINGS.length;
const NL = LEVELS.length;
const INPATIENT = SETTINGS.indexOf('inpatient');
const EMERGENCY = SETTINGS.indexOf('emergencyObservation');

/** Cells of a demand factor table: person type × setting (an admitted observation counts as inpatient) × level. */
export const DEMAND_CELLS = PERSON_TYPES.length * NS * NL;

export function demandCell(type: number, setting: number, flags: number, level: number): number {
  const s = setting === EMERGENCY && flags & CLAIM_ADMITTED ? INPATIENT : setting;
  return (type * NS + s) * NL + level;
}

/** How many times a claim appears under factor f with its uniform u: 0 (dropped), 1, or more (copies). */
export function timesOf(f: number, u: number): number {
  if (f === 1) return 1;
  if (f < 1) return u < f ? 1 : 0;
  const extra = f - 1;
  const whole = Math.floor(extra);
  return 1 + whole + (u < extra - whole ? 1 : 0);
}

/** Claims with their provider columns (what settlement, payment sums and cash flow read). */
export interface ClaimSet {
  claims: ClaimBuffer;
  provider: ProviderScratch;
}

export function allocateClaimSet(): ClaimSet {
  return { claims: allocateClaimBuffer(1024, 0), provider: allocateProviderScratch() };
}

/** Grow the provider columns of `p` to hold `n` claims, keeping the first `keep`. */
function fitProvider(p: ProviderScratch, n: number, keep: number): void {
  if (p.institution.length >= n) return;
  const size = Math.max(n, p.institution.length * 2);
  const group = new Int16Array(size);
  const institution = new Int32Array(size);
  const channels = allocateChannels(size);
  group.set(p.group.subarray(0, keep));
  institution.set(p.institution.subarray(0, keep));
  channels.channel.set(p.channels.channel.subarray(0, keep));
  channels.paidDay.set(p.channels.paidDay.subarray(0, keep));
  channels.reimbursedDay.set(p.channels.reimbursedDay.subarray(0, keep));
  p.group = group;
  p.institution = institution;
  p.channels = channels;
}

/**
 * The claims variant `factor` sees: `src` with its provider columns thinned or repeated into `dst`
 * (reset, grown as needed), or `src` itself when `factor` is null (every factor 1, or the baseline).
 * `personType` is the variant's type of each member (its cells).
 */
export function variantClaims(
  factor: Float64Array | null | undefined,
  keys: RunKeys,
  path: number,
  year: number,
  members: MemberKeys,
  personType: Uint8Array,
  src: ClaimBuffer,
  srcProvider: ProviderScratch,
  dst: ClaimSet,
): ClaimSet {
  if (!factor) return { claims: src, provider: srcProvider };
  const out = dst.claims;
  const p = dst.provider;
  const s = new KeyedStream(keys);
  let u = new Float64Array(64);
  reserveMembers(out, members.length);
  out.length = 0;

  const push = (c: number): void => {
    const j = out.length;
    reserveClaims(out, j + 1);
    fitProvider(p, out.capacity, j);
    out.person[j] = src.person[c]!;
    out.setting[j] = src.setting[c]!;
    out.level[j] = src.level[c]!;
    out.location[j] = src.location[c]!;
    out.cause[j] = src.cause[c]!;
    out.flags[j] = src.flags[c]!;
    out.classA[j] = src.classA[c]!;
    out.classB[j] = src.classB[c]!;
    out.classC[j] = src.classC[c]!;
    out.day[j] = src.day[c]!;
    out.lengthOfStay[j] = src.lengthOfStay[c]!;
    p.group[j] = srcProvider.group[c]!;
    p.institution[j] = srcProvider.institution[c]!;
    p.channels.channel[j] = srcProvider.channels.channel[c]!;
    p.channels.paidDay[j] = srcProvider.channels.paidDay[c]!;
    p.channels.reimbursedDay[j] = srcProvider.channels.reimbursedDay[c]!;
    out.length = j + 1;
  };

  /** Copies of an admitted observation whose admission never came (not generated so; kept for safety). */
  const flushOpener = (opener: number, times: number): number => {
    for (let r = 1; r < times; r++) push(opener);
    return -1;
  };

  for (let i = 0; i < members.length; i++) {
    const first = src.memberStart[i]!;
    const end = src.memberStart[i + 1]!;
    out.memberStart[i] = out.length;
    if (first === end) continue;
    if (u.length < end - first) u = new Float64Array(Math.max(end - first, u.length * 2));
    s.member(path, members.slot[i]!, members.generation[i]!, year).select(STREAM.inducedDemand).fill(u, end - first);
    const type = personType[i]!;
    let episode = 1; // times of the member's current admission episode
    let opener = -1; // an admitted observation whose copies wait for its admission
    let openerTimes = 1;
    for (let c = first; c < end; c++) {
      const setting = src.setting[c]!;
      const flags = src.flags[c]!;
      if (opener >= 0 && src.day[c]! > src.day[opener]!) opener = flushOpener(opener, openerTimes);
      if (setting === INPATIENT && !(flags & CLAIM_NEW_ADMISSION)) {
        // Continues an episode: its opener's fate; copies as (observation, admission) pairs.
        const times = opener >= 0 ? openerTimes : episode;
        if (times > 0) push(c);
        for (let r = 1; r < times; r++) {
          if (opener >= 0) push(opener);
          push(c);
        }
        opener = -1;
        continue;
      }
      const times = timesOf(factor[demandCell(type, setting, flags, src.level[c]!)]!, u[c - first]!);
      if (setting === INPATIENT || (setting === EMERGENCY && flags & CLAIM_ADMITTED)) episode = times;
      if (setting === EMERGENCY && flags & CLAIM_ADMITTED) {
        opener = c;
        openerTimes = times;
        if (times > 0) push(c);
        continue;
      }
      for (let r = 0; r < times; r++) push(c);
    }
    if (opener >= 0) flushOpener(opener, openerTimes);
  }
  out.memberStart[members.length] = out.length;
  return dst;
}
