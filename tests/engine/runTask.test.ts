import { describe, expect, it } from 'vitest';
import { perRun } from '../../src/engine/runTask.js';

describe("perRun (a worker's state per run)", () => {
  it("builds a run's state on its first task and keeps it for the run's later tasks", () => {
    const built: number[] = [];
    const stateOf = perRun((data: { n: number }) => (built.push(data.n), { n: data.n }));
    const a = stateOf({ run: 1, data: { n: 10 }, task: 'x' });
    // A later task of run 1 carries a fresh copy of the data; the state built first is kept.
    expect(stateOf({ run: 1, data: { n: 10 }, task: 'y' })).toBe(a);
    expect(stateOf({ run: 2, data: { n: 20 }, task: 'x' }).n).toBe(20);
    expect(stateOf({ run: 1, data: { n: 10 }, task: 'z' })).toBe(a); // two runs are kept
    expect(built).toEqual([10, 20]);
  });

  it('keeps two runs: a third drops the oldest, which is rebuilt if it comes back', () => {
    const built: number[] = [];
    const stateOf = perRun((data: number) => (built.push(data), { data }));
    for (const run of [1, 2, 3, 1]) stateOf({ run, data: run * 100, task: null });
    expect(built).toEqual([100, 200, 300, 100]);
  });
});
