/**
 * The Piscina worker: simulates chunks. Each task carries its run's specification (runTask.ts) and its path's
 * share of the institution models (providers.ts); a worker compiles a run's policies once and caches them
 * (all paths share the policies when the macro path is deterministic), and stays warm for later runs
 * (pool.ts). A task may bring back a merged result to fill again (RunTask.spare).
 */
import { Piscina } from 'piscina';
import { contextCache } from './context.js';
import { simulateChunk } from './chunk.js';
import type { ChunkTask } from './simulate.js';
import { perRun, type RunTask } from './runTask.js';
import type { RunSpec } from './spec.js';

const runOf = perRun((spec: RunSpec) => ({ spec, contextFor: contextCache(spec) }));

export default function run(t: RunTask<RunSpec, ChunkTask>): unknown {
  const { spec, contextFor } = runOf(t);
  const { chunk, share } = t.task;
  const result = simulateChunk(spec, contextFor(chunk, share), chunk, t.spare instanceof Float64Array ? t.spare : undefined);
  return Piscina.move(result);
}
