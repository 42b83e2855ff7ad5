/**
 * Columnar layout of claims, persons, accumulators and results for the batch kernel.
 * Codes are indices into the vocabulary arrays (SETTINGS, LEVELS, LOCATIONS, CAUSES, PERSON_TYPES).
 * Amounts are integer fen in Float64Array (exact below 2^53).
 */
export const CLAIM_NEW_ADMISSION = 1;
export const CLAIM_ADMITTED = 2;
export const PERSON_ASSISTANCE = 1;
export const PERSON_POVERTY = 2;

export interface ClaimColumns {
  length: number;
  /** Index into the person columns. A person's claims must be in date order. */
  person: Int32Array;
  setting: Uint8Array;
  level: Uint8Array;
  location: Uint8Array;
  cause: Uint8Array;
  /** CLAIM_NEW_ADMISSION | CLAIM_ADMITTED. */
  flags: Uint8Array;
  classA: Float64Array;
  classB: Float64Array;
  classC: Float64Array;
}

export interface PersonColumns {
  length: number;
  /** Person type code (index into PERSON_TYPES). */
  type: Uint8Array;
  /** PERSON_ASSISTANCE | PERSON_POVERTY. */
  flags: Uint8Array;
  /** Updated in place as accounts pay. */
  accountBalance: Float64Array;
  familyBalance: Float64Array;
}

/** Accumulator slots, one row of ACC_STRIDE per person; field order as in types.ts. */
export const ACC = {
  outpatientDeductibleUsed: 0,
  chronicDeductibleUsed: 1,
  admissions: 2,
  admissionDeductibleLeft: 3,
  admissionRangeCost: 4,
  outpatientPaid: 5,
  chronicPaid: 6,
  inpatientPaid: 7,
  fundCapPaid: 8,
  outpatientRangeCost: 9,
  chronicRangeCost: 10,
  inpatientRangeCost: 11,
  pharmacyRangeCost: 12,
  seriousIllnessBasis: 13,
  seriousIllnessPaid: 14,
  assistanceDeductibleUsed: 15,
  assistancePaid: 16,
} as const;
export const ACC_STRIDE = 17;

/** Result slots, one row of OUT_STRIDE per claim. Components 0-5 and payers {3, 6-11} each sum to the bill. */
export const OUT = {
  outOfScope: 0,
  firstSelfPay: 1,
  deductible: 2,
  pooledFund: 3,
  copay: 4,
  aboveCap: 5,
  seriousIllness: 6,
  assistance: 7,
  backstop: 8,
  personalAccount: 9,
  familyAccount: 10,
  cash: 11,
} as const;
export const OUT_STRIDE = 12;
export const OUT_FIELDS = Object.keys(OUT) as (keyof typeof OUT)[];

export function allocateClaims(n: number): ClaimColumns {
  return {
    length: n,
    person: new Int32Array(n),
    setting: new Uint8Array(n),
    level: new Uint8Array(n),
    location: new Uint8Array(n),
    cause: new Uint8Array(n),
    flags: new Uint8Array(n),
    classA: new Float64Array(n),
    classB: new Float64Array(n),
    classC: new Float64Array(n),
  };
}

export function allocatePersons(n: number): PersonColumns {
  return {
    length: n,
    type: new Uint8Array(n),
    flags: new Uint8Array(n),
    accountBalance: new Float64Array(n),
    familyBalance: new Float64Array(n),
  };
}

export function allocateAccumulators(persons: number): Float64Array {
  return new Float64Array(persons * ACC_STRIDE);
}

export function allocateResults(claims: number): Float64Array {
  return new Float64Array(claims * OUT_STRIDE);
}
