import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimSum } from '../../src/analysis/claimSums.js';
import { BLOCK } from '../../src/engine/aggregates.js';
import { ChunkError } from '../../src/engine/pool.js';
import { blockOf } from '../../src/engine/result.js';
import { simulate } from '../../src/engine/simulate.js';
import type { RunSpec } from '../../src/engine/spec.js';
import { fundLedger } from '../../src/fund/ledger.js';
import { fundYearInputs } from '../../src/fund/fromAggregates.js';
import { loadReform } from '../../src/policy/reform.js';
import { varied } from '../../src/run/sensitivity.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides } from '../../src/scenario/load.js';

const SMALL = { paths: 3, horizon: 3, members: 1500 };
const small = withOverrides(loadScenario(defaultScenarioFile()), SMALL);
/** DRG for admissions, global budgets for visits, provider responses and the seed 002 channels: every model's path. */
const reformed = withOverrides(
  varied(loadScenario(defaultScenarioFile()), {
    payment: {
      methods: { inpatient: 'drg', outpatient: 'globalBudget', chronic: 'globalBudget', emergencyObservation: 'globalBudget' },
      responses: { upcoding: 0.2, earlyDischarge: { share: 0.1 }, outpatientShift: { share: 0.1 } },
    },
    cashflow: 'seed002',
  }),
  SMALL,
);
const hash = (...arrays: Float64Array[]) => {
  const h = createHash('sha256');
  for (const a of arrays) h.update(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex');
};
const fixtures = join(__dirname, 'fixtures');

describe('simulation engine', () => {
  const spec = runSpec(small);

  it('gives bit-identical aggregates for 0, 1, 2 and 4 workers and any chunk size', async () => {
    const cube = await simulate(spec, { workers: 0, chunkMembers: 1500 });
    const reference = hash(cube.blocks, cube.providers);
    for (const [workers, chunkMembers] of [
      [1, 500],
      [2, 333],
      [4, 1499],
      [0, 7],
    ] as const) {
      const other = await simulate(spec, { workers, chunkMembers });
      expect(hash(other.blocks, other.providers), `${workers} workers, chunks of ${chunkMembers}`).toBe(reference);
    }
  });

  it('stays bit-identical with DRG, global budgets, provider responses and self-advances on', async () => {
    const drg = runSpec(reformed);
    const cube = await simulate(drg, { workers: 0, chunkMembers: 1500 });
    const reference = hash(cube.blocks, cube.providers);
    for (const [workers, chunkMembers] of [
      [2, 400],
      [1, 1499],
      [0, 61],
    ] as const) {
      const other = await simulate(drg, { workers, chunkMembers });
      expect(hash(other.blocks, other.providers), `${workers} workers, chunks of ${chunkMembers}`).toBe(reference);
    }
    // The models are on: the funds pay institutions otherwise than the settled amounts.
    expect(hash(cube.providers)).not.toBe(hash((await simulate(spec, { workers: 0 })).providers));
  });

  it('gives each run its own numbers on workers kept warm by an earlier, different run', async () => {
    const drg = runSpec(reformed);
    const alone = hash((await simulate(spec, { workers: 0 })).blocks);
    const drgAlone = hash((await simulate(drg, { workers: 0 })).blocks);
    expect(drgAlone).not.toBe(alone);
    for (const s of [spec, drg, spec]) {
      const cube = await simulate(s, { workers: 2, chunkMembers: 500 });
      expect(hash(cube.blocks)).toBe(s === spec ? alone : drgAlone);
    }
  });

  it('gives two runs at once on the same workers their own numbers', async () => {
    const drg = runSpec(reformed);
    const [a, b] = await Promise.all([simulate(spec, { workers: 2, chunkMembers: 300 }), simulate(drg, { workers: 2, chunkMembers: 300 })]);
    const [a0, b0] = [await simulate(spec, { workers: 0 }), await simulate(drg, { workers: 0 })];
    expect(hash(a.blocks, a.providers)).toBe(hash(a0.blocks, a0.providers));
    expect(hash(b.blocks, b.providers)).toBe(hash(b0.blocks, b0.providers));
  });

  it('depends on the seed', async () => {
    const a = await simulate(spec, { workers: 0 });
    const b = await simulate(runSpec(withOverrides(small, { seed: 'another seed' })), { workers: 0 });
    expect(hash(a.blocks)).not.toBe(hash(b.blocks));
  });

  it('settles the same claims under every policy variant (common random numbers)', async () => {
    const reform = loadReform(join(fixtures, 'higher-tertiary-deductible.yaml'));
    const cube = await simulate(runSpec(small, [reform]), { workers: 0 });
    for (let path = 0; path < cube.paths; path++) {
      for (let y = 0; y < cube.years.length; y++) {
        const base = blockOf(cube, 0, path, y);
        const other = blockOf(cube, 1, path, y);
        expect(claimSum(other, 'count')).toBe(claimSum(base, 'count'));
        expect(claimSum(other, 'bill')).toBe(claimSum(base, 'bill'));
        // The reform raises the tertiary inpatient deductible, so tertiary inpatient deductibles rise.
        expect(claimSum(other, 'deductible', { settings: [2], levels: [3] })).toBeGreaterThan(claimSum(base, 'deductible', { settings: [2], levels: [3] }));
      }
    }
  });

  it('feeds a ledger whose pooled expenditure is the settled pooled payments to the fen', async () => {
    const cube = await simulate(spec, { workers: 0 });
    const inputs = cube.years.map((year, y) => fundYearInputs(blockOf(cube, 0, 0, y), 0, year, '1'));
    const ledger = fundLedger('employee', small.scenario.fund, inputs);
    const settled = (y: number) => claimSum(blockOf(cube, 0, 0, y), 'pooledFund', { types: [0, 1] });
    ledger.forEach((year, y) => expect(year.expenditure.pooledPayments.mul(100).toNumber()).toBe(settled(y)));
  });

  it('fails the run naming the chunk when a worker throws', async () => {
    const broken: RunSpec = { ...spec, variants: [{ id: 'baseline', reforms: [{ file: 'broken.yaml', data: { id: 'x' } }] }] };
    const run = simulate(broken, { workers: 1, chunkMembers: 1500 });
    await expect(run).rejects.toBeInstanceOf(ChunkError);
    await expect(simulate(broken, { workers: 1, chunkMembers: 1500 })).rejects.toThrow(/chunk 0 \(path 0, members 0-1499\) failed/);
  });

  it('stops when cancelled and returns nothing', async () => {
    const big = runSpec(withOverrides(small, { paths: 40, members: 20000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1500);
    const started = Date.now();
    await expect(simulate(big, { workers: 2, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('stops when cancelled in this thread (workers: 0): a timer or Ctrl-C gets its turn between chunks', async () => {
    // The abort comes from a timer set after the first chunk; it was seen only after the last one.
    const controller = new AbortController();
    let done = 0;
    const onProgress = (e: { done: number }) => {
      done = e.done;
      if (e.done === 1) setTimeout(() => controller.abort(), 0);
    };
    await expect(simulate(spec, { workers: 0, chunkMembers: 100, signal: controller.signal, onProgress })).rejects.toMatchObject({ name: 'AbortError' });
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThan(45); // 3 paths × 15 chunks
  });

  it('has one aggregate block per variant, path and year', async () => {
    const cube = await simulate(spec, { workers: 0 });
    expect(cube.blocks.length).toBe(1 * 3 * 3 * BLOCK);
    expect(cube.weight).toBeCloseTo(5_000_000 / 1500, 6);
  });
});
