/**
 * Splitting a run into chunks: one chunk = one Monte Carlo path × one block of member slots, covering every
 * projection year (a member's state — age, chronic status, account balance — carries from year to year, so
 * years run in order inside a chunk; claims are generated and settled one year at a time, so a chunk never
 * holds more than one year of its own members' claims). Chunks are ordered path-major, then by first slot;
 * results are merged in that order.
 */
export interface Chunk {
  index: number;
  path: number;
  slotFrom: number;
  slotTo: number;
}

export function planChunks(paths: number, members: number, chunkMembers: number): Chunk[] {
  if (!Number.isInteger(chunkMembers) || chunkMembers < 1) throw new RangeError(`chunk size must be a positive integer, got ${chunkMembers}`);
  const chunks: Chunk[] = [];
  for (let path = 0; path < paths; path++) {
    for (let from = 0; from < members; from += chunkMembers) {
      chunks.push({ index: chunks.length, path, slotFrom: from, slotTo: Math.min(members, from + chunkMembers) });
    }
  }
  return chunks;
}

export function chunkLabel(c: Chunk): string {
  return `chunk ${c.index} (path ${c.path}, members ${c.slotFrom}-${c.slotTo - 1})`;
}
