/**
 * What a pool worker receives for one task: the task, and the data its run shares (the run specification).
 * Workers outlive runs (pool.ts keeps them warm), so the run's data travels with every task (a few tens of
 * kB) instead of once at start-up, and a worker builds its per-run state from the first task of a run.
 * Worker side only: no Piscina here.
 */
import { recent } from './recent.js';
export interface RunTask<D, T> {
  /** Distinct for every run of the process. */
  run: number;
  data: D;
  task: T;
  /**
   * A result of this run already merged, sent back to be filled again (pool.ts `recycle`): reusing it
   * spares both threads a new allocation per task, whose external memory drives V8 to collect garbage
   * (on the main thread a full collection of a heap holding every loaded module).
   */
  spare?: unknown;
}

/** Runs whose state a worker keeps: two, so runs sharing a pool at the same time do not rebuild at each task. */
const KEPT_RUNS = 2;

/** A worker's per-run state, built from the run's data on its first task and kept for the run's later tasks. */
export function perRun<D, S>(make: (data: D) => S): (t: RunTask<D, unknown>) => S {
  return recent((t: RunTask<D, unknown>) => make(t.data), (t) => t.run, KEPT_RUNS);
}
