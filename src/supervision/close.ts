/**
 * A path's supervision outcome on the main thread, once every chunk of the path is merged: for each
 * variant and year, the workers' sums (sums.ts) and the path's plan (plan.ts) become one block
 * (block.ts). Here, where every institution's claims are added up:
 *   - the peer screen: an institution's bill per claim against the median of its peers (same type and
 *     level, at least peerOutlier.minClaims claims); a flagged institution is reviewed (篇五: every
 *     flag), and the review finds what its behaviours leaked with chance detection.flagReview;
 *   - the planned institution cases get their amounts: the loss is the realised leakage of the
 *     behaviours found, the return what earlier reviews did not recover, the fine the tier's multiple
 *     of the loss (the tier, and so any suspension, is the plan's);
 *   - chart reviews of a year's discharges are booked the year after, topped up to the plan's floor of
 *     chartShare of the discharges when the stay-by-stay sample falls short (chartFloor.ts);
 *   - the fund effect: leakage against recoveries, returns and (sanctions.finesToFund) fines.
 * Returns and fines of institution cases are split between the schemes as the year's institution
 * leakage is (the per-institution sums keep no scheme).
 */
import type { Institutions } from '../institutions/generate.js';
import { PHARMACY } from '../institutions/vocabulary.js';
import { LEVELS, SCHEMES } from '../policy/vocabulary.js';
import type { RunKeys } from '../random/keys.js';
import { KeyedStream } from '../random/stream.js';
import { INSTITUTION_GENERATION, SUPERVISION_INSTITUTION_STREAM } from '../random/streamIds.js';
import { labelOf, NB, NIB } from './behaviours.js';
import {
  blockBehaviourCell,
  blockScreenCell,
  effortBlockCell,
  fundCell,
  institutionCaseCell,
  personBlockCell,
  RECOVERED_FIELDS,
  type EffortField,
  type FundField,
  type InstitutionCaseField,
} from './block.js';
import { institutionCase } from './cases.js';
import { chartTopUp, toppedUpFinds, type ChartTopUp } from './chartFloor.js';
import type { CompiledSupervision } from './compile.js';
import type { SanctionRules } from './rules.js';
import { INSPECTED, type SupervisionPlan } from './plan.js';
import {
  behaviourCell,
  effortCell,
  institutionCell,
  institutionLeakageCell,
  institutionRecoveredCell,
  interactionCell,
  NLP,
  PERSON_FIELDS,
  personCell,
  SCREEN_FIELDS,
  screenCell,
  tallyScreen,
  WORKER_SCREENS,
  type BehaviourField,
  type ScreenField,
} from './sums.js';

const NSC = SCHEMES.length;
const DRUG_RESALE = labelOf('drugResale') - 1;

export interface CloseInput {
  compiled: CompiledSupervision;
  rules: SanctionRules;
  keys: RunKeys;
  path: number;
  plan: SupervisionPlan;
  institutions: Institutions;
  variants: number;
  /** The path's merged sums of (variant, year index). */
  sums: (variant: number, yearIndex: number) => Float64Array;
  /** The block to write for (variant, year index), zeroed. */
  block: (variant: number, yearIndex: number) => Float64Array;
}

export function closeSupervision(input: CloseInput): void {
  const { compiled, plan, institutions, variants } = input;
  const n = institutions.length;
  const peerGroup = Uint8Array.from({ length: n }, (_, i) => (institutions.type[i] === PHARMACY ? LEVELS.length : institutions.level[i]!));
  const reviewed = plan.years.map((year) => peerReviews(input, year));
  for (let v = 0; v < variants; v++) {
    plan.years.forEach((_, y) => {
      const S = input.sums(v, y);
      const B = input.block(v, y);
      const last = y > 0 ? input.sums(v, y - 1) : null;
      const recovered = new Float64Array(n * NIB);
      for (let i = 0; i < n; i++) for (let b = 0; b < NIB; b++) recovered[i * NIB + b] = S[institutionRecoveredCell(i, b)]!;
      // Last year's discharges are chart-reviewed this year, topped up to the floor (chartFloor.ts).
      const lastReview = last ? chartReview(compiled, last) : null;
      copyWorkerSums(compiled, B, S, last, lastReview, plan, y);
      resaleCash(compiled, B);
      const peer = peerScreen(compiled, S, B, plan.engaged[y]!, peerGroup, reviewed[y]!, recovered);
      const cases = institutionCases(input, S, B, y, recovered);
      fundEffect(compiled, B, S, last, lastReview, peer, cases);
    });
  }
}

/** The review draw of each institution flagged by the peer screen (keyed by institution-year). */
function peerReviews(input: CloseInput, year: number): Float64Array {
  const s = new KeyedStream(input.keys);
  return Float64Array.from({ length: input.institutions.length }, (_, i) => s.member(input.path, i, INSTITUTION_GENERATION, year).select(SUPERVISION_INSTITUTION_STREAM.peerReview).next());
}

/** The chart review of the discharges in sums `S`, topped up to its floor (chartFloor.ts). */
function chartReview(c: CompiledSupervision, S: Float64Array): ChartTopUp {
  return chartTopUp(c.a.inspection.chartShare, S[effortCell('discharges')]!, S[effortCell('chartsReviewed')]!);
}

function copyWorkerSums(c: CompiledSupervision, B: Float64Array, S: Float64Array, last: Float64Array | null, lastReview: ChartTopUp | null, plan: SupervisionPlan, y: number): void {
  const both = (f: (scheme: number) => number) => {
    let t = 0;
    for (let scheme = 0; scheme < NSC; scheme++) t += f(scheme);
    return t;
  };
  const bsum = (b: number, field: BehaviourField) => both((scheme) => S[behaviourCell(scheme, b, field)]!);
  const engaged = plan.engaged[y]!;
  const detection = c.a.inspection.detection.chartReview;
  const thisYear = chartReview(c, S);
  for (let b = 0; b < NB; b++) {
    B[blockBehaviourCell(b, 'claims')] = bsum(b, 'claims');
    B[blockBehaviourCell(b, 'added')] = bsum(b, 'added');
    B[blockBehaviourCell(b, 'extraBill')] = bsum(b, 'extraBill');
    B[blockBehaviourCell(b, 'leakage')] = bsum(b, 'pooled') + bsum(b, 'serious') + bsum(b, 'account');
    B[blockBehaviourCell(b, 'pooledLeakage')] = bsum(b, 'pooled');
    const toppedUp = toppedUpFinds(thisYear, detection, bsum(b, 'chartReserveClaims'), 0).found;
    B[blockBehaviourCell(b, 'found')] = bsum(b, 'flagFound') + bsum(b, 'chartFound') + toppedUp;
    B[blockBehaviourCell(b, 'memberCash')] = bsum(b, 'cash');
    if (b < NIB) for (let i = 0; i < plan.institutions; i++) B[blockBehaviourCell(b, 'institutions')] += engaged[i * NIB + b]!;
  }
  WORKER_SCREENS.forEach((screen, k) => {
    for (const field of SCREEN_FIELDS) B[blockScreenCell(screen, field)] = S[screenCell(k, field)]!;
  });
  const effort = (field: EffortField, value: number) => (B[effortBlockCell(field)] = value);
  effort('flaggedClaims', S[effortCell('flaggedClaims')]!);
  effort('chartsReviewed', last && lastReview ? last[effortCell('chartsReviewed')]! + lastReview.added : 0);
  effort('chartsToppedUp', lastReview ? lastReview.added : 0);
  effort('chartableDischarges', last ? last[effortCell('discharges')]! : 0);
  effort('membersInvestigated', S[effortCell('membersInvestigated')]!);
  effort('suspendedClaims', S[effortCell('suspendedClaims')]!);
  const inspected = plan.inspected[y]!;
  let engagedInstitutions = 0;
  for (let i = 0; i < plan.institutions; i++) {
    const why = inspected[i]!;
    if (why) B[effortBlockCell('institutionsInspected')] += 1;
    if (why & INSPECTED.spotCheck) B[effortBlockCell('spotChecks')] += 1;
    if (why & INSPECTED.topSpender) B[effortBlockCell('topSpenders')] += 1;
    if (why & INSPECTED.complaint) B[effortBlockCell('complaints')] += 1;
    if (engaged.subarray(i * NIB, (i + 1) * NIB).includes(1)) engagedInstitutions++;
  }
  effort('institutionsEngaged', engagedInstitutions);
  PERSON_FIELDS.forEach((field) => (B[personBlockCell(field)] = both((scheme) => S[personCell(scheme, field)]!)));
}

/**
 * The drug-resale ring's buying (seed 004: elderly members sell the drugs bought on their cards at 4至5折):
 * the members are paid resalePriceShare of the price of the drugs they resold, the extra drugs
 * drugResale put on their claims.
 */
function resaleCash(c: CompiledSupervision, B: Float64Array): void {
  B[blockBehaviourCell(DRUG_RESALE, 'resaleCash')] = Math.round(c.a.resalePriceShare * B[blockBehaviourCell(DRUG_RESALE, 'extraBill')]!);
}

/** Leakage of an institution's behaviours (all of them, or those listed). */
function institutionLeakage(S: Float64Array, i: number, behaviours?: readonly number[]): number {
  let t = 0;
  for (const b of behaviours ?? Array.from({ length: NIB }, (_, k) => k)) t += S[institutionLeakageCell(i, b)]!;
  return t;
}

/** The peer screen and its reviews; returns what the reviews recovered (and marks it recovered). */
function peerScreen(c: CompiledSupervision, S: Float64Array, B: Float64Array, engaged: Uint8Array, peerGroup: Uint8Array, review: Float64Array, recovered: Float64Array): number {
  const { above, minClaims } = c.a.screens.peerOutlier;
  const n = peerGroup.length;
  const perClaim = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const claims = S[institutionCell(i, 'claims')]!;
    if (claims >= minClaims) perClaim[i] = S[institutionCell(i, 'bill')]! / claims;
  }
  const medians = new Map<number, number>();
  for (const g of new Set(peerGroup)) medians.set(g, median(Array.from(perClaim).filter((x, i) => peerGroup[i] === g && !Number.isNaN(x))));
  const tally = (field: ScreenField, x: number) => (B[blockScreenCell('peerOutlier', field)] += x);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(perClaim[i]!)) continue;
    const flagged = perClaim[i]! > medians.get(peerGroup[i]!)! * (1 + above);
    const positive = engaged.subarray(i * NIB, (i + 1) * NIB).includes(1);
    const leakage = institutionLeakage(S, i);
    tallyScreen(tally, flagged, positive, leakage);
    if (flagged) B[effortBlockCell('peerFlagged')] += 1;
    if (!flagged || !positive || review[i]! >= c.a.inspection.detection.flagReview) continue;
    for (let b = 0; b < NIB; b++) {
      const more = Math.max(0, S[institutionLeakageCell(i, b)]! - recovered[i * NIB + b]!);
      recovered[i * NIB + b] += more;
      total += more;
    }
  }
  return total;
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((p, q) => p - q);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The year's planned cases with their realised amounts; returns the totals returned and fined. */
function institutionCases(input: CloseInput, S: Float64Array, B: Float64Array, y: number, recovered: Float64Array): { returned: number; fines: number } {
  const add = (field: InstitutionCaseField, x = 1) => (B[institutionCaseCell(field)] += x);
  let returned = 0;
  let fines = 0;
  for (const c of input.plan.cases[y]!) {
    const i = c.institution;
    const amount = Math.max(0, institutionLeakage(S, i, c.found));
    const earlier = c.found.reduce((sum, b) => sum + recovered[i * NIB + b]!, 0);
    const outcome = institutionCase(input.rules(input.plan.years[y]!), { intent: c.intent, amountFen: amount, share: c.share, firstOffence: c.firstOffence, correctedInTime: c.correctedInTime, refusedToCorrect: c.refusedToCorrect });
    const back = Math.max(0, amount - earlier);
    const effects = c.outcome.effects;
    add('cases');
    add(outcome.article === '40' ? 'article40' : 'article38');
    if (!outcome.covered) add('uncovered');
    if (outcome.noPenalty) add('noPenalty');
    add('behavioursFound', c.found.length);
    add('amount', amount);
    add('returned', back);
    add('fines', outcome.effects.fineFen);
    if (effects.departmentSuspensionMonths > 0) add('suspensions');
    add('suspensionMonths', effects.departmentSuspensionMonths);
    if (effects.agreementTerminated) add('terminations');
    if (c.deterred) add('deterred');
    returned += back;
    fines += outcome.effects.fineFen;
  }
  return { returned, fines };
}

function fundEffect(
  c: CompiledSupervision,
  B: Float64Array,
  S: Float64Array,
  last: Float64Array | null,
  lastReview: ChartTopUp | null,
  peer: number,
  cases: { returned: number; fines: number },
): void {
  // The schemes' shares of the year's institution leakage split what institutions return and pay.
  const institutionLeak = Array.from(SCHEMES, (_, scheme) => {
    let t = 0;
    for (let b = 0; b < NIB; b++) for (const field of ['pooled', 'serious', 'account'] as const) t += S[behaviourCell(scheme, b, field)]!;
    return t;
  });
  const total = institutionLeak.reduce((s, x) => s + x, 0);
  const split = (x: number, scheme: number) => {
    const first = total > 0 ? Math.round((x * Math.max(0, institutionLeak[0]!)) / total) : x;
    return scheme === 0 ? first : x - first;
  };
  for (let scheme = 0; scheme < NSC; scheme++) {
    const put = (field: FundField, x: number) => (B[fundCell(scheme, field)] = x);
    const behaviours = (field: BehaviourField, from: Float64Array | null = S) => {
      if (!from) return 0;
      let t = 0;
      for (let b = 0; b < NB; b++) t += from[behaviourCell(scheme, b, field)]!;
      return t;
    };
    let interaction = 0;
    for (let p = 0; p < NLP; p++) interaction += S[interactionCell(scheme, p)]!;
    const leakage = behaviours('pooled') + behaviours('serious') + behaviours('account') + interaction;
    put('leakage', leakage);
    put('pooledLeakage', behaviours('pooled') + S[interactionCell(scheme, 0)]!);
    put('flagRecovered', behaviours('flagRecovered'));
    // Last year's chart review, topped up to its floor (chartFloor.ts).
    const toppedUp = lastReview ? toppedUpFinds(lastReview, c.a.inspection.detection.chartReview, behaviours('chartReserveClaims', last), behaviours('chartReserve', last)).recovered : 0;
    put('chartRecovered', behaviours('chartRecovered', last) + toppedUp);
    put('peerRecovered', split(peer, scheme));
    put('institutionReturned', split(cases.returned, scheme));
    put('personReturned', S[personCell(scheme, 'returned')]!);
    const fines = split(cases.fines, scheme) + S[personCell(scheme, 'fines')]!;
    put('fines', fines);
    const toFund = c.a.sanctions.finesToFund ? fines : 0;
    put('finesToFund', toFund);
    const back = RECOVERED_FIELDS.reduce((t, f) => t + B[fundCell(scheme, f)]!, 0);
    put('net', back + toFund - leakage);
    put('pooledNet', back + toFund - B[fundCell(scheme, 'pooledLeakage')]!);
  }
}
