/**
 * The top spenders (篇五 L707: 医保基金排名前5名的医疗机构为必查对象) are ranked on what the fund paid each
 * hospital the year before, realised in the run. The engine gets there by passes (simulate.ts); this test
 * builds the same path the slow, obvious way: one run per year, each planned on the payments of the years
 * before it as earlier runs realised them, and checks that the engine's path is that run, number for number.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BLOCK } from '../../src/engine/aggregates.js';
import { simulateChunk } from '../../src/engine/chunk.js';
import { chunkLayout } from '../../src/engine/chunkLayout.js';
import { contextCache } from '../../src/engine/context.js';
import { clearPath } from '../../src/engine/providerClearing.js';
import { pathProviders, providerSetup } from '../../src/engine/providers.js';
import { allocateCube, blockOf, providerBlockOf } from '../../src/engine/result.js';
import { simulate } from '../../src/engine/simulate.js';
import { HOSPITAL, STATUS } from '../../src/institutions/vocabulary.js';
import { varied } from '../../src/run/sensitivity.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides } from '../../src/scenario/load.js';

const spec = runSpec(withOverrides(varied(loadScenario(defaultScenarioFile()), { supervision: { enabled: true } }), { paths: 1, horizon: 4, members: 1500 }));
const members = spec.scenario.sample.members;
const Y = spec.years.length;

/** One in-thread run of path 0 planned on `lastYearPaid`: its result, its path providers and what the fund paid each institution by year. */
function runPath(pass: number, lastYearPaid: (Float64Array | undefined)[]) {
  const setup = providerSetup(spec);
  const providers = pathProviders(setup, spec, 0, lastYearPaid);
  const ctx = contextCache(spec)({ path: 0, pass, lastYearPaid });
  const result = simulateChunk(spec, ctx, { index: 0, path: 0, pass, lastYearPaid, slotFrom: 0, slotTo: members });
  const cube = allocateCube(spec.years, 1, spec.variants.map((v) => v.id), spec.scenario.sample, true);
  const layout = chunkLayout(1, Y, providers.institutions.length, true);
  const paid = clearPath(cube, setup, providers, 0, layout, result);
  return { result, providers, cube, paid };
}

describe('top spenders ranked on last year’s realised payments', () => {
  // Year by year: the run for year k is planned on the realised payments of years 0..k−1 (later years by size).
  const realised: Float64Array[] = [];
  let run!: ReturnType<typeof runPath>;
  beforeAll(() => {
    for (let k = 0; k < Y; k++) {
      run = runPath(k, [undefined, ...realised]);
      realised.push(run.paid[k]!);
    }
  });

  it('gives the engine’s results exactly, in passes, for any chunking', async () => {
    for (const [workers, chunkMembers] of [
      [0, 1500],
      [2, 400],
    ] as const) {
      const cube = await simulate(spec, { workers, chunkMembers });
      expect(cube.topSpenders![0]).toEqual(run.providers.supervision!.plan.topSpenders);
      expect(cube.passes![0], 'the size ranking is not last year’s, so the path ran again').toBeGreaterThan(1);
      for (let y = 0; y < Y; y++) {
        expect(Array.from(blockOf(cube, 0, 0, y)), `year ${y}`).toEqual(Array.from(run.result.subarray(y * BLOCK, (y + 1) * BLOCK)));
        expect(Array.from(providerBlockOf(cube, 0, 0, y)), `year ${y}`).toEqual(Array.from(providerBlockOf(run.cube, 0, 0, y)));
      }
    }
  });

  it('inspects each year the 5 open hospitals its own run paid most the year before, and in the first year the 5 largest', () => {
    const { institutions: inst, pools, supervision } = run.providers;
    const plan = supervision!.plan;
    const hospitals = (y: number) => Array.from({ length: inst.length }, (_, i) => i).filter((i) => inst.type[i] === HOSPITAL && pools[y]!.monthly.subarray(i * 12, i * 12 + 12).includes(STATUS.active));
    const top = (y: number, by: ArrayLike<number>) => hospitals(y).sort((p, q) => by[q]! - by[p]! || p - q).slice(0, 5);
    expect(plan.topSpenders[0]).toEqual(top(0, inst.capacity));
    for (let y = 1; y < Y; y++) {
      expect(plan.topSpenders[y], `year ${spec.years[y]}`).toEqual(top(y, run.paid[y - 1]!));
      // The last run's payments are the ones the year-by-year runs realised.
      expect(Array.from(run.paid[y - 1]!)).toEqual(Array.from(realised[y - 1]!));
    }
    // Ranking on size would have inspected others in some year: the test can tell the two apart.
    const set = (ids: number[]) => [...ids].sort((p, q) => p - q).join();
    expect(spec.years.slice(1).some((_, k) => set(top(k + 1, inst.capacity)) !== set(plan.topSpenders[k + 1]!))).toBe(true);
  });
});
