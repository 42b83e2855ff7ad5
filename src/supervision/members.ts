/**
 * What supervision remembers about the members of a chunk from year to year: offences (for 初次违法),
 * behaviours a sanction deterred, and the month networked settlement resumes after a suspension
 * (暂停联网结算). A slot's new occupant (another generation) starts afresh.
 */
import type { MemberBlock } from '../population/block.js';

export interface MemberSupervision {
  /** The occupant the row describes (-1: none yet). */
  generation: Int32Array;
  /** Cases sanctioned so far. */
  offences: Uint16Array;
  /** Bit k: person behaviour k (PERSON_BEHAVIOURS order) stopped after a sanction. */
  deterred: Uint8Array;
  /** Absolute month (year × 12 + month) from which the member settles by card again. */
  suspendedUntil: Int32Array;
}

export function allocateMemberSupervision(n: number): MemberSupervision {
  return { generation: new Int32Array(n).fill(-1), offences: new Uint16Array(n), deterred: new Uint8Array(n), suspendedUntil: new Int32Array(n) };
}

/** Forget the slots whose occupant changed. */
export function syncOccupants(state: MemberSupervision, block: MemberBlock): void {
  for (let i = 0; i < block.length; i++) {
    if (state.generation[i] === block.generation[i]) continue;
    state.generation[i] = block.generation[i]!;
    state.offences[i] = 0;
    state.deterred[i] = 0;
    state.suspendedUntil[i] = 0;
  }
}
