/**
 * End to end through the engine (generation, settlement of every claim, aggregation, merging): claims/s and
 * member-years/s with one worker and with the pool, the speed-up, and peak memory. Workers stay warm between
 * runs (engine/pool.ts), so the rounds measure warm workers, and a first run with new workers is timed
 * apart. Peak RSS covers every worker thread (they share the process). Memory does not grow with paths or
 * members beyond one chunk per worker (a bounded window, see engine/pool.ts) and the aggregate cube, so
 * `engine-memory` runs the 1 million members × 10 years × 20 paths case only with `--full` (about paths×
 * longer) and otherwise the same members and years on 2 paths. `default-scenario` runs the shipped default
 * scenario as a user runs it (its members, years, paths and chunk size, the pool): many paths of few chunks,
 * where per-path work and the main thread's clearing count more than in the one above.
 */
import { availableParallelism } from 'node:os';
import { claimSum } from '../analysis/claimSums.js';
import { blockOf, type SimulationCube } from '../engine/result.js';
import { closeWorkers } from '../engine/pool.js';
import { simulate } from '../engine/simulate.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides, type RunOverrides } from '../scenario/load.js';
import { formatRate, median, seconds, type Bench } from './bench.js';

function claimCount(cube: SimulationCube): number {
  let n = 0;
  for (let p = 0; p < cube.paths; p++) for (let y = 0; y < cube.years.length; y++) n += claimSum(blockOf(cube, 0, p, y), 'count');
  return n;
}

/** One run of the default scenario with `overrides`, on `workers`, in chunks of `chunkMembers` (absent: the scenario's own). */
async function timedRun(overrides: RunOverrides, workers: number, chunkMembers?: number) {
  const spec = runSpec(withOverrides(loadScenario(defaultScenarioFile()), overrides));
  const start = process.hrtime.bigint();
  const cube = await simulate(spec, { workers, chunkMembers });
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  const { sample, paths } = spec.scenario;
  return { seconds: s, claims: claimCount(cube), memberYears: sample.members * spec.years.length * paths };
}

/** Members per chunk of the engine benches (the default-scenario bench uses the scenario's own). */
const CHUNK = 10_000;

const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

/** `--rounds=N` (default 3): how many times each end-to-end configuration runs. */
function rounds(): number {
  const flag = process.argv.find((a) => a.startsWith('--rounds='));
  const n = flag ? Number(flag.slice('--rounds='.length)) : 3;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--rounds must be a positive integer, got ${flag}`);
  return n;
}

const range = (xs: readonly number[]) => `${seconds(Math.min(...xs))}–${seconds(Math.max(...xs))}`;

export const engineBench: Bench = {
  name: 'engine',
  async run(log) {
    const members = 200_000;
    const horizon = 5;
    const paths = 2;
    const n = rounds();
    const cores = availableParallelism();
    log(`engine end to end: default scenario, ${members.toLocaleString('en')} members × ${horizon} years × ${paths} paths, chunks of ${CHUNK.toLocaleString('en')}; median of ${n} rounds, 1 worker and ${cores} taking turns (the machine's speed drifts), workers warm from the run before`);
    await closeWorkers();
    const size = { members, horizon, paths };
    const cold = [await timedRun(size, 1, CHUNK), await timedRun(size, cores, CHUNK)].map((r) => r.seconds);
    const one: number[] = [];
    const pool: number[] = [];
    let claims = 0;
    let memberYears = 0;
    for (let r = 0; r < n; r++) {
      const a = await timedRun(size, 1, CHUNK);
      const b = await timedRun(size, cores, CHUNK);
      one.push(a.seconds);
      pool.push(b.seconds);
      claims = a.claims;
      memberYears = a.memberYears;
    }
    const t1 = median(one);
    const tp = median(pool);
    log(`  1 worker : ${seconds(t1)} (${range(one)}), ${formatRate(claims / t1)}, ${Math.round(memberYears / t1).toLocaleString('en')} member-years/s (${claims.toLocaleString('en')} claims)`);
    log(`  ${cores} workers: ${seconds(tp)} (${range(pool)}), ${formatRate(claims / tp)}, ${Math.round(memberYears / tp).toLocaleString('en')} member-years/s`);
    const ratios = one.map((x, i) => x / pool[i]!);
    log(`  speed-up with ${cores} workers over 1: ${(t1 / tp).toFixed(2)}× of the medians, ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}× round by round (goal ≥ 1.8× on 2 cores); per core: ${formatRate(claims / tp / cores)} (goal ≥ 5 million)`);
    log(`  a first run, starting its workers (module loading, V8 optimising the hot loops): 1 worker ${seconds(cold[0]!)}, ${cores} workers ${seconds(cold[1]!)} (speed-up ${(cold[0]! / cold[1]!).toFixed(2)}×)`);
    await closeWorkers();
  },
};

export const defaultScenarioBench: Bench = {
  name: 'default-scenario',
  async run(log) {
    const n = rounds();
    const workers = availableParallelism();
    await closeWorkers();
    const first = await timedRun({}, workers);
    const warm: number[] = [];
    for (let r = 0; r < n; r++) warm.push((await timedRun({}, workers)).seconds);
    const t = median(warm);
    log(`default scenario as shipped (scenarios/default.yaml: its members, years, paths and chunks), ${workers} workers: ${first.claims.toLocaleString('en')} claims, ${first.memberYears.toLocaleString('en')} member-years`);
    log(`  warm: ${seconds(t)} (${range(warm)}, median of ${n}), ${formatRate(first.claims / t)}; a first run, starting its workers: ${seconds(first.seconds)}`);
    await closeWorkers();
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
    const run = await timedRun({ members, horizon, paths }, availableParallelism(), CHUNK);
    await closeWorkers();
    log(`  ${seconds(run.seconds)}, ${formatRate(run.claims / run.seconds)}; peak RSS ${mib(process.resourceUsage().maxRSS)} (goal ≤ 1024 MiB)`);
  },
};
