/** Generated pools, keyed facts and the yearly advance of every institution. */
import { describe, expect, it } from 'vitest';
import { checkGroundChances, institutionAssumptions } from '../../src/institutions/assumptions.js';
import { formatProblem, InputError } from '../../src/input/inputError.js';
import { drawYearFacts } from '../../src/institutions/facts.js';
import { generateInstitutions } from '../../src/institutions/generate.js';
import { advancePool, depositForfeits, initialStates } from '../../src/institutions/pool.js';
import { HOSPITAL, PHARMACY, STATUS } from '../../src/institutions/vocabulary.js';
import { normalQuantile } from '../../src/random/stream.js';
import { runKeys } from '../../src/random/keys.js';
import { gx } from './helpers.js';

const keys = runKeys(11);
const BASE = 2021;

describe('generated pool', () => {
  const a = institutionAssumptions.parse({});
  const pool = generateInstitutions(a, keys, 0, BASE);

  it('holds the default counts by level, then the candidates', () => {
    // Designated: 201 + 36 + 31 + 9 hospitals and 400 pharmacies; candidates: 5% of each, rounded:
    // 10 + 2 + 2 + 0 hospitals and 20 pharmacies.
    expect(pool.length).toBe(677 + 34);
    const count = (type: number, level: number, status: number) =>
      Array.from({ length: pool.length }, (_, i) => i).filter((i) => pool.type[i] === type && (type === PHARMACY || pool.level[i] === level) && pool.initialStatus[i] === status).length;
    expect([0, 1, 2, 3].map((l) => count(HOSPITAL, l, STATUS.active))).toEqual([201, 36, 31, 9]);
    expect([0, 1, 2, 3].map((l) => count(HOSPITAL, l, STATUS.candidate))).toEqual([10, 2, 2, 0]);
    expect(count(PHARMACY, 0, STATUS.active)).toBe(400);
    expect(count(PHARMACY, 0, STATUS.candidate)).toBe(20);
  });

  it('dates candidates within the assumed bounds', () => {
    for (let i = 677; i < pool.length; i++) {
      expect(pool.openedMonth[i]).toBeGreaterThanOrEqual(BASE * 12 - 24);
      expect(pool.openedMonth[i]).toBeLessThanOrEqual(BASE * 12);
      expect(pool.leaseEndMonth[i]).toBeGreaterThanOrEqual(BASE * 12 + 12);
      expect(pool.leaseEndMonth[i]).toBeLessThanOrEqual(BASE * 12 + 120);
    }
  });

  it('is keyed by (seed, path, institution): the same for the same keys, another for another path', () => {
    expect(generateInstitutions(a, keys, 0, BASE)).toEqual(pool);
    expect(generateInstitutions(a, keys, 1, BASE).capacity).not.toEqual(pool.capacity);
    const more = generateInstitutions(institutionAssumptions.parse({ candidates: 0.2 }), keys, 0, BASE);
    expect(more.capacity.subarray(0, 677)).toEqual(pool.capacity.subarray(0, 677));
  });
});

describe('keyed facts', () => {
  const a = institutionAssumptions.parse({});

  it('do not move when another ground chance changes', () => {
    const base = drawYearFacts(a, gx, keys, 0, 42, HOSPITAL, 0, 2023);
    const fraud = drawYearFacts(institutionAssumptions.parse({ lifecycle: { termination: { default: 0.0005, fraud: 1 } } }), gx, keys, 0, 42, HOSPITAL, 0, 2023);
    expect(fraud.terminations.filter((t) => t.ground !== 'fraud')).toEqual(base.terminations);
    expect(fraud.terminations.some((t) => t.ground === 'fraud')).toBe(true);
    expect(fraud.cases).toEqual(base.cases);
    expect(fraud.chartSample).toEqual(base.chartSample);
    expect(fraud.application).toEqual(base.application);
  });

  it('draw a fraudulent application and a controller\'s doing at their chances (0 by default), moving no other fact', () => {
    const sure = institutionAssumptions.parse({ lifecycle: { fraudulentApplication: 1, controllerCaused: 1 } });
    const counts = { fraud: 0, controller: 0 };
    const half = institutionAssumptions.parse({ lifecycle: { fraudulentApplication: 0.5, controllerCaused: 0.5 } });
    for (let i = 0; i < 400; i++) {
      const base = drawYearFacts(a, gx, keys, 0, i, HOSPITAL, 0, 2023);
      expect([base.fraudulentApplication, base.controllerCaused]).toEqual([null, false]);
      const f = drawYearFacts(sure, gx, keys, 0, i, HOSPITAL, 0, 2023);
      expect(f.fraudulentApplication).toBeGreaterThanOrEqual(0);
      expect(f.fraudulentApplication).toBeLessThan(12);
      expect(f.controllerCaused).toBe(true);
      expect({ ...f, fraudulentApplication: null, controllerCaused: false }).toEqual(base);
      const h = drawYearFacts(half, gx, keys, 0, i, HOSPITAL, 0, 2023);
      counts.fraud += h.fraudulentApplication === null ? 0 : 1;
      counts.controller += h.controllerCaused ? 1 : 0;
    }
    // 400 draws at 1/2: within 4 standard deviations (±40).
    for (const k of Object.values(counts)) expect(Math.abs(k - 200)).toBeLessThan(40);
  });

  it('draw suspension lengths of 1 to 6 months (Art 17), each about as often', () => {
    // Every ground (the 9 besides the assessment), the chart sample and the assessment happen each year:
    // 11 lengths per institution-year.
    const sure = institutionAssumptions.parse({ lifecycle: { suspension: { default: 1 }, chartReview: { hospital: 1 }, assessmentFailure: 1 } });
    const counts = new Map<number, number>();
    for (let i = 0; i < 500; i++) {
      const f = drawYearFacts(sure, gx, keys, 0, i, HOSPITAL, 0, 2023);
      for (const months of [...f.cases.map((c) => c.months), f.chartSample!.months, f.assessment.months]) counts.set(months, (counts.get(months) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
    const n = [...counts.values()].reduce((t, x) => t + x, 0);
    expect(n).toBe(500 * 11);
    for (const [months, k] of counts) expect(Math.abs(k / n - 1 / 6), `${months} months`).toBeLessThan(4 * Math.sqrt((1 / 6) * (5 / 6) / n));
  });

  it('suspend hospitals by chart sample at the rate the assumptions imply', () => {
    // P(sample) × P(share > 10%) = 0.5 × P(Z > ln(0.1 / 0.03) / 1) (lognormal, median 3%, sigma 1).
    const n = 4000;
    let found = 0;
    for (let i = 0; i < n; i++) {
      const f = drawYearFacts(a, gx, keys, 0, i, HOSPITAL, 0, 2023);
      if (f.chartSample && f.chartSample.nonCompliantShare > 0.1) found++;
    }
    const p = 0.5 * (1 - cdf(Math.log(0.1 / 0.03)));
    expect(Math.abs(found / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});

describe('lifecycle chances', () => {
  it('must name grounds of the rule file', () => {
    const a = institutionAssumptions.parse({ lifecycle: { suspension: { default: 0.01, positiveRate: 0.1, chartSample: 0.2 }, termination: { fraud: 0.01, arson: 0.1 } } });
    try {
      checkGroundChances(a, gx, 'scenario.yaml');
      throw new Error('expected a rejection');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const lines = (err as InputError).problems.map(formatProblem);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^scenario\.yaml: lifecycle\.suspension\.chartSample: not a suspension ground of CN-GX; one of: default, positiveRate, /);
      expect(lines[1]).toMatch(/^scenario\.yaml: lifecycle\.termination\.arson: not a termination ground of CN-GX; one of: default, inducement, /);
    }
    expect(() => checkGroundChances(institutionAssumptions.parse({}), gx, 'scenario.yaml')).not.toThrow();
  });
});

describe('advancing a pool', () => {
  it('applies each institution its facts and reports forfeited deposits', () => {
    const a = institutionAssumptions.parse({ hospitals: { community: 0, primary: 0, secondary: 3, tertiary: 2 }, pharmacies: 2, candidates: 0, lifecycle: { termination: { default: 1 } } });
    const inst = generateInstitutions(a, keys, 0, BASE);
    const year = advancePool(a, gx, keys, 0, inst, initialStates(inst), BASE);
    expect(year.states.every((s) => s.status === STATUS.terminated)).toBe(true);
    for (let i = 0; i < inst.length; i++) {
      const own = drawYearFacts(a, gx, keys, 0, i, inst.type[i]!, inst.level[i]!, BASE);
      const first = Math.min(...own.terminations.map((t) => t.month));
      expect(year.monthly[i * 12 + first]).toBe(STATUS.terminated);
      if (first > 0) expect(year.monthly[i * 12 + first - 1]).not.toBe(STATUS.terminated);
    }
    expect(Array.from(depositForfeits(year, inst.length))).toEqual(Array(inst.length).fill(1));
  });
});

/** Standard normal CDF by bisection on the project's quantile function. */
function cdf(x: number): number {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (normalQuantile(mid) < x) lo = mid;
    else hi = mid;
  }
  return lo;
}
