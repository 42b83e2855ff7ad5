/**
 * The pool's designated hospitals and pharmacies, generated once per path from the scenario's
 * assumptions. Every draw is keyed by (seed, path, institution), so an institution's size and dates do
 * not depend on the others. Ids: designated hospitals by level, designated pharmacies, then the
 * candidates (licensed, not designated) in the same order.
 */
import type { RunKeys } from '../random/keys.js';
import { KeyedStream } from '../random/stream.js';
import { LEVELS } from '../policy/vocabulary.js';
import type { InstitutionAssumptions } from './assumptions.js';
import { INSTITUTION_GENERATION, INSTITUTION_STREAM } from '../random/streamIds.js';
import { HOSPITAL, PHARMACY, STATUS } from './vocabulary.js';

export interface Institutions {
  length: number;
  /** The year the pool is generated for (statuses are those of its 1 January). */
  baseYear: number;
  /** HOSPITAL or PHARMACY. */
  type: Uint8Array;
  /** LEVELS code (pharmacies: 0, unused). */
  level: Uint8Array;
  /** Beds (hospitals) or relative size (pharmacies, mean 1): weights of the patient shares. */
  capacity: Float64Array;
  /** Absolute month (year × 12 + month) the institution began operating. */
  openedMonth: Int32Array;
  /** Absolute month its premises' lease or use right ends. */
  leaseEndMonth: Int32Array;
  /** STATUS code on 1 January of the base year: active or candidate. */
  initialStatus: Uint8Array;
}

/** Months before and after the base year of a designated institution's opening and lease end: long ago, far ahead. */
const LONG_AGO = 1200;
const FAR_AHEAD = 1200;

export function generateInstitutions(a: InstitutionAssumptions, keys: RunKeys, path: number, baseYear: number): Institutions {
  const groups: { type: number; level: number; n: number; candidate: boolean }[] = [];
  for (const candidate of [false, true]) {
    const n = (designated: number) => (candidate ? Math.round(designated * a.candidates) : designated);
    LEVELS.forEach((l, level) => groups.push({ type: HOSPITAL, level, n: n(a.hospitals[l]), candidate }));
    groups.push({ type: PHARMACY, level: 0, n: n(a.pharmacies), candidate });
  }
  const length = groups.reduce((sum, g) => sum + g.n, 0);
  const inst: Institutions = {
    length,
    baseYear,
    type: new Uint8Array(length),
    level: new Uint8Array(length),
    capacity: new Float64Array(length),
    openedMonth: new Int32Array(length),
    leaseEndMonth: new Int32Array(length),
    initialStatus: new Uint8Array(length),
  };
  const s = new KeyedStream(keys);
  const sigma = a.sizeSigma;
  const base = baseYear * 12;
  const lease = a.candidateLeaseMonths;
  let i = 0;
  for (const g of groups) {
    const mean = g.type === HOSPITAL ? a.beds[LEVELS[g.level]!] : 1;
    for (let k = 0; k < g.n; k++, i++) {
      s.member(path, i, INSTITUTION_GENERATION, baseYear).select(INSTITUTION_STREAM.attributes);
      inst.type[i] = g.type;
      inst.level[i] = g.level;
      inst.capacity[i] = mean * Math.exp(sigma * s.normal() - 0.5 * sigma * sigma);
      const uAge = s.next();
      const uLease = s.next();
      inst.openedMonth[i] = g.candidate ? base - Math.floor(uAge * (a.candidateAgeMonths + 1)) : base - LONG_AGO;
      inst.leaseEndMonth[i] = g.candidate ? base + lease.min + Math.floor(uLease * (lease.max - lease.min + 1)) : base + FAR_AHEAD;
      inst.initialStatus[i] = g.candidate ? STATUS.candidate : STATUS.active;
    }
  }
  return inst;
}
