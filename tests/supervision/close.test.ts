/**
 * The path's year-end step on hand-made sums: the peer screen, the amounts of the planned cases (the
 * fine is the tier's multiple of the loss), chart reviews booked the year after, and the fund effect.
 */
import { describe, expect, it } from 'vitest';
import type { Institutions } from '../../src/institutions/generate.js';
import { HOSPITAL, STATUS } from '../../src/institutions/vocabulary.js';
import { runKeys } from '../../src/random/keys.js';
import { labelOf, NIB } from '../../src/supervision/behaviours.js';
import { blockBehaviourCell, blockScreenCell, effortBlockCell, fundCell, institutionCaseCell, SUPERVISION_BLOCK } from '../../src/supervision/block.js';
import { institutionCase } from '../../src/supervision/cases.js';
import { closeSupervision } from '../../src/supervision/close.js';
import { compileSupervision } from '../../src/supervision/compile.js';
import type { SupervisionPlan } from '../../src/supervision/plan.js';
import { supervisionRules } from '../../src/supervision/rules.js';
import { behaviourCell, effortCell, institutionCell, institutionLeakageCell, institutionRecoveredCell, supervisionSumsLength } from '../../src/supervision/sums.js';
import { only } from './claimSet.js';

const YEARS = [2022, 2023];
const OVER = labelOf('overCharging') - 1;
const inst: Institutions = {
  length: 3,
  baseYear: 2022,
  type: new Uint8Array(3).fill(HOSPITAL),
  level: new Uint8Array(3).fill(2),
  capacity: Float64Array.from([100, 100, 100]),
  openedMonth: new Int32Array(3),
  leaseEndMonth: new Int32Array(3),
  initialStatus: new Uint8Array(3).fill(STATUS.active),
};

function close(flagReview: number, chart = false) {
  const a = only({ overCharging: {} }, { inspection: { detection: { flagReview } }, screens: { peerOutlier: { above: 0.3, minClaims: 100 } }, sanctions: { finesToFund: true } });
  const rules = supervisionRules(a, '.', 'scenario.yaml');
  const engaged = new Uint8Array(3 * NIB);
  engaged[2 * NIB + OVER] = 1;
  // Institution 2: 1.0% of last year's payments (38-G, a fine of exactly 1.5×), first offence, not corrected.
  const facts = { intent: false, share: 0.01, firstOffence: true, correctedInTime: false, refusedToCorrect: false };
  const plan: SupervisionPlan = {
    years: YEARS,
    institutions: 3,
    engaged: [engaged, engaged],
    inspected: [Uint8Array.from([1, 0, 1]), new Uint8Array(3)],
    topSpenders: [[], []],
    cases: [[{ institution: 2, found: [OVER], ...facts, outcome: institutionCase(rules, { ...facts, amountFen: 0 }), deterred: false }], []],
  };
  const sums = YEARS.map(() => new Float64Array(supervisionSumsLength(3)));
  const s = sums[0]!;
  // Bills per claim 100, 100 and 200 yuan over 100 claims each: the peers' median is 100.
  [10_000, 10_000, 20_000].forEach((perClaim, i) => {
    s[institutionCell(i, 'claims')] = 100;
    s[institutionCell(i, 'bill')] = 100 * perClaim;
  });
  // Institution 2 leaked 50000 fen, 10000 of it already recovered on review; employees 40000, residents 10000.
  s[institutionLeakageCell(2, OVER)] = 50_000;
  s[institutionRecoveredCell(2, OVER)] = 10_000;
  s[behaviourCell(0, OVER, 'pooled')] = 40_000;
  s[behaviourCell(1, OVER, 'pooled')] = 10_000;
  s[behaviourCell(0, OVER, 'flagRecovered')] = 8_000;
  s[behaviourCell(1, OVER, 'flagRecovered')] = 2_000;
  s[behaviourCell(0, OVER, 'chartRecovered')] = 3_000;
  if (chart) {
    // 1,000 discharges, 40 sampled: 10 short of the 5% floor. Left out: 24 touched employee stays leaking
    // 96,000 fen and 5 resident stays leaking 12,345 fen.
    s[effortCell('discharges')] = 1_000;
    s[effortCell('chartsReviewed')] = 40;
    s[behaviourCell(0, OVER, 'chartReserveClaims')] = 24;
    s[behaviourCell(0, OVER, 'chartReserve')] = 96_000;
    s[behaviourCell(1, OVER, 'chartReserveClaims')] = 5;
    s[behaviourCell(1, OVER, 'chartReserve')] = 12_345;
  }
  const blocks = YEARS.map(() => new Float64Array(SUPERVISION_BLOCK));
  closeSupervision({
    compiled: compileSupervision(a),
    rules: () => rules,
    keys: runKeys(1),
    path: 0,
    plan,
    institutions: inst,
    variants: 1,
    sums: (_, y) => sums[y]!,
    block: (_, y) => blocks[y]!,
  });
  return blocks;
}

describe('closing a path', () => {
  it('flags the institution 100% above its peers, and counts it against the labels', () => {
    const [b] = close(0);
    const cell = (f: Parameters<typeof blockScreenCell>[1]) => b![blockScreenCell('peerOutlier', f)];
    expect([cell('truePositives'), cell('falsePositives'), cell('falseNegatives'), cell('units')]).toEqual([1, 0, 0, 3]);
    expect(b![effortBlockCell('peerFlagged')]).toBe(1);
  });

  it('gives the planned case its realised amount: the loss, the return beyond earlier recoveries, 1.5 × the loss in fines', () => {
    const [b] = close(0);
    const c = (f: Parameters<typeof institutionCaseCell>[0]) => b![institutionCaseCell(f)];
    // 38-G: fine exactly 1.5 × 50000 = 75000 fen; returned 50000 − 10000 = 40000.
    expect([c('cases'), c('article38'), c('amount'), c('returned'), c('fines')]).toEqual([1, 1, 50_000, 40_000, 75_000]);
    // Split as the year's institution leakage: 4/5 employees, 1/5 residents.
    expect([b![fundCell(0, 'institutionReturned')], b![fundCell(1, 'institutionReturned')]]).toEqual([32_000, 8_000]);
    expect([b![fundCell(0, 'fines')], b![fundCell(1, 'fines')]]).toEqual([60_000, 15_000]);
  });

  it('recovers what the peer review finds first, so the case returns only the rest', () => {
    const [b] = close(1);
    // The review recovers 50000 − 10000 = 40000 of the leakage; nothing is left to return.
    expect(b![fundCell(0, 'peerRecovered')]! + b![fundCell(1, 'peerRecovered')]!).toBe(40_000);
    expect(b![institutionCaseCell('returned')]).toBe(0);
    expect(b![institutionCaseCell('fines')]).toBe(75_000);
  });

  it('books the chart reviews of a year’s discharges the year after, and nets the fund effect', () => {
    const [first, second] = close(0);
    expect(first![fundCell(0, 'chartRecovered')]).toBe(0);
    expect(second![fundCell(0, 'chartRecovered')]).toBe(3_000);
    // Employees, year 1: recovered 8000 + returned 32000 + fines 60000 − leakage 40000 = 60000.
    expect(first![fundCell(0, 'net')]).toBe(60_000);
    expect(second![fundCell(0, 'net')]).toBe(3_000);
  });

  it('tops a chart sample short of the 5% floor up to it, the added charts valued at their expectation (worked by hand)', () => {
    const [first, second] = close(0, true);
    // ⌈5% × 1,000⌉ = 50 charts: 10 added to the 40 sampled, reviewed (and recovered) the year after.
    expect([second![effortBlockCell('chartsReviewed')], second![effortBlockCell('chartsToppedUp')], second![effortBlockCell('chartableDischarges')]]).toEqual([50, 10, 1_000]);
    // The 10 are 10/960 of the stays left out, found with chance 0.6 (detection.chartReview):
    // employees 96,000 × 10/960 × 0.6 = 600 fen on top of the sample's 3,000; residents 12,345 × 0.00625 = 77.16 → 77.
    expect(second![fundCell(0, 'chartRecovered')]).toBe(3_600);
    expect(second![fundCell(1, 'chartRecovered')]).toBe(77);
    // Claims found, in the year of care: (24 + 5) × 0.00625 = 0.18125 expected finds.
    expect(first![blockBehaviourCell(OVER, 'found')]).toBeCloseTo(0.18125, 10);
    // Without the shortfall nothing is added.
    const [, plain] = close(0);
    expect([plain![effortBlockCell('chartsToppedUp')], plain![fundCell(1, 'chartRecovered')]]).toEqual([0, 0]);
  });
});
