import { describe, expect, it } from 'vitest';
import { MEMBER_ASSISTANCE, MEMBER_CHRONIC, MEMBER_POVERTY } from '../../src/population/block.js';
import { TYPE_CODE } from '../../src/population/compile.js';
import { createMembers } from '../../src/population/members.js';
import { fillPersonColumns } from '../../src/population/persons.js';
import { runKeys } from '../../src/random/keys.js';
import { allocatePersons, PERSON_ASSISTANCE, PERSON_POVERTY } from '../../src/settlement/columns.js';
import { defaults } from './support.js';

describe('person columns from members', () => {
  const block = createMembers(defaults, runKeys(3), 0, 0, 5000, 2021);

  it('carry type and the assistance and poverty flags only', () => {
    const persons = allocatePersons(block.length);
    fillPersonColumns(block, persons);
    expect(Array.from(persons.type)).toEqual(Array.from(block.type));
    for (let i = 0; i < block.length; i++) {
      const f = block.flags[i]!;
      expect(persons.flags[i]).toBe((f & MEMBER_ASSISTANCE ? PERSON_ASSISTANCE : 0) | (f & MEMBER_POVERTY ? PERSON_POVERTY : 0));
    }
    expect(block.flags.some((f) => (f & MEMBER_CHRONIC) !== 0)).toBe(true);
    expect(persons.flags.some((f) => f !== 0)).toBe(true);
  });

  it('re-type residents for a policy with another elderly age', () => {
    const persons = allocatePersons(block.length);
    fillPersonColumns(block, persons, 65);
    for (let i = 0; i < block.length; i++) {
      const t = block.type[i]!;
      if (t === TYPE_CODE.elderly || t === TYPE_CODE.adult) expect(persons.type[i]).toBe(block.age[i]! >= 65 ? TYPE_CODE.elderly : TYPE_CODE.adult);
      else expect(persons.type[i]).toBe(t);
    }
    expect(() => fillPersonColumns(block, allocatePersons(10))).toThrow(/hold 10 persons/);
  });
});
