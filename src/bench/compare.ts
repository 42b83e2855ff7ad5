/**
 * Comparing this build with another one for speed, in one process:
 *
 *   cp -r dist .dist-old            (before the change; inside the project so node_modules resolves)
 *   npm run build                   (after it)
 *   node --expose-gc dist/bench/compare.js --base=.dist-old [--rounds=60]
 *
 * The machines here change speed by 10–70% for seconds at a time (another tenant on the core), so two
 * processes timed one after the other say little. Here both builds run the same work turn about, round
 * by round, in one process: a slow spell hits both alike and the fastest rounds compare. It prints each
 * engine stage (stages.ts) and a whole simulation on this thread, the base's and this build's best and
 * lower-quartile times, and whether the two builds' results are identical (a speed change must not move
 * any number). An A/A run (a build against a copy of itself) shows the noise left: ≈ 2% on the best.
 */
import { resolve } from 'node:path';
import type { SimulationCube } from '../engine/result.js';
import type { simulate as Simulate } from '../engine/simulate.js';
import type * as Load from '../scenario/load.js';
import type { stages as Stages } from './stages.js';

interface Build {
  stages: typeof Stages;
  simulate: typeof Simulate;
  load: typeof Load;
}

function build(dir: string): Build {
  const from = (module: string) => require(resolve(dir, module)) as Record<string, unknown>;
  return {
    stages: from('bench/stages.js').stages as typeof Stages,
    simulate: from('engine/simulate.js').simulate as typeof Simulate,
    load: from('scenario/load.js') as unknown as typeof Load,
  };
}

/** Which build goes first in round r: they swap every round. */
const turns = (r: number): readonly (0 | 1)[] => (r % 2 ? [0, 1] : [1, 0]);

/** Run each job of both builds in turn, `rounds` times; times in ns or s as the jobs give them. */
async function alternate(rounds: number, jobs: [() => number | Promise<number>, () => number | Promise<number>]): Promise<[number[], number[]]> {
  const times: [number[], number[]] = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const k of turns(r)) times[k].push(await jobs[k]());
  }
  return times;
}

/** Best and lower quartile, leaving out the first rounds (V8 optimises during them). */
function summary(xs: readonly number[], warmUp: number): { best: number; quartile: number } {
  const s = xs.slice(warmUp).sort((p, q) => p - q);
  return { best: s[0]!, quartile: s[s.length >> 2]! };
}

function line(label: string, base: readonly number[], next: readonly number[], warmUp: number, unit: string, digits: number): string {
  const a = summary(base, warmUp);
  const b = summary(next, warmUp);
  const f = (x: number) => x.toFixed(digits);
  return `  ${label.padEnd(18)} base ${f(a.best)} (${f(a.quartile)})  this ${f(b.best)} (${f(b.quartile)}) ${unit}  ${((100 * (b.best - a.best)) / a.best).toFixed(1).padStart(5)}%`;
}

function sameCube(a: SimulationCube, b: SimulationCube): boolean {
  const same = (x?: Float64Array, y?: Float64Array) => x === y || (!!x && !!y && x.length === y.length && x.every((v, i) => Object.is(v, y[i])));
  return same(a.blocks, b.blocks) && same(a.providers, b.providers) && same(a.supervision, b.supervision);
}

function flag(name: string, fallback?: string): string | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}

export async function compareBuilds(baseDir: string, rounds: number, log: (line: string) => void = console.log): Promise<void> {
  const builds = [build(baseDir), build(resolve(__dirname, '..'))] as const;
  log(`comparing ${resolve(baseDir)} (base) with this build, turn about in one process; best (lower quartile), change of the best`);

  // Every round runs every stage, so the rounds of each stage spread over the whole run and its slow spells.
  const stageSets = builds.map((b) => b.stages());
  const names = Object.keys(stageSets[1].run);
  const times = names.map(() => [[], []] as [number[], number[]]);
  for (let r = 0; r < rounds; r++) {
    names.forEach((name, s) => {
      for (const k of turns(r)) {
        const set = stageSets[k]!;
        const start = process.hrtime.bigint();
        set.run[name]!();
        times[s]![k]!.push(Number(process.hrtime.bigint() - start) / set.claims);
      }
    });
  }
  log(`engine stages, ns a claim (${stageSets[1].claims.toLocaleString('en')} claims, ${rounds} rounds):`);
  names.forEach((name, s) => log(line(name, times[s]![0], times[s]![1], 5, 'ns', 1)));

  const members = 100_000;
  const specs = builds.map((b) => b.load.runSpec(b.load.withOverrides(b.load.loadScenario(b.load.defaultScenarioFile()), { members, horizon: 5, paths: 2 })));
  const cubes: SimulationCube[] = [];
  const run = (k: 0 | 1) => async () => {
    const start = process.hrtime.bigint();
    cubes[k] = await builds[k].simulate(specs[k]!, { workers: 0, chunkMembers: 10_000 });
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  const simRounds = Math.max(4, Math.round(rounds / 10));
  const [a, b] = await alternate(simRounds, [run(0), run(1)]);
  log(`a whole simulation on this thread (default scenario, ${members.toLocaleString('en')} members × 5 years × 2 paths, ${simRounds} rounds):`);
  log(line('simulate', a, b, 1, 's', 3));
  log(`  results: ${sameCube(cubes[0]!, cubes[1]!) ? 'identical' : 'DIFFERENT: the change moved numbers'}`);
}

if (require.main === module) {
  const base = flag('base');
  const rounds = Number(flag('rounds', '60'));
  if (!base || !Number.isInteger(rounds) || rounds < 8) {
    console.error('usage: node --expose-gc dist/bench/compare.js --base=DIR [--rounds=N ≥ 8]  (DIR: another build, e.g. .dist-old)');
    process.exitCode = 2;
  } else {
    compareBuilds(base, rounds).catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    });
  }
}
