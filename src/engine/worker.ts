/**
 * The Piscina worker: simulates chunks. Each task carries its run's specification (runTask.ts) and its path's
 * share of the institution models (providers.ts); a worker compiles a run's policies once and caches them
 * (all paths share the policies when the macro path is deterministic), and stays warm for later runs
 * (pool.ts). A task may bring back a merged result to fill again (RunTask.spare).
 *
 * Results live in shared memory (a SharedArrayBuffer): the main thread reads them where the worker wrote them
 * and hands them back to be filled again, so nothing is copied and nothing is transferred. Transferring would
 * detach the worker's buffer, and once any ArrayBuffer of a thread has been detached, V8 checks for detachment
 * at every typed-array access of its optimised code: every stage of the engine ran ≈ 13% slower in a worker
 * that had transferred its results (a run on the main thread slows as much after detaching a single buffer).
 */
import { contextCache } from './context.js';
import { simulateChunk } from './chunk.js';
import type { ChunkTask } from './simulate.js';
import { perRun, type RunTask } from './runTask.js';
import type { RunSpec } from './spec.js';

const runOf = perRun((spec: RunSpec) => ({ spec, contextFor: contextCache(spec) }));

const shared = (n: number) => new Float64Array(new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT));

export default function run(t: RunTask<RunSpec, ChunkTask>): Float64Array {
  const { spec, contextFor } = runOf(t);
  const { chunk, share } = t.task;
  return simulateChunk(spec, contextFor(chunk, share), chunk, t.spare instanceof Float64Array ? t.spare : undefined, shared);
}
