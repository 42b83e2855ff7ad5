/**
 * The agreement's 甲类 share term (Guangxi Art 12(六)) in a run: each institution-year's share of its
 * card-settled care against its level's minimum, the assessment failures a shortfall adds (keyed on the
 * lifecycle's own assessment draw), the forfeited deposits, and the institutions-by-year columns.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SummaryColumns } from '../../src/analysis/acrossPaths.js';
import { simulate } from '../../src/engine/simulate.js';
import { institutionAssumptions } from '../../src/institutions/assumptions.js';
import { classAShareAssessmentFailures, classAShareUnmet } from '../../src/institutions/classAShare.js';
import { assessmentDraw, drawYearFacts } from '../../src/institutions/facts.js';
import { generateInstitutions } from '../../src/institutions/generate.js';
import { advancePool, initialStates, type PoolYear } from '../../src/institutions/pool.js';
import { HOSPITAL, PHARMACY, STATUS } from '../../src/institutions/vocabulary.js';
import { allocatePaymentSums, FIELD, fieldCell, institutionTotals } from '../../src/payment/sums.js';
import { LEVELS } from '../../src/policy/vocabulary.js';
import { runKeys } from '../../src/random/keys.js';
import { KeyedStream } from '../../src/random/stream.js';
import { runScenario, type ScenarioResult } from '../../src/run/scenarioRun.js';
import { varied } from '../../src/run/sensitivity.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides } from '../../src/scenario/load.js';
import { gx } from './helpers.js';

const TERTIARY = LEVELS.indexOf('tertiary');
const COMMUNITY = LEVELS.indexOf('community');
const keys = runKeys(11);

/** Institutions by type and level code. */
const pool = (...kinds: [type: number, level: number][]) => ({ length: kinds.length, type: Uint8Array.from(kinds, (k) => k[0]), level: Uint8Array.from(kinds, (k) => k[1]) });

describe('the 甲类 share term', () => {
  it('holds a tertiary hospital at 60.00% of its bill, not at 59.99%, over both funds together', () => {
    const inst = pool([HOSPITAL, TERTIARY], [HOSPITAL, TERTIARY]);
    const sums = allocatePaymentSums(2);
    // Institution 0: employees 400,000 of 500,000 fen (80%), residents 199,900 of 500,000 (39.98%):
    // 599,900 of 1,000,000 = 59.99%, short. Institution 1: 400,000 + 200,000 = 600,000 of 1,000,000 = 60%.
    for (const [i, resident] of [
      [0, 199_900],
      [1, 200_000],
    ] as const) {
      sums[fieldCell(2, 0, i, FIELD.classA)] = 400_000;
      sums[fieldCell(2, 0, i, FIELD.bill)] = 500_000;
      sums[fieldCell(2, 1, i, FIELD.classA)] = resident;
      sums[fieldCell(2, 1, i, FIELD.bill)] = 500_000;
    }
    const classA = institutionTotals(sums, 2, FIELD.classA);
    const bill = institutionTotals(sums, 2, FIELD.bill);
    expect(Array.from(classA)).toEqual([599_900, 600_000]);
    expect(Array.from(classAShareUnmet(gx.terms, inst, classA, bill))).toEqual([1, 0]);
  });

  it('takes each level’s minimum, and leaves out pharmacies and hospitals without care', () => {
    // Tertiary, community and pharmacy at 84.99% (tertiary meets 60%, community misses 85%, a pharmacy is
    // not bound); a community hospital at exactly 85%; one with no care (0 of 0) has no share to check.
    const inst = pool([HOSPITAL, TERTIARY], [HOSPITAL, COMMUNITY], [PHARMACY, 0], [HOSPITAL, COMMUNITY], [HOSPITAL, COMMUNITY]);
    const classA = Float64Array.from([8_499, 8_499, 8_499, 8_500, 0]);
    const bill = Float64Array.from([10_000, 10_000, 10_000, 10_000, 0]);
    expect(Array.from(classAShareUnmet(gx.terms, inst, classA, bill))).toEqual([0, 1, 0, 0, 0]);
  });
});

describe('a missed share at the annual assessment', () => {
  const life = institutionAssumptions.parse({ lifecycle: { assessmentFailure: 0.03, classAShareMissed: 0.1 } }).lifecycle;
  // Five institutions designated all year but the last (terminated in December).
  const monthly = new Uint8Array(5 * 12).fill(STATUS.active);
  monthly[4 * 12 + 11] = STATUS.terminated;
  const year: PoolYear = { year: 2022, states: [], monthly, events: [], assessmentDraws: Float64Array.from([0.01, 0.05, 0.2, 0.05, 0.05]) };

  it('fails it when the draw is below the chance raised by classAShareMissed, and not already failed', () => {
    // 0: 0.01 < 3% failed on the lifecycle's own chance already; 1: 3% ≤ 0.05 < 13%, fails; 2: 0.2 ≥ 13%,
    // passes; 3: same draw as 1 but the share was met; 4: same draw, but not designated in December.
    const unmet = Uint8Array.from([1, 1, 1, 0, 1]);
    expect(Array.from(classAShareAssessmentFailures(life, year, unmet))).toEqual([0, 1, 0, 0, 0]);
    const off = institutionAssumptions.parse({}).lifecycle;
    expect(off.classAShareMissed).toBe(0);
    expect(Array.from(classAShareAssessmentFailures(off, year, unmet))).toEqual([0, 0, 0, 0, 0]);
  });

  it('reads the lifecycle’s own keyed assessment draw, which advancePool keeps', () => {
    const a = institutionAssumptions.parse({});
    const s = new KeyedStream(keys);
    for (let i = 0; i < 2000; i++) {
      const draw = assessmentDraw(s, 0, i, 2023);
      expect(drawYearFacts(a, gx, keys, 0, i, HOSPITAL, 0, 2023).assessment.failed).toBe(draw < a.lifecycle.assessmentFailure);
    }
    const inst = generateInstitutions(a, keys, 0, 2021);
    const advanced = advancePool(a, gx, keys, 0, inst, initialStates(inst), 2021);
    expect(Array.from(advanced.assessmentDraws!)).toEqual(Array.from({ length: inst.length }, (_, i) => assessmentDraw(s, 0, i, 2021)));
  });
});

describe('the share in a run', () => {
  const SMALL = { paths: 2, horizon: 2, members: 1500, workers: 0 };
  const drg = { payment: { methods: { inpatient: 'drg' } } };
  let base: ScenarioResult;
  let raised: ScenarioResult;
  beforeAll(async () => {
    const loaded = loadScenario(defaultScenarioFile());
    base = await runScenario(varied(loaded, drg), [], SMALL);
    raised = await runScenario(varied(loaded, { ...drg, institutions: { lifecycle: { classAShareMissed: 1 } } }), [], SMALL);
  }, 120_000);

  const mean = (r: ScenarioResult, metric: string, group: string, year: number) => {
    const rows = r.tables['institutions_by_year'] as (Record<string, unknown> & SummaryColumns)[];
    const row = rows.find((x) => x['metric'] === metric && x['institution_group'] === group && x['year'] === year);
    expect(row, `${metric} ${group} ${year}`).toBeDefined();
    return row!.mean;
  };

  it('reports the share, the hospitals short of it and the failures it causes, by group and year', () => {
    for (const group of ['all', 'hospitals', ...LEVELS, 'pharmacy']) {
      for (const year of [2021, 2022]) {
        const share = mean(base, 'class_a_share', group, year);
        expect(share, `${group} ${year}`).toBeGreaterThan(0);
        expect(share, `${group} ${year}`).toBeLessThan(1);
        expect(mean(base, 'class_a_assessment_failures', group, year)).toBe(0);
        // The shortfalls are the claims' own: the same whatever the assessment makes of them.
        expect(mean(raised, 'class_a_share_unmet', group, year)).toBe(mean(base, 'class_a_share_unmet', group, year));
        // Raised to certainty, every assessed shortfall the lifecycle passed fails: on top of its own failures.
        const added = mean(raised, 'class_a_assessment_failures', group, year);
        expect(mean(raised, 'assessment_failures', group, year)).toBe(mean(base, 'assessment_failures', group, year) + added);
        expect(added).toBeLessThanOrEqual(mean(raised, 'class_a_share_unmet', group, year));
      }
    }
    expect(mean(base, 'class_a_share_unmet', 'pharmacy', 2021)).toBe(0);
    expect(mean(base, 'class_a_share_unmet', 'hospitals', 2021)).toBeGreaterThan(0);
    expect(mean(raised, 'class_a_assessment_failures', 'hospitals', 2021)).toBeGreaterThan(0);
    // Their deposits are kept under the payment reform.
    expect(mean(raised, 'forfeited_deposits_yuan', 'hospitals', 2021)).toBeGreaterThan(mean(base, 'forfeited_deposits_yuan', 'hospitals', 2021));
  });

  it('gives the same provider blocks for any worker count and chunk size', async () => {
    const spec = runSpec(withOverrides(varied(loadScenario(defaultScenarioFile()), { ...drg, institutions: { lifecycle: { classAShareMissed: 0.5 } } }), { paths: 1, horizon: 2, members: 1200 }));
    const inline = await simulate(spec, { workers: 0, chunkMembers: 1200 });
    const pooled = await simulate(spec, { workers: 2, chunkMembers: 400 });
    expect(Array.from(pooled.providers)).toEqual(Array.from(inline.providers));
  }, 120_000);
});
