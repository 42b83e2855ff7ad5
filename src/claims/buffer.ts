/**
 * A reusable claim buffer: the settlement kernel's claim columns, plus what the engine and analysis
 * need (day of year, length of stay) and where each member's claims start. It grows as needed;
 * `length` is the number of claims in use, the arrays may be longer.
 */
import type { ClaimColumns } from '../settlement/columns.js';
import { grown, type Column } from './grow.js';

export interface ClaimBuffer extends ClaimColumns {
  /** Day of the year (0-based) of each claim. */
  day: Uint16Array;
  /** Inpatient days (0 for other claims; the observation of an admitted patient carries 0). */
  lengthOfStay: Uint16Array;
  /** Claims of member i are [memberStart[i], memberStart[i + 1]). */
  memberStart: Int32Array;
  capacity: number;
}

export function allocateClaimBuffer(capacity = 1024, members = 0): ClaimBuffer {
  return {
    length: 0,
    capacity,
    person: new Int32Array(capacity),
    setting: new Uint8Array(capacity),
    level: new Uint8Array(capacity),
    location: new Uint8Array(capacity),
    cause: new Uint8Array(capacity),
    flags: new Uint8Array(capacity),
    classA: new Float64Array(capacity),
    classB: new Float64Array(capacity),
    classC: new Float64Array(capacity),
    day: new Uint16Array(capacity),
    lengthOfStay: new Uint16Array(capacity),
    memberStart: new Int32Array(members + 1),
  };
}

const COLUMNS = ['person', 'setting', 'level', 'location', 'cause', 'flags', 'classA', 'classB', 'classC', 'day', 'lengthOfStay'] as const;

/** Make room for `needed` claims, keeping the first `length`. */
export function reserveClaims(buffer: ClaimBuffer, needed: number): void {
  if (needed <= buffer.capacity) return;
  let capacity = buffer.capacity * 2;
  while (capacity < needed) capacity *= 2;
  const b = buffer as unknown as Record<(typeof COLUMNS)[number], Column>;
  for (const name of COLUMNS) b[name] = grown(b[name], capacity, buffer.length);
  buffer.capacity = capacity;
}

export function reserveMembers(buffer: ClaimBuffer, members: number): void {
  if (buffer.memberStart.length < members + 1) buffer.memberStart = new Int32Array(members + 1);
}
