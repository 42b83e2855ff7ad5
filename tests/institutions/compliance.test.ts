/**
 * The agreement's terms drawn as the hospitals' facts (institutions.lifecycle.terms, compliance.ts): the
 * draws, the assessment verdict they raise, the positive-rate case, the claims re-split to a hospital's
 * 甲类 share (classAMix.ts), and a run where the terms suspend and end agreements.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SummaryColumns } from '../../src/analysis/acrossPaths.js';
import { simulate } from '../../src/engine/simulate.js';
import { formatProblem, InputError } from '../../src/input/inputError.js';
import { institutionAssumptions } from '../../src/institutions/assumptions.js';
import { applyClassAShares } from '../../src/institutions/classAMix.js';
import { assessmentVerdict, drawTermFacts, poissonExcessShare } from '../../src/institutions/compliance.js';
import { drawYearFacts } from '../../src/institutions/facts.js';
import { generateInstitutions } from '../../src/institutions/generate.js';
import { advanceYear, initialState } from '../../src/institutions/lifecycle.js';
import { advancePool, initialStates, TERM_MISSED } from '../../src/institutions/pool.js';
import { classAShareMet, drugAvailabilityMet, positiveRateMet } from '../../src/institutions/terms.js';
import { HOSPITAL, PHARMACY, STATUS } from '../../src/institutions/vocabulary.js';
import { LEVELS } from '../../src/policy/vocabulary.js';
import { runKeys } from '../../src/random/keys.js';
import { KeyedStream } from '../../src/random/stream.js';
import { INSTITUTION_GENERATION, INSTITUTION_STREAM } from '../../src/random/streamIds.js';
import { writeOutputs } from '../../src/run/outputs.js';
import { runScenario, type ScenarioResult } from '../../src/run/scenarioRun.js';
import { varied } from '../../src/run/sensitivity.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides } from '../../src/scenario/load.js';
import { gx } from './helpers.js';

const TERTIARY = LEVELS.indexOf('tertiary');
const COMMUNITY = LEVELS.indexOf('community');
const keys = runKeys(11);
const off = institutionAssumptions.parse({});
const on = institutionAssumptions.parse({ lifecycle: { terms: {} } });
const terms = on.lifecycle.terms!;
const stream = (institution: number, year: number) => new KeyedStream(keys).member(0, institution, INSTITUTION_GENERATION, year).select(INSTITUTION_STREAM.terms);

describe('the terms as a hospital-year\'s facts', () => {
  it('are off unless the scenario asks, and default to means a little above Guangxi\'s minimums', () => {
    expect(off.lifecycle.terms).toBeNull();
    expect(terms.classAShare.tertiary).toEqual({ mean: 0.62, sd: 0.03 });
    expect(terms.missed).toEqual({ classAShare: 0.5, drugAvailability: 0.5 });
  });

  it('are keyed draws, within [0, 1], judged by the rule file\'s terms, and NaN where a term does not bind the level', () => {
    for (let i = 0; i < 300; i++) {
      const level = i % LEVELS.length;
      const f = drawTermFacts(terms, gx, level, stream(i, 2022));
      expect(drawTermFacts(terms, gx, level, stream(i, 2022))).toEqual(f);
      const name = LEVELS[level]!;
      expect(f.classAShare).toBeGreaterThanOrEqual(0);
      expect(f.classAShare).toBeLessThanOrEqual(1);
      expect(f.classAShareMet).toBe(classAShareMet(gx.terms, name, f.classAShare, 1));
      // CN-GX: stocking rates bind 二/三级, positive-rate floors exist at 二/三级 only.
      const binds = name === 'secondary' || name === 'tertiary';
      expect(Number.isNaN(f.western)).toBe(!binds);
      expect(Number.isNaN(f.positiveRate)).toBe(!binds);
      if (binds) {
        expect(f.drugAvailabilityMet).toBe(drugAvailabilityMet(gx.terms, name, f.western, f.chinesePatent));
        expect(f.positiveRateMet).toBe(positiveRateMet(gx.terms, name, f.positiveRate));
      } else {
        expect(f.drugAvailabilityMet && f.positiveRateMet).toBe(true);
      }
    }
  });

  it('miss the 甲类 share about as often as the normal says (tertiary: mean 0.62, sd 0.03, minimum 0.60: Φ(−0.667) ≈ 25%)', () => {
    let missed = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) if (!drawTermFacts(terms, gx, TERTIARY, stream(i, 2021)).classAShareMet) missed++;
    expect(missed / n).toBeGreaterThan(0.22);
    expect(missed / n).toBeLessThan(0.28);
  });
});

describe('the item-level terms', () => {
  it('count the items beyond the day\'s limit as Poisson: E[(N − L)⁺] / λ, checked against a direct sum', () => {
    const direct = (lambda: number, limit: number) => {
      let p = Math.exp(-lambda);
      let excess = 0;
      for (let k = 0; k < 200; k++) {
        if (k > limit) excess += (k - limit) * p;
        p *= lambda / (k + 1);
      }
      return excess / lambda;
    };
    for (const [lambda, limit] of [[2.5, 4], [4, 4], [0.5, 4], [8, 4], [2.5, 1], [3, 0]] as const) expect(poissonExcessShare(lambda, limit)).toBeCloseTo(direct(lambda, limit), 12);
    // By hand, λ = 2.5, 4 a day: Σ_{k<4} (4 − k) P(k) = 1.6708, so E[(N − 4)⁺] = 2.5 − 4 + 1.6708 = 0.1708, 6.83% of items.
    expect(poissonExcessShare(2.5, 4)).toBeCloseTo(0.0683, 4);
    expect(poissonExcessShare(3, 0)).toBe(1);
    expect(poissonExcessShare(0, 4)).toBe(0);
  });

  it('are shares of the bill, within their bill shares, and follow the rule file (a laxer limit, no auxiliary rule)', () => {
    const lax = { ...gx, terms: { ...gx.terms, therapyItemsPerDay: 8, auxiliaryAtMostMain: false } };
    let moreTherapy = 0;
    for (let i = 0; i < 500; i++) {
      const f = drawTermFacts(terms, gx, TERTIARY, stream(i, 2022));
      expect(f.therapyExcess).toBeGreaterThanOrEqual(0);
      expect(f.therapyExcess).toBeLessThanOrEqual(terms.items.therapy.billShare);
      expect(f.unapprovedExaminations).toBeLessThanOrEqual(terms.items.specialExaminations.billShare);
      expect(f.auxiliaryExcess).toBeLessThanOrEqual(terms.items.auxiliaryDrugs.billShare);
      expect(f.itemsNonCompliant).toBeCloseTo(f.therapyExcess + f.unapprovedExaminations + f.auxiliaryExcess, 15);
      const g = drawTermFacts(terms, lax, TERTIARY, stream(i, 2022));
      expect(g.auxiliaryExcess).toBe(0);
      expect(g.therapyExcess).toBeLessThanOrEqual(f.therapyExcess);
      if (g.therapyExcess < f.therapyExcess) moreTherapy++;
      // The other facts are the same draws.
      expect([g.classAShare, g.unapprovedExaminations]).toEqual([f.classAShare, f.unapprovedExaminations]);
    }
    expect(moreTherapy).toBe(500);
  });
});

describe('the annual assessment\'s verdict', () => {
  const f = (classAShareMet: boolean, drugAvailabilityMet: boolean) => ({
    ...{ classAShare: 0, western: 0, chinesePatent: 0, positiveRate: 0, positiveRateMet: true },
    ...{ therapyExcess: 0, unapprovedExaminations: 0, auxiliaryExcess: 0, itemsNonCompliant: 0 },
    classAShareMet,
    drugAvailabilityMet,
  });
  // base 0.03, weights 0.5 each: [0, 0.03) base; [0.03, 0.53) 甲类; [0.53, 1.03) stocking, when both are missed.
  it.each([
    [0.02, true, true, true, 'base'],
    [0.03, true, true, false, 'base'],
    [0.03, false, true, true, 'classAShare'],
    [0.5299, false, true, true, 'classAShare'],
    [0.53, false, true, false, 'base'],
    [0.53, false, false, true, 'drugAvailability'],
    [0.2, true, false, true, 'drugAvailability'],
    [0.5299, true, false, true, 'drugAvailability'],
    [0.53, true, false, false, 'base'],
    [0.9, false, false, true, 'drugAvailability'],
  ] as const)('u = %s, 甲类 met %s, stocking met %s: failed %s (%s)', (u, a, d, failed, cause) => {
    expect(assessmentVerdict(0.03, terms, f(a, d), u)).toEqual({ failed, cause });
  });

  it('only adds failures: whatever the draw, a missed term never passes a hospital the base chance fails', () => {
    for (let k = 0; k < 1000; k++) {
      const u = k / 1000;
      const base = assessmentVerdict(0.03, null, undefined, u).failed;
      for (const [a, d] of [[true, true], [false, true], [true, false], [false, false]] as const) {
        const v = assessmentVerdict(0.03, terms, f(a, d), u);
        if (base) expect(v).toEqual({ failed: true, cause: 'base' });
        if (a && d) expect(v.failed).toBe(base);
      }
    }
  });

  it('puts the cause on the lifecycle\'s failed-assessment event, and a second failure in a row ends the agreement', () => {
    const dates = { openedMonth: 0, leaseEndMonth: 10_000 };
    const facts = { cases: [], chartSample: null, terminations: [], application: null, assessment: { failed: true, cause: 'classAShare' as const, months: 2 } };
    const first = advanceYear(gx, dates, initialState(true), facts, 2021);
    expect(first.events).toEqual([
      { month: 2021 * 12 + 11, kind: 'assessmentFailed', ground: 'classAShare' },
      { month: 2021 * 12 + 11, kind: 'suspended', ground: 'failedAssessment', months: 2 },
    ]);
    const second = advanceYear(gx, dates, first.state, facts, 2022);
    expect(second.events.map((e) => e.kind)).toEqual(['resumed', 'assessmentFailed', 'terminated']);
    expect(second.state.status).toBe(STATUS.terminated);
  });
});

describe('year facts with the terms drawn', () => {
  it('leave every other fact where it was (the terms have their own stream) and decide the positive-rate ground', () => {
    let cases = 0;
    for (let i = 0; i < 2000; i++) {
      const a = drawYearFacts(off, gx, keys, 0, i, HOSPITAL, TERTIARY, 2023);
      const b = drawYearFacts(on, gx, keys, 0, i, HOSPITAL, TERTIARY, 2023);
      // The chart sample is the same sample; it also finds the item-level terms the hospital breaks.
      expect(b.chartSample === null).toBe(a.chartSample === null);
      if (a.chartSample && b.chartSample) {
        expect([b.chartSample.month, b.chartSample.months]).toEqual([a.chartSample.month, a.chartSample.months]);
        if (a.chartSample.nonCompliantShare < 1) expect(b.chartSample.nonCompliantShare).toBeCloseTo(Math.min(1, a.chartSample.nonCompliantShare + b.terms!.itemsNonCompliant), 12);
      }
      expect(b.terminations).toEqual(a.terminations);
      expect(b.application).toEqual(a.application);
      expect(b.assessment.draw).toBe(a.assessment.draw);
      expect(b.assessment.months).toBe(a.assessment.months);
      expect(b.cases.filter((c) => c.ground !== 'positiveRate')).toEqual(a.cases.filter((c) => c.ground !== 'positiveRate'));
      const positive = b.cases.filter((c) => c.ground === 'positiveRate');
      expect(positive.length).toBe(b.terms!.positiveRateMet ? 0 : 1);
      cases += positive.length;
      if (b.assessment.failed && !a.assessment.failed) expect(b.assessment.cause).not.toBe('base');
      if (a.assessment.failed) expect(b.assessment).toMatchObject({ failed: true, cause: 'base' });
    }
    // mean 0.70, sd 0.06, tertiary floor 0.60: Φ(−1.667) ≈ 4.8% of 2000 ≈ 96.
    expect(cases).toBeGreaterThan(60);
    expect(cases).toBeLessThan(135);
  });

  it('are a hospital\'s only: a pharmacy draws none', () => {
    expect(drawYearFacts(on, gx, keys, 0, 5, PHARMACY, 0, 2023).terms).toBeUndefined();
    expect(drawYearFacts(on, gx, keys, 0, 5, HOSPITAL, COMMUNITY, 2023).terms).toBeDefined();
  });

  it('reach the pool: each hospital\'s share and the terms it missed; pharmacies NaN', () => {
    const inst = generateInstitutions(on, keys, 0, 2021);
    const year = advancePool(on, gx, keys, 0, inst, initialStates(inst), 2021);
    const t = year.terms!;
    for (let i = 0; i < inst.length; i++) {
      const f = drawYearFacts(on, gx, keys, 0, i, inst.type[i]!, inst.level[i]!, 2021);
      if (inst.type[i] === PHARMACY) {
        expect(t.classAShare[i]).toBeNaN();
        expect(t.missed[i]).toBe(0);
        continue;
      }
      expect(t.classAShare[i]).toBe(f.terms!.classAShare);
      expect((t.missed[i]! & TERM_MISSED.classAShare) !== 0).toBe(!f.terms!.classAShareMet);
      expect((t.missed[i]! & TERM_MISSED.drugAvailability) !== 0).toBe(!f.terms!.drugAvailabilityMet);
    }
    expect(advancePool(off, gx, keys, 0, inst, initialStates(inst), 2021).terms).toBeUndefined();
  });
});

describe('claims re-split to the hospital\'s 甲类 share', () => {
  const claims = (rows: [number, number, number][]) => ({
    length: rows.length,
    classA: Float64Array.from(rows, (r) => r[0]),
    classB: Float64Array.from(rows, (r) => r[1]),
    classC: Float64Array.from(rows, (r) => r[2]),
  });

  it('moves cost between 甲类 and 乙类 only, to the fen (worked by hand)', () => {
    // Hospital 0 at 62%: a 100.00 yuan bill (60 甲 + 30 乙 + 10 丙) → 62.00 甲, 28.00 乙, 10.00 丙.
    // The same hospital, 123.45 yuan of 甲 + 乙 only: round(12,345 × 0.62 = 7,653.9) = 7,654 fen of 甲类.
    // A bill mostly 丙类 (2 + 2 + 96 yuan): 甲类 cannot pass the in-scope 4 yuan.
    // Hospital 1 (a pharmacy, NaN) and a claim with no institution (−1) keep their split.
    const c = claims([
      [6000, 3000, 1000],
      [10_000, 2345, 0],
      [200, 200, 9600],
      [500, 500, 0],
      [700, 300, 0],
    ]);
    applyClassAShares(Float64Array.from([0.62, NaN]), c, Int32Array.from([0, 0, 0, 1, -1]));
    expect(Array.from(c.classA)).toEqual([6200, 7654, 400, 500, 700]);
    expect(Array.from(c.classB)).toEqual([2800, 4691, 0, 500, 300]);
    expect(Array.from(c.classC)).toEqual([1000, 0, 9600, 0, 0]);
  });
});

describe('the terms in a run', () => {
  const SMALL = { paths: 2, horizon: 3, members: 3000, workers: 0 };
  let base: ScenarioResult;
  let drawn: ScenarioResult;
  beforeAll(async () => {
    const loaded = loadScenario(defaultScenarioFile());
    base = await runScenario(loaded, [], SMALL);
    drawn = await runScenario(varied(loaded, { institutions: { lifecycle: { terms: {} } } }), [], SMALL);
  }, 120_000);

  const mean = (r: ScenarioResult, metric: string, group: string, year: number) => {
    const rows = r.tables['institutions_by_year'] as (Record<string, unknown> & SummaryColumns)[];
    const row = rows.find((x) => x['metric'] === metric && x['institution_group'] === group && x['year'] === year && x['variant'] === 'baseline');
    expect(row, `${metric} ${group} ${year}`).toBeDefined();
    return row!.mean;
  };

  it('gives each level the 甲类 share its hospitals are drawn at, not the claims generator\'s', () => {
    // Generated claims put tertiary care at ≈ 52% 甲类; re-split, it is near the drawn mean of 62%.
    expect(mean(base, 'class_a_share', 'tertiary', 2021)).toBeLessThan(0.56);
    for (const [level, target] of [['tertiary', 0.62], ['secondary', 0.77], ['primary', 0.87], ['community', 0.87]] as const) {
      expect(mean(drawn, 'class_a_share', level, 2021), level).toBeGreaterThan(target - 0.02);
      expect(mean(drawn, 'class_a_share', level, 2021), level).toBeLessThan(target + 0.02);
    }
  });

  it('fails assessments on missed terms, which suspend and, a second year running, end agreements', () => {
    let failures = 0;
    for (const year of [2021, 2022, 2023]) {
      const byTerms = mean(drawn, 'class_a_assessment_failures', 'hospitals', year) + mean(drawn, 'drug_availability_assessment_failures', 'hospitals', year);
      expect(byTerms).toBeLessThanOrEqual(mean(drawn, 'assessment_failures', 'hospitals', year));
      expect(mean(drawn, 'class_a_assessment_failures', 'hospitals', year)).toBeLessThanOrEqual(mean(drawn, 'class_a_share_unmet', 'hospitals', year));
      expect(mean(base, 'class_a_assessment_failures', 'hospitals', year)).toBe(0);
      expect(mean(base, 'drug_availability_unmet', 'hospitals', year)).toBe(0);
      failures += byTerms;
    }
    expect(failures).toBeGreaterThan(0);
    // The first year's statuses are the same until December: the terms add failures on the same draws.
    expect(mean(drawn, 'assessment_failures', 'hospitals', 2021)).toBeGreaterThan(mean(base, 'assessment_failures', 'hospitals', 2021));
    const over = (r: ScenarioResult, metric: string) => [2022, 2023].reduce((s, y) => s + mean(r, metric, 'hospitals', y), 0);
    expect(over(drawn, 'suspended_months')).toBeGreaterThan(over(base, 'suspended_months'));
    expect(over(drawn, 'terminations')).toBeGreaterThan(over(base, 'terminations'));
  });

  it('puts the item-level terms into the chart sample: about 1% of a hospital\'s bill with the defaults, none for pharmacies', () => {
    for (const year of [2021, 2022, 2023]) {
      // Defaults: therapy ≈ 0.04 × 6.8%, examinations 0.1 × 2.7% (lognormal mean), auxiliary 0.35 × E[max(0, 2a − 1)]: about 0.6–1%.
      const share = mean(drawn, 'item_terms_noncompliant_share', 'hospitals', year);
      expect(share).toBeGreaterThan(0.004);
      expect(share).toBeLessThan(0.02);
      expect(mean(base, 'item_terms_noncompliant_share', 'hospitals', year)).toBe(0);
      expect(mean(drawn, 'item_terms_noncompliant_share', 'pharmacy', year)).toBe(0);
      // Counted without the terms too: half the ≈ 290 hospitals sampled, P(lognormal median 3%, σ 1 > 10%) ≈ 11.5%: ≈ 17 a year.
      expect(mean(base, 'chart_sample_suspensions', 'hospitals', year)).toBeGreaterThan(0);
    }
  });

  it('gives the same provider blocks for any worker count and chunk size', async () => {
    const spec = runSpec(withOverrides(varied(loadScenario(defaultScenarioFile()), { institutions: { lifecycle: { terms: {} } } }), { paths: 1, horizon: 2, members: 1200 }));
    const inline = await simulate(spec, { workers: 0, chunkMembers: 1200 });
    const pooled = await simulate(spec, { workers: 2, chunkMembers: 400 });
    expect(Array.from(pooled.providers)).toEqual(Array.from(inline.providers));
    expect(Array.from(pooled.blocks)).toEqual(Array.from(inline.blocks));
  }, 120_000);

  it('get a table of their own in the report, only when drawn', async () => {
    const write = async (r: ScenarioResult) => {
      const dir = join(mkdtempSync(join(tmpdir(), 'yibao-terms-')), 'out');
      await writeOutputs(dir, r, { formats: ['csv'] });
      return readFileSync(join(dir, 'report.html'), 'utf8');
    };
    const CAPTION = 'The agreement’s terms drawn as the hospitals’ behaviour';
    expect(await write(base)).not.toContain(CAPTION);
    const report = await write(drawn);
    const table = report.slice(report.indexOf(CAPTION)).split('</table>')[0]!;
    const rows = [...table.matchAll(/<tr><td>([^<]*)<\/td>((?:<td[^>]*>[^<]*<\/td>)*)<\/tr>/g)].map((m) => [m[1], ...m[2]!.match(/<td[^>]*>([^<]*)<\/td>/g)!.map((c) => c.replace(/<[^>]+>/g, ''))]);
    expect(rows.map((r) => r[0])).toEqual(['tertiary 三级', 'secondary 二级', 'primary 一级', 'community 社区', 'hospitals']);
    const hospitals = rows[4]!.slice(1).map(Number);
    expect(hospitals[0]).toBeCloseTo(mean(drawn, 'class_a_share_unmet', 'hospitals', 2023), 1);
    expect(hospitals[6]).toBeCloseTo(mean(drawn, 'item_terms_noncompliant_share', 'hospitals', 2023), 2); // printed to 2 decimals
    expect(hospitals[7]).toBeCloseTo(mean(drawn, 'chart_sample_suspensions', 'hospitals', 2023), 1);
    expect(hospitals[8]).toBeCloseTo(mean(drawn, 'assessment_failures', 'hospitals', 2023), 1);
    // Stocking rates bind 二/三级 only (CN-GX): none short at primary or community.
    expect(Number(rows[2]![3])).toBe(0);
    expect(Number(rows[3]![3])).toBe(0);
  }, 60_000);

  it('refuses the realised-share weight beside them, naming the field', () => {
    const loaded = loadScenario(defaultScenarioFile());
    try {
      varied(loaded, { institutions: { lifecycle: { terms: {}, classAShareMissed: 0.2 } } });
      expect.unreachable('accepted classAShareMissed with terms');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const lines = (err as InputError).problems.map(formatProblem).join('\n');
      expect(lines).toContain('institutions.lifecycle.classAShareMissed');
      expect(lines).toContain('terms.missed.classAShare');
    }
  });
});
