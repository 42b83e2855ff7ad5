/**
 * The agreement lifecycle of one institution, a year at a time: a pure function of the rules, the
 * institution's state at the start of the year and the year's facts (what happened and when). The facts
 * are drawn elsewhere (facts.ts) with keyed randomness, so this file is plain rule logic.
 *
 * Time is counted in absolute months (year × 12 + month, month 0 = January). Within a month: a
 * suspension that has run out ends and a ban that has run out lapses at its start; then termination
 * grounds, the chart sample, suspension grounds and an application, in that order; decisions (an
 * application's assessment, the annual assessment in December) are taken at its end and act from the
 * next month. `monthly[m]` is the status in force during month m.
 */
import type { AssessmentCause, TermFacts } from './compliance.js';
import type { BanCategory } from './vocabulary.js';
import { STATUS } from './vocabulary.js';
import type { AgreementRules } from './rules.js';

export interface AgreementState {
  /** STATUS code at the end of the last month processed. */
  status: number;
  /** First month the agreement runs again after a suspension. */
  suspendedUntil: number;
  /** Suspension cases in the natural year `countYear` (Art 18(一) counts within a natural year). */
  suspensions: number;
  countYear: number;
  failedAssessmentsInRow: number;
  /** First month a terminated or refused institution may apply (again). */
  mayApplyFrom: number;
  failedApplicationsInRow: number;
  /** Month the pending application is decided, and its score. */
  decisionMonth: number;
  score: number;
  /** Month of the last termination and its ground ('' if none). */
  terminatedMonth: number;
  terminationGround: string;
}

/** When and how an institution came to operate (from generate.ts). */
export interface InstitutionDates {
  openedMonth: number;
  leaseEndMonth: number;
}

export interface YearFacts {
  /** Suspension grounds that occur, each with the months it would stop the agreement. */
  cases: { month: number; ground: string; months: number }[];
  /** The year's chart-sample review, if any: the sample's non-compliant share of cost. */
  chartSample: { month: number; nonCompliantShare: number; months: number } | null;
  /** Termination grounds that occur. */
  terminations: { month: number; ground: string }[];
  /** The annual assessment's verdict (weighed only for institutions designated in December). */
  assessment: {
    failed: boolean;
    /** What failed it (compliance.ts): the base chance or a missed term; absent: the base chance. */
    cause?: AssessmentCause;
    months: number;
    /** The keyed draw `failed` was decided on (drawYearFacts sets it; clearing reads it again for a missed 甲类 share). */
    draw?: number;
  };
  /** A wish to apply for designation this year: from `month`, or as soon after as allowed. */
  application: { month: number; score: number } | null;
  /** The month a fraudulent application comes to light, if it does this year. */
  fraudulentApplication?: number | null;
  /** A termination this year in the `violation` category was the controller's doing: barred as `controller`. */
  controllerCaused?: boolean;
  /** The agreement's terms as the hospital's facts, when the scenario draws them (compliance.ts). */
  terms?: TermFacts | undefined;
}

export type LifecycleEventKind = 'applied' | 'designated' | 'refused' | 'suspended' | 'resumed' | 'terminated' | 'banLapsed' | 'assessmentFailed';

export interface LifecycleEvent {
  /** Absolute month. */
  month: number;
  kind: LifecycleEventKind;
  ground?: string;
  months?: number;
}

export interface YearOutcome {
  state: AgreementState;
  /** STATUS code in force in each month of the year. */
  monthly: Uint8Array;
  events: LifecycleEvent[];
}

/** The state of an institution that starts designated, or licensed and not designated. */
export function initialState(designated: boolean): AgreementState {
  return {
    status: designated ? STATUS.active : STATUS.candidate,
    suspendedUntil: 0,
    suspensions: 0,
    countYear: 0,
    failedAssessmentsInRow: 0,
    mayApplyFrom: Number.NEGATIVE_INFINITY,
    failedApplicationsInRow: 0,
    decisionMonth: 0,
    score: 0,
    terminatedMonth: 0,
    terminationGround: '',
  };
}

const designated = (status: number) => status === STATUS.active || status === STATUS.suspended;

export function advanceYear(rules: AgreementRules, dates: InstitutionDates, start: AgreementState, facts: YearFacts, year: number): YearOutcome {
  const s: AgreementState = { ...start };
  const events: LifecycleEvent[] = [];
  const monthly = new Uint8Array(12);
  const { entry, suspension, termination, reentry } = rules;
  if (s.countYear !== year) {
    s.countYear = year;
    s.suspensions = 0;
  }

  const terminate = (at: number, ground: string, ban: BanCategory) => {
    s.status = STATUS.terminated;
    s.terminatedMonth = at;
    s.terminationGround = ground;
    s.mayApplyFrom = at + reentry.banMonths[ban === 'violation' && facts.controllerCaused ? 'controller' : ban];
    s.suspendedUntil = 0;
    s.failedApplicationsInRow = 0;
    events.push({ month: at, kind: 'terminated', ground });
  };
  /** An Art 17 case found in month `at`, stopping the agreement from month `from` for `months`. */
  const suspend = (at: number, from: number, ground: string, months: number) => {
    if (!designated(s.status)) return;
    s.suspensions++;
    if (s.suspensions >= termination.suspensionsInYear) {
      terminate(at, ground, termination.repeatedSuspensionBan);
      return;
    }
    const until = from + months;
    s.suspendedUntil = s.status === STATUS.suspended ? Math.max(s.suspendedUntil, until) : until;
    if (from === at) s.status = STATUS.suspended;
    events.push({ month: at, kind: 'suspended', ground, months });
  };
  const applyFrom = Math.max(s.mayApplyFrom, dates.openedMonth + entry.minMonthsOperating);
  const applicationMonth = facts.application ? Math.max(year * 12 + facts.application.month, applyFrom) : Number.POSITIVE_INFINITY;

  for (let m = 0; m < 12; m++) {
    const at = year * 12 + m;
    // Start of the month.
    if (s.status === STATUS.suspended && at >= s.suspendedUntil) {
      s.status = STATUS.active;
      events.push({ month: at, kind: 'resumed' });
    }
    if (s.suspendedUntil > at && s.status === STATUS.active) s.status = STATUS.suspended; // a December finding
    if (s.status === STATUS.terminated && at >= s.mayApplyFrom) {
      s.status = STATUS.candidate;
      events.push({ month: at, kind: 'banLapsed' });
    }
    // The month's events.
    for (const t of facts.terminations) {
      if (t.month !== m || !designated(s.status)) continue;
      const g = termination.grounds.find((x) => x.id === t.ground);
      if (g) terminate(at, g.id, g.ban);
    }
    if (facts.fraudulentApplication === m && designated(s.status)) terminate(at, 'fraudulentApplication', 'fraudulentApplication');
    const chart = facts.chartSample;
    if (chart && chart.month === m && chart.nonCompliantShare > suspension.chartSample.above) suspend(at, at, 'chartSample', chart.months);
    for (const c of facts.cases) if (c.month === m) suspend(at, at, c.ground, c.months);
    if (s.status === STATUS.candidate && at === applicationMonth && dates.leaseEndMonth - at >= (entry.minLeaseMonths ?? 0)) {
      s.status = STATUS.applied;
      s.score = facts.application!.score;
      s.decisionMonth = 'everyMonths' in entry.review ? at + (entry.review.everyMonths - 1 - (m % entry.review.everyMonths)) : at + entry.review.withinMonths;
      events.push({ month: at, kind: 'applied' });
    }
    monthly[m] = s.status;
    // End of the month: decisions act from the next month.
    if (s.status === STATUS.applied && at === s.decisionMonth) decide(at);
    if (m === 11 && designated(monthly[11]!)) assess(at);
  }
  return { state: s, monthly, events };

  function decide(at: number): void {
    if (s.score >= entry.passScore) {
      s.status = STATUS.active;
      s.failedApplicationsInRow = 0;
      s.failedAssessmentsInRow = 0;
      events.push({ month: at, kind: 'designated' });
      return;
    }
    s.status = STATUS.candidate;
    s.failedApplicationsInRow++;
    const barred = s.failedApplicationsInRow >= 2 && entry.secondFailureBanMonths > 0;
    s.mayApplyFrom = at + (barred ? entry.secondFailureBanMonths : entry.retryAfterMonths);
    events.push({ month: at, kind: 'refused' });
  }

  function assess(at: number): void {
    if (!facts.assessment.failed) {
      s.failedAssessmentsInRow = 0;
      return;
    }
    s.failedAssessmentsInRow++;
    const cause = facts.assessment.cause;
    events.push(cause && cause !== 'base' ? { month: at, kind: 'assessmentFailed', ground: cause } : { month: at, kind: 'assessmentFailed' });
    if (s.failedAssessmentsInRow >= termination.failedAssessmentsInRow) {
      terminate(at, 'failedAssessmentsInRow', termination.failedAssessmentsBan);
      return;
    }
    suspend(at, at + 1, suspension.failedAssessment, facts.assessment.months);
  }
}
