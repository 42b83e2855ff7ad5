/** Assigning claims to institutions: weighted by size, keyed, and stable when institutions close (CRN). */
import { describe, expect, it } from 'vitest';
import { institutionAssumptions } from '../../src/institutions/assumptions.js';
import { assignClaims, shareTable } from '../../src/institutions/assign.js';
import { generateInstitutions } from '../../src/institutions/generate.js';
import { HOSPITAL, NO_INSTITUTION, PHARMACY, STATUS } from '../../src/institutions/vocabulary.js';
import { runKeys } from '../../src/random/keys.js';
import { CLAIM_ADMITTED } from '../../src/settlement/columns.js';
import { monthsFromJanuary } from '../../src/cashflow/calendar.js';
import { buildClaims, type ClaimSpec } from './claims.js';

const keys = runKeys(5);
const YEAR = 2022;
const a = institutionAssumptions.parse({ hospitals: { community: 2, primary: 2, secondary: 6, tertiary: 3 }, pharmacies: 4, candidates: 0 });
const inst = generateInstitutions(a, keys, 0, 2021);
const table = shareTable(inst);
const allOpen = () => new Uint8Array(inst.length * 12).fill(STATUS.active);

/** 3000 members, each with 8 secondary-level outpatient visits spread over the year and 2 pharmacy purchases. */
const { members, claims } = buildClaims(
  Array.from({ length: 3000 }, (_, i): ClaimSpec[] => [
    ...Array.from({ length: 8 }, (_, k): ClaimSpec => ({ setting: 'outpatient', day: (i * 7 + k * 45) % 365 })).sort((x, y) => x.day - y.day),
    { setting: 'pharmacy', day: 364, level: 0 },
    { setting: 'pharmacy', day: 364, level: 3 },
  ]),
);
const assign = (monthly: Uint8Array) => {
  const out = new Int32Array(claims.length);
  assignClaims(table, monthly, keys, 0, YEAR, members, claims, out);
  return out;
};
const base = assign(allOpen());

describe('institution assignment', () => {
  it('draws institutions of the claim level (any pharmacy for purchases) in proportion to size', () => {
    const secondary = Array.from({ length: inst.length }, (_, i) => i).filter((i) => inst.type[i] === HOSPITAL && inst.level[i] === 2);
    const total = secondary.reduce((s, i) => s + inst.capacity[i]!, 0);
    const visits = Array.from(base).filter((_, c) => claims.setting[c] === 0);
    expect(visits.every((i) => secondary.includes(i))).toBe(true);
    for (const i of secondary) {
      const p = inst.capacity[i]! / total;
      const seen = visits.filter((x) => x === i).length / visits.length;
      expect(Math.abs(seen - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / visits.length));
    }
    const purchases = Array.from(base).filter((_, c) => claims.setting[c] === 3);
    expect(purchases.every((i) => inst.type[i] === PHARMACY)).toBe(true);
  });

  it('is a pure function of the keys: the same again, another with another path', () => {
    expect(assign(allOpen())).toEqual(base);
    const other = new Int32Array(claims.length);
    assignClaims(table, allOpen(), keys, 1, YEAR, members, claims, other);
    expect(other).not.toEqual(base);
  });

  it('moves only the patients of a suspended institution, to open institutions of the same level', () => {
    const closed = base[0]!;
    const monthly = allOpen();
    monthly.fill(STATUS.suspended, closed * 12, closed * 12 + 12);
    const after = assign(monthly);
    const movedTo: number[] = [];
    for (let c = 0; c < claims.length; c++) {
      if (base[c] !== closed) {
        expect(after[c]).toBe(base[c]);
      } else {
        movedTo.push(after[c]!);
        expect(after[c]).not.toBe(closed);
        expect(inst.level[after[c]!]).toBe(inst.level[closed]);
      }
    }
    expect(movedTo.length).toBeGreaterThan(100);
    // They spread over the level's open institutions in proportion to size.
    const open = Array.from({ length: inst.length }, (_, i) => i).filter((i) => i !== closed && inst.type[i] === HOSPITAL && inst.level[i] === inst.level[closed]);
    const total = open.reduce((s, i) => s + inst.capacity[i]!, 0);
    for (const i of open) {
      const p = inst.capacity[i]! / total;
      const seen = movedTo.filter((x) => x === i).length / movedTo.length;
      expect(Math.abs(seen - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / movedTo.length));
    }
  });

  it('closes an institution only in the months it is closed', () => {
    const closed = base[0]!;
    const monthly = allOpen();
    monthly[closed * 12 + 5] = STATUS.terminated;
    const after = assign(monthly);
    for (let c = 0; c < claims.length; c++) {
      const inJune = monthsFromJanuary(YEAR, claims.day[c]!) === 5;
      expect(after[c] === base[c]).toBe(!(inJune && base[c] === closed));
    }
  });

  it('leaves out-of-area care and levels with nothing open unassigned, and keeps an admission where its observation was', () => {
    const small = buildClaims([
      [
        { setting: 'outpatient', day: 3, location: 1 },
        { setting: 'emergencyObservation', day: 10, level: 3, flags: CLAIM_ADMITTED },
        { setting: 'inpatient', day: 10, level: 3 },
      ],
    ]);
    const out = new Int32Array(3);
    assignClaims(table, allOpen(), keys, 0, YEAR, small.members, small.claims, out);
    expect(out[0]).toBe(NO_INSTITUTION);
    expect(out[2]).toBe(out[1]);
    expect(inst.level[out[1]!]).toBe(3);
    assignClaims(table, new Uint8Array(inst.length * 12).fill(STATUS.candidate), keys, 0, YEAR, small.members, small.claims, out);
    expect(Array.from(out)).toEqual([NO_INSTITUTION, NO_INSTITUTION, NO_INSTITUTION]);
  });
});
