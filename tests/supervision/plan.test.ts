/**
 * The path plan: inspection sampling as 篇五 sets it (shares of hospitals and pharmacies, the top
 * spenders, complaints), what inspections find, the tier chosen and its feedback on the pool.
 */
import { describe, expect, it } from 'vitest';
import type { Institutions } from '../../src/institutions/generate.js';
import type { PoolYear } from '../../src/institutions/pool.js';
import { HOSPITAL, PHARMACY, STATUS } from '../../src/institutions/vocabulary.js';
import { runKeys } from '../../src/random/keys.js';
import { NIB, labelOf } from '../../src/supervision/behaviours.js';
import { compileSupervision } from '../../src/supervision/compile.js';
import { firstMisranked, INSPECTED, lastYearPaidFrom, minimumCount, planSupervision, spotCheckSample, topSpenders, type LastYearPaid } from '../../src/supervision/plan.js';
import { sanctionRulesByYear } from '../../src/supervision/rules.js';
import { only } from './claimSet.js';

const keys = runKeys(11);
const YEARS = [2022, 2023, 2024];

function pool(hospitals: number, pharmacies: number): Institutions {
  const n = hospitals + pharmacies;
  return {
    length: n,
    baseYear: YEARS[0]!,
    type: Uint8Array.from({ length: n }, (_, i) => (i < hospitals ? HOSPITAL : PHARMACY)),
    level: new Uint8Array(n).fill(2),
    capacity: Float64Array.from({ length: n }, (_, i) => (i < hospitals ? 100 + ((i * 37) % 101) : 1)),
    openedMonth: new Int32Array(n),
    leaseEndMonth: new Int32Array(n).fill(1e6),
    initialStatus: new Uint8Array(n).fill(STATUS.active),
  };
}

const open = (n: number): PoolYear[] => YEARS.map((year) => ({ year, states: [], monthly: new Uint8Array(n * 12).fill(STATUS.active), events: [] }));
const count = (xs: Uint8Array, bit: number, from: number, to: number) => xs.subarray(from, to).reduce((s, x) => s + (x & bit ? 1 : 0), 0);

function plan(a: ReturnType<typeof only>, inst: Institutions, pools = open(inst.length), lastYearPaid?: LastYearPaid) {
  return { plan: planSupervision(compileSupervision(a), sanctionRulesByYear(a, '.', 'scenario.yaml'), keys, 0, inst, pools, YEARS, lastYearPaid), pools };
}

describe('inspection sampling (篇五)', () => {
  const inst = pool(2000, 2000);
  const { plan: p } = plan(only({}), inst);
  const why = p.inspected[0]!;

  it('spot-checks exactly ⌈50%⌉ of the open hospitals and ⌈10%⌉ of the open pharmacies every year', () => {
    for (const y of [0, 1, 2]) {
      expect(count(p.inspected[y]!, INSPECTED.spotCheck, 0, 2000), `year ${y}`).toBe(1000);
      expect(count(p.inspected[y]!, INSPECTED.spotCheck, 2000, 4000), `year ${y}`).toBe(200);
    }
    // Not the same institutions every year.
    expect(Array.from(p.inspected[1]!, (w) => w & INSPECTED.spotCheck)).not.toEqual(Array.from(why, (w) => w & INSPECTED.spotCheck));
  });

  it('rounds the minimum up, and a share written in decimals is not pushed past it (0.1 × 30 = 3)', () => {
    expect([minimumCount(0.5, 7), minimumCount(0.1, 31), minimumCount(0.1, 30), minimumCount(0.05, 20), minimumCount(0.07, 100), minimumCount(1, 9), minimumCount(0, 9)]).toEqual([4, 4, 3, 1, 7, 9, 0]);
    const { plan: small } = plan(only({}), pool(7, 31));
    for (const y of [0, 1, 2]) {
      expect(count(small.inspected[y]!, INSPECTED.spotCheck, 0, 7)).toBe(4);
      expect(count(small.inspected[y]!, INSPECTED.spotCheck, 7, 38)).toBe(4);
    }
  });

  it('counts and checks only institutions open in the year', () => {
    const inst10 = pool(10, 0);
    const pools = open(10);
    // Institutions 0-3 closed all of the first year.
    pools[0]!.monthly.fill(STATUS.terminated, 0, 4 * 12);
    const { plan: p10 } = plan(only({}), inst10, pools);
    expect(count(p10.inspected[0]!, INSPECTED.spotCheck, 0, 4)).toBe(0);
    expect(count(p10.inspected[0]!, INSPECTED.spotCheck, 4, 10)).toBe(3);
    expect(count(p10.inspected[1]!, INSPECTED.spotCheck, 0, 10)).toBe(5);
  });

  it('chooses by a keyed shuffle: the same institutions again, whatever else is planned first, and others under another path or seed', () => {
    const all = new Uint8Array(inst.length).fill(1);
    const spot = (y: number) => Array.from(p.inspected[y]!).flatMap((w, i) => (w & INSPECTED.spotCheck ? [i] : []));
    // Planned on its own, year 2023 picks what the whole plan picked for it.
    expect(spotCheckSample(keys, 0, YEARS[1]!, inst, all, { hospital: 0.5, pharmacy: 0.1 })).toEqual(spot(1));
    expect(plan(only({}), inst).plan.inspected.map((x) => Array.from(x))).toEqual(p.inspected.map((x) => Array.from(x)));
    expect(spotCheckSample(keys, 1, YEARS[0]!, inst, all, { hospital: 0.5, pharmacy: 0.1 })).not.toEqual(spot(0));
    expect(spotCheckSample(runKeys(12), 0, YEARS[0]!, inst, all, { hospital: 0.5, pharmacy: 0.1 })).not.toEqual(spot(0));
    // Not simply the first ids.
    expect(spot(0).slice(0, 1000)).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('without last year’s payments, inspects the 5 largest open hospitals', () => {
    const top = topSpenders(inst, new Uint8Array(inst.length).fill(1), 5);
    const sizes = Array.from(inst.capacity.subarray(0, 2000)).sort((x, y) => y - x);
    expect(top.map((i) => inst.capacity[i])).toEqual(sizes.slice(0, 5));
    for (const y of [0, 1, 2]) expect(Array.from(p.inspected[y]!).flatMap((w, i) => (w & INSPECTED.topSpender ? [i] : []))).toEqual([...top].sort((x, y) => x - y));
    expect(p.topSpenders).toEqual([top, top, top]);
  });

  it('with them, inspects the 5 open hospitals the fund paid most last year (篇五 L707), pharmacies and closed hospitals aside', () => {
    // Made-up payments: hospital i was paid 1000 − i fen, except 7 (the most) and a pharmacy paid more than any.
    const small = pool(10, 2);
    const paid = Float64Array.from({ length: 12 }, (_, i) => (i === 7 ? 5000 : i === 11 ? 9999 : 1000 - i));
    const pools = open(12);
    pools[1]!.monthly.fill(STATUS.terminated, 0, 12); // hospital 0 closed all of 2023
    const { plan: q } = plan(only({}), small, pools, [undefined, paid, paid]);
    expect(q.topSpenders[0]).toEqual(topSpenders(small, new Uint8Array(12).fill(1), 5)); // the first year: by size
    expect(q.topSpenders[1]).toEqual([7, 1, 2, 3, 4]);
    expect(q.topSpenders[2]).toEqual([7, 0, 1, 2, 3]);
    expect(Array.from(q.inspected[1]!).flatMap((w, i) => (w & INSPECTED.topSpender ? [i] : []))).toEqual([1, 2, 3, 4, 7]);
    // Ties go to the lower id.
    expect(topSpenders(small, new Uint8Array(12).fill(1), 3, new Float64Array(12).fill(8))).toEqual([0, 1, 2]);
  });

  it('finds the first year whose planned top spenders are not the ones the run paid most', () => {
    const small = pool(10, 2);
    const pools = open(12);
    const C = compileSupervision(only({})); // topSpenders 5, the default
    const bySize = plan(only({}), small, pools).plan;
    const size = Float64Array.from(small.capacity); // payments in the order of size agree with a plan by size
    expect(firstMisranked(C, bySize, small, pools, [size, size, size])).toBe(-1);
    // The last year's payments (2024) rank nothing: only 2022 and 2023 are a basis.
    expect(firstMisranked(C, bySize, small, pools, [size, size, new Float64Array(12)])).toBe(-1);
    const flipped = Float64Array.from(size, (x, i) => (i < 10 ? -x : x));
    expect(firstMisranked(C, bySize, small, pools, [size, flipped, size])).toBe(2);
    expect(firstMisranked(C, bySize, small, pools, [flipped, size, size])).toBe(1);
    // Only the set counts, not its order.
    const reordered = Float64Array.from(size);
    const [first, second] = bySize.topSpenders[1]!;
    [reordered[first!], reordered[second!]] = [size[second!]!, size[first!]!];
    expect(firstMisranked(C, bySize, small, pools, [reordered, size, size])).toBe(-1);
    // Planned on the flipped payments, the plan agrees with them.
    const byPaid = plan(only({}), small, open(12), lastYearPaidFrom([flipped, flipped, flipped])).plan;
    expect(firstMisranked(C, byPaid, small, pools, [flipped, flipped, size])).toBe(-1);
    expect(lastYearPaidFrom([size, flipped, size])).toEqual([undefined, size, flipped]);
  });

  it('takes complaints against about 2% of institutions that engage in nothing', () => {
    // 4000 × 0.02 = 80 (sd 8.9).
    expect(Math.abs(count(why, INSPECTED.complaint, 0, 4000) - 80)).toBeLessThan(4 * 8.9);
    expect(p.cases.flat()).toEqual([]);
  });
});

describe('prevalence', () => {
  it('makes about prevalence (0.1) of the hospitals engage in a hospital behaviour, and no pharmacy', () => {
    // 2000 hospitals × 0.1 = 200 (sd 13.4); the draw is kept for the institution's life.
    const a = only({ overCharging: { prevalence: 0.1 } });
    const { plan: p } = plan(a, pool(2000, 500));
    const b = labelOf('overCharging') - 1;
    const engaged = (y: number, from: number, to: number) => {
      let n = 0;
      for (let i = from; i < to; i++) n += p.engaged[y]![i * NIB + b]!;
      return n;
    };
    expect(Math.abs(engaged(0, 0, 2000) - 200)).toBeLessThan(4 * Math.sqrt(2000 * 0.1 * 0.9));
    expect(engaged(0, 2000, 2500)).toBe(0);
  });
});

describe('cases and their feedback', () => {
  const always = { inspection: { spotCheck: { hospital: 1, pharmacy: 1 }, detection: { onSite: 1 } } };

  it('suspends and terminates an institution found inventing services (Art 40, share 5% > 1.5%: 40-Z) from next January', () => {
    // planned share = claimShare × size = 0.05 × 1.
    const a = only({ inventedServices: { claimShare: 0.05, size: 1 } }, { ...always, sanctions: { deterrence: 0 } });
    const inst = pool(3, 0);
    const { plan: p, pools } = plan(a, inst);
    expect(p.cases[0]!.map((c) => [c.institution, c.intent, c.share, c.outcome.tier])).toEqual([
      [0, true, 0.05, '40-Z'],
      [1, true, 0.05, '40-Z'],
      [2, true, 0.05, '40-Z'],
    ]);
    expect(p.cases[0]![0]!.outcome.effects).toMatchObject({ departmentSuspensionMonths: 12, agreementTerminated: true });
    expect(Array.from(pools[0]!.monthly)).toEqual(new Array(36).fill(STATUS.active));
    expect(Array.from(pools[1]!.monthly)).toEqual(new Array(36).fill(STATUS.terminated));
    // Terminated institutions are not inspected again.
    expect(p.cases[1]).toEqual([]);
  });

  it('orders a first offender corrected in time with a small share (38-J: no suspension), and deterrence stops the behaviour', () => {
    const a = only({ overCharging: { claimShare: 0.01, size: 0.1 } }, { ...always, sanctions: { correctedInTime: 1, deterrence: 1 } });
    const inst = pool(2, 0);
    const { plan: p, pools } = plan(a, inst);
    const b = labelOf('overCharging') - 1;
    expect(p.cases[0]!.map((c) => [c.outcome.tier, c.firstOffence, c.correctedInTime, c.intent, c.found])).toEqual([
      ['38-J', true, true, false, [b]],
      ['38-J', true, true, false, [b]],
    ]);
    expect(Array.from(pools[1]!.monthly).every((s) => s === STATUS.active)).toBe(true);
    expect(p.engaged[0]![b]).toBe(1);
    expect(p.engaged[1]![b]).toBe(0);
    expect(p.engaged[1]!.length).toBe(2 * NIB);
  });

  it('puts a planned share of exactly 0.5% in 从轻 (0.2%以上0.5%以下, L61), not above it: 0.1 × 0.05 is no more than 0.005', () => {
    const a = only({ overCharging: { claimShare: 0.1, size: 0.05 } }, { ...always, sanctions: { correctedInTime: 1, deterrence: 1 } });
    const { plan: p } = plan(a, pool(1, 0));
    expect(p.cases[0]!.map((c) => [c.share, c.outcome.tier])).toEqual([[0.005, '38-Q']]);
  });

  it('fills the gap of an offender not corrected in time with a small share from the statute (CN-38), and suspends on refusal', () => {
    const a = only({ overCharging: { claimShare: 0.01, size: 0.1 } }, { ...always, sanctions: { correctedInTime: 0, refusedToCorrect: 1, deterrence: 0 } });
    const { plan: p, pools } = plan(a, pool(1, 0));
    // Year 1: first offence, not corrected, 0.1% ≤ 0.5%: no Jiangxi tier; the statute's CN-38 suspends 6–12 months on refusal (midpoint 9).
    expect(p.cases[0]![0]!.outcome).toMatchObject({ tier: 'CN-38', effects: { departmentSuspensionMonths: 9 } });
    expect(Array.from(pools[1]!.monthly)).toEqual([...new Array(9).fill(STATUS.suspended), STATUS.active, STATUS.active, STATUS.active]);
    expect(p.cases[1]![0]!.firstOffence).toBe(false);
  });

  it('finds nothing where the inspection detects nothing', () => {
    const a = only({ overCharging: {} }, { inspection: { spotCheck: { hospital: 1, pharmacy: 1 }, detection: { onSite: 0 } } });
    expect(plan(a, pool(5, 0)).plan.cases.flat()).toEqual([]);
  });
});
