/**
 * Which institution treats a claim: a keyed draw among the institutions of the claim's level (any
 * pharmacy for a pharmacy purchase), weighted by size, from the draws of (seed, path, member, year,
 * setting, ordinal of the claim among the member's claims of that setting).
 *
 * Patients of a closed institution (suspended, ended, not yet designated) go elsewhere by rejection:
 * the claim draws again from the same weights, draw after draw of its stream, until an open institution
 * comes up. The first open institution in the sequence is where it goes, so closing one institution
 * moves exactly the claims that went to it, and they spread over the open ones by size. After
 * MAX_DRAWS misses (open institutions hold under about 7% of the level's weight for a 1% chance of it),
 * the claim takes the first open institution after its last draw in table order.
 */
import { LEVELS, SETTINGS } from '../policy/vocabulary.js';
import type { RunKeys } from '../random/keys.js';
import { KeyedStream } from '../random/stream.js';
import { CLAIM_ADMITTED } from '../settlement/columns.js';
import { monthsFromJanuary } from '../cashflow/calendar.js';
import type { Institutions } from './generate.js';
import { CLAIM_STREAM, claimStreamOf } from '../random/streamIds.js';
import type { ClaimView, MemberKeys } from './views.js';
import { HOSPITAL, NO_INSTITUTION, PHARMACY, STATUS } from './vocabulary.js';

const NL = LEVELS.length;
const NS = SETTINGS.length;
const PHARMACY_SETTING = SETTINGS.indexOf('pharmacy');
const INPATIENT = SETTINGS.indexOf('inpatient');
const EMERGENCY = SETTINGS.indexOf('emergencyObservation');
const MAX_DRAWS = 64;
const ACTIVE = STATUS.active;
/** Guide cells per row are the power of two at or above the row's length, at most this many. */
const MAX_GUIDE = 4096;

/** Size-weighted draw tables per (setting, level): row setting * LEVELS.length + level. */
export interface ShareTable {
  /** Row r holds entries [start[r], start[r + 1]). */
  start: Int32Array;
  ids: Int32Array;
  /** Cumulative share within the row, ending at 1. */
  cdf: Float64Array;
  /**
   * A guide table (Chen 1974) so a draw needs no binary search: row r has guideStart[r + 1] − guideStart[r]
   * cells G (a power of two); cell g holds the first entry whose cdf exceeds g / G, where every search for a
   * u in [g / G, (g + 1) / G) starts. It finds the same entry as a binary search, in about one step.
   */
  guideStart: Int32Array;
  guide: Int32Array;
}

/** Every institution that may ever be open takes part, candidates too, so opening one only draws patients to it. */
export function shareTable(inst: Institutions): ShareTable {
  const start = new Int32Array(NS * NL + 1);
  const ids: number[] = [];
  const cdf: number[] = [];
  for (let setting = 0; setting < NS; setting++) {
    for (let level = 0; level < NL; level++) {
      start[setting * NL + level] = ids.length;
      const row: number[] = [];
      for (let i = 0; i < inst.length; i++) {
        const pharmacy = inst.type[i] === PHARMACY;
        if (setting === PHARMACY_SETTING ? pharmacy : inst.type[i] === HOSPITAL && inst.level[i] === level) row.push(i);
      }
      const total = row.reduce((sum, i) => sum + inst.capacity[i]!, 0);
      let acc = 0;
      for (const i of row) {
        acc += inst.capacity[i]!;
        ids.push(i);
        cdf.push(acc / total);
      }
      if (row.length > 0) cdf[cdf.length - 1] = 1;
    }
  }
  start[NS * NL] = ids.length;
  return { start, ids: Int32Array.from(ids), cdf: Float64Array.from(cdf), ...guideTable(start, cdf) };
}

function guideTable(start: Int32Array, cdf: readonly number[]): Pick<ShareTable, 'guideStart' | 'guide'> {
  const rows = start.length - 1;
  const guideStart = new Int32Array(rows + 1);
  const guide: number[] = [];
  for (let r = 0; r < rows; r++) {
    guideStart[r] = guide.length;
    const from = start[r]!;
    const to = start[r + 1]!;
    if (from === to) continue;
    let cells = 1;
    while (cells < to - from && cells < MAX_GUIDE) cells *= 2;
    let j = from;
    for (let g = 0; g < cells; g++) {
      while (j < to - 1 && cdf[j]! <= g / cells) j++;
      guide.push(j);
    }
  }
  guideStart[rows] = guide.length;
  return { guideStart, guide: Int32Array.from(guide) };
}

/**
 * The institution of one claim, from a stream already selected for it; `monthly` is the pool's STATUS
 * per [institution * 12 + month]. NO_INSTITUTION if the row is empty or nothing in it is open.
 */
export function chooseInstitution(t: ShareTable, setting: number, level: number, monthly: Uint8Array, month: number, s: KeyedStream): number {
  const row = setting * NL + level;
  const from = t.start[row]!;
  const to = t.start[row + 1]!;
  if (from === to) return NO_INSTITUTION;
  const cdf = t.cdf;
  const guideAt = t.guideStart[row]!;
  const cells = t.guideStart[row + 1]! - guideAt;
  let j = from;
  for (let k = 0; k < MAX_DRAWS; k++) {
    // The first entry whose cdf exceeds u, as a binary search would find it. A row's cdf ends at 1 > u, so
    // the search stops within the row. The guide is usually right or one short: that step is taken without
    // a branch (one on a random draw is mispredicted half the time), further ones by the loop.
    const u = s.next();
    j = t.guide[guideAt + ((u * cells) | 0)]!;
    j += +(u >= cdf[j]!);
    while (u >= cdf[j]!) j++;
    const id = t.ids[j]!;
    if (monthly[id * 12 + month] === ACTIVE) return id;
  }
  for (let k = 1; k <= to - from; k++) {
    const id = t.ids[from + ((j - from + k) % (to - from))]!;
    if (monthly[id * 12 + month] === ACTIVE) return id;
  }
  return NO_INSTITUTION;
}

/**
 * Institutions of a year's claims into `out` (claims in the buffer's order). Out-of-area claims get
 * NO_INSTITUTION (their clearing goes through the clearing account); an admission that continues an
 * emergency observation stays where the observation was.
 */
export function assignClaims(
  t: ShareTable,
  monthly: Uint8Array,
  keys: RunKeys,
  path: number,
  year: number,
  members: MemberKeys,
  claims: ClaimView,
  out: Int32Array,
): void {
  const s = new KeyedStream(keys);
  const ordinal = new Int32Array(NS);
  const { setting, level, location, flags, day, memberStart } = claims;
  for (let i = 0; i < members.length; i++) {
    const first = memberStart[i]!;
    const end = memberStart[i + 1]!;
    if (first === end) continue;
    s.member(path, members.slot[i]!, members.generation[i]!, year);
    for (let q = 0; q < NS; q++) ordinal[q] = 0; // not fill(): a call, ≈ 10 ns a member
    for (let c = first; c < end; c++) {
      const st = setting[c]!;
      const k = ordinal[st]++;
      if (location[c] !== 0) {
        out[c] = NO_INSTITUTION;
      } else if (st === INPATIENT && c > first && setting[c - 1] === EMERGENCY && flags[c - 1]! & CLAIM_ADMITTED) {
        out[c] = out[c - 1]!;
      } else {
        s.select(claimStreamOf(CLAIM_STREAM.assignment, st, k));
        out[c] = chooseInstitution(t, st, level[c]!, monthly, monthsFromJanuary(year, day[c]!), s);
      }
    }
  }
}
