import { join } from 'node:path';
import type { TransferListItem } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ChunkError, closeWorkers, runChunks, type ProgressEvent } from '../../src/engine/pool.js';
import type { TestTask } from './fixtures/testWorker.js';

const worker = join(__dirname, 'fixtures', 'testWorker.shim.cjs');
const tasks: TestTask[] = [0, 1, 2, 3, 4, 5].map((k) => ({ from: k * 10, to: k * 10 + 10, sleepMs: (6 - k) * 15 }));
const label = (t: TestTask) => `range ${t.from}-${t.to}`;
// Sum of i*3 for i in [10k, 10k+10): 3 * (100k + 45), computed by hand.
const expected = [0, 1, 2, 3, 4, 5].map((k) => 3 * (100 * k + 45));

describe('worker pool', () => {
  it('returns results in task order whatever the finishing order, with progress events', async () => {
    const events: ProgressEvent[] = [];
    const results: number[] = [];
    const order: number[] = [];
    const consume = (r: number, i: number) => {
      results.push(r);
      order.push(i);
    };
    await runChunks<TestTask, number>(worker, tasks, label, consume, { workers: 2, runData: { factor: 3 }, onProgress: (e) => events.push(e) });
    expect(results).toEqual(expected);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(events.map((e) => e.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.every((e) => e.total === 6)).toBe(true);
  });

  it('keeps only a few chunks ahead of the next one to merge, however slow that one is', async () => {
    // Task 0 is slow; if every task were queued at once, the other worker would finish all 39 while it runs
    // and their results would wait in memory (what happened with 2,000 chunks: 7 GiB).
    const many: TestTask[] = Array.from({ length: 40 }, (_, k) => ({ from: k, to: k + 1, sleepMs: k === 0 ? 400 : 0 }));
    let consumed = 0;
    let mostWaiting = 0;
    const onProgress = (e: ProgressEvent) => (mostWaiting = Math.max(mostWaiting, e.done - consumed));
    await runChunks<TestTask, number>(worker, many, label, () => (consumed += 1), { workers: 2, runData: { factor: 1 }, onProgress });
    expect(consumed).toBe(40);
    expect(mostWaiting).toBeGreaterThan(0); // results did finish out of order
    expect(mostWaiting).toBeLessThanOrEqual(6); // 3 per worker
  });

  it('sends merged results back to be filled again when asked, and never before they are merged', async () => {
    const arrays = tasks.map((t) => ({ ...t, array: true }));
    const run = async (recycle?: (r: Float64Array) => TransferListItem[]) => {
      const sums: number[] = [];
      let reused = 0;
      const consume = (r: Float64Array) => {
        sums.push(r[0]!);
        reused += r[1]!;
      };
      await runChunks<TestTask, Float64Array>(worker, arrays, label, consume, { workers: 1, runData: { factor: 3 }, recycle });
      return { sums, reused };
    };
    // One worker, three tasks ahead: tasks 3, 4 and 5 start after results 0, 1 and 2 are merged.
    const recycled = await run((r) => [r.buffer as ArrayBuffer]);
    expect(recycled.sums).toEqual(expected); // a reused array read after its new task filled it, not before
    expect(recycled.reused).toBe(3);
    expect((await run()).reused).toBe(0);
  });

  it('fails the run naming the chunk that threw', async () => {
    const bad = tasks.map((t, i) => (i === 3 ? { ...t, fail: true } : t));
    const run = runChunks<TestTask, number>(worker, bad, label, () => {}, { workers: 2, runData: { factor: 1 } });
    await expect(run).rejects.toBeInstanceOf(ChunkError);
    await expect(runChunks<TestTask, number>(worker, bad, label, () => {}, { workers: 2, runData: { factor: 1 } })).rejects.toThrow(
      'range 30-40 failed: bad range 30-40',
    );
  });

  it('sends each task as its message makes it, when the task starts', async () => {
    const made: number[] = [];
    const message = (t: TestTask) => (made.push(t.from), { ...t, from: t.from + 1, to: t.to + 1 });
    const results: number[] = [];
    await runChunks<TestTask, number>(worker, tasks, label, (r) => results.push(r), { workers: 2, runData: { factor: 3 }, message });
    // Each range moved up by one: 3 × (10 × (10k + 1) + 45).
    expect(results).toEqual(expected.map((x) => x + 30));
    expect(made).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('fails the run, never hangs, when making a task’s message throws', async () => {
    // Tasks 0–5 start at once (3 a worker), so task 6 is made after a result is merged.
    const seven: TestTask[] = Array.from({ length: 7 }, (_, k) => ({ from: k, to: k + 1 }));
    const message = (t: TestTask) => {
      if (t.from === 6) throw new Error('no share for range 6-7');
      return t;
    };
    await expect(runChunks<TestTask, number>(worker, seven, label, () => {}, { workers: 2, runData: { factor: 1 }, message })).rejects.toThrow('no share for range 6-7');
  });

  it('stops promptly when cancelled and returns nothing', async () => {
    const slow = tasks.map((t) => ({ ...t, sleepMs: 5_000 }));
    const controller = new AbortController();
    const startedAt = Date.now();
    setTimeout(() => controller.abort(), 300);
    await expect(runChunks<TestTask, number>(worker, slow, label, () => {}, { workers: 2, runData: { factor: 1 }, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    // Cancelled well before a single slow chunk (5 s) could finish.
    expect(Date.now() - startedAt).toBeLessThan(4_000);
  });
});

describe('warm workers', () => {
  // Each task sleeps, so both workers take some of the six.
  const asks: TestTask[] = [0, 1, 2, 3, 4, 5].map((k) => ({ from: k, to: k, sleepMs: 40, threadId: true }));
  const threads = async () => {
    const ids: number[] = [];
    await runChunks<TestTask, number>(worker, asks, label, (id) => ids.push(id), { workers: 2, runData: { factor: 1 } });
    return [...new Set(ids)].sort((a, b) => a - b);
  };

  it('a later run uses the same workers, with its own data', async () => {
    await closeWorkers();
    const first = await threads();
    expect(first).toHaveLength(2);
    const results: number[] = [];
    await runChunks<TestTask, number>(worker, tasks, label, (r) => results.push(r), { workers: 2, runData: { factor: 3 } });
    expect(results).toEqual(expected); // factor 3, not the first run's 1
    const ones: number[] = [];
    await runChunks<TestTask, number>(worker, tasks, label, (r) => ones.push(r), { workers: 2, runData: { factor: 1 } });
    expect(ones).toEqual(expected.map((x) => x / 3));
    expect(await threads()).toEqual(first);
  });

  it('a failed or cancelled run retires its workers; closeWorkers stops them all', async () => {
    // Two tasks each, so one thread is idle when the run stops: Piscina terminates only threads running an
    // aborted task, so only retiring the pool replaces the idle one too.
    const before = await threads();
    const bad: TestTask[] = [{ from: 0, to: 10, fail: true }, { from: 10, to: 20, sleepMs: 40 }];
    await expect(runChunks<TestTask, number>(worker, bad, label, () => {}, { workers: 2, runData: { factor: 1 } })).rejects.toBeInstanceOf(ChunkError);
    const afterFailure = await threads();
    expect(afterFailure.some((id) => before.includes(id))).toBe(false);

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const oneSlow: TestTask[] = [{ from: 0, to: 10 }, { from: 10, to: 20, sleepMs: 5_000 }];
    await expect(runChunks<TestTask, number>(worker, oneSlow, label, () => {}, { workers: 2, runData: { factor: 1 }, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const afterCancel = await threads();
    expect(afterCancel.some((id) => afterFailure.includes(id))).toBe(false);

    await closeWorkers();
    expect((await threads()).some((id) => afterCancel.includes(id))).toBe(false);
  });
});
