/**
 * The Piscina worker: receives the run specification once (workerData), then simulates chunks.
 * A path's policies are compiled once and cached (all paths share one entry when the macro path
 * is deterministic).
 */
import { Piscina } from 'piscina';
import { contextCache } from './context.js';
import { simulateChunk } from './chunk.js';
import type { Chunk } from './plan.js';
import type { RunSpec } from './spec.js';

const spec = Piscina.workerData as RunSpec;
const contextFor = contextCache(spec);

export default function run(chunk: Chunk): unknown {
  const result = simulateChunk(spec, contextFor(chunk), chunk);
  return Piscina.move(result);
}
