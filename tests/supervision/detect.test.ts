/**
 * The year's reviews (detect.ts) on many hand-made claims: the chart sample takes about chartShare of the
 * stays and nothing else, a sampled touched stay is found with about detection.chartReview, a flagged
 * touched claim with about detection.flagReview, an untouched claim is never found however it is reviewed,
 * and a member whose claim touched by a person behaviour is found is investigated. The chances are not the
 * defaults, so a hard-coded chance fails. Draws are keyed, so the counts are fixed; the tolerances are 4
 * binomial standard errors.
 */
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/policy/vocabulary.js';
import { allocateMembers } from '../../src/population/block.js';
import { runKeys } from '../../src/random/keys.js';
import { claimStreamOf, SUPERVISION_CLAIM_STREAM } from '../../src/random/streamIds.js';
import { CLAIM_NEW_ADMISSION } from '../../src/settlement/columns.js';
import { supervisionAssumptions } from '../../src/supervision/assumptions.js';
import { labelOf } from '../../src/supervision/behaviours.js';
import { allocateSupervisedClaims } from '../../src/supervision/claims.js';
import { allocateDetection, CHART_REVIEWED, detect, FLAG_REVIEWED, FOUND_BY_CHART, FOUND_BY_FLAG } from '../../src/supervision/detect.js';

const INPATIENT = SETTINGS.indexOf('inpatient');
const OUTPATIENT = SETTINGS.indexOf('outpatient');
const CHART_SHARE = 0.08;
const FLAG_REVIEW = 0.35;
const CHART_REVIEW = 0.8;

/** Kinds of member, one claim each, in turn: what touched the claim and whether a screen flags it. */
const KINDS = [
  { name: 'touched stay, not flagged', setting: INPATIENT, label: labelOf('overTreatment'), signal: 0 },
  { name: 'touched stay, flagged', setting: INPATIENT, label: labelOf('phantomBedDays'), signal: 1 },
  { name: 'untouched stay, flagged', setting: INPATIENT, label: 0, signal: 1 },
  { name: 'untouched stay, not flagged', setting: INPATIENT, label: 0, signal: 0 },
  { name: 'visit touched by a person behaviour, flagged', setting: OUTPATIENT, label: labelOf('cardLending'), signal: 1 },
] as const;
const PER_KIND = 20_000;
const N = KINDS.length * PER_KIND;

/** N members with one claim each (a 100-yuan bill: no member screen fires; the mismatch signal flags it). */
function claims() {
  const members = allocateMembers(N);
  const sc = allocateSupervisedClaims(N, N);
  const c = sc.claims;
  for (let i = 0; i < N; i++) {
    const kind = KINDS[i % KINDS.length]!;
    members.slot[i] = i;
    c.memberStart[i] = i;
    c.person[i] = i;
    c.setting[i] = kind.setting;
    c.flags[i] = kind.setting === INPATIENT ? CLAIM_NEW_ADMISSION : 0;
    c.classA[i] = 10_000;
    c.day[i] = 100;
    c.lengthOfStay[i] = kind.setting === INPATIENT ? 5 : 0;
    sc.drugs[i] = 5_000;
    sc.tests[i] = 1_000;
    sc.label[i] = kind.label;
    sc.signal[i] = kind.signal;
    sc.review[i] = claimStreamOf(SUPERVISION_CLAIM_STREAM.review, kind.setting, 0);
  }
  c.memberStart[N] = N;
  c.length = N;
  return { members, sc };
}

const a = supervisionAssumptions.parse({ enabled: true, inspection: { chartShare: CHART_SHARE, detection: { flagReview: FLAG_REVIEW, chartReview: CHART_REVIEW } } });
const { members, sc } = claims();
const d = allocateDetection();
detect(a, runKeys(3), 0, 2022, members, sc, d);

/** Claims of a kind (by position in KINDS) that satisfy `test`. */
const count = (kind: number, test: (i: number) => boolean) => {
  let n = 0;
  for (let i = kind; i < N; i += KINDS.length) if (test(i)) n++;
  return n;
};
const sampled = (i: number) => (d.reviewed[i]! & CHART_REVIEWED) !== 0;
/** 4 binomial standard errors of a share p over n trials. */
const tolerance = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);

describe('detect: chart review of discharges (篇五 L693)', () => {
  it(`samples about chartShare (${CHART_SHARE}) of the stays, touched or not, and no visit`, () => {
    const stays = [0, 1, 2, 3];
    const charts = stays.reduce((t, k) => t + count(k, sampled), 0);
    expect(Math.abs(charts / (stays.length * PER_KIND) - CHART_SHARE)).toBeLessThan(tolerance(CHART_SHARE, stays.length * PER_KIND));
    for (const k of stays) expect(Math.abs(count(k, sampled) / PER_KIND - CHART_SHARE), KINDS[k]!.name).toBeLessThan(tolerance(CHART_SHARE, PER_KIND));
    expect(count(4, sampled)).toBe(0);
  });

  it(`finds about chartReview (${CHART_REVIEW}) of the sampled touched stays that no flag review found`, () => {
    const charted = count(0, sampled);
    const found = count(0, (i) => d.found[i] === FOUND_BY_CHART);
    expect(count(0, (i) => d.found[i] === FOUND_BY_CHART && !sampled(i))).toBe(0);
    expect(Math.abs(found / charted - CHART_REVIEW)).toBeLessThan(tolerance(CHART_REVIEW, charted));
    // Not flagged: nothing is found by a flag review, and unsampled stays are not found at all.
    expect(count(0, (i) => d.found[i] === FOUND_BY_FLAG || (d.reviewed[i]! & FLAG_REVIEWED) !== 0)).toBe(0);
    expect(count(0, (i) => d.found[i] !== 0)).toBe(found);
  });
});

describe('detect: review of every flag', () => {
  it('reviews every flagged claim and no other', () => {
    for (const k of [1, 2, 4]) expect(count(k, (i) => (d.reviewed[i]! & FLAG_REVIEWED) !== 0), KINDS[k]!.name).toBe(PER_KIND);
    for (const k of [0, 3]) expect(count(k, (i) => (d.reviewed[i]! & FLAG_REVIEWED) !== 0), KINDS[k]!.name).toBe(0);
  });

  it(`finds about flagReview (${FLAG_REVIEW}) of the flagged touched claims; the chart review finds about chartReview of the sampled rest`, () => {
    for (const k of [1, 4]) {
      const byFlag = count(k, (i) => d.found[i] === FOUND_BY_FLAG);
      expect(Math.abs(byFlag / PER_KIND - FLAG_REVIEW), KINDS[k]!.name).toBeLessThan(tolerance(FLAG_REVIEW, PER_KIND));
    }
    // A flagged stay the flag review missed can still be found on its chart: about (1 − flagReview) × chartShare × chartReview.
    const p = (1 - FLAG_REVIEW) * CHART_SHARE * CHART_REVIEW;
    expect(Math.abs(count(1, (i) => d.found[i] === FOUND_BY_CHART) / PER_KIND - p)).toBeLessThan(tolerance(p, PER_KIND));
  });

  it('never finds an untouched claim, flagged, chart-sampled or neither', () => {
    for (const k of [2, 3]) expect(count(k, (i) => d.found[i] !== 0), KINDS[k]!.name).toBe(0);
    expect(count(2, sampled) + count(3, sampled)).toBeGreaterThan(0);
  });

  it('investigates exactly the members whose claim touched by a person behaviour was found', () => {
    expect(count(4, (i) => d.investigated[i] !== (d.found[i] !== 0 ? 1 : 0))).toBe(0);
    expect(count(4, (i) => d.investigated[i] === 1)).toBeGreaterThan(0);
    // Institution behaviours found open no case against the member.
    for (const k of [0, 1]) expect(count(k, (i) => d.investigated[i] === 1), KINDS[k]!.name).toBe(0);
  });
});

describe('detect: keyed draws', () => {
  it('finds the same claims again, and other claims under another seed', () => {
    const again = allocateDetection();
    detect(a, runKeys(3), 0, 2022, members, sc, again);
    expect(Array.from(again.found.subarray(0, N))).toEqual(Array.from(d.found.subarray(0, N)));
    const other = allocateDetection();
    detect(a, runKeys(4), 0, 2022, members, sc, other);
    expect(Array.from(other.found.subarray(0, N))).not.toEqual(Array.from(d.found.subarray(0, N)));
  });
});
