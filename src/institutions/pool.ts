/**
 * Advancing every institution of a path by one year: facts drawn (keyed), the lifecycle applied. The
 * engine calls this once per path-year on the main thread, before the year's claims, and sends
 * `monthly` to the workers (assignment sends the patients of closed institutions elsewhere).
 */
import type { RunKeys } from '../random/keys.js';
import { KeyedStream } from '../random/stream.js';
import type { InstitutionAssumptions } from './assumptions.js';
import { drawYearFacts } from './facts.js';
import type { Institutions } from './generate.js';
import { advanceYear, initialState, type AgreementState, type LifecycleEvent } from './lifecycle.js';
import type { AgreementRules } from './rules.js';
import { STATUS } from './vocabulary.js';

export interface PoolYear {
  year: number;
  /** Each institution's state at the end of the year (the start of the next). */
  states: AgreementState[];
  /** STATUS code in force per institution and month: [institution * 12 + month]. */
  monthly: Uint8Array;
  events: (LifecycleEvent & { institution: number })[];
  /**
   * Per institution, the annual assessment's keyed draw (facts.ts assessmentDraw); advancePool always sets
   * it. A pool built without it (by hand) fails no assessment on a missed 甲类 share.
   */
  assessmentDraws?: Float64Array;
  /**
   * With `lifecycle.terms` (compliance.ts): each hospital's 甲类 share of the year (NaN for pharmacies), to
   * which its patients' claims are re-split (classAMix.ts), the terms each missed (TERM_MISSED bits), and
   * the share of its bill breaking the item-level terms.
   */
  terms?: { classAShare: Float64Array; missed: Uint8Array; itemsNonCompliant: Float64Array };
}

/** What claims of the year need of the pool: statuses by month and, with agreement terms, the hospitals' 甲类 shares. */
export type PoolStatuses = Pick<PoolYear, 'monthly' | 'terms'>;

/** Bits of the terms a hospital missed in a year. */
export const TERM_MISSED = { classAShare: 1, drugAvailability: 2, positiveRate: 4 } as const;

export function initialStates(inst: Institutions): AgreementState[] {
  return Array.from(inst.initialStatus, (status) => initialState(status === STATUS.active));
}

export function advancePool(
  a: InstitutionAssumptions,
  rules: AgreementRules,
  keys: RunKeys,
  path: number,
  inst: Institutions,
  states: readonly AgreementState[],
  year: number,
): PoolYear {
  const s = new KeyedStream(keys);
  const monthly = new Uint8Array(inst.length * 12);
  const events: PoolYear['events'] = [];
  const assessmentDraws = new Float64Array(inst.length);
  const terms = a.lifecycle.terms ? { classAShare: new Float64Array(inst.length).fill(NaN), missed: new Uint8Array(inst.length), itemsNonCompliant: new Float64Array(inst.length) } : undefined;
  const next = states.map((state, i) => {
    const facts = drawYearFacts(a, rules, keys, path, i, inst.type[i]!, inst.level[i]!, year, s);
    assessmentDraws[i] = facts.assessment.draw!;
    if (terms && facts.terms) {
      const f = facts.terms;
      terms.classAShare[i] = f.classAShare;
      terms.itemsNonCompliant[i] = f.itemsNonCompliant;
      terms.missed[i] = (f.classAShareMet ? 0 : TERM_MISSED.classAShare) | (f.drugAvailabilityMet ? 0 : TERM_MISSED.drugAvailability) | (f.positiveRateMet ? 0 : TERM_MISSED.positiveRate);
    }
    const dates = { openedMonth: inst.openedMonth[i]!, leaseEndMonth: inst.leaseEndMonth[i]! };
    const out = advanceYear(rules, dates, state, facts, year);
    monthly.set(out.monthly, i * 12);
    for (const e of out.events) events.push({ ...e, institution: i });
    return out.state;
  });
  return terms ? { year, states: next, monthly, events, assessmentDraws, terms } : { year, states: next, monthly, events, assessmentDraws };
}

/**
 * Institutions whose quality deposit (质量保证金) is not paid for the year: those that failed the annual
 * assessment (Guangxi Art 20 ties the payout to it) or whose agreement ended during the year (a reading).
 */
export function depositForfeits(pool: PoolYear, institutions: number): Uint8Array {
  const out = new Uint8Array(institutions);
  for (const e of pool.events) if (e.kind === 'assessmentFailed' || e.kind === 'terminated') out[e.institution] = 1;
  return out;
}
