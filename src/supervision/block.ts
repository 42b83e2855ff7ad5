/**
 * The outcome of supervision per (variant, path, year): one block of SUPERVISION_BLOCK cells, written on
 * the main thread when a path's chunks are all merged (close.ts). Money is unweighted fen of the
 * simulated members and counts are of simulated members and claims (tables apply the weight), except
 * institutions, which are the pool's own. Laid out as:
 *
 *   behaviours    [BEHAVIOURS][BLOCK_BEHAVIOUR_FIELDS]
 *   screens       [SCREENS + any][SCREEN_FIELDS]          sums.ts's fields; peerOutlier counts institutions
 *   effort        [EFFORT]
 *   institutions  [INSTITUTION_CASE_FIELDS]               cases against institutions (Arts 38, 40)
 *   persons       [PERSON_FIELDS]                         cases against insured persons (Art 41), both schemes
 *   fund          [scheme][FUND_FIELDS]                   the fund effect
 */
import { SCHEMES } from '../policy/vocabulary.js';
import { NB } from './behaviours.js';
import { SCREENS } from './screens.js';
import { PERSON_FIELDS, SCREEN_FIELDS, type PersonField, type ScreenField } from './sums.js';

export const BLOCK_BEHAVIOUR_FIELDS = [
  'claims',
  'added',
  'extraBill',
  /** All parts, and the pooled fund's part. */
  'leakage',
  'pooledLeakage',
  /** Touched claims found by flag and chart reviews (in the year of care). */
  'found',
  /** Institutions engaging in it (institution behaviours). */
  'institutions',
  /** What the members paid more in cash on the touched claims (the fund's leakage is the rest of the extra bill, less other payers). */
  'memberCash',
  /**
   * drugResale only (0 for the others): what the ring paid the members for the drugs they resold, the
   * extra drugs on their claims (its extraBill) × resalePriceShare (seed 004: 4至5折), rounded to the fen.
   */
  'resaleCash',
] as const;
export type BlockBehaviourField = (typeof BLOCK_BEHAVIOUR_FIELDS)[number];

export const BLOCK_SCREENS = [...SCREENS, 'any'] as const;
export type BlockScreen = (typeof BLOCK_SCREENS)[number];

export const EFFORT = [
  /** Institutions inspected on site, and why (an institution may have several reasons). */
  'institutionsInspected',
  'spotChecks',
  'topSpenders',
  'complaints',
  'institutionsEngaged',
  /** Claims reviewed because they or their member were flagged; stays chart-reviewed (the year after care). */
  'flaggedClaims',
  'chartsReviewed',
  /** Last year's discharges: what this year's chart review sampled from. */
  'chartableDischarges',
  /** Charts added to the stay-by-stay sample to reach the floor (chartFloor.ts; in chartsReviewed too). */
  'chartsToppedUp',
  'membersInvestigated',
  'peerFlagged',
  /** Claims paid in full because the member's networked settlement was suspended. */
  'suspendedClaims',
] as const;
export type EffortField = (typeof EFFORT)[number];

export const INSTITUTION_CASE_FIELDS = [
  'cases',
  'article38',
  'article40',
  'uncovered',
  'noPenalty',
  /** Behaviours found (a case may find several). */
  'behavioursFound',
  /** The loss found (leakage of the behaviours found), what was returned beyond earlier recoveries, fines. */
  'amount',
  'returned',
  'fines',
  'suspensions',
  'suspensionMonths',
  'terminations',
  'deterred',
] as const;
export type InstitutionCaseField = (typeof INSTITUTION_CASE_FIELDS)[number];

export const FUND_FIELDS = [
  /** What the behaviours cost the fund (all parts, interaction included), and the pooled fund's part. */
  'leakage',
  'pooledLeakage',
  /** Recovered: flagged claims found on review; last year's charts found on review; peer-outlier reviews; returns ordered in cases. */
  'flagRecovered',
  'chartRecovered',
  'peerRecovered',
  'institutionReturned',
  'personReturned',
  /** Fines imposed; those counted as fund income (sanctions.finesToFund). */
  'fines',
  'finesToFund',
  /** Recovered + returned + fines to the fund − leakage. */
  'net',
  /** The same against the pooled fund's leakage only: the effect on the pooled fund's balance (the ledger credits every recovery to it). */
  'pooledNet',
] as const;
export type FundField = (typeof FUND_FIELDS)[number];

const NBF = BLOCK_BEHAVIOUR_FIELDS.length;
const NSF = SCREEN_FIELDS.length;
const NFF = FUND_FIELDS.length;

export const SUPERVISION_OFFSET = (() => {
  const behaviours = 0;
  const screens = behaviours + NB * NBF;
  const effort = screens + BLOCK_SCREENS.length * NSF;
  const institutions = effort + EFFORT.length;
  const persons = institutions + INSTITUTION_CASE_FIELDS.length;
  const fund = persons + PERSON_FIELDS.length;
  const end = fund + SCHEMES.length * NFF;
  return { behaviours, screens, effort, institutions, persons, fund, end };
})();
export const SUPERVISION_BLOCK = SUPERVISION_OFFSET.end;

export const blockBehaviourCell = (b: number, field: BlockBehaviourField) => SUPERVISION_OFFSET.behaviours + b * NBF + BLOCK_BEHAVIOUR_FIELDS.indexOf(field);
export const blockScreenCell = (screen: BlockScreen, field: ScreenField) => SUPERVISION_OFFSET.screens + BLOCK_SCREENS.indexOf(screen) * NSF + SCREEN_FIELDS.indexOf(field);
export const effortBlockCell = (field: EffortField) => SUPERVISION_OFFSET.effort + EFFORT.indexOf(field);
export const institutionCaseCell = (field: InstitutionCaseField) => SUPERVISION_OFFSET.institutions + INSTITUTION_CASE_FIELDS.indexOf(field);
export const personBlockCell = (field: PersonField) => SUPERVISION_OFFSET.persons + PERSON_FIELDS.indexOf(field);
export const fundCell = (scheme: number, field: FundField) => SUPERVISION_OFFSET.fund + scheme * NFF + FUND_FIELDS.indexOf(field);

/** What reviews recovered and cases ordered returned. */
export const RECOVERED_FIELDS = ['flagRecovered', 'chartRecovered', 'peerRecovered', 'institutionReturned', 'personReturned'] as const satisfies readonly FundField[];

/** The scheme's supervision income lines of a block (fen): recoveries and returns, and fines to the fund. */
export function fundIncome(block: Float64Array, scheme: number): { recovered: number; fines: number } {
  let recovered = 0;
  for (const f of RECOVERED_FIELDS) recovered += block[fundCell(scheme, f)]!;
  return { recovered, fines: block[fundCell(scheme, 'finesToFund')]! };
}
