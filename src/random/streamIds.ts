/**
 * Stream ids of a member-year (see stream.ts), one registry so population and claims never share a
 * stream. Claim streams carry the claim's index within its setting in the low 20 bits, so the k-th claim
 * of a setting uses the same draws whatever happened in other settings or under another policy.
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
  /** Counts with very high rates (drawn by rejection): countBase + setting code. */
  countBase: 16,
  /** Claim streams: (claimBase + setting code) << 20 | claim index. */
  claimBase: 32,
} as const;

export const CLAIM_INDEX_BITS = 20;
