/**
 * End to end through the engine (generation, settlement of every claim, aggregation, merging): claims/s and
 * member-years/s with one worker and with the pool, the speed-up, and peak memory. Peak RSS covers every
 * worker thread (they share the process). Memory does not grow with paths or members beyond one chunk per
 * worker (a bounded window, see engine/pool.ts) and the aggregate cube, so `engine-memory` runs the 1 million members × 10 years × 20 paths case
 * only with `--full` (about paths× longer) and otherwise the same members and years on 2 paths.
 */
import { availableParallelism } from 'node:os';
import { claimSum } from '../analysis/claimSums.js';
import { blockOf, type SimulationCube } from '../engine/result.js';
import { simulate } from '../engine/simulate.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides } from '../scenario/load.js';
import { formatRate, seconds, type Bench } from './bench.js';

function claimCount(cube: SimulationCube): number {
  let n = 0;
  for (let p = 0; p < cube.paths; p++) for (let y = 0; y < cube.years.length; y++) n += claimSum(blockOf(cube, 0, p, y), 'count');
  return n;
}

async function timedRun(members: number, horizon: number, paths: number, workers: number) {
  const spec = runSpec(withOverrides(loadScenario(defaultScenarioFile()), { members, horizon, paths }));
  const start = process.hrtime.bigint();
  const cube = await simulate(spec, { workers, chunkMembers: 10_000 });
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds: s, claims: claimCount(cube), memberYears: members * horizon * paths };
}

const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

export const engineBench: Bench = {
  name: 'engine',
  async run(log) {
    const members = 200_000;
    const horizon = 5;
    const paths = 2;
    log(`engine end to end: default scenario, ${members.toLocaleString('en')} members × ${horizon} years × ${paths} paths, chunks of 10,000`);
    await timedRun(20_000, 1, 1, 1); // warm the worker start-up path once
    const one = await timedRun(members, horizon, paths, 1);
    log(`  1 worker : ${seconds(one.seconds)}, ${formatRate(one.claims / one.seconds)}, ${Math.round(one.memberYears / one.seconds).toLocaleString('en')} member-years/s (${one.claims.toLocaleString('en')} claims)`);
    const cores = availableParallelism();
    const pool = await timedRun(members, horizon, paths, cores);
    log(`  ${cores} workers: ${seconds(pool.seconds)}, ${formatRate(pool.claims / pool.seconds)}, ${Math.round(pool.memberYears / pool.seconds).toLocaleString('en')} member-years/s`);
    log(`  speed-up with ${cores} workers over 1: ${(one.seconds / pool.seconds).toFixed(2)}× (goal ≥ 1.8× on 2 cores); per core: ${formatRate(pool.claims / pool.seconds / cores)} (goal ≥ 5 million)`);
  },
};

export const engineMemoryBench: Bench = {
  name: 'engine-memory',
  async run(log) {
    const full = process.argv.includes('--full');
    const members = 1_000_000;
    const horizon = 10;
    const paths = full ? 20 : 2;
    log(`engine memory: ${members.toLocaleString('en')} members × ${horizon} years × ${paths} paths${full ? '' : ' (memory does not grow with paths; --full runs 20)'}`);
    const run = await timedRun(members, horizon, paths, availableParallelism());
    log(`  ${seconds(run.seconds)}, ${formatRate(run.claims / run.seconds)}; peak RSS ${mib(process.resourceUsage().maxRSS)} (goal ≤ 1024 MiB)`);
  },
};
