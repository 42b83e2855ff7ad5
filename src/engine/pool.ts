/**
 * Runs chunk tasks on a Piscina worker pool and hands each result to a consumer in task order
 * (results that finish early wait in a small reorder buffer), so aggregates merge in a fixed order and
 * memory holds only the chunks in flight (a bounded window, see IN_FLIGHT_PER_WORKER).
 * - progress: an event after every finished chunk (for a CLI bar or a notebook);
 * - cancellation: an AbortSignal stops every worker at once (Piscina terminates running threads) and the
 *   run rejects with an AbortError; nothing is returned, so callers never write partial output;
 * - failure: the first chunk that throws fails the whole run with the chunk named, never a hang.
 * Workers run built JavaScript (dist/engine/*.js); from TypeScript sources a .cjs shim registers tsx.
 */
import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';

export interface ProgressEvent {
  done: number;
  total: number;
  /** The chunk that just finished. */
  label: string;
  elapsedMs: number;
}

export interface PoolOptions {
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
  /** Data every worker receives once (e.g. the run specification), as `require('piscina').workerData`. */
  workerData?: unknown;
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

export async function runChunks<T, R>(
  filename: string,
  tasks: readonly T[],
  label: (task: T, index: number) => string,
  consume: (result: R, index: number) => void,
  options: PoolOptions = {},
): Promise<void> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError();
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), tasks.length || 1));
  const pool = new Piscina({ filename, minThreads: workers, maxThreads: workers, idleTimeout: 1000, workerData: options.workerData, resourceLimits: WORKER_LIMITS });
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // every queued task listens to it
  // A worker may answer a task that was just aborted; Piscina reports that stale answer as a pool 'error'
  // event, which would otherwise crash the process. Once the run is stopping it is expected and ignored.
  let poolError: unknown;
  pool.on('error', (err: unknown) => {
    if (stop.signal.aborted) return;
    poolError ??= err;
    stop.abort();
  });
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const started = Date.now();
  const window = workers * IN_FLIGHT_PER_WORKER;
  const waiting = new Map<number, R>();
  let next = 0; // the next result to consume, in task order
  let launched = 0;
  let done = 0;
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
          next += 1;
        }
      };
      const finish = (i: number, result: R) => {
        if (stop.signal.aborted) return;
        done += 1;
        try {
          deliver(i, result);
          onProgress?.({ done, total: tasks.length, label: label(tasks[i]!, i), elapsedMs: Date.now() - started });
        } catch (err) {
          fail(err);
          return;
        }
        launch();
      };
      const failed = (i: number, err: unknown) => {
        if (stop.signal.aborted) return; // another chunk failed first, or the run was cancelled; that error wins
        fail(new ChunkError(label(tasks[i]!, i), err));
      };
      // Tasks start in order, at most `window` ahead of the next result to consume.
      const launch = () => {
        while (launched < tasks.length && launched < next + window) {
          const i = launched++;
          pool.run(tasks[i], { signal: stop.signal }).then((r) => finish(i, r as R), (err) => failed(i, err));
        }
        if (next === tasks.length) resolve();
      };
      stop.signal.addEventListener('abort', () => reject(signal?.aborted ? abortError() : (poolError ?? abortError())), { once: true });
      launch();
    });
  } catch (err) {
    stop.abort();
    if (signal?.aborted) throw abortError();
    throw poolError ?? err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool.destroy();
  }
}
