/**
 * The agreement lifecycle, rule by rule, on hand-made facts. Expected months are worked out from the
 * rules as written (seed 001 第1篇 Arts 5, 7, 17–19; seed 003 篇三 Arts 17, 19); absolute month = year × 12 + month.
 */
import { describe, expect, it } from 'vitest';
import { advanceYear, initialState, type AgreementState } from '../../src/institutions/lifecycle.js';
import { STATUS } from '../../src/institutions/vocabulary.js';
import { facts, gx, sc, settled } from './helpers.js';

const Y = 2022;
const M = (year: number, month: number) => year * 12 + month;
const A = STATUS.active;
const S = STATUS.suspended;
const T = STATUS.terminated;
const statuses = (monthly: Uint8Array) => Array.from(monthly);

describe('suspension (Art 17)', () => {
  it('suspends on a chart sample above 10% of cost, not at exactly 10%', () => {
    const at10 = advanceYear(gx, settled, initialState(true), facts({ chartSample: { month: 3, nonCompliantShare: 0.1, months: 2 } }), Y);
    expect(statuses(at10.monthly)).toEqual(Array(12).fill(A));
    expect(at10.events).toEqual([]);

    const above = advanceYear(gx, settled, initialState(true), facts({ chartSample: { month: 3, nonCompliantShare: 0.1001, months: 2 } }), Y);
    expect(statuses(above.monthly)).toEqual([A, A, A, S, S, A, A, A, A, A, A, A]);
    expect(above.events).toEqual([
      { month: M(Y, 3), kind: 'suspended', ground: 'chartSample', months: 2 },
      { month: M(Y, 5), kind: 'resumed' },
    ]);
  });

  it('ignores grounds while the institution is not designated', () => {
    const out = advanceYear(gx, settled, initialState(false), facts({ cases: [{ month: 2, ground: 'positiveRate', months: 3 }] }), Y);
    expect(statuses(out.monthly)).toEqual(Array(12).fill(STATUS.candidate));
    expect(out.state.suspensions).toBe(0);
  });
});

describe('termination (Art 18)', () => {
  it('ends the agreement at the second suspension case of a natural year, with a 2-year ban', () => {
    const out = advanceYear(
      gx,
      settled,
      initialState(true),
      facts({
        cases: [
          { month: 2, ground: 'positiveRate', months: 1 },
          { month: 7, ground: 'refusingPatients', months: 2 },
        ],
      }),
      Y,
    );
    expect(statuses(out.monthly)).toEqual([A, A, S, A, A, A, A, T, T, T, T, T]);
    expect(out.state.terminationGround).toBe('refusingPatients');
    expect(out.state.mayApplyFrom).toBe(M(Y, 7) + 24);
  });

  it('counts suspensions per natural year: cases in December and January only suspend', () => {
    const first = advanceYear(gx, settled, initialState(true), facts({ cases: [{ month: 11, ground: 'positiveRate', months: 1 }] }), Y);
    const second = advanceYear(gx, settled, first.state, facts({ cases: [{ month: 1, ground: 'positiveRate', months: 1 }] }), Y + 1);
    expect(statuses(second.monthly)).toEqual([A, S, A, A, A, A, A, A, A, A, A, A]);
    expect(second.state.status).toBe(A);
  });

  it('ends the agreement on a termination ground, even while suspended', () => {
    const out = advanceYear(
      gx,
      settled,
      initialState(true),
      facts({ cases: [{ month: 1, ground: 'dataTransmission', months: 6 }], terminations: [{ month: 4, ground: 'fraud' }] }),
      Y,
    );
    expect(statuses(out.monthly)).toEqual([A, S, S, S, T, T, T, T, T, T, T, T]);
    expect(out.state.terminationGround).toBe('fraud');
  });

  it('suspends after one failed annual assessment (from January) and ends the agreement after two in a row', () => {
    const failed = { failed: true, months: 2 };
    const first = advanceYear(gx, settled, initialState(true), facts({ assessment: failed }), Y);
    expect(statuses(first.monthly)).toEqual(Array(12).fill(A));
    expect(first.events).toEqual([
      { month: M(Y, 11), kind: 'assessmentFailed' },
      { month: M(Y, 11), kind: 'suspended', ground: 'failedAssessment', months: 2 },
    ]);
    const second = advanceYear(gx, settled, first.state, facts({ assessment: failed }), Y + 1);
    expect(statuses(second.monthly)).toEqual([S, S, A, A, A, A, A, A, A, A, A, A]);
    expect(second.state.status).toBe(T);
    expect(second.state.terminationGround).toBe('failedAssessmentsInRow');
  });

  it('a passed assessment in between resets the count of failures', () => {
    let state: AgreementState = initialState(true);
    [true, false, true].forEach((failed, k) => (state = advanceYear(gx, settled, state, facts({ assessment: { failed, months: 1 } }), Y + k).state));
    expect(state.status).not.toBe(T);
    expect(state.failedAssessmentsInRow).toBe(1);
  });

  it('a failed assessment that is the year second case ends the agreement (Art 18(一))', () => {
    const out = advanceYear(
      gx,
      settled,
      initialState(true),
      facts({ cases: [{ month: 3, ground: 'terminalMoved', months: 1 }], assessment: { failed: true, months: 1 } }),
      Y,
    );
    expect(out.state.status).toBe(T);
    expect(out.state.terminationGround).toBe('failedAssessment');
  });
});

describe('re-entry (Art 19; Sichuan 篇三 Art 17)', () => {
  const terminatedAt = M(Y, 7);
  const terminated = advanceYear(gx, settled, initialState(true), facts({ terminations: [{ month: 7, ground: 'fraud' }] }), Y).state;

  it('lets a terminated institution apply exactly 2 years after the termination month, not a month sooner', () => {
    const gap = advanceYear(gx, settled, terminated, facts(), Y + 1);
    expect(statuses(gap.monthly)).toEqual(Array(12).fill(T));
    const back = advanceYear(gx, settled, gap.state, facts({ application: { month: 0, score: 90 } }), Y + 2);
    expect(back.monthly[6]).toBe(T);
    expect(back.monthly[7]).toBe(STATUS.applied);
    expect(back.events.slice(0, 2)).toEqual([
      { month: terminatedAt + 24, kind: 'banLapsed' },
      { month: terminatedAt + 24, kind: 'applied' },
    ]);
    // Guangxi reviews every half year: decided at the end of December, open from January.
    expect(back.events[2]).toEqual({ month: M(Y + 2, 11), kind: 'designated' });
    expect(back.monthly[11]).toBe(STATUS.applied);
    expect(back.state.status).toBe(A);
  });

  it('under Sichuan bars 1 year after a serious breach and 3 years after a violation', () => {
    const breach = advanceYear(sc, settled, initialState(true), facts({ terminations: [{ month: 7, ground: 'obstruction' }] }), Y).state;
    expect(breach.mayApplyFrom).toBe(terminatedAt + 12);
    const violation = advanceYear(sc, settled, initialState(true), facts({ terminations: [{ month: 7, ground: 'fraud' }] }), Y).state;
    expect(violation.mayApplyFrom).toBe(terminatedAt + 36);
  });

  it('under Sichuan bars 5 years when the controller caused a violation, but not a serious breach', () => {
    const controller = { terminations: [{ month: 7, ground: 'fraud' }], controllerCaused: true };
    expect(advanceYear(sc, settled, initialState(true), facts(controller), Y).state.mayApplyFrom).toBe(terminatedAt + 60);
    const breach = advanceYear(sc, settled, initialState(true), facts({ terminations: [{ month: 7, ground: 'obstruction' }], controllerCaused: true }), Y).state;
    expect(breach.mayApplyFrom).toBe(terminatedAt + 12);
    // Guangxi bars every termination for 2 years (Art 19).
    expect(advanceYear(gx, settled, initialState(true), facts(controller), Y).state.mayApplyFrom).toBe(terminatedAt + 24);
  });

  it('ends a designation found to have been won by fraud, barred 3 years from the discovery under Sichuan', () => {
    const out = advanceYear(sc, settled, initialState(true), facts({ fraudulentApplication: 4 }), Y);
    expect(out.events).toEqual([{ month: M(Y, 4), kind: 'terminated', ground: 'fraudulentApplication' }]);
    expect(statuses(out.monthly)).toEqual([A, A, A, A, T, T, T, T, T, T, T, T]);
    expect(out.state.mayApplyFrom).toBe(M(Y, 4) + 36);
    // Only a designated institution can lose its designation.
    expect(advanceYear(sc, settled, initialState(false), facts({ fraudulentApplication: 4 }), Y).events).toEqual([]);
  });
});

describe('entry (Art 5, Art 7; Sichuan Arts 11, 17, 19)', () => {
  it('signs at a score of 85, refuses at 84.9; Guangxi decides at the half-yearly review', () => {
    const pass = advanceYear(gx, settled, initialState(false), facts({ application: { month: 1, score: 85 } }), Y);
    expect(pass.events).toEqual([
      { month: M(Y, 1), kind: 'applied' },
      { month: M(Y, 5), kind: 'designated' },
    ]);
    expect(pass.monthly[5]).toBe(STATUS.applied);
    expect(pass.monthly[6]).toBe(A);
    const fail = advanceYear(gx, settled, initialState(false), facts({ application: { month: 1, score: 84.9 } }), Y);
    expect(fail.events.at(-1)).toEqual({ month: M(Y, 5), kind: 'refused' });
    expect(fail.state.mayApplyFrom).toBe(M(Y, 5) + 6);
  });

  it('waits for 6 months of operation under Guangxi, 3 under Sichuan', () => {
    const opened = { openedMonth: M(Y, 2), leaseEndMonth: M(Y + 10, 0) };
    const application = facts({ application: { month: 0, score: 90 } });
    expect(advanceYear(gx, opened, initialState(false), application, Y).events[0]).toEqual({ month: M(Y, 8), kind: 'applied' });
    expect(advanceYear(sc, opened, initialState(false), application, Y).events[0]).toEqual({ month: M(Y, 5), kind: 'applied' });
  });

  it('needs 3 years left on the premises under Guangxi only', () => {
    const shortLease = { openedMonth: 0, leaseEndMonth: M(Y, 0) + 35 };
    const application = facts({ application: { month: 0, score: 90 } });
    expect(advanceYear(gx, shortLease, initialState(false), application, Y).events).toEqual([]);
    expect(advanceYear(gx, { openedMonth: 0, leaseEndMonth: M(Y, 0) + 36 }, initialState(false), application, Y).events[0]?.kind).toBe('applied');
    expect(advanceYear(sc, shortLease, initialState(false), application, Y).events[0]?.kind).toBe('applied');
  });

  it('under Sichuan: decided within 3 months; retry after 3 months; a second failure bars a year', () => {
    const low = facts({ application: { month: 0, score: 80 } });
    const y1 = advanceYear(sc, settled, initialState(false), low, Y);
    expect(y1.events).toEqual([
      { month: M(Y, 0), kind: 'applied' },
      { month: M(Y, 3), kind: 'refused' },
    ]);
    expect(y1.state.mayApplyFrom).toBe(M(Y, 6));
    const y2 = advanceYear(sc, settled, y1.state, low, Y + 1);
    expect(y2.events.at(-1)).toEqual({ month: M(Y + 1, 3), kind: 'refused' });
    expect(y2.state.mayApplyFrom).toBe(M(Y + 1, 3) + 12);
    const y3 = advanceYear(sc, settled, y2.state, facts({ application: { month: 0, score: 95 } }), Y + 2);
    expect(y3.events).toEqual([
      { month: M(Y + 2, 3), kind: 'applied' },
      { month: M(Y + 2, 6), kind: 'designated' },
    ]);
  });
});
