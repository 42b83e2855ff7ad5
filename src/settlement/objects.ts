/**
 * Between the readable objects of the reference settlement (types.ts) and the kernel's columns
 * (columns.ts): for tests, examples and explanations, not for the hot path.
 */
import { CAUSES, LEVELS, LOCATIONS, PERSON_TYPES, SETTINGS } from '../policy/vocabulary.js';
import {
  ACC,
  ACC_STRIDE,
  CLAIM_ADMITTED,
  CLAIM_NEW_ADMISSION,
  OUT,
  OUT_STRIDE,
  PERSON_ASSISTANCE,
  PERSON_POVERTY,
  allocateClaims,
  allocatePersons,
  type ClaimColumns,
  type PersonColumns,
} from './columns.js';
import { emptyAccumulators, type Accumulators, type Claim, type Person, type Split } from './types.js';

export function personColumns(persons: readonly Person[]): PersonColumns {
  const cols = allocatePersons(persons.length);
  persons.forEach((p, i) => {
    cols.type[i] = PERSON_TYPES.indexOf(p.type);
    cols.flags[i] = (p.assistanceEligible ? PERSON_ASSISTANCE : 0) | (p.povertyRegistered ? PERSON_POVERTY : 0);
    cols.accountBalance[i] = p.accountBalance;
    cols.familyBalance[i] = p.familyAccountBalance;
  });
  return cols;
}

/** Claims with the index of their person in the person columns. */
export function claimColumns(claims: readonly { person: number; claim: Claim }[]): ClaimColumns {
  const cols = allocateClaims(claims.length);
  claims.forEach(({ person, claim }, i) => {
    cols.person[i] = person;
    cols.setting[i] = SETTINGS.indexOf(claim.setting);
    cols.level[i] = LEVELS.indexOf(claim.level);
    cols.location[i] = LOCATIONS.indexOf(claim.location);
    cols.cause[i] = CAUSES.indexOf(claim.cause);
    cols.flags[i] = (claim.newAdmission ? CLAIM_NEW_ADMISSION : 0) | (claim.admitted ? CLAIM_ADMITTED : 0);
    cols.classA[i] = claim.classA;
    cols.classB[i] = claim.classB;
    cols.classC[i] = claim.classC;
  });
  return cols;
}

/** The split of claim i from the kernel's result rows. */
export function splitAt(out: Float64Array, claims: ClaimColumns, i: number): Split {
  const o = i * OUT_STRIDE;
  const split = { bill: claims.classA[i]! + claims.classB[i]! + claims.classC[i]! } as Split;
  for (const [name, k] of Object.entries(OUT)) split[name as keyof typeof OUT] = out[o + k]!;
  return split;
}

/** A person's accumulator row as the reference's object, for `year`. */
export function accumulatorsAt(acc: Float64Array, person: number, year: number): Accumulators {
  const a = emptyAccumulators(year);
  for (const [name, k] of Object.entries(ACC)) a[name as keyof typeof ACC] = acc[person * ACC_STRIDE + k]!;
  return a;
}
