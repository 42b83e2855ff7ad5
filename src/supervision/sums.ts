/**
 * What a worker adds up for supervision per (variant, year): integer sums (fen and counts) of the
 * simulated members, so chunks merge by addition and the path's year-end step (close.ts) reads them.
 *
 *   behaviours  [scheme][BEHAVIOURS][BEHAVIOUR_FIELDS]   what each behaviour did and cost, what reviews found
 *   interaction [scheme][LEAKAGE_PARTS]                  the rest of the leakage: untouched claims settled
 *                                                        otherwise because of touched ones (deductible, caps)
 *   screens     [CLAIM_SCREENS + any][SCREEN_FIELDS]     flags against the labels
 *   effort      [EFFORT_FIELDS]
 *   persons     [scheme][PERSON_FIELDS]                  cases against insured persons and their sanctions
 *   institutions [institution][INSTITUTION_FIELDS]       per institution: claims, bill, leakage and
 *                                                        recoveries of each institution behaviour
 *
 * Leakage is what the behaviours cost the fund: the touched claims' fund payments minus those of the
 * claims they came from, under the same policy (pooled fund, serious-illness insurance, personal and
 * family accounts, LEAKAGE_PARTS).
 */
import { SCHEMES } from '../policy/vocabulary.js';
import { NB, NIB } from './behaviours.js';
import { SCREENS } from './screens.js';

export const LEAKAGE_PARTS = ['pooled', 'serious', 'account'] as const;
export const NLP = LEAKAGE_PARTS.length;

export const BEHAVIOUR_FIELDS = [
  /** Claims the behaviour touched, and those it added. */
  'claims',
  'added',
  /** Bill of the touched claims minus the bills they came from. */
  'extraBill',
  /** Leakage by part. */
  'pooled',
  'serious',
  'account',
  /** What the members paid more in cash (out of pocket) on the touched claims than on the claims they came from. */
  'cash',
  /** Touched claims found when a flag was reviewed, and their leakage (recovered this year). */
  'flagFound',
  'flagRecovered',
  /** Touched claims found in the chart review of this year's discharges (done, and recovered, next year). */
  'chartFound',
  'chartRecovered',
  /**
   * Touched stays the chart sample left out (and no flag review found), and their leakage: what a review
   * topped up to its floor draws from (chartFloor.ts).
   */
  'chartReserveClaims',
  'chartReserve',
] as const;
export type BehaviourField = (typeof BEHAVIOUR_FIELDS)[number];

/** Screens computed in the workers (not the institution peer screen), then `any`: a claim flagged by a claim screen or of a flagged member. */
export const WORKER_SCREENS = [...SCREENS.filter((s) => s !== 'peerOutlier'), 'any'] as const;
export type WorkerScreen = (typeof WORKER_SCREENS)[number];
export const SCREEN_FIELDS = [
  /** Units (members or claims) flagged and touched, flagged and not, touched and not flagged; all units. */
  'truePositives',
  'falsePositives',
  'falseNegatives',
  'units',
  /** Leakage (all parts) of the true positives, and of every touched unit. */
  'flaggedLeakage',
  'leakage',
] as const;
export type ScreenField = (typeof SCREEN_FIELDS)[number];

/** One unit against the labels: flagged or not, touched by a behaviour (positive) or not, and its leakage. */
export function tallyScreen(add: (field: ScreenField, x: number) => void, flagged: boolean, positive: boolean, leakage: number): void {
  add('units', 1);
  if (flagged && positive) add('truePositives', 1);
  else if (flagged) add('falsePositives', 1);
  else if (positive) add('falseNegatives', 1);
  if (positive) add('leakage', leakage);
  if (flagged && positive) add('flaggedLeakage', leakage);
}

/** `discharges`: the year's stays, what next year's chart review samples from. */
export const EFFORT_FIELDS = ['flaggedClaims', 'chartsReviewed', 'membersInvestigated', 'suspendedClaims', 'discharges'] as const;
export type EffortField = (typeof EFFORT_FIELDS)[number];

export const PERSON_FIELDS = [
  'cases',
  /** By article: 41.1 (no intent found) and 41.2 (intent, or another's credential). */
  'article41_1',
  'article41_2',
  /** Cases the rule table does not cover (sanctions.gaps: asRules), ordered only to return the loss. */
  'uncovered',
  /** Cases with an interview only (不予处罚). */
  'noPenalty',
  'loss',
  /** Ordered returns beyond what reviews already recovered, and fines. */
  'returned',
  'fines',
  'suspensionMonths',
  'suspended',
  'deterred',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** Per institution: claims and bill treated, leakage of each institution behaviour (all parts), and what reviews recovered of it. */
export const INSTITUTION_FIELDS = ['claims', 'bill'] as const;
const NIF = INSTITUTION_FIELDS.length + 2 * NIB;

const NS = SCHEMES.length;
const NBF = BEHAVIOUR_FIELDS.length;
const NSF = SCREEN_FIELDS.length;
const NPF = PERSON_FIELDS.length;

export const SUMS_OFFSET = (() => {
  const behaviours = 0;
  const interaction = behaviours + NS * NB * NBF;
  const screens = interaction + NS * NLP;
  const effort = screens + WORKER_SCREENS.length * NSF;
  const persons = effort + EFFORT_FIELDS.length;
  const institutions = persons + NS * NPF;
  return { behaviours, interaction, screens, effort, persons, institutions };
})();

export const supervisionSumsLength = (institutions: number) => SUMS_OFFSET.institutions + institutions * NIF;

export const behaviourCell = (scheme: number, b: number, field: BehaviourField) => SUMS_OFFSET.behaviours + (scheme * NB + b) * NBF + BEHAVIOUR_FIELDS.indexOf(field);
export const interactionCell = (scheme: number, part: number) => SUMS_OFFSET.interaction + scheme * NLP + part;
export const screenCell = (screen: number, field: ScreenField) => SUMS_OFFSET.screens + screen * NSF + SCREEN_FIELDS.indexOf(field);
export const effortCell = (field: EffortField) => SUMS_OFFSET.effort + EFFORT_FIELDS.indexOf(field);
export const personCell = (scheme: number, field: PersonField) => SUMS_OFFSET.persons + scheme * NPF + PERSON_FIELDS.indexOf(field);
export const institutionCell = (institution: number, field: (typeof INSTITUTION_FIELDS)[number]) => SUMS_OFFSET.institutions + institution * NIF + INSTITUTION_FIELDS.indexOf(field);
/** Leakage of institution behaviour b (INSTITUTION_BEHAVIOURS position) at an institution. */
export const institutionLeakageCell = (institution: number, b: number) => SUMS_OFFSET.institutions + institution * NIF + INSTITUTION_FIELDS.length + b;
/** What flag and chart reviews recovered of it. */
export const institutionRecoveredCell = (institution: number, b: number) => SUMS_OFFSET.institutions + institution * NIF + INSTITUTION_FIELDS.length + NIB + b;
