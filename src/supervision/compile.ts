/**
 * Supervision assumptions as flat tables for the per-claim loops, cached per assumptions object.
 */
import { SETTINGS } from '../policy/vocabulary.js';
import { yuanToFen } from '../money/fen.js';
import type { SupervisionAssumptions } from './assumptions.js';
import { BEHAVIOUR_INFO, BEHAVIOURS, INSTITUTION_BEHAVIOURS, NB, NIB, PERSON_BEHAVIOURS, settingMask } from './behaviours.js';

const MECHANIC = { split: 0, addDays: 1, addItems: 2, addCopy: 3, reclassify: 4, forgeAdmission: 5 } as const;
export const M = MECHANIC;
const ITEMS = { drugs: 0, tests: 1, other: 2, asBilled: 3 } as const;
export const ITEM = ITEMS;
const ACTOR = { hospital: 0, pharmacy: 1, institution: 2, person: 3 } as const;
export const ACTOR_CODE = ACTOR;

export interface CompiledSupervision {
  a: SupervisionAssumptions;
  /** Per behaviour (BEHAVIOURS order). */
  prevalence: Float64Array;
  claimShare: Float64Array;
  size: Float64Array;
  intent: Float64Array;
  mechanic: Uint8Array;
  items: Uint8Array;
  actor: Uint8Array;
  settings: Uint8Array;
  sameDay: Uint8Array;
  /** Chance of the mismatch signal on a claim the behaviour touched. */
  mismatch: Float64Array;
  /** Item mix by setting. */
  drugShare: Float64Array;
  testShare: Float64Array;
  /** Whether any person behaviour is on (else no member propensity is drawn). */
  anyPerson: boolean;
  anyInstitution: boolean;
  costAboveFen: number;
}

const cache = new WeakMap<SupervisionAssumptions, CompiledSupervision>();

export function compileSupervision(a: SupervisionAssumptions): CompiledSupervision {
  const hit = cache.get(a);
  if (hit) return hit;
  // The per-institution sums and the plan index institution behaviours by label - 1.
  if (INSTITUTION_BEHAVIOURS.some((b, i) => BEHAVIOURS.indexOf(b) !== i)) throw new Error('institution behaviours must come first in BEHAVIOURS');
  const per = (f: (b: (typeof BEHAVIOURS)[number]) => number) => Float64Array.from(BEHAVIOURS, f);
  const c: CompiledSupervision = {
    a,
    prevalence: per((b) => a.behaviours[b].prevalence),
    claimShare: per((b) => a.behaviours[b].claimShare),
    size: per((b) => a.behaviours[b].size),
    intent: per((b) => a.behaviours[b].intent),
    mechanic: Uint8Array.from(BEHAVIOURS, (b) => MECHANIC[BEHAVIOUR_INFO[b].mechanic]),
    items: Uint8Array.from(BEHAVIOURS, (b) => ITEMS[BEHAVIOUR_INFO[b].items]),
    actor: Uint8Array.from(BEHAVIOURS, (b) => ACTOR[BEHAVIOUR_INFO[b].actor]),
    settings: Uint8Array.from(BEHAVIOURS, (b) => settingMask(BEHAVIOUR_INFO[b].settings)),
    sameDay: Uint8Array.from(BEHAVIOURS, (b) => (BEHAVIOUR_INFO[b].sameDay ? 1 : 0)),
    mismatch: per((b) => a.screens.mismatch.chance[b] ?? a.screens.mismatch.falsePositive),
    drugShare: Float64Array.from(SETTINGS, (s) => a.itemMix[s].drugs),
    testShare: Float64Array.from(SETTINGS, (s) => a.itemMix[s].tests),
    anyPerson: a.enabled && PERSON_BEHAVIOURS.some((b) => a.behaviours[b].prevalence > 0 && a.behaviours[b].claimShare > 0),
    anyInstitution: a.enabled && INSTITUTION_BEHAVIOURS.some((b) => a.behaviours[b].prevalence > 0 && a.behaviours[b].claimShare > 0),
    costAboveFen: yuanToFen(Math.round(a.screens.costAbove * 100) / 100),
  };
  if (c.prevalence.length !== NB || NIB + PERSON_BEHAVIOURS.length !== NB) throw new Error('behaviour tables out of step');
  cache.set(a, c);
  return c;
}
