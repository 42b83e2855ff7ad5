/**
 * Stream ids (see stream.ts), one registry so no two models share a stream.
 *
 * Member-year streams: population, claims and the cash-flow model. Claim streams carry the claim's index
 * within its setting in the low 20 bits, so the k-th claim of a setting uses the same draws whatever
 * happened in other settings or under another policy.
 */
export const STREAM = {
  /** Attributes of a new occupant (drawn in its entry year). */
  attributes: 1,
  /** Death, exit and leave day of a year. */
  fate: 2,
  /** Yearly transitions: chronic onset, wage drift, university entry. */
  transition: 3,
  /** The member-year's shared utilisation shock. */
  shock: 4,
  /** Which kind of entrant takes a vacated slot. */
  entrant: 5,
  /** The count of each setting: draw `setting` of this stream, inverted (Poisson). */
  counts: 6,
  /** Induced demand: draw k decides the fate of the member-year's k-th prepared claim under a reform (engine/inducedClaims.ts). */
  inducedDemand: 7,
  /** Counts with very high rates (drawn by rejection): countBase + setting code. */
  countBase: 16,
  /** Whether the member's employer is in arrears this year (cash flow). */
  arrears: 24,
  /** Claim streams: (claimBase + setting code) << 20 | claim index. */
  claimBase: 32,
} as const;

export const CLAIM_INDEX_BITS = 20;

/**
 * Further member-keyed claim streams of the institution, payment and cash-flow models, above the
 * generator's claimBase: (base + setting) << 20 | ordinal of the claim among the member's claims of its
 * setting. Group and response draws use the inpatient setting only.
 */
export const CLAIM_STREAM = {
  /** Which institution treats the claim. */
  assignment: 40,
  /** Card swipe or self-advance, and the reimbursement delay. */
  channel: 48,
  /** The case group of an admission. */
  group: 56,
  /** Provider responses to per-case payment (up-coding, cost shifting, early discharge). */
  response: 60,
} as const;

export function claimStreamOf(base: number, setting: number, ordinal: number): number {
  return ((base + setting) << CLAIM_INDEX_BITS) | (ordinal & ((1 << CLAIM_INDEX_BITS) - 1));
}

/**
 * Institutions have keys of their own: `KeyedStream.member(path, institution, INSTITUTION_GENERATION, year)`.
 * Member generations are Uint16 (at most 65535), so no member key equals an institution key.
 */
export const INSTITUTION_GENERATION = 0x10000;

/** Streams of an institution-year (the year of static attributes is the base year). */
export const INSTITUTION_STREAM = {
  /** Size and dates, drawn once in the base year. */
  attributes: 1,
  /** The year's chart-sample review (病历抽查). */
  chartSample: 2,
  /** The annual assessment (年度考核). */
  assessment: 3,
  /** An application for designation and its score. */
  application: 4,
  /** A designation found to have been won by fraud. */
  fraudulentApplication: 5,
  /** Whether the year's termination, if any, was the controller's doing. */
  controllerCaused: 6,
  /** The agreement's terms as the hospital's facts (compliance.ts). */
  terms: 7,
  /** Suspension grounds: suspensionBase + ground index. */
  suspensionBase: 64,
  /** Termination grounds: terminationBase + ground index. */
  terminationBase: 128,
} as const;

/**
 * Supervision (src/supervision/). Member streams (below claimBase): a member's propensity to misuse
 * benefits is drawn once per occupant, keyed to year SUPERVISION_PROPENSITY_YEAR; its cases per year.
 * Claim streams (above the models' claim streams, shifted like them): which behaviour touches a claim,
 * its item mix and signals, its reviews. Institution streams (between application and suspensionBase).
 */
export const SUPERVISION_STREAM = {
  /** Member: which behaviours the occupant engages in (one uniform per person behaviour). */
  memberPropensity: 28,
  /** Member-year: a case's facts (intent found, corrected in time, refused) and deterrence. */
  memberCase: 29,
} as const;

/** The year a propensity is keyed to: any fixed value, so that it lasts the occupant's life. */
export const SUPERVISION_PROPENSITY_YEAR = 0;

export const SUPERVISION_CLAIM_STREAM = {
  /** One uniform per behaviour: whether the behaviour touches the claim; then its day offsets. */
  behaviour: 72,
  /** The claim's item mix (drugs, tests) and its mismatch signals. */
  signal: 80,
  /** Review of a flagged claim, the chart sample and its review. */
  review: 88,
} as const;

export const SUPERVISION_INSTITUTION_STREAM = {
  /** Which behaviours the institution engages in (drawn in the base year). */
  propensity: 8,
  /** The year's inspection: spot check, complaint. */
  inspection: 9,
  /** What the inspection finds and the case's facts. */
  case: 10,
  /** Review of an institution flagged as a peer-group outlier. */
  peerReview: 11,
} as const;
