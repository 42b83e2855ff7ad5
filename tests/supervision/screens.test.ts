/** Each screen's flags on hand-made claims, at and beyond its threshold. */
import { describe, expect, it } from 'vitest';
import { CLAIM_ADMITTED, CLAIM_NEW_ADMISSION } from '../../src/settlement/columns.js';
import { supervisionAssumptions } from '../../src/supervision/assumptions.js';
import { allocateSupervisedClaims, type SupervisedClaims } from '../../src/supervision/claims.js';
import { SCREEN_BIT, screenMember } from '../../src/supervision/screens.js';
import { claimSet, type ClaimSpec } from './claimSet.js';

interface Spec extends ClaimSpec {
  drugs?: number;
  tests?: number;
  signal?: number;
}

/** One member's supervised claims, as given (institution 0 unless set). */
function supervised(list: Spec[]): SupervisedClaims {
  const set = claimSet([list]);
  const s = allocateSupervisedClaims(Math.max(1, list.length), 1);
  for (const col of ['person', 'setting', 'level', 'location', 'cause', 'flags', 'classA', 'classB', 'classC', 'day', 'lengthOfStay'] as const) s.claims[col].set(set.claims[col].subarray(0, list.length));
  s.claims.length = list.length;
  s.claims.memberStart.set([0, list.length]);
  list.forEach((spec, c) => {
    s.institution[c] = set.institution[c]!;
    s.drugs[c] = spec.drugs ?? 0;
    s.tests[c] = spec.tests ?? 0;
    s.signal[c] = spec.signal ?? 0;
  });
  return s;
}

const a = supervisionAssumptions.parse({ enabled: true, screens: { visitsAbove: 3, costAbove: 500, readmissionDays: 15 } });

function flags(list: Spec[]): { member: number; claims: number[] } {
  const s = supervised(list);
  const out = new Uint8Array(list.length);
  const member = screenMember(a, s, 0, list.length, out);
  return { member, claims: Array.from(out) };
}

const stay = (day: number, lengthOfStay: number, more: Partial<Spec> = {}): Spec => ({ setting: 'inpatient', day, lengthOfStay, flags: CLAIM_NEW_ADMISSION, ...more });
const visit = (day: number, more: Partial<Spec> = {}): Spec => ({ setting: 'outpatient', day, classA: 1000, ...more });

describe('the two abnormals (两个异常)', () => {
  it('flags a member with more visits than visitsAbove (3): 4 visits, not 3; stays do not count', () => {
    expect(flags([visit(1), visit(2), visit(3), stay(10, 2, { classA: 1 })]).member & SCREEN_BIT.visits).toBe(0);
    expect(flags([visit(1), visit(2), visit(3), visit(4)]).member & SCREEN_BIT.visits).toBe(SCREEN_BIT.visits);
  });

  it('flags a member whose year of bills is above costAbove (500 yuan): 50001 fen, not 50000', () => {
    expect(flags([visit(1, { classA: 25_000 }), visit(2, { classA: 25_000 })]).member & SCREEN_BIT.costs).toBe(0);
    expect(flags([visit(1, { classA: 25_000 }), visit(2, { classA: 25_001 })]).member & SCREEN_BIT.costs).toBe(SCREEN_BIT.costs);
  });
});

describe('claim screens', () => {
  it('readmission to the same hospital: 15 days after discharge is flagged, 16 is not; another hospital is not', () => {
    // Discharged on day 10 + 5 = 15; back on day 30 (15 days later) or 31 (16).
    expect(flags([stay(10, 5), stay(30, 3)]).claims[1]! & SCREEN_BIT.readmission).toBe(SCREEN_BIT.readmission);
    expect(flags([stay(10, 5), stay(31, 3)]).claims[1]! & SCREEN_BIT.readmission).toBe(0);
    expect(flags([stay(10, 5), stay(30, 3, { institution: 1 })]).claims[1]! & SCREEN_BIT.readmission).toBe(0);
    // Readmitted on the discharge day (a split stay): gap 0.
    expect(flags([stay(10, 5), stay(15, 3)]).claims[1]! & SCREEN_BIT.readmission).toBe(SCREEN_BIT.readmission);
  });

  it('counts an admission through emergency observation from the observation day, and never flags a stay continuing it', () => {
    const viaEmergency = (day: number): Spec[] => [
      { setting: 'emergencyObservation', day, flags: CLAIM_ADMITTED },
      { setting: 'inpatient', day, lengthOfStay: 2 },
    ];
    const f = flags([stay(10, 5), ...viaEmergency(25)]);
    expect(f.claims.map((x) => x & SCREEN_BIT.readmission)).toEqual([0, 0, SCREEN_BIT.readmission]);
    expect(flags([stay(10, 5), ...viaEmergency(31)]).claims[2]! & SCREEN_BIT.readmission).toBe(0);
  });

  it('flags stays with tests at least 45% of the bill and drugs at most 15%', () => {
    const at = (tests: number, drugs: number) => flags([stay(1, 3, { classA: 10_000, tests, drugs })]).claims[0]! & SCREEN_BIT.heavyTesting;
    expect(at(4500, 1500)).toBe(SCREEN_BIT.heavyTesting);
    expect(at(4499, 1500)).toBe(0);
    expect(at(4500, 1501)).toBe(0);
    // Visits are not screened this way.
    expect(flags([visit(1, { classA: 10_000, tests: 9000 })]).claims[0]! & SCREEN_BIT.heavyTesting).toBe(0);
  });

  it('flags a second claim of the same setting at the same institution on the same day', () => {
    const f = flags([visit(5), visit(5, { institution: 1 }), visit(5), { setting: 'pharmacy', day: 5 }, visit(6)]);
    expect(f.claims.map((x) => x & SCREEN_BIT.sameDay)).toEqual([0, 0, SCREEN_BIT.sameDay, 0, 0]);
    // Out-of-area care has no institution to compare.
    expect(flags([visit(5, { institution: -1 }), visit(5, { institution: -1 })]).claims[1]! & SCREEN_BIT.sameDay).toBe(0);
  });

  it('passes the mismatch signal through', () => {
    expect(flags([visit(1, { signal: 1 }), visit(2)]).claims.map((x) => x & SCREEN_BIT.mismatch)).toEqual([SCREEN_BIT.mismatch, 0]);
  });
});
