/**
 * Running a simulation: plan chunks, run them on the worker pool (or in this thread with `workers: 0`),
 * and merge each chunk's aggregates into the cube in chunk order. Chunks come path by path, so once a
 * path's last chunk is merged its institutions are cleared (providerClearing.ts) and its payment sums
 * dropped: memory holds one path's sums at a time. With supervision on, the path's supervision sums are
 * closed there too (supervision/engine.ts) into the cube's supervision blocks.
 */
import { addInto, BLOCK } from './aggregates.js';
import { chunkLayout, type ChunkLayout } from './chunkLayout.js';
import { contextCache } from './context.js';
import { simulateChunk } from './chunk.js';
import { chunkLabel, planChunks, type Chunk } from './plan.js';
import { abortError, runChunks, workerFile, type ProgressEvent } from './pool.js';
import { clearPath } from './providerClearing.js';
import { pathProviders, providerSetup, type PathProviders, type ProviderSetup } from './providers.js';
import { closePathSupervision } from '../supervision/engine.js';
import { SUPERVISION_BLOCK } from '../supervision/block.js';
import { supervisionOffset } from '../supervision/tables.js';
import { supervisionSumsOffset } from './chunkLayout.js';
import { allocateCube, cubeOffset, type SimulationCube } from './result.js';
import type { RunSpec } from './spec.js';

export interface SimulateOptions {
  /** Worker threads; 0 runs every chunk in this thread (same numbers, no parallelism). */
  workers?: number;
  /** Members per chunk (default: the scenario's engine.chunkMembers). Never changes the numbers. */
  chunkMembers?: number;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
}

export async function simulate(spec: RunSpec, options: SimulateOptions = {}): Promise<SimulationCube> {
  const { scenario, years } = spec;
  const setup = providerSetup(spec); // the scenario's rule, case-group and cash-flow files, checked before any worker starts
  const chunks = planChunks(scenario.paths, scenario.sample.members, options.chunkMembers ?? scenario.engine.chunkMembers);
  const cube = allocateCube(years, scenario.paths, spec.variants.map((v) => v.id), scenario.sample, setup.supervision !== null);
  const merge = pathMerger(spec, setup, cube, chunks);
  if (options.workers === 0) {
    runInline(spec, chunks, merge, options);
  } else {
    await runChunks<Chunk, Float64Array>(workerFile('worker'), chunks, (c) => chunkLabel(c), merge, {
      workers: options.workers,
      signal: options.signal,
      onProgress: options.onProgress,
      workerData: spec,
    });
  }
  return cube;
}

function runInline(spec: RunSpec, chunks: Chunk[], merge: (r: Float64Array, i: number) => void, options: SimulateOptions): void {
  const contextFor = contextCache(spec);
  const started = Date.now();
  chunks.forEach((chunk, i) => {
    if (options.signal?.aborted) throw abortError();
    merge(simulateChunk(spec, contextFor(chunk.path), chunk), i);
    options.onProgress?.({ done: i + 1, total: chunks.length, label: chunkLabel(chunk), elapsedMs: Date.now() - started });
  });
}

/** Merges chunk results in chunk order: aggregate blocks into the cube, the rest into the path's running sums, cleared at its last chunk. */
function pathMerger(spec: RunSpec, setup: ProviderSetup, cube: SimulationCube, chunks: readonly Chunk[]): (result: Float64Array, index: number) => void {
  let path: { providers: PathProviders; layout: ChunkLayout; sums: Float64Array } | null = null;
  return (result, index) => {
    const chunk = chunks[index]!;
    mergeChunk(cube, chunk, result);
    if (!path) {
      const providers = pathProviders(setup, spec, chunk.path);
      const layout = chunkLayout(cube.variants.length, cube.years.length, providers.institutions.length, providers.supervision !== null);
      path = { providers, layout, sums: new Float64Array(layout.length) };
    }
    addInto(path.sums, result);
    if (chunks[index + 1]?.path !== chunk.path) {
      clearPath(cube, setup, path.providers, chunk.path, path.layout, path.sums);
      closeSupervisionPath(spec, setup, cube, chunk.path, path);
      path = null;
    }
  };
}

/** Add a chunk's (variant, year) blocks into its path's blocks of the cube. */
function mergeChunk(cube: SimulationCube, chunk: Chunk, result: Float64Array): void {
  const years = cube.years.length;
  for (let v = 0; v < cube.variants.length; v++) {
    for (let y = 0; y < years; y++) {
      const from = (v * years + y) * BLOCK;
      const at = cubeOffset(cube, v, chunk.path, y);
      addInto(cube.blocks.subarray(at, at + BLOCK), result.subarray(from, from + BLOCK));
    }
  }
}

function closeSupervisionPath(spec: RunSpec, setup: ProviderSetup, cube: SimulationCube, p: number, path: { providers: PathProviders; layout: ChunkLayout; sums: Float64Array }): void {
  const supervision = path.providers.supervision;
  if (!setup.supervision || !supervision || !cube.supervision) return;
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
