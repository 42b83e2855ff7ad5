/** Card swipe or full self-advance, cause by cause (seed 002 篇1 L19–L27). */
import { describe, expect, it } from 'vitest';
import { cashflowAssumptions } from '../../src/cashflow/assumptions.js';
import { allocateChannels, CAUSE, drawChannels, SELF_ADVANCE_CAUSES, selfAdvanceCauseLabel, SWIPE } from '../../src/cashflow/channel.js';
import { runKeys } from '../../src/random/keys.js';
import { buildClaims, type ClaimSpec } from '../institutions/claims.js';

const keys = runKeys(21);
const YEAR = 2022;
/** Seed 002's audits on (a bill blocks the card until reimbursed), no chance causes, reimbursed after exactly `days` days. */
const fixed = (days: number, over: Record<string, unknown> = {}) =>
  cashflowAssumptions.parse({
    causes: { networkFault: zero, patient: zeroPatient, auditBlockDays: days, dischargeAuditDays: 30, ...over },
    reimbursement: { employee: { medianDays: days, sigma: 0 }, resident: { medianDays: days, sigma: 0 } },
  });
const zero = { outpatient: 0, chronic: 0, inpatient: 0, pharmacy: 0, emergencyObservation: 0 };
const zeroPatient = { employee: zero, resident: zero };

function channels(a: ReturnType<typeof fixed>, list: ClaimSpec[], type = 0) {
  const { members, claims } = buildClaims([list], type);
  const out = allocateChannels(claims.length);
  drawChannels(a, keys, 0, YEAR, members, claims, out);
  return out;
}

describe('settlement channel', () => {
  it('advances emergency observation and unregistered out-of-area care; settles registered care by card', () => {
    const out = channels(fixed(30), [
      { setting: 'emergencyObservation', day: 3 },
      { setting: 'outpatient', day: 50, location: 2 },
      { setting: 'outpatient', day: 100, location: 1 },
    ]);
    expect(Array.from(out.channel)).toEqual([CAUSE.observation, CAUSE.outOfArea, SWIPE]);
    expect(Array.from(out.paidDay)).toEqual([3, 50, -1]);
  });

  it('swipes emergency observation under one emergency ratio (the L33 lever)', () => {
    expect(channels(fixed(30, { observation: 0 }), [{ setting: 'emergencyObservation', day: 3 }]).channel[0]).toBe(SWIPE);
  });

  it('blocks the card while an earlier self-advance is audited, the vicious circle of L39', () => {
    const list: ClaimSpec[] = [
      { setting: 'outpatient', day: 10 },
      { setting: 'chronic', day: 30 },
      { setting: 'chronic', day: 70 },
      { setting: 'chronic', day: 120 },
    ];
    const habit = { employee: { ...zero, outpatient: 1 }, resident: zero };
    // Day 10 advanced by habit, reimbursed day 55; day 30 blocked (reimbursed 75); day 70 blocked again
    // (reimbursed 115); day 120 swiped.
    const out = channels(fixed(45, { patient: habit }), list);
    expect(Array.from(out.channel)).toEqual([CAUSE.patient, CAUSE.inTransitAudit, CAUSE.inTransitAudit, SWIPE]);
    expect(Array.from(out.reimbursedDay)).toEqual([55, 75, 115, -1]);
    const free = channels(fixed(45, { patient: habit, auditBlockDays: 0 }), list);
    expect(Array.from(free.channel)).toEqual([CAUSE.patient, SWIPE, SWIPE, SWIPE]);
  });

  it('blocks employees special-disease visits while a stay is audited after discharge', () => {
    const list: ClaimSpec[] = [
      { setting: 'inpatient', day: 10, lengthOfStay: 5 },
      { setting: 'chronic', day: 44 },
      { setting: 'chronic', day: 46 },
    ];
    // Discharged day 15, audited 30 days: until day 45. Day 44 is blocked (and its own audit blocks day 46).
    expect(Array.from(channels(fixed(30), list).channel)).toEqual([SWIPE, CAUSE.inTransitAudit, CAUSE.inTransitAudit]);
    expect(Array.from(channels(fixed(1), list).channel)).toEqual([SWIPE, CAUSE.inTransitAudit, SWIPE]);
    // Residents (type 2) are not audited that way.
    expect(Array.from(channels(fixed(30), list, 2).channel)).toEqual([SWIPE, SWIPE, SWIPE]);
  });

  it('advances every claim of an employee whose employer is in arrears, and pays an admission at discharge', () => {
    const list: ClaimSpec[] = [
      { setting: 'outpatient', day: 1 },
      { setting: 'inpatient', day: 300, lengthOfStay: 12 },
    ];
    const arrears = fixed(90, { employerArrears: 1, auditBlockDays: 0 });
    const out = channels(arrears, list);
    expect(Array.from(out.channel)).toEqual([CAUSE.employerArrears, CAUSE.employerArrears]);
    expect(Array.from(out.paidDay)).toEqual([1, 312]);
    expect(Array.from(out.reimbursedDay)).toEqual([91, 402]);
    expect(Array.from(channels(arrears, list, 2).channel)).toEqual([SWIPE, SWIPE]);
  });

  it('draws network faults and habits at their rates, keyed by member and claim', () => {
    const a = cashflowAssumptions.parse({});
    const { members, claims } = buildClaims(Array.from({ length: 5000 }, (): ClaimSpec[] => [{ setting: 'pharmacy', day: 1 }, { setting: 'pharmacy', day: 2 }]), 2);
    const out = allocateChannels(claims.length);
    drawChannels(a, keys, 0, YEAR, members, claims, out);
    // 1 − (1 − 0.005)(1 − 0.02) = 0.0249 advanced, of which network faults 0.005.
    const n = claims.length;
    const advanced = out.channel.filter((c) => c !== SWIPE).length / n;
    const faults = out.channel.filter((c) => c === CAUSE.networkFault).length / n;
    expect(Math.abs(advanced - 0.0249)).toBeLessThan(4 * Math.sqrt((0.0249 * 0.9751) / n));
    expect(Math.abs(faults - 0.005)).toBeLessThan(4 * Math.sqrt((0.005 * 0.995) / n));
    const again = allocateChannels(n);
    drawChannels(a, keys, 0, YEAR, members, claims, again);
    expect(again).toEqual(out);
  });
});

describe('self-advance causes in words', () => {
  it('writes each cause in words with the seed’s term, not its code (notebook 06 printed "inTransitAudit")', () => {
    expect(selfAdvanceCauseLabel('inTransitAudit')).toBe('in transit audit 在途审核');
    expect(selfAdvanceCauseLabel('observation')).toBe('observation 急诊留观');
    for (const c of SELF_ADVANCE_CAUSES) expect(selfAdvanceCauseLabel(c)).not.toMatch(/[a-z][A-Z]/);
  });
});
