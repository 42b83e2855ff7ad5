/**
 * A thread keeps a chunk's working columns for its next chunk of the same size (engine/chunk.ts,
 * workspaceFor). Nothing may carry over: a chunk gives the same result after any other chunk, whatever
 * that chunk's scenario, seed or models.
 */
import { describe, expect, it } from 'vitest';
import { simulateChunk } from '../../src/engine/chunk.js';
import { contextCache } from '../../src/engine/context.js';
import type { Chunk } from '../../src/engine/plan.js';
import type { RunSpec } from '../../src/engine/spec.js';
import { defaultScenarioFile, loadScenario, runSpec, withOverrides } from '../../src/scenario/load.js';
import { join } from 'node:path';

const SIZE = { members: 1200, horizon: 3, paths: 1 };
const chunk: Chunk = { index: 0, path: 0, pass: 0, slotFrom: 0, slotTo: 600 };
const run = (spec: RunSpec) => Float64Array.from(simulateChunk(spec, contextCache(spec)({ path: 0, pass: 0 }), chunk));

describe('working columns kept between chunks', () => {
  it('a chunk gives the same numbers after a chunk of another scenario of the same size', () => {
    const plain = runSpec(withOverrides(loadScenario(defaultScenarioFile()), SIZE));
    // Supervision on, another seed: other members, other claims, other account balances at the chunk's end.
    const other = runSpec(withOverrides(loadScenario(join(__dirname, '../../scenarios/supervision.yaml')), { ...SIZE, seed: 99 }));
    expect(other.variants.length).toBe(plain.variants.length); // same size and variants: the columns are reused
    const first = run(plain);
    const between = run(other);
    const again = run(plain);
    expect(between).not.toEqual(first);
    expect(again).toEqual(first);
  });
});
