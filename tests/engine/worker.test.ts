/**
 * The worker's results: in shared memory, returned as they are and filled again when sent back. A worker
 * that transferred them (Piscina.move) would detach its buffers, after which V8 checks every typed-array access
 * for detachment and every stage of the engine ran ≈ 13% slower (worker.ts).
 */
import { describe, expect, it } from 'vitest';
import { simulateChunk } from '../../src/engine/chunk.js';
import { contextCache } from '../../src/engine/context.js';
import { pathProviders, pathShare, providerSetup } from '../../src/engine/providers.js';
import run from '../../src/engine/worker.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides } from '../../src/scenario/load.js';

const spec = runSpec(withOverrides(loadScenario(defaultScenarioFile()), { paths: 1, horizon: 2, members: 300 }));
const chunk = { index: 0, path: 0, pass: 0, slotFrom: 0, slotTo: 300 };
const task = { chunk, share: pathShare(pathProviders(providerSetup(spec), spec, 0)) };

describe('the pool worker', () => {
  it('returns its result in shared memory, the same sums as a chunk run in this thread', () => {
    const result = run({ run: 1, data: spec, task });
    expect(result).toBeInstanceOf(Float64Array);
    expect(result.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(result)).toEqual(Array.from(simulateChunk(spec, contextCache(spec)(chunk), chunk)));
  });

  it('fills a result sent back to it, in place', () => {
    const first = run({ run: 2, data: spec, task });
    const expected = Array.from(first);
    first.fill(7);
    const again = run({ run: 2, data: spec, task, spare: first });
    expect(again).toBe(first);
    expect(Array.from(again)).toEqual(expected);
  });
});
