/**
 * Catastrophic spending (灾难性卫生支出): the engine counts a member-year when out-of-pocket exceeds the
 * scenario's share of the member's income (engine/aggregateYear.ts addMembers), and members_by_year's
 * catastrophic_share divides that count by member-years (analysis/memberMeasures.ts). Hand-picked members.
 */
import { describe, expect, it } from 'vitest';
import { AGE_BAND_LABELS, BLOCK, MEMBER_FIELDS, memberCell } from '../../src/engine/aggregates.js';
import { addMembers } from '../../src/engine/aggregateYear.js';
import { memberMeasures } from '../../src/analysis/memberMeasures.js';
import { PERSON_TYPES, type PersonType } from '../../src/policy/vocabulary.js';

/** Members: type, age, alive, annual income and out-of-pocket (fen). */
const MEMBERS: { type: PersonType; age: number; alive: 0 | 1; income: number; oop: number }[] = [
  { type: 'inService', age: 40, alive: 1, income: 100_000_00, oop: 25_000_01 }, // above 25% of 100,000 yuan
  { type: 'inService', age: 41, alive: 1, income: 100_000_00, oop: 25_000_00 }, // exactly at the threshold: not above
  { type: 'inService', age: 50, alive: 1, income: 60_000_00, oop: 3_000_00 }, // 5% of income
  { type: 'retired', age: 70, alive: 1, income: 40_000_00, oop: 10_000_01 }, // above 25% of 40,000
  { type: 'adult', age: 30, alive: 1, income: 20_000_00, oop: 0 },
  { type: 'adult', age: 30, alive: 1, income: 20_000_00, oop: 6_000_00 }, // 30% of income
  { type: 'elderly', age: 80, alive: 1, income: 0, oop: 0 }, // no income, nothing paid: not catastrophic
  { type: 'inService', age: 40, alive: 0, income: 10_000_00, oop: 9_000_00 }, // an empty slot: not counted at all
];

function aggregate(catastrophicShare: number): Float64Array {
  const block = new Float64Array(BLOCK);
  const n = MEMBERS.length;
  addMembers(
    block,
    0,
    {
      length: n,
      type: Uint8Array.from(MEMBERS, (m) => PERSON_TYPES.indexOf(m.type)),
      age: Uint8Array.from(MEMBERS, (m) => m.age),
      alive: Uint8Array.from(MEMBERS, (m) => m.alive),
    },
    Float64Array.from(MEMBERS, (m) => m.oop), // bill: at least the out-of-pocket
    Float64Array.from(MEMBERS, (m) => m.oop),
    Float64Array.from(MEMBERS, (m) => m.income),
    catastrophicShare,
  );
  return block;
}

const cell = (block: Float64Array, type: PersonType, band: (typeof AGE_BAND_LABELS)[number], field: (typeof MEMBER_FIELDS)[number]) =>
  block[memberCell(PERSON_TYPES.indexOf(type), AGE_BAND_LABELS.indexOf(band), MEMBER_FIELDS.indexOf(field))]!;

/** Σ of a member field over every type and band. */
const total = (block: Float64Array, field: (typeof MEMBER_FIELDS)[number]) =>
  PERSON_TYPES.reduce((s, t) => s + AGE_BAND_LABELS.reduce((u, b) => u + cell(block, t, b, field), 0), 0);

function measure(block: Float64Array, where: { scheme: string; person_type: string; age_band: string; metric: string }): number {
  const out = new Float64Array(memberMeasures.labels.length);
  memberMeasures.read(block, 1, out);
  const i = memberMeasures.labels.findIndex((l) => Object.entries(where).every(([k, v]) => l[k as keyof typeof l] === v));
  if (i < 0) throw new Error(`no measure ${JSON.stringify(where)}`);
  return out[i]!;
}

describe('catastrophic spending count', () => {
  it('counts the member-years with out-of-pocket strictly above 25% of income, by type and age band', () => {
    const block = aggregate(0.25);
    expect(total(block, 'memberYears')).toBe(7);
    expect(total(block, 'catastrophic')).toBe(3);
    expect(cell(block, 'inService', '35-44', 'catastrophic')).toBe(1); // 25,000.01 yes, 25,000.00 no
    expect(cell(block, 'inService', '35-44', 'memberYears')).toBe(2); // the empty slot is not a member
    expect(cell(block, 'inService', '45-54', 'catastrophic')).toBe(0);
    expect(cell(block, 'retired', '65-74', 'catastrophic')).toBe(1);
    expect(cell(block, 'adult', '18-34', 'catastrophic')).toBe(1);
    expect(cell(block, 'elderly', '75-84', 'catastrophic')).toBe(0);
  });

  it('moves with the scenario’s threshold', () => {
    // At 10%: also the in-service member at 25% of income and … not the one at 5%.
    expect(total(aggregate(0.1), 'catastrophic')).toBe(4);
    // At 4%: the one at 5% too.
    expect(total(aggregate(0.04), 'catastrophic')).toBe(5);
    // At 50%: nobody (the highest share is 30%).
    expect(total(aggregate(0.5), 'catastrophic')).toBe(0);
  });

  it('becomes catastrophic_share per member-year in members_by_year', () => {
    const block = aggregate(0.25);
    expect(measure(block, { scheme: 'all', person_type: 'all', age_band: 'all', metric: 'catastrophic_share' })).toBeCloseTo(3 / 7, 15);
    // Employees: 2 of 4 member-years (in service 1 of 3, retired 1 of 1).
    expect(measure(block, { scheme: 'employee', person_type: 'all', age_band: 'all', metric: 'catastrophic_share' })).toBe(0.5);
    expect(measure(block, { scheme: 'employee', person_type: 'inService', age_band: 'all', metric: 'catastrophic_share' })).toBeCloseTo(1 / 3, 15);
    // Residents: 1 of 3.
    expect(measure(block, { scheme: 'resident', person_type: 'all', age_band: 'all', metric: 'catastrophic_share' })).toBeCloseTo(1 / 3, 15);
    expect(measure(block, { scheme: 'resident', person_type: 'adult', age_band: '18-34', metric: 'catastrophic_share' })).toBe(0.5);
  });
});
