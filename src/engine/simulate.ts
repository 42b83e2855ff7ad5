/**
 * Running a simulation: plan chunks, run them on the worker pool (or in this thread with `workers: 0`),
 * and merge each chunk's aggregates in chunk order. Chunks come path by path, so once a path's last chunk
 * is merged its institutions are cleared (providerClearing.ts) and its sums written to the cube: memory
 * holds one path's sums at a time. With supervision on, the path's supervision sums are closed there too
 * (supervision/engine.ts) into the cube's supervision blocks. A path's institutions are built here once, when
 * its first chunk starts; its chunks carry their share of them to the workers (providers.ts pathShare).
 *
 * Passes. The supervision plan inspects each year the hospitals the fund paid most the year before, which
 * only a run of the path shows. A path's first pass ranks on size; if the run's own payments rank other
 * hospitals first in some year (supervision/plan.ts firstMisranked), its results are dropped and the path
 * runs again from those payments, until plan and run agree (each pass fixes at least one more year). The
 * numbers are those of a year-by-year run, and do not depend on the workers, the chunks or the passes.
 */
import { InputError, type Problem } from '../input/inputError.js';
import { addInto, BLOCK } from './aggregates.js';
import { chunkLayout, type ChunkLayout } from './chunkLayout.js';
import { contextCache } from './context.js';
import { simulateChunk } from './chunk.js';
import { chunkLabel, pathRunId, planChunks, type Chunk, type PathRun } from './plan.js';
import { abortError, runChunks, workerFile, type ProgressEvent } from './pool.js';
import { clearPath } from './providerClearing.js';
import { PROVIDER_BLOCK } from './providerBlock.js';
import { pathProviders, pathShare, providerSetup, type PathProviders, type PathShare, type ProviderSetup } from './providers.js';
import { closePathSupervision } from '../supervision/engine.js';
import { firstMisranked, lastYearPaidFrom } from '../supervision/plan.js';
import { SUPERVISION_BLOCK } from '../supervision/block.js';
import { supervisionOffset } from '../supervision/tables.js';
import { supervisionSumsOffset } from './chunkLayout.js';
import { allocateCube, cubeOffset, providerOffset, type SimulationCube } from './result.js';
import type { RunSpec } from './spec.js';

export interface SimulateOptions {
  /** Worker threads; 0 runs every chunk in this thread (same numbers, no parallelism). */
  workers?: number;
  /** Members per chunk (default: the scenario's engine.chunkMembers). Never changes the numbers. */
  chunkMembers?: number;
  signal?: AbortSignal;
  /** After every chunk; a later pass adds its chunks to `total`. */
  onProgress?: (e: ProgressEvent) => void;
}

/** What a worker receives for a chunk: the chunk and its path's share of the institution models. */
export interface ChunkTask {
  chunk: Chunk;
  share: PathShare;
}

/** The providers of the path runs in flight, each built once, when first asked for (a chunk starts or merges). */
function pathRunProviders(spec: RunSpec, setup: ProviderSetup) {
  const open = new Map<string, PathProviders>();
  return {
    of(run: PathRun): PathProviders {
      let p = open.get(pathRunId(run));
      if (!p) open.set(pathRunId(run), (p = pathProviders(setup, spec, run.path, run.lastYearPaid)));
      return p;
    },
    close: (run: PathRun) => open.delete(pathRunId(run)),
  };
}
type PathRunProviders = ReturnType<typeof pathRunProviders>;

/** How a run is carried out, which never changes its numbers. */
export type ExecutionOptions = Pick<SimulateOptions, 'workers' | 'chunkMembers'>;

/**
 * Worker and chunk counts a caller gave (a notebook's options, the command line's --workers and --chunk,
 * named by `name`): whole numbers, or the pool would never start its work.
 */
export function executionProblems(o: { [F in keyof ExecutionOptions]?: unknown }, file = 'run options', name: (field: keyof ExecutionOptions) => string = (f) => f): Problem[] {
  const whole = (field: keyof ExecutionOptions, min: number): Problem[] => {
    const v = o[field];
    return v === undefined || (Number.isInteger(v) && (v as number) >= min) ? [] : [{ file, path: [name(field)], value: v, message: `must be a whole number of at least ${min}` }];
  };
  return [...whole('workers', 0), ...whole('chunkMembers', 1)];
}

export async function simulate(spec: RunSpec, options: SimulateOptions = {}): Promise<SimulationCube> {
  const problems = executionProblems(options);
  if (problems.length > 0) throw new InputError(problems);
  const { scenario, years } = spec;
  const setup = providerSetup(spec); // the scenario's rule, case-group and cash-flow files, checked before any worker starts
  const chunkMembers = options.chunkMembers ?? scenario.engine.chunkMembers;
  const cube = allocateCube(years, scenario.paths, spec.variants.map((v) => v.id), scenario.sample, setup.supervision !== null);
  const progress = passProgress(options.onProgress);
  const providers = pathRunProviders(spec, setup);
  let runs: PathRun[] = Array.from({ length: scenario.paths }, (_, path) => ({ path, pass: 0 }));
  while (runs.length > 0) {
    const chunks = planChunks(runs, scenario.sample.members, chunkMembers);
    const again: PathRun[] = [];
    const merge = pathMerger(spec, setup, providers, cube, chunks, (run) => again.push(run));
    const onProgress = progress(chunks.length);
    if (options.workers === 0) {
      await runInline(spec, providers, chunks, merge, options.signal, onProgress);
    } else {
      await runChunks<Chunk, Float64Array>(workerFile('worker'), chunks, (c) => chunkLabel(c), merge, {
        workers: options.workers,
        signal: options.signal,
        onProgress,
        runData: spec,
        recycle: () => [], // the merger keeps nothing of a result after adding it in; results are shared memory (worker.ts), nothing to transfer
        message: (chunk): ChunkTask => ({ chunk, share: pathShare(providers.of(chunk)) }),
      });
    }
    runs = again;
  }
  return cube;
}

/** Progress over every pass: each pass's events counted on from the chunks before it. */
function passProgress(onProgress: ((e: ProgressEvent) => void) | undefined): (chunks: number) => ((e: ProgressEvent) => void) | undefined {
  let before = 0;
  const started = Date.now();
  return (chunks) => {
    if (!onProgress) return undefined;
    const done = before;
    before += chunks;
    const total = before;
    return (e) => onProgress({ ...e, done: done + e.done, total, elapsedMs: Date.now() - started });
  };
}

/**
 * The chunks in this thread, in order. Between chunks it lets the event loop run, so that a cancellation
 * (a timer, Ctrl-C, a notebook's interrupt) can reach the signal: without it the abort was seen only after
 * the last chunk.
 */
async function runInline(
  spec: RunSpec,
  providers: PathRunProviders,
  chunks: Chunk[],
  merge: (r: Float64Array, i: number) => void,
  signal?: AbortSignal,
  onProgress?: (e: ProgressEvent) => void,
): Promise<void> {
  const contextFor = contextCache(spec);
  const started = Date.now();
  let spare: Float64Array | undefined; // the last result, merged: filled again by the next chunk, as workers do
  for (let i = 0; i < chunks.length; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw abortError();
    const chunk = chunks[i]!;
    spare = simulateChunk(spec, contextFor(chunk, pathShare(providers.of(chunk))), chunk, spare);
    merge(spare, i);
    onProgress?.({ done: i + 1, total: chunks.length, label: chunkLabel(chunk), elapsedMs: Date.now() - started });
  }
}

interface OpenPath {
  providers: PathProviders;
  layout: ChunkLayout;
  sums: Float64Array;
}

/**
 * Merges chunk results in chunk order into the path's running sums; at its last chunk the path is
 * cleared, and then either written to the cube or, when its plan ranked the wrong top spenders, handed to
 * `again` for another pass.
 */
function pathMerger(
  spec: RunSpec,
  setup: ProviderSetup,
  runProviders: PathRunProviders,
  cube: SimulationCube,
  chunks: readonly Chunk[],
  again: (run: PathRun) => void,
): (result: Float64Array, index: number) => void {
  let path: OpenPath | null = null;
  return (result, index) => {
    const chunk = chunks[index]!;
    if (!path) {
      const providers = runProviders.of(chunk);
      const layout = chunkLayout(cube.variants.length, cube.years.length, providers.institutions.length, providers.supervision !== null);
      path = { providers, layout, sums: new Float64Array(layout.length) };
    }
    addInto(path.sums, result);
    if (chunks[index + 1]?.path !== chunk.path) {
      const paid = clearPath(cube, setup, path.providers, chunk.path, path.layout, path.sums);
      const retry = nextPass(setup, path.providers, chunk, paid);
      if (retry) {
        for (let v = 0; v < cube.variants.length; v++) {
          const at = providerOffset(cube, v, chunk.path, 0); // a path's years are adjacent
          cube.providers.fill(0, at, at + cube.years.length * PROVIDER_BLOCK);
        }
        again(retry);
      } else {
        mergePath(cube, chunk.path, path.sums);
        closeSupervisionPath(spec, setup, cube, chunk, path);
      }
      runProviders.close(chunk);
      path = null;
    }
  };
}

/** Another pass of the path when its plan's top spenders are not the ones its run paid most; null when they are. */
function nextPass(setup: ProviderSetup, providers: PathProviders, run: PathRun, paid: Float64Array[]): PathRun | null {
  const supervision = providers.supervision;
  if (!setup.supervision || !supervision) return null;
  if (firstMisranked(setup.supervision.compiled, supervision.plan, providers.institutions, providers.pools, paid) < 0) return null;
  // Each pass fixes at least one more year, so this cannot happen unless that reasoning is broken.
  if (run.pass + 1 >= paid.length) throw new Error(`path ${run.path}: the top spenders did not settle after ${run.pass + 1} passes`);
  return { path: run.path, pass: run.pass + 1, lastYearPaid: lastYearPaidFrom(paid) };
}

/** Add the path's (variant, year) blocks from its summed chunk results into the cube. */
function mergePath(cube: SimulationCube, p: number, sums: Float64Array): void {
  const years = cube.years.length;
  for (let v = 0; v < cube.variants.length; v++) {
    for (let y = 0; y < years; y++) {
      const from = (v * years + y) * BLOCK;
      const at = cubeOffset(cube, v, p, y);
      addInto(cube.blocks.subarray(at, at + BLOCK), sums.subarray(from, from + BLOCK));
    }
  }
}

function closeSupervisionPath(spec: RunSpec, setup: ProviderSetup, cube: SimulationCube, run: PathRun, path: OpenPath): void {
  const supervision = path.providers.supervision;
  if (!setup.supervision || !supervision || !cube.supervision || !cube.topSpenders || !cube.passes) return;
  const p = run.path;
  cube.topSpenders[p] = supervision.plan.topSpenders;
  cube.passes[p] = run.pass + 1;
  const { layout, sums } = path;
  const all = cube.supervision;
  closePathSupervision(
    setup.supervision,
    supervision,
    spec.keys,
    p,
    path.providers.institutions,
    cube.variants.length,
    (v, y) => sums.subarray(supervisionSumsOffset(layout, v, y), supervisionSumsOffset(layout, v, y) + layout.supervisionLength),
    (v, y) => all.subarray(supervisionOffset(cube, v, p, y), supervisionOffset(cube, v, p, y) + SUPERVISION_BLOCK),
  );
}
