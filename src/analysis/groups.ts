/**
 * Who a table row is about: everyone, a scheme, or one person type (in-service and retired differ in
 * ratios and use, so they get rows of their own). `types` are PERSON_TYPES codes.
 */
import { PERSON_TYPES, SCHEMES, schemeOf, type PersonType, type Scheme } from '../policy/vocabulary.js';
import { typeCode, typesOf } from './claimSums.js';

export interface Group {
  scheme: Scheme | 'all';
  person_type: PersonType | 'all';
  types: readonly number[];
}

/** Everyone; then each scheme followed by its person types. */
export const GROUPS: readonly Group[] = [
  { scheme: 'all', person_type: 'all', types: PERSON_TYPES.map(typeCode) },
  ...SCHEMES.flatMap((scheme): Group[] => [
    { scheme, person_type: 'all', types: typesOf(scheme) },
    ...PERSON_TYPES.filter((t) => schemeOf(t) === scheme).map((t) => ({ scheme, person_type: t, types: [typeCode(t)] })),
  ]),
];
