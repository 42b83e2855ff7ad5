/** The models' stream ids never meet the population and claims registry (src/random/streamIds.ts). */
import { describe, expect, it } from 'vitest';
import { CLAIM_STREAM, claimStreamOf, INSTITUTION_GENERATION, MEMBER_STREAM } from '../../src/institutions/streams.js';
import { SETTINGS } from '../../src/policy/vocabulary.js';
import { CLAIM_INDEX_BITS, STREAM } from '../../src/random/streamIds.js';

const NS = SETTINGS.length;

describe('stream ids', () => {
  it('of member-years are not in the registry', () => {
    const taken = new Set<number>(Object.values(STREAM).filter((v) => v < STREAM.countBase));
    for (let s = 0; s < NS; s++) taken.add(STREAM.countBase + s);
    for (const id of Object.values(MEMBER_STREAM)) {
      expect(taken.has(id)).toBe(false);
      expect(id).toBeLessThan(STREAM.claimBase);
    }
  });

  it('of claims use high parts of their own', () => {
    const registry = new Set(Array.from({ length: NS }, (_, s) => STREAM.claimBase + s));
    const ours = Object.values(CLAIM_STREAM).flatMap((base) => Array.from({ length: NS }, (_, s) => claimStreamOf(base, s, 0) >> CLAIM_INDEX_BITS));
    for (const high of ours) expect(registry.has(high)).toBe(false);
    // Group and response draws use the inpatient setting only; no two of our streams share a high part.
    const used = Object.entries(CLAIM_STREAM).flatMap(([name, base]) =>
      name === 'group' || name === 'response' ? [base + SETTINGS.indexOf('inpatient')] : Array.from({ length: NS }, (_, s) => base + s),
    );
    expect(new Set(used).size).toBe(used.length);
    expect(claimStreamOf(CLAIM_STREAM.channel, 2, 7)).toBe(((CLAIM_STREAM.channel + 2) << CLAIM_INDEX_BITS) | 7);
  });

  it('of institutions are keyed past every member generation', () => {
    expect(INSTITUTION_GENERATION).toBeGreaterThan(0xffff);
  });
});
