/**
 * Columnar layout of claims, persons, accumulators and results for the batch kernel.
 * Codes are indices into the vocabulary arrays (SETTINGS, LEVELS, LOCATIONS, CAUSES, PERSON_TYPES).
 * Amounts are integer fen in Float64Array (exact below 2^53).
 */
/** Claim flags (ClaimColumns.flags) and person flags (PersonColumns.flags), bit values. */
export const enum ClaimFlag {
  newAdmission = 1,
  admitted = 2,
}
export const enum PersonFlag {
  assistance = 1,
  poverty = 2,
}
export const CLAIM_NEW_ADMISSION = ClaimFlag.newAdmission;
export const CLAIM_ADMITTED = ClaimFlag.admitted;
export const PERSON_ASSISTANCE = PersonFlag.assistance;
export const PERSON_POVERTY = PersonFlag.poverty;

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

/*
 * Slots are const enums so that the kernel's slot numbers compile to literals (reading them from a
 * module object each time made the kernel about 1.7 times slower). ACC and OUT are the same layout as
 * objects, for code that looks slots up by name.
 */

/** Accumulator slots, one row of ACC_STRIDE per person; field order as in types.ts. */
export const enum AccSlot {
  outpatientDeductibleUsed,
  chronicDeductibleUsed,
  admissions,
  admissionDeductibleLeft,
  admissionRangeCost,
  /** Pooled-fund payments: outpatientPaid + pool (0 outpatient, 1 chronic, 2 inpatient). */
  outpatientPaid,
  chronicPaid,
  inpatientPaid,
  fundCapPaid,
  /** Policy-range cost: outpatientRangeCost + benefit setting (0 outpatient … 3 pharmacy). */
  outpatientRangeCost,
  chronicRangeCost,
  inpatientRangeCost,
  pharmacyRangeCost,
  seriousIllnessBasis,
  seriousIllnessPaid,
  assistanceDeductibleUsed,
  assistancePaid,
  stride,
}
export const ACC = {
  outpatientDeductibleUsed: AccSlot.outpatientDeductibleUsed,
  chronicDeductibleUsed: AccSlot.chronicDeductibleUsed,
  admissions: AccSlot.admissions,
  admissionDeductibleLeft: AccSlot.admissionDeductibleLeft,
  admissionRangeCost: AccSlot.admissionRangeCost,
  outpatientPaid: AccSlot.outpatientPaid,
  chronicPaid: AccSlot.chronicPaid,
  inpatientPaid: AccSlot.inpatientPaid,
  fundCapPaid: AccSlot.fundCapPaid,
  outpatientRangeCost: AccSlot.outpatientRangeCost,
  chronicRangeCost: AccSlot.chronicRangeCost,
  inpatientRangeCost: AccSlot.inpatientRangeCost,
  pharmacyRangeCost: AccSlot.pharmacyRangeCost,
  seriousIllnessBasis: AccSlot.seriousIllnessBasis,
  seriousIllnessPaid: AccSlot.seriousIllnessPaid,
  assistanceDeductibleUsed: AccSlot.assistanceDeductibleUsed,
  assistancePaid: AccSlot.assistancePaid,
} as const;
export const ACC_STRIDE = AccSlot.stride;

/** Result slots, one row of OUT_STRIDE per claim. Components 0-5 and payers {3, 6-11} each sum to the bill. */
export const enum OutSlot {
  outOfScope,
  firstSelfPay,
  deductible,
  pooledFund,
  copay,
  aboveCap,
  seriousIllness,
  assistance,
  backstop,
  personalAccount,
  familyAccount,
  cash,
  stride,
}
export const OUT = {
  outOfScope: OutSlot.outOfScope,
  firstSelfPay: OutSlot.firstSelfPay,
  deductible: OutSlot.deductible,
  pooledFund: OutSlot.pooledFund,
  copay: OutSlot.copay,
  aboveCap: OutSlot.aboveCap,
  seriousIllness: OutSlot.seriousIllness,
  assistance: OutSlot.assistance,
  backstop: OutSlot.backstop,
  personalAccount: OutSlot.personalAccount,
  familyAccount: OutSlot.familyAccount,
  cash: OutSlot.cash,
} as const;
export const OUT_STRIDE = OutSlot.stride;
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
