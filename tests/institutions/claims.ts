/** Synthetic claims and members for the institution, payment and cash-flow tests. */
import { allocateClaimBuffer, type ClaimBuffer } from '../../src/claims/buffer.js';
import { SETTINGS, type Setting } from '../../src/policy/vocabulary.js';
import type { MemberKeys } from '../../src/institutions/views.js';

export interface ClaimSpec {
  setting: Setting;
  day: number;
  /** LEVELS code (default 2, secondary). */
  level?: number;
  location?: number;
  flags?: number;
  /** Bill in fen, split 甲/乙/丙 as given (default all 甲). */
  classA?: number;
  classB?: number;
  classC?: number;
  lengthOfStay?: number;
}

/** Members 0..n-1 (slot i, generation 0, the given person type) and their claims, in order. */
export function buildClaims(perMember: ClaimSpec[][], type: number | ((member: number) => number) = 0): { members: MemberKeys; claims: ClaimBuffer } {
  const n = perMember.length;
  const total = perMember.reduce((s, m) => s + m.length, 0);
  const claims = allocateClaimBuffer(Math.max(1, total), n);
  const members: MemberKeys = {
    length: n,
    slot: Int32Array.from({ length: n }, (_, i) => i),
    generation: new Uint16Array(n),
    type: Uint8Array.from({ length: n }, (_, i) => (typeof type === 'number' ? type : type(i))),
  };
  let c = 0;
  perMember.forEach((list, i) => {
    claims.memberStart[i] = c;
    for (const spec of list) {
      claims.person[c] = i;
      claims.setting[c] = SETTINGS.indexOf(spec.setting);
      claims.level[c] = spec.level ?? 2;
      claims.location[c] = spec.location ?? 0;
      claims.cause[c] = 0;
      claims.flags[c] = spec.flags ?? 0;
      claims.classA[c] = spec.classA ?? 10_000;
      claims.classB[c] = spec.classB ?? 0;
      claims.classC[c] = spec.classC ?? 0;
      claims.day[c] = spec.day;
      claims.lengthOfStay[c] = spec.lengthOfStay ?? 0;
      c++;
    }
  });
  claims.memberStart[n] = c;
  claims.length = c;
  return { members, claims };
}
