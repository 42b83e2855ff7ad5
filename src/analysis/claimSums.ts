/**
 * Reading the claim cells of an aggregate block: sums of a settlement field over a selection of person
 * types, settings and levels. Selections are lists of codes; an absent list means all.
 */
import { CLAIM_FIELDS, claimCell } from '../engine/aggregates.js';
import { LEVELS, PERSON_TYPES, SETTINGS, schemeOf, type PersonType, type Scheme } from '../policy/vocabulary.js';

export type ClaimField = (typeof CLAIM_FIELDS)[number];

export interface Selection {
  types?: readonly number[];
  settings?: readonly number[];
  levels?: readonly number[];
}

const all = (n: number) => Array.from({ length: n }, (_, i) => i);
const ALL_TYPES = all(PERSON_TYPES.length);
const ALL_SETTINGS = all(SETTINGS.length);
const ALL_LEVELS = all(LEVELS.length);

export function typesOf(scheme: Scheme): number[] {
  return PERSON_TYPES.flatMap((t, i) => (schemeOf(t) === scheme ? [i] : []));
}

export function typeCode(type: PersonType): number {
  return PERSON_TYPES.indexOf(type);
}

export function claimSum(block: Float64Array, field: ClaimField, sel: Selection = {}): number {
  const f = CLAIM_FIELDS.indexOf(field);
  let sum = 0;
  for (const t of sel.types ?? ALL_TYPES) {
    for (const s of sel.settings ?? ALL_SETTINGS) {
      for (const l of sel.levels ?? ALL_LEVELS) sum += block[claimCell(t, s, l, f)]!;
    }
  }
  return sum;
}

/** A sum of one settlement field over some selection of claims. */
export type FieldSum = (field: ClaimField) => number;

/** 政策范围内费用: the cost the basic insurance rules apply to (deductible + fund + co-payment + above cap). */
export function policyRangeCostOf(sum: FieldSum): number {
  return sum('deductible') + sum('pooledFund') + sum('copay') + sum('aboveCap');
}

/** 政策范围内报销比例: pooled-fund payments over policy-range cost (NaN when there is none). */
export function policyRangeRatioOf(sum: FieldSum): number {
  return sum('pooledFund') / policyRangeCostOf(sum);
}

/** 实际报销比例: pooled-fund payments over the whole bill (NaN without a bill). */
export function actualRatioOf(sum: FieldSum): number {
  return sum('pooledFund') / sum('bill');
}

/** 个人负担: the patient's share, paid from the personal account, a relative's account (家庭共济) or in cash. */
export function outOfPocketOf(sum: FieldSum): number {
  return sum('personalAccount') + sum('familyAccount') + sum('cash');
}

const blockSum = (block: Float64Array, sel: Selection): FieldSum => (field) => claimSum(block, field, sel);

export function policyRangeCost(block: Float64Array, sel: Selection = {}): number {
  return policyRangeCostOf(blockSum(block, sel));
}

export function policyRangeRatio(block: Float64Array, sel: Selection = {}): number {
  return policyRangeRatioOf(blockSum(block, sel));
}

export function actualRatio(block: Float64Array, sel: Selection = {}): number {
  return actualRatioOf(blockSum(block, sel));
}
