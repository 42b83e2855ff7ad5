/** The models' stream ids never meet the population and claims streams (src/random/streamIds.ts). */
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/policy/vocabulary.js';
import {
  CLAIM_INDEX_BITS,
  CLAIM_STREAM,
  claimStreamOf,
  INSTITUTION_GENERATION,
  INSTITUTION_STREAM,
  STREAM,
  SUPERVISION_CLAIM_STREAM,
  SUPERVISION_INSTITUTION_STREAM,
  SUPERVISION_STREAM,
} from '../../src/random/streamIds.js';

const NS = SETTINGS.length;
const INPATIENT = SETTINGS.indexOf('inpatient');

describe('stream ids', () => {
  it('of member-years are all different and below the claim streams', () => {
    // Every registered member stream (a new one is checked without editing this test), bases expanded.
    const { countBase, claimBase, ...single } = STREAM;
    const ids: number[] = [...Object.values(single), ...Object.values(SUPERVISION_STREAM)];
    expect(ids).toContain(STREAM.inducedDemand);
    for (let s = 0; s < NS; s++) ids.push(countBase + s);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toBeLessThan(STREAM.claimBase);
  });

  it('of claims use high parts of their own', () => {
    const used = Array.from({ length: NS }, (_, s) => STREAM.claimBase + s);
    for (const [name, base] of Object.entries({ ...CLAIM_STREAM, ...SUPERVISION_CLAIM_STREAM })) {
      // Group and response draws use the inpatient setting only.
      if (name === 'group' || name === 'response') used.push(claimStreamOf(base, INPATIENT, 0) >> CLAIM_INDEX_BITS);
      else for (let s = 0; s < NS; s++) used.push(claimStreamOf(base, s, 0) >> CLAIM_INDEX_BITS);
    }
    expect(new Set(used).size).toBe(used.length);
    expect(claimStreamOf(CLAIM_STREAM.channel, 2, 7)).toBe(((CLAIM_STREAM.channel + 2) << CLAIM_INDEX_BITS) | 7);
  });

  it('of institution-years are all different, single ones below the ground bases', () => {
    const { suspensionBase, terminationBase, ...single } = INSTITUTION_STREAM;
    const ids = [...Object.values(single), ...Object.values(SUPERVISION_INSTITUTION_STREAM)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toBeLessThan(Math.min(suspensionBase, terminationBase));
  });

  it('of institutions are keyed past every member generation', () => {
    expect(INSTITUTION_GENERATION).toBeGreaterThan(0xffff);
  });
});
