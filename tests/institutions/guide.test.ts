/**
 * The share table's guide (assign.ts): a draw starts at its guide cell and steps forward, and must land on
 * the entry a binary search over the cumulative shares finds (the first whose cdf exceeds u, else the
 * row's last), for every u, including u exactly on a cell boundary or on a cdf value.
 */
import { describe, expect, it } from 'vitest';
import { institutionAssumptions } from '../../src/institutions/assumptions.js';
import { shareTable, type ShareTable } from '../../src/institutions/assign.js';
import { generateInstitutions } from '../../src/institutions/generate.js';
import { runKeys } from '../../src/random/keys.js';

function binarySearch(t: ShareTable, row: number, u: number): number {
  let lo = t.start[row]!;
  let hi = t.start[row + 1]! - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < t.cdf[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function guided(t: ShareTable, row: number, u: number): number {
  const to = t.start[row + 1]!;
  const cells = t.guideStart[row + 1]! - t.guideStart[row]!;
  let j = t.guide[t.guideStart[row]! + ((u * cells) | 0)]!;
  while (j < to - 1 && u >= t.cdf[j]!) j++;
  return j;
}

describe('share table guide', () => {
  const a = institutionAssumptions.parse({}) // the default: 277 hospitals in four levels, 400 pharmacies;
  const t = shareTable(generateInstitutions(a, runKeys(11), 0, 2021));

  it('finds the binary search entry for every draw', () => {
    let rows = 0;
    for (let row = 0; row + 1 < t.start.length; row++) {
      const from = t.start[row]!;
      const to = t.start[row + 1]!;
      if (from === to) continue;
      rows++;
      const cells = t.guideStart[row + 1]! - t.guideStart[row]!;
      expect(cells).toBeGreaterThanOrEqual(Math.min(to - from, 4096));
      const us = [0, 1 - 2 ** -32];
      for (let k = 0; k < 2000; k++) us.push(((k * 2654435761) % 2 ** 32) / 2 ** 32);
      for (let g = 0; g < cells; g++) us.push(g / cells);
      for (let j = from; j < to; j++) us.push(t.cdf[j]!, Math.max(0, t.cdf[j]! - 2 ** -40));
      for (const u of us) if (u < 1) expect(guided(t, row, u)).toBe(binarySearch(t, row, u));
    }
    expect(rows).toBeGreaterThan(3);
  });
});
