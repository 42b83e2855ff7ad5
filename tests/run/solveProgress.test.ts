/**
 * A policy lever's sizing reports its progress: every re-simulation's chunks, counted on from the ones before,
 * so done only grows and the total grows with each evaluation (as a supervised run's passes make it grow). Its
 * simulations reported nothing, and the command's progress bar stayed empty through the whole search.
 */
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/engine/pool.js';
import { solveLever } from '../../src/run/solve.js';
import { defaultScenarioFile, loadScenario } from '../../src/scenario/load.js';

describe('solveLever progress', () => {
  it('counts a policy lever\'s re-simulations on from one another', async () => {
    const events: ProgressEvent[] = [];
    // Out of reach (1,000 months covered): the search simulates both ends of the range, then gives up.
    const lever = { kind: 'policy', path: 'resident.inpatient.deductible.tertiary', lo: 600, hi: 3000 } as const;
    const sizing = solveLever(loadScenario(defaultScenarioFile()), lever, { scheme: 'resident', allowedFailure: 0.05, minMonthsCovered: 1000 }, {
      workers: 0,
      paths: 2,
      members: 400,
      horizon: 1,
      chunkMembers: 200,
      onProgress: (e) => events.push(e),
    });
    await expect(sizing).rejects.toThrow(/^no value in \[600, 3000\] meets the target/);
    // Two simulations of 2 paths × 2 chunks each.
    expect(events.map((e) => [e.done, e.total])).toEqual([[1, 4], [2, 4], [3, 4], [4, 4], [5, 8], [6, 8], [7, 8], [8, 8]]);
  });
});
