/** Jurisdiction codes, ISO 3166-2 style: a rule file is the region's own when its code covers the region's. */
import { describe, expect, it } from 'vitest';
import { covers, jurisdictionText } from '../../src/policy/jurisdiction.js';

describe('jurisdictions', () => {
  it.each([
    ['CN', 'CN', true],
    ['CN', 'CN-JX-nanchang', true],
    ['CN-JX', 'CN-JX-nanchang', true],
    ['CN-JX', 'CN-JX', true],
    ['CN-JX', 'CN-JXX', false], // a prefix of the letters, not of the hierarchy
    ['CN-JX', 'CN', false], // a province's rules do not cover the country
    ['CN-GX', 'CN-default-prefecture', false],
  ])('%s covers %s: %s', (rules, region, own) => {
    expect(covers(rules, region)).toBe(own);
    expect(jurisdictionText(rules, region)).toBe(own ? rules : `${rules}, borrowed`);
  });
});
