/**
 * The validator's own wording ("Too small: expected number to be >=1990", "expected int, got number",
 * "(record)") reworded as the rest of the messages are: what is allowed, in a reader's words.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemsFromZod } from '../../src/input/inputError.js';

const messages = (schema: z.ZodType, data: unknown) => {
  const r = schema.safeParse(data);
  return r.success ? [] : problemsFromZod(r.error.issues, data, 'f.yaml').map((p) => `${p.path.join('.')}: ${p.message}`);
};

describe('validator messages', () => {
  const schema = z.strictObject({
    year: z.number().int().min(1990).max(2200),
    share: z.number().gt(0).lt(1),
    name: z.string().min(1),
    code: z.string().min(3),
    list: z.array(z.number()).min(2).max(3),
    changes: z.record(z.string(), z.unknown()),
  });

  it('names bounds, whole numbers and empty values in words', () => {
    expect(messages(schema, { year: 2022.5, share: 1, name: '', code: 'ab', list: [1], changes: {} })).toEqual([
      'year: must be a whole number',
      'share: must be less than 1',
      'name: must not be empty',
      'code: must be at least 3 characters long',
      'list: must have at least 2 entries',
    ]);
    expect(messages(schema, { year: 1980, share: 0, name: 'n', code: 'abc', list: [1, 2, 3, 4], changes: {} })).toEqual([
      'year: must be at least 1990',
      'share: must be more than 0',
      'list: must have at most 3 entries',
    ]);
  });

  it('calls a missing record an object', () => {
    expect(messages(schema, { share: 0.5, name: 'n', code: 'abc', list: [1, 2] })).toEqual(['year: is required (number)', 'changes: is required (object)']);
  });

  it('names the allowed values of a discriminated union\'s tag, as of any choice', () => {
    const rule = z.array(z.discriminatedUnion('mode', [z.object({ mode: z.literal('fixed') }), z.object({ mode: z.literal('wageIndex'), multiple: z.number().optional() })]));
    expect(messages(rule, [{ mode: 'wage' }, {}])).toEqual(['0.mode: must be one of "fixed", "wageIndex"', '1.mode: is required (one of "fixed", "wageIndex")']);
  });

  it('says how to write a number given as text in a percentage, in 万元 or quoted', () => {
    const amounts = z.strictObject({ ratio: z.number(), cap: z.number(), deductible: z.number(), subsidy: z.number(), name: z.number() });
    expect(messages(amounts, { ratio: '60%', cap: '1.5万', deductible: '30,404', subsidy: '580', name: 'nothing' })).toEqual([
      'ratio: expected number, got string: write a share as a decimal (0.6), not a percentage',
      'cap: expected number, got string: write money in yuan, as a number (15000)',
      'deductible: expected number, got string: write it as a number, without quotes or thousands separators (30404)',
      'subsidy: expected number, got string: write it as a number, without quotes or thousands separators (580)',
      'name: expected number, got string',
    ]);
    expect(messages(z.object({ share: z.number() }), { share: '33.3%' })).toEqual(['share: expected number, got string: write a share as a decimal (0.333), not a percentage']);
  });

  it('keeps a schema\'s own message', () => {
    expect(messages(z.object({ n: z.number().min(1, 'needs at least one path') }), { n: 0 })).toEqual(['n: needs at least one path']);
  });
});
