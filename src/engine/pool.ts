/**
 * Runs chunk tasks on a Piscina worker pool and hands each result to a consumer in task order
 * (results that finish early wait in a small reorder buffer), so aggregates merge in a fixed order and
 * memory holds only the chunks in flight (a bounded window, see IN_FLIGHT_PER_WORKER).
 * - progress: an event after every finished chunk (for a CLI bar or a notebook);
 * - cancellation: an AbortSignal stops every worker at once (Piscina terminates running threads) and the
 *   run rejects with an AbortError; nothing is returned, so callers never write partial output;
 * - failure: the first chunk that throws fails the whole run with the chunk named, never a hang.
 * Workers run built JavaScript (dist/engine/*.js); from TypeScript sources a .cjs shim registers tsx.
 *
 * Warm workers. Starting a worker loads the engine's modules, and its first chunks run before V8 has
 * optimised the hot loops: about half a second per worker, twice that when two start together on two cores
 * (npm run bench). A run therefore leaves its workers running, idle and not keeping the process alive, and
 * the next run with the same worker file and count uses them (a notebook's reruns, the solver's and the
 * sensitivity analysis's many runs). The run's data goes with each task (runTask.ts). A run that fails or
 * is cancelled retires its pool: the next run starts fresh workers. `closeWorkers` stops them all.
 */
import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { TransferListItem } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { RunTask } from './runTask.js';

export interface ProgressEvent {
  done: number;
  total: number;
  /** The chunk that just finished. */
  label: string;
  elapsedMs: number;
}

export interface PoolOptions<R = unknown, T = unknown> {
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
  /** Data every task of the run shares (e.g. the run specification): the worker's task is a RunTask (runTask.ts). */
  runData?: unknown;
  /**
   * Send consumed results back to the workers to be filled again (RunTask.spare), with what to transfer
   * (e.g. a typed array's buffer; nothing for shared memory). Only for consumers that keep nothing of a result
   * after `consume`.
   */
  recycle?: (result: R) => TransferListItem[];
  /** What the worker receives as a task's `task` (default: the task itself); made when the task starts. */
  message?: (task: T) => unknown;
}

export class ChunkError extends Error {
  readonly label: string;
  constructor(label: string, cause: unknown) {
    super(`${label} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ChunkError';
    this.label = label;
  }
}

/** The worker entry for a module in src/engine: its built .js beside us, or the tsx shim from sources. */
export function workerFile(name: string): string {
  const built = join(__dirname, `${name}.js`);
  if (existsSync(built) && __filename.endsWith('.js')) return built;
  return join(__dirname, `${name}.shim.cjs`);
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export function abortError(): Error {
  const err = new Error('the run was cancelled');
  err.name = 'AbortError';
  return err;
}

/**
 * A chunk allocates many short-lived typed arrays; a young generation larger than V8's default (16 MiB
 * semi-spaces) lets most die before a scavenge, ≈15% faster per chunk here (npm run bench).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 192 };

/**
 * Piscina does not start queued tasks in submission order, so submitting every chunk at once let results
 * pile up in the reorder buffer (7 GiB for 1 million members × 20 paths). Tasks are therefore started in
 * order and at most this many per worker ahead of the next result to merge: memory stays a few chunks deep.
 */
const IN_FLIGHT_PER_WORKER = 3;

/** A pool kept warm between runs, with the runs using it now. */
interface WarmPool {
  key: string;
  piscina: Piscina;
  active: number;
  /** The 'error' handlers of the runs using it; a stale answer after every run ended goes nowhere. */
  onError: Set<(err: unknown) => void>;
}

/** Pools by worker file and count; at most MAX_WARM_POOLS (the oldest idle one is retired). */
const warm = new Map<string, WarmPool>();
const MAX_WARM_POOLS = 2;
let runsStarted = 0;

function acquirePool(filename: string, workers: number): WarmPool {
  const key = `${workers} ${filename}`;
  let p = warm.get(key);
  if (!p) {
    // Stopping an idle pool has nothing to report to this run, whatever happens.
    for (const old of warm.values()) if (warm.size >= MAX_WARM_POOLS && old.active === 0) retire(old).catch(() => undefined);
    const piscina = new Piscina({ filename, minThreads: workers, maxThreads: workers, resourceLimits: WORKER_LIMITS });
    const pool: WarmPool = { key, piscina, active: 0, onError: new Set() };
    piscina.on('error', (err: unknown) => pool.onError.forEach((handle) => handle(err)));
    warm.set(key, (p = pool));
  }
  p.active += 1;
  return p;
}

/** Retired pools are no longer in `warm`: no new run takes them. */
const isWarm = (p: WarmPool) => warm.get(p.key) === p;

/** No new runs on this pool; its workers stop once no run uses them. */
async function retire(p: WarmPool): Promise<void> {
  if (isWarm(p)) warm.delete(p.key);
  if (p.active === 0) await p.piscina.destroy();
}

async function releasePool(p: WarmPool, failed: boolean): Promise<void> {
  p.active -= 1;
  if (failed || !isWarm(p)) await retire(p);
}

/** Stop every warm worker (they do not keep the process alive; this frees their memory now). */
export async function closeWorkers(): Promise<void> {
  await Promise.all([...warm.values()].map(retire));
}

export async function runChunks<T, R>(
  filename: string,
  tasks: readonly T[],
  label: (task: T, index: number) => string,
  consume: (result: R, index: number) => void,
  options: PoolOptions<R, T> = {},
): Promise<void> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError();
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), tasks.length || 1));
  const warmPool = acquirePool(filename, workers);
  const pool = warmPool.piscina;
  const run = ++runsStarted;
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // every queued task listens to it
  // A worker may answer a task that was just aborted; Piscina reports that stale answer as a pool 'error'
  // event. Once the run is stopping it is expected and ignored.
  let poolError: unknown;
  const onPoolError = (err: unknown) => {
    if (stop.signal.aborted) return;
    poolError ??= err;
    stop.abort();
  };
  warmPool.onError.add(onPoolError);
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const started = Date.now();
  const window = workers * IN_FLIGHT_PER_WORKER;
  const waiting = new Map<number, R>();
  const spares: R[] = [];
  let next = 0; // the next result to consume, in task order
  let launched = 0;
  let done = 0;
  let completed = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (err: unknown) => {
        reject(err); // before aborting, so this error wins over the abort listener's
        stop.abort();
      };
      const deliver = (index: number, result: R) => {
        waiting.set(index, result);
        while (waiting.has(next)) {
          const r = waiting.get(next) as R;
          waiting.delete(next);
          consume(r, next);
          if (options.recycle) spares.push(r);
          next += 1;
        }
      };
      const finish = (i: number, result: R) => {
        if (stop.signal.aborted) return;
        done += 1;
        try {
          deliver(i, result);
          onProgress?.({ done, total: tasks.length, label: label(tasks[i]!, i), elapsedMs: Date.now() - started });
          launch(); // a task's message is made here (options.message): its failure fails the run too
        } catch (err) {
          fail(err);
        }
      };
      const failed = (i: number, err: unknown) => {
        if (stop.signal.aborted) return; // another chunk failed first, or the run was cancelled; that error wins
        fail(new ChunkError(label(tasks[i]!, i), err));
      };
      // Tasks start in order, at most `window` ahead of the next result to consume.
      const launch = () => {
        while (launched < tasks.length && launched < next + window) {
          const i = launched++;
          const spare = spares.pop();
          const message: RunTask<unknown, unknown> = { run, data: options.runData, task: options.message ? options.message(tasks[i]!) : tasks[i]!, spare };
          const transferList = spare === undefined ? undefined : options.recycle?.(spare);
          pool.run(message, { signal: stop.signal, transferList }).then((r) => finish(i, r as R), (err) => failed(i, err));
        }
        if (next === tasks.length) resolve();
      };
      stop.signal.addEventListener('abort', () => reject(signal?.aborted ? abortError() : (poolError ?? abortError())), { once: true });
      launch();
    });
    completed = true;
  } catch (err) {
    stop.abort();
    if (signal?.aborted) throw abortError();
    throw poolError ?? err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    warmPool.onError.delete(onPoolError);
    await releasePool(warmPool, !completed);
  }
}
