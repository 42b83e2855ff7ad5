/**
 * Splitting a run into chunks: one chunk = one Monte Carlo path × one block of member slots, covering every
 * projection year (a member's state — age, chronic status, account balance — carries from year to year, so
 * years run in order inside a chunk; claims are generated and settled one year at a time, so a chunk never
 * holds more than one year of its own members' claims). Chunks are ordered path-major, then by first slot;
 * results are merged in that order.
 *
 * A path can run more than once (a pass): with supervision, the plan ranks each year's top spenders on the
 * previous year's realised payments, known only after a run (simulate.ts); a later pass carries them.
 */
import type { LastYearPaid } from '../supervision/plan.js';

/** One run of a path: its pass (0 first) and, after the first, the top-spender ranking basis. */
export interface PathRun {
  path: number;
  pass: number;
  lastYearPaid?: LastYearPaid;
}

/** A path run's id: runs of one path on later passes are other runs. */
export const pathRunId = (r: PathRun) => `${r.path}/${r.pass}`;

export interface Chunk extends PathRun {
  index: number;
  slotFrom: number;
  slotTo: number;
}

/** Chunks of every path (first pass), or of the given path runs, in that order. */
export function planChunks(runs: number | readonly PathRun[], members: number, chunkMembers: number): Chunk[] {
  if (!Number.isInteger(chunkMembers) || chunkMembers < 1) throw new RangeError(`chunk size must be a positive integer, got ${chunkMembers}`);
  const list = typeof runs === 'number' ? Array.from({ length: runs }, (_, path) => ({ path, pass: 0 })) : runs;
  const chunks: Chunk[] = [];
  for (const run of list) {
    for (let from = 0; from < members; from += chunkMembers) {
      chunks.push({ ...run, index: chunks.length, slotFrom: from, slotTo: Math.min(members, from + chunkMembers) });
    }
  }
  return chunks;
}

export function chunkLabel(c: Chunk): string {
  return `chunk ${c.index} (path ${c.path}, members ${c.slotFrom}-${c.slotTo - 1}${c.pass > 0 ? `, pass ${c.pass + 1}` : ''})`;
}
