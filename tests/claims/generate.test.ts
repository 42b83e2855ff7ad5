import { describe, expect, it } from 'vitest';
import { utilisationAssumptions } from '../../src/claims/assumptions.js';
import { allocateClaimBuffer, type ClaimBuffer } from '../../src/claims/buffer.js';
import { generateClaims } from '../../src/claims/generate.js';
import { claimsMacroAt } from '../../src/claims/inflation.js';
import { SETTINGS } from '../../src/policy/vocabulary.js';
import { populationAssumptions } from '../../src/population/assumptions.js';
import { MEMBER_CHRONIC, type MemberBlock } from '../../src/population/block.js';
import { advanceYear } from '../../src/population/dynamics.js';
import { createMembers } from '../../src/population/members.js';
import { runKeys } from '../../src/random/keys.js';
import { CLAIM_ADMITTED, CLAIM_NEW_ADMISSION } from '../../src/settlement/columns.js';
import { wageMacro } from '../population/support.js';

const population = populationAssumptions.parse({});
const utilisation = utilisationAssumptions.parse({});
const keys = runKeys(21);
const S = Object.fromEntries(SETTINGS.map((s, i) => [s, i])) as Record<(typeof SETTINGS)[number], number>;
const CLAIM_COLUMNS = ['setting', 'level', 'location', 'cause', 'flags', 'classA', 'classB', 'classC', 'day', 'lengthOfStay'] as const;

/** Claims as rows keyed by slot (not block index), for comparing runs. */
function rows(block: MemberBlock, b: ClaimBuffer): string[] {
  const out: string[] = [];
  for (let c = 0; c < b.length; c++) out.push([block.slot[b.person[c]!], ...CLAIM_COLUMNS.map((k) => b[k][c])].join(','));
  return out;
}

function generate(blockSize: number, members = 1000, year = 2022, u = utilisation, k = keys): string[] {
  const all: string[] = [];
  const buffer = allocateClaimBuffer(16);
  for (let from = 0; from < members; from += blockSize) {
    const block = createMembers(population, k, 2, from, Math.min(members, from + blockSize), 2021);
    advanceYear(population, k, 2, block, year, wageMacro(year));
    generateClaims(u, k, 2, year, block, buffer, { macro: claimsMacroAt(u, year, 1) });
    all.push(...rows(block, buffer));
  }
  return all;
}

describe('generating claims', () => {
  it('gives the same claims whatever the block size (chunk invariance)', () => {
    const whole = generate(1000);
    expect(whole.length).toBeGreaterThan(2000);
    for (const size of [1, 7, 333]) expect(generate(size)).toEqual(whole);
  });

  it('depends on the seed', () => {
    expect(generate(500, 500, 2022, utilisation, runKeys(21))).toEqual(generate(500, 500));
    expect(generate(500, 500, 2022, utilisation, runKeys(22))).not.toEqual(generate(500, 500));
  });

  const n = 20_000;
  const block = createMembers(population, keys, 0, 0, n, 2021);
  const buffer = allocateClaimBuffer(1024);
  const macro = claimsMacroAt(utilisation, 2021, 1);
  generateClaims(utilisation, keys, 0, 2021, block, buffer, { macro });

  it('writes each member\'s claims together, in date order, within the member\'s days', () => {
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let c = buffer.memberStart[i]!; c < buffer.memberStart[i + 1]!; c++) {
        if (buffer.person[c] !== i) wrong.push(c);
        if (c > buffer.memberStart[i]! && buffer.day[c]! < buffer.day[c - 1]!) wrong.push(c);
        if (block.leaveDay[i]! >= 0 && buffer.day[c]! > block.leaveDay[i]!) wrong.push(c);
        if (buffer.day[c]! > 364) wrong.push(c);
      }
    }
    expect(wrong).toEqual([]);
    expect(buffer.memberStart[n]).toBe(buffer.length);
    // Both ways of ordering are exercised: a few claims are ranked one by one, more (over 12) radix-sorted.
    const claimsOf = Array.from({ length: n }, (_, i) => buffer.memberStart[i + 1]! - buffer.memberStart[i]!);
    expect(claimsOf.filter((k) => k >= 2 && k <= 12).length).toBeGreaterThan(1000);
    expect(claimsOf.filter((k) => k > 12).length).toBeGreaterThan(1000);
  });

  it('keeps claims of the same day in the order they were generated (admissions, observations, visits, chronic, pharmacy)', () => {
    // Generation order by setting; an admitted observation is generated with its admission.
    const rank = (c: number) => {
      const s = buffer.setting[c]!;
      if (s === S.inpatient || (s === S.emergencyObservation && buffer.flags[c]! & CLAIM_ADMITTED)) return 0;
      return [S.emergencyObservation, S.outpatient, S.chronic, S.pharmacy].indexOf(s) + 1;
    };
    const wrong: number[] = [];
    let ties = 0;
    for (let i = 0; i < n; i++) {
      for (let c = buffer.memberStart[i]! + 1; c < buffer.memberStart[i + 1]!; c++) {
        if (buffer.day[c] !== buffer.day[c - 1]) continue;
        ties++;
        if (rank(c) < rank(c - 1)) wrong.push(c);
      }
    }
    expect(wrong).toEqual([]);
    expect(ties).toBeGreaterThan(1000);
  });

  it('splits every bill into whole-fen 甲/乙/丙 parts', () => {
    const wrong: number[] = [];
    for (let c = 0; c < buffer.length; c++) {
      const parts = [buffer.classA[c]!, buffer.classB[c]!, buffer.classC[c]!];
      if (parts.some((x) => x < 0 || !Number.isInteger(x)) || parts[0]! + parts[1]! + parts[2]! < 1) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('opens each admission once; an admitted observation is continued by its admission', () => {
    const wrong: number[] = [];
    let converted = 0;
    let admissions = 0;
    for (let c = 0; c < buffer.length; c++) {
      const s = buffer.setting[c]!;
      const f = buffer.flags[c]!;
      if (s === S.emergencyObservation && f & CLAIM_ADMITTED) {
        converted++;
        const next = c + 1;
        const ok = buffer.person[next] === buffer.person[c] && buffer.setting[next] === S.inpatient && buffer.flags[next] === 0 && buffer.day[next] === buffer.day[c];
        if (!ok) wrong.push(c);
      } else if (s === S.inpatient) {
        if (f & CLAIM_NEW_ADMISSION) admissions++;
        else if (!(buffer.setting[c - 1] === S.emergencyObservation && buffer.flags[c - 1]! & CLAIM_ADMITTED)) wrong.push(c);
        if (buffer.lengthOfStay[c]! < 1) wrong.push(c);
      } else if (f !== 0) wrong.push(c);
    }
    expect(wrong).toEqual([]);
    // 15% of admissions come through emergency observation
    expect(converted / (converted + admissions)).toBeGreaterThan(0.12);
    expect(converted / (converted + admissions)).toBeLessThan(0.18);
  });

  it('gives chronic-care claims to enrolled members only', () => {
    for (let c = 0; c < buffer.length; c++) {
      if (buffer.setting[c] === S.chronic) expect(block.flags[buffer.person[c]!]! & MEMBER_CHRONIC).not.toBe(0);
    }
  });

  it('over-disperses visit counts (variance above the mean), from frailty and the yearly shock', () => {
    const counts = new Float64Array(n);
    for (let c = 0; c < buffer.length; c++) if (buffer.setting[c] === S.outpatient) counts[buffer.person[c]!]++;
    const mean = counts.reduce((a, b) => a + b, 0) / n;
    const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    expect(variance).toBeGreaterThan(2 * mean);
  });

  it('uses common random numbers: raising one setting\'s rate keeps other settings\' claims and adds to its own', () => {
    const busier = utilisationAssumptions.parse({ outpatient: { rate: { employee: 6, resident: 2.5 } } });
    const b2 = allocateClaimBuffer(1024);
    generateClaims(busier, keys, 0, 2021, block, b2, { macro: claimsMacroAt(busier, 2021, 1) });
    const bySetting = (b: ClaimBuffer, setting: number) => {
      const out: string[][] = Array.from({ length: n }, () => []);
      for (let c = 0; c < b.length; c++) if (b.setting[c] === setting) out[b.person[c]!]!.push(CLAIM_COLUMNS.map((k) => b[k][c]).join(','));
      return out;
    };
    for (const s of [S.inpatient, S.chronic, S.pharmacy, S.emergencyObservation]) expect(bySetting(b2, s)).toEqual(bySetting(buffer, s));
    const before = bySetting(buffer, S.outpatient);
    const after = bySetting(b2, S.outpatient);
    let added = 0;
    for (let i = 0; i < n; i++) {
      const rest = [...after[i]!];
      for (const claim of before[i]!) {
        const k = rest.indexOf(claim);
        expect(k).toBeGreaterThanOrEqual(0);
        rest.splice(k, 1);
      }
      added += rest.length;
    }
    expect(added).toBeGreaterThan(0);
  });

  it('scales utilisation by the caller\'s demand factors', () => {
    const demand = new Float32Array(n * SETTINGS.length).fill(1);
    for (let i = 0; i < n; i++) demand[i * SETTINGS.length + S.pharmacy] = 0;
    const b3 = allocateClaimBuffer(1024);
    generateClaims(utilisation, keys, 0, 2021, block, b3, { demand, macro });
    const pharmacy = (b: ClaimBuffer) => Array.from(b.setting.subarray(0, b.length)).filter((s) => s === S.pharmacy).length;
    expect(pharmacy(buffer)).toBeGreaterThan(0);
    expect(pharmacy(b3)).toBe(0);
    expect(b3.length).toBe(buffer.length - pharmacy(buffer));
    expect(() => generateClaims(utilisation, keys, 0, 2021, block, b3, { demand: new Float32Array(3), macro })).toThrow(/demand holds 3 values/);
  });

  it('prices claims at the year\'s cost index, with the same draws', () => {
    const b1 = allocateClaimBuffer(1024);
    const b2 = allocateClaimBuffer(1024);
    const small = createMembers(population, keys, 0, 0, 3000, 2021);
    advanceYear(population, keys, 0, small, 2022, wageMacro(2022));
    generateClaims(utilisation, keys, 0, 2022, small, b1, { macro: claimsMacroAt(utilisation, 2022, 1) });
    generateClaims(utilisation, keys, 0, 2022, small, b2, { macro: claimsMacroAt(utilisation, 2022, 1.1) });
    expect(b2.length).toBe(b1.length);
    let total1 = 0;
    let total2 = 0;
    for (let c = 0; c < b1.length; c++) {
      total1 += b1.classA[c]! + b1.classB[c]! + b1.classC[c]!;
      total2 += b2.classA[c]! + b2.classB[c]! + b2.classC[c]!;
    }
    expect(total2 / total1).toBeCloseTo(1.1, 4);
  });

  it('scales utilisation by the trend from the cost year', () => {
    const trending = utilisationAssumptions.parse({ utilisationTrend: 0.1 });
    // 1.1² two years after the 2021 cost year, 1 / 1.1 the year before it
    expect(claimsMacroAt(trending, 2023, 1.2)).toEqual({ year: 2023, costIndex: 1.2, utilisationIndex: 1.1 ** 2 });
    expect(claimsMacroAt(trending, 2020, 1).utilisationIndex).toBeCloseTo(1 / 1.1, 15);
    const b1 = allocateClaimBuffer(1024);
    generateClaims(trending, keys, 0, 2021, block, b1, { macro: { year: 2021, costIndex: 1, utilisationIndex: 1.5 } });
    // 50% more utilisation gives about 50% more claims (the count draws are monotone in the rate)
    expect(b1.length / buffer.length).toBeGreaterThan(1.4);
    expect(b1.length / buffer.length).toBeLessThan(1.6);
  });

  it('refuses a claims macro of another year', () => {
    expect(() => generateClaims(utilisation, keys, 0, 2022, block, allocateClaimBuffer(16), { macro })).toThrow(/claims macro is for 2021/);
  });
});
